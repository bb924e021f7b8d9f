//! One qualified leader per audit.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::TeamRole;

pub static RULE: Rule = Rule {
    id: "team-leader",
    severity: Severity::Error,
    summary: "exactly one leader per audit, holding the `lead-auditor` role",
    docs: "Each audit team has one leader (`role: leader`), and the body's register gives that \
           person the `lead-auditor` role.",
    example: "team:\n  - { person: li-si, role: leader }   # li-si is not a lead auditor",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let leaders: Vec<_> = a
            .team
            .iter()
            .filter(|m| m.role.value == TeamRole::Leader)
            .collect();
        match leaders.as_slice() {
            [] => {
                if let Some(first) = a.team.first() {
                    out.push(Finding::new(
                        first.pos,
                        format!("audit {} has no team leader (`role: leader`)", a.id.value),
                    ));
                }
            }
            [one] => {
                let qualified = ctx
                    .body
                    .and_then(|b| b.staff(&one.person))
                    .map(|s| s.has_role(StaffRole::LeadAuditor));
                if qualified == Some(false) {
                    out.push(Finding::new(
                        one.person.pos,
                        format!(
                            "{} leads audit {} but does not hold the `lead-auditor` role in the body's register",
                            one.person.value, a.id.value
                        ),
                    ));
                }
            }
            [first, rest @ ..] => {
                for m in rest {
                    out.push(
                        Finding::new(
                            m.role.pos,
                            format!(
                                "audit {} has a second leader, {}; {} already leads it",
                                a.id.value, m.person.value, first.person.value
                            ),
                        )
                        .related(first.pos, "first leader"),
                    );
                }
            }
        }
    }
}
