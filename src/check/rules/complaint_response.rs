//! Complaints are answered within 60 days (TB-GZ-036 11 2)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "complaint-response",
    severity: Severity::Error,
    summary: "a complaint is answered within `days` of receipt",
    docs: "`answered ≤ received + days`. A complaint still unanswered when that day has passed \
           (by `--as-of`) is an error too.",
    example: "complaints:\n  - { id: C1, received: 2026-05-04, answered: 2026-07-10 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Calendar days from receipt within which a complaint is answered.
    pub days: Days,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let days = p.days.get();
    for c in &ctx.case.complaints {
        let latest = add_days(c.received.value, i64::from(days));
        match &c.answered {
            Some(ans) if ans.value > latest => out.push(
                Finding::new(
                    ans.pos,
                    format!(
                        "complaint {} is answered on {}, more than {days} days after it was received on {}; the last day was {latest}",
                        c.id.value, ans.value, c.received.value
                    ),
                )
                .related(c.received.pos, "received"),
            ),
            None if ctx.as_of > latest => out.push(Finding::new(
                c.received.pos,
                format!(
                    "complaint {} received on {} is still unanswered; the answer was due by {latest}",
                    c.id.value, c.received.value
                ),
            )),
            _ => {}
        }
    }
}
