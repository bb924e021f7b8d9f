//! A suspension ends in a restoration or a withdrawal by the end of its period
//! (TB-GZ-036 10.3.2 3); HZL-MSRG-005 7.3.1 (7)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "suspension-resolution",
    severity: Severity::Error,
    summary: "by a suspension's `until` (once past `--as-of`), a restoration or withdrawal is recorded",
    docs: "A suspension whose period has ended before `--as-of` is followed by a decision with \
           outcome `restore` or `withdraw`, dated after the suspension and on or before its \
           `until`.",
    example: "decisions:\n  - { id: D2, outcome: suspend, date: 2025-11-07, until: 2026-02-27 }\n# no restore or withdraw decision, --as-of 2026-11-21",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
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
            .filter(|d| matches!(d.outcome.value, Outcome::Restore | Outcome::Withdraw))
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
