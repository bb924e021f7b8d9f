//! Corrective actions are verified by a qualified auditor (TB-GZ-036 8.3;
//! HZL-MSRG-005 4.5.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;

pub static RULE: Rule = Rule {
    id: "nc-verifier",
    severity: Severity::Error,
    summary: "the verifier of a nonconformity is a lead auditor or auditor",
    docs: "`verification.by` names a person whose staff record holds the `lead-auditor` or \
           `auditor` role (technical experts and trainees are reported by `expert-role`).",
    example: "verification: { date: 2026-04-10, method: document, by: qian-qi, effective: true }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    for (_, nc) in ctx.case.nonconformities() {
        let Some(v) = &nc.verification else { continue };
        let Some(staff) = body.staff(&v.by) else {
            continue; // unknown-reference reports it
        };
        // Experts and trainees as verifiers are `expert-role`'s finding.
        let support =
            staff.has_role(StaffRole::TechnicalExpert) || staff.has_role(StaffRole::Trainee);
        if !support
            && !staff.has_role(StaffRole::LeadAuditor)
            && !staff.has_role(StaffRole::Auditor)
        {
            out.push(Finding::new(
                v.by.pos,
                format!(
                    "nonconformity {} is verified by {} ({}), who is not a lead auditor or auditor",
                    nc.id.value, staff.name.value, v.by.value
                ),
            ));
        }
    }
}
