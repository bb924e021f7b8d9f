//! A suspension ends in a restoration or a withdrawal by the end of its period
//! (TB-GZ-036 10.3.2 3); HZL-MSRG-005 7.3.1 (7)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "suspension-resolution",
    severity: Severity::Error,
    summary: "by a suspension's `until` (once past `--as-of`), a restoration or withdrawal is recorded",
    docs: "A suspension whose period has ended before `--as-of` is followed by a decision with \
           outcome `restore` or `withdraw` (with `reduce_scope`, also `reduce-scope`), dated \
           after the suspension and on or before its `until`.",
    example: "decisions:\n  - { id: D2, outcome: suspend, date: 2025-11-07, until: 2026-02-27 }\n# no restore or withdraw decision, --as-of 2026-11-21",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether reducing the scope to what is not affected also ends a suspension (TB-GZ-036
    /// 5.7.2 2)③).
    pub reduce_scope: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let decisions = &ctx.case.decisions;
    for s in decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Suspend)
    {
        let Some(until) = &s.until else { continue };
        if until.value >= ctx.as_of {
            continue;
        }
        let next = decisions
            .iter()
            .filter(|d| match d.outcome.value {
                Outcome::Restore | Outcome::Withdraw => true,
                Outcome::ReduceScope => p.reduce_scope,
                _ => false,
            })
            .filter(|d| d.date.value >= s.date.value)
            .min_by_key(|d| d.date.value);
        match next {
            Some(d) if d.date.value <= until.value => {}
            Some(d) => out.push(
                Finding::new(
                    d.date.pos,
                    format!(
                        "decision {} ends suspension {} on {}, after its period ended on {}",
                        d.id.value, s.id.value, d.date.value, until.value
                    ),
                )
                .related(until.pos, "suspension period ends"),
            ),
            None => out.push(Finding::new(
                until.pos,
                format!(
                    "suspension {} ended on {} and neither a restoration nor a withdrawal is recorded",
                    s.id.value, until.value
                ),
            )),
        }
    }
}
