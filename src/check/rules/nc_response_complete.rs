//! A nonconformity's plan is accepted, or its correction verified, only with the cause,
//! correction and corrective action recorded (TB-GZ-036 8.2; HZL-MSRG-005 4.5.1, 5.7).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "nc-response-complete",
    severity: Severity::Error,
    summary: "an NC with an accepted plan or a verification has its cause, correction and corrective action",
    docs: "A nonconformity with `plan_accepted` or `verification` has `cause`, `correction` and \
           `corrective_action`: the body cannot accept or verify what the client has not \
           answered.",
    example: "- { id: NC01, plan_accepted: 2026-03-30, cause: …, correction: … }   # no corrective_action",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, nc) in ctx.case.nonconformities() {
        let at = match (&nc.plan_accepted, &nc.verification) {
            (Some(p), _) => p.pos,
            (None, Some(v)) => v.pos,
            (None, None) => continue,
        };
        let missing: Vec<&str> = [
            ("cause", nc.cause.is_none()),
            ("correction", nc.correction.is_none()),
            ("corrective_action", nc.corrective_action.is_none()),
        ]
        .into_iter()
        .filter_map(|(k, m)| m.then_some(k))
        .collect();
        if !missing.is_empty() {
            out.push(Finding::new(
                at,
                format!(
                    "nonconformity {} is accepted or verified without the client's {}",
                    nc.id.value,
                    missing.join(", ")
                ),
            ));
        }
    }
}
