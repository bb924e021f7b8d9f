//! Technical experts and trainees support the team; they do not lead, raise or verify NCs.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::{Audit, TeamRole};

pub static RULE: Rule = Rule {
    id: "expert-role",
    severity: Severity::Error,
    summary: "technical experts and trainees never lead, raise or verify nonconformities",
    docs: "A nonconformity's `auditor` and its verifier must not be a technical expert or a \
           trainee of that audit (by team role, or by the register when they are on no team), \
           and a person registered only as an expert or trainee never leads an audit.",
    example: "nonconformities:\n  - id: NC01\n    auditor: wang-expert   # a technical expert",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn support_role(ctx: &Ctx, audit: &Audit, person: &str) -> Option<&'static str> {
    if let Some(m) = audit.team.iter().find(|m| *m.person == person) {
        return match m.role.value {
            TeamRole::TechnicalExpert => Some("a technical expert"),
            TeamRole::Trainee => Some("a trainee"),
            _ => None,
        };
    }
    let staff = ctx.body?.staff(person)?;
    let auditor = staff.has_role(StaffRole::Auditor) || staff.has_role(StaffRole::LeadAuditor);
    if auditor {
        None
    } else if staff.has_role(StaffRole::TechnicalExpert) {
        Some("a technical expert")
    } else if staff.has_role(StaffRole::Trainee) {
        Some("a trainee")
    } else {
        None
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for m in a.team.iter().filter(|m| m.role.value == TeamRole::Leader) {
            let staff = ctx.body.and_then(|b| b.staff(&m.person));
            if let Some(s) = staff {
                let auditor = s.has_role(StaffRole::Auditor) || s.has_role(StaffRole::LeadAuditor);
                if !auditor
                    && (s.has_role(StaffRole::TechnicalExpert) || s.has_role(StaffRole::Trainee))
                {
                    out.push(Finding::new(
                        m.person.pos,
                        format!(
                            "{} is not an auditor and cannot lead audit {}",
                            m.person.value, a.id.value
                        ),
                    ));
                }
            }
        }
        for nc in &a.nonconformities {
            if let Some(role) = support_role(ctx, a, &nc.auditor) {
                out.push(Finding::new(
                    nc.auditor.pos,
                    format!(
                        "nonconformity {} is raised by {}, {role} of audit {}; only the leader or an auditor may raise it",
                        nc.id.value, nc.auditor.value, a.id.value
                    ),
                ));
            }
            if let Some(v) = &nc.verification
                && let Some(role) = support_role(ctx, a, &v.by)
            {
                out.push(Finding::new(
                    v.by.pos,
                    format!(
                        "nonconformity {} is verified by {}, {role}; only a leader or an auditor may verify it",
                        nc.id.value, v.by.value
                    ),
                ));
            }
        }
    }
}
