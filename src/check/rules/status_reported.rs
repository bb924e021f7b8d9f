//! Suspensions, withdrawals and cancellations are reported to the regulator (TB-GZ-036
//! 12.3 4), 10.3.4 5)①; HZL-MSRG-005 7.4; F-14: "CCAA" in 10.3.4 1) read as CNCA).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::WorkingDays;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "status-reported",
    severity: Severity::Error,
    summary: "each suspension and withdrawal (TB: cancellation) is reported to the regulator, within `working_days`",
    docs: "Each decision with an outcome in `outcomes` has `reported`, the date reported to the \
           regulator (CNCA): on or after the decision and, with `working_days`, on or before \
           the `working_days`-th working day after it. Later is an error; not recorded after \
           that day (without `working_days`: after the decision) a warning.",
    example: "- { id: D2, outcome: suspend, date: 2026-06-01, reported: 2026-06-10 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Outcomes reported to the regulator.
    pub outcomes: Vec<Outcome>,
    /// Working days after the decision by which it is reported; none: no deadline.
    #[serde(default)]
    pub working_days: Option<WorkingDays>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| p.outcomes.contains(&d.outcome.value))
    {
        let latest = p
            .working_days
            .map(|n| (n.get(), working_days_after(ctx, &d.date, n.get(), out)));
        match &d.reported {
            Some(r) if r.value < d.date.value => out.push(
                Finding::new(
                    r.pos,
                    format!(
                        "decision {} is reported to the regulator on {}, before it was taken on {}",
                        d.id.value, r.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            ),
            Some(r) => {
                if let Some((n, last)) = latest
                    && r.value > last
                {
                    out.push(
                        Finding::new(
                            r.pos,
                            format!(
                                "decision {} of {} is reported to the regulator on {}; the last day was {last} ({n} working days)",
                                d.id.value, d.date.value, r.value
                            ),
                        )
                        .related(d.date.pos, "decided"),
                    );
                }
            }
            None => {
                let due = latest.map_or(d.date.value, |(_, l)| l);
                if due < ctx.as_of {
                    out.push(
                        Finding::new(
                            d.outcome.pos,
                            format!(
                                "decision {} ({}) of {} is not recorded as reported to the regulator (`reported`)",
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
    }
}
