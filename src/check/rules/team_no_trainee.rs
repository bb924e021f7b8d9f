//! No trainee auditors on TB audits.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::TeamRole;

pub static RULE: Rule = Rule {
    id: "team-no-trainee",
    severity: Severity::Error,
    summary: "no trainee auditors on the team",
    docs: "TB-GZ-036 5.4.6.2 注 does not allow trainee auditors (实习审核员) on its audits. \
           HZL allows them, never counted in audit time and never raising nonconformities, so \
           this rule is absent from the trade-secret scheme.",
    example: "team:\n  - { person: he-peng, role: trainee }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for m in a.team.iter().filter(|m| m.role.value == TeamRole::Trainee) {
            out.push(Finding::new(
                m.role.pos,
                format!(
                    "{} is a trainee on audit {}; this scheme does not allow trainee auditors",
                    m.person.value, a.id.value
                ),
            ));
        }
    }
}
