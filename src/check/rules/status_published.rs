//! Suspensions and withdrawals are made public (TB-GZ-036 12.3 3), 10.3.4 5)③;
//! HZL-MSRG-005 7.2.3, 7.4).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "status-published",
    severity: Severity::Error,
    summary: "each suspension and withdrawal (TB: cancellation) is published on or after it",
    docs: "Each decision with an outcome in `outcomes` is named by a `publications` entry dated \
           on or after it: one dated before is an error, none once the decision lies before \
           `--as-of` a warning (the seeds give no deadline).",
    example: "publications:\n  - { date: 2026-05-30, decision: D2, fields: [client-name, status] }   # D2 of 2026-06-01",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Outcomes that are published.
    pub outcomes: Vec<Outcome>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case
        .decisions
        .iter()
        .filter(|d| p.outcomes.contains(&d.outcome.value))
    {
        let pubs: Vec<_> = case
            .publications
            .iter()
            .filter(|x| x.decision.value == d.id.value)
            .collect();
        if let Some(early) = pubs.iter().find(|x| x.date.value < d.date.value) {
            out.push(
                Finding::new(
                    early.date.pos,
                    format!(
                        "decision {} of {} is published on {}, before it was taken",
                        d.id.value, d.date.value, early.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            );
        } else if pubs.is_empty() && d.date.value < ctx.as_of {
            out.push(
                Finding::new(
                    d.outcome.pos,
                    format!(
                        "decision {} ({}) of {} is not published (no `publications` entry names it)",
                        d.id.value,
                        d.outcome.value.name(),
                        d.date.value
                    ),
                )
                .severity(Severity::Warning),
            );
        }
    }
}
