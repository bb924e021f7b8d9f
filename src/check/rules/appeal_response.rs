//! Appeals are answered within `days`.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "appeal-response",
    severity: Severity::Error,
    summary: "an appeal is answered within `days` of receipt",
    docs: "`answered ≤ received + days`. An appeal still unanswered when that day has passed \
           (by `--as-of`) is an error too.",
    example: "appeals:\n  - { id: AP1, received: 2026-05-04, answered: 2026-07-10 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Calendar days from receipt within which an appeal is answered.
    pub days: Days,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let days = p.days.get();
    for a in &ctx.case.appeals {
        let latest = add_days(a.received.value, i64::from(days));
        match &a.answered {
            Some(ans) if ans.value > latest => out.push(
                Finding::new(
                    ans.pos,
                    format!(
                        "appeal {} is answered on {}, more than {days} days after it was received on {}; the last day was {latest}",
                        a.id.value, ans.value, a.received.value
                    ),
                )
                .related(a.received.pos, "received"),
            ),
            None if ctx.as_of > latest => out.push(Finding::new(
                a.received.pos,
                format!(
                    "appeal {} received on {} is still unanswered; the answer was due by {latest}",
                    a.id.value, a.received.value
                ),
            )),
            _ => {}
        }
    }
}
