//! A nonconformity is raised by a member of the audit team.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "nc-raised-by-auditor",
    severity: Severity::Error,
    summary: "raised by a leader or auditor of that audit's team",
    docs: "The `auditor` of a nonconformity is on the team of the audit that raised it, as its \
           leader or an auditor.",
    example: "audits:\n  - id: S2\n    team: [{ person: zhang-san, role: leader }]\n    nonconformities:\n      - { id: NC01, auditor: li-si, … }   # not on S2's team",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for nc in &a.nonconformities {
            let member = a.team.iter().find(|m| m.person.value == nc.auditor.value);
            if member.is_none() {
                out.push(Finding::new(
                    nc.auditor.pos,
                    format!(
                        "nonconformity {} is raised by {}, who is not on the team of audit {}",
                        nc.id.value, nc.auditor.value, a.id.value
                    ),
                ));
            }
        }
    }
}
