//! The decider is qualified to decide for the scheme.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;

pub static RULE: Rule = Rule {
    id: "decision-maker-qualified",
    severity: Severity::Error,
    summary: "the decider holds the `decision-maker` role for the scheme",
    docs: "`decided_by` is registered with the `decision-maker` role and the case's scheme among \
           their `schemes`; a valid simplified surveillance decision (see \
           `decision-maker-independent`) may be taken by its team leader with the \
           `lead-auditor` role.",
    example: "decisions:\n  - id: D1\n    decided_by: qian-qi   # an application reviewer",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    for d in &ctx.case.decisions {
        let Some(staff) = body.staff(&d.decided_by) else {
            continue;
        };
        // A simplified surveillance decision is the team leader's own (TB-GZ-036 9.4.3).
        let leader = super::decision_maker_independent::simplified_leader(ctx, d)
            == Some(d.decided_by.value.as_str())
            && staff.has_role(StaffRole::LeadAuditor);
        if !staff.has_role(StaffRole::DecisionMaker) && !leader {
            out.push(Finding::new(
                d.decided_by.pos,
                format!(
                    "decision {} is taken by {} ({}), who does not hold the `decision-maker` role",
                    d.id.value, staff.name.value, d.decided_by.value
                ),
            ));
        } else if !staff
            .schemes
            .iter()
            .any(|s| s.value == ctx.case.scheme.value)
        {
            out.push(Finding::new(
                d.decided_by.pos,
                format!(
                    "decision {} is taken by {} ({}), who is not qualified for the scheme {}",
                    d.id.value, staff.name.value, d.decided_by.value, ctx.case.scheme.value
                ),
            ));
        }
    }
}
