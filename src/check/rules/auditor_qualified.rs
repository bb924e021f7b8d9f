//! Leaders and auditors are registered for the scheme; technical experts have their
//! specialty code, employer and title on record (TB-GZ-036 4.1, 5.4.7 2)⑤;
//! HZL-MSRG-005 3.1, 4.2.3.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::TeamRole;

pub static RULE: Rule = Rule {
    id: "auditor-qualified",
    severity: Severity::Error,
    summary: "leaders and auditors hold a registration for the scheme; experts have specialty code, employer and title",
    docs: "For every team member, the body's staff register is read: a leader or auditor needs \
           the role `auditor` or `lead-auditor`, a `registration` number and the case's scheme among `schemes`; a technical expert \
           needs `specialty_codes`, `employer` and `title` (printed on the audit plan).",
    example: "staff:\n  - { id: li-si, roles: [auditor], schemes: [confidentiality] }   # case scheme: pii-public-cloud",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    let scheme = ctx.case.scheme.as_str();
    for audit in &ctx.case.audits {
        for m in &audit.team {
            let Some(staff) = body.staff(&m.person) else {
                continue; // unknown-reference reports it
            };
            let mut missing: Vec<&str> = Vec::new();
            match m.role.value {
                TeamRole::Leader | TeamRole::Auditor => {
                    // A registration alone (a decision maker's) does not make an auditor.
                    if !staff.has_role(StaffRole::Auditor)
                        && !staff.has_role(StaffRole::LeadAuditor)
                    {
                        missing.push("the role `auditor` (or `lead-auditor`) in `roles`");
                    }
                    if staff
                        .registration
                        .as_ref()
                        .is_none_or(|r| r.trim().is_empty())
                    {
                        missing.push("a registration number (`registration`)");
                    }
                    if !staff.schemes.iter().any(|s| s.value == scheme) {
                        missing.push("the scheme among `schemes`");
                    }
                }
                TeamRole::TechnicalExpert => {
                    if staff.specialty_codes.is_empty() {
                        missing.push("`specialty_codes`");
                    }
                    if staff.employer.is_none() {
                        missing.push("`employer`");
                    }
                    if staff.title.is_none() {
                        missing.push("`title`");
                    }
                }
                TeamRole::Trainee => {}
            }
            if !missing.is_empty() {
                out.push(Finding::new(
                    m.person.pos,
                    format!(
                        "{} ({}) is on audit {} but the staff register lacks {} for scheme {scheme}",
                        staff.name.value,
                        m.person.value,
                        audit.id.value,
                        missing.join(" and ")
                    ),
                ));
            }
        }
    }
}
