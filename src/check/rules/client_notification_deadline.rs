//! The client tells the body of penalties, failed spot checks and public-opinion events
//! within five working days (TB-GZ-036 6.3.1 7)①–③; F-31).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::WorkingDays;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::diag::Severity;
use crate::load::case::EventKind;

pub static RULE: Rule = Rule {
    id: "client-notification-deadline",
    severity: Severity::Warning,
    summary: "a penalty, failed spot check or public-opinion event is notified within `working_days` of being known",
    docs: "An `events` entry of kind `penalty`, `spot-check-failure` or `public-opinion` has \
           `notified` (the client told the body) on or before the `working_days`-th working \
           day after `known` (else after `date`).",
    example: "events:\n  - { id: E1, kind: penalty, date: 2026-06-01, known: 2026-06-01, notified: 2026-06-20 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Working days after the client knew within which it tells the body.
    pub working_days: WorkingDays,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let n = p.working_days.get();
    for e in ctx.case.events.iter().filter(|e| {
        matches!(
            e.kind.value,
            EventKind::Penalty | EventKind::SpotCheckFailure | EventKind::PublicOpinion
        )
    }) {
        let known = e.known.as_ref().unwrap_or(&e.date);
        let latest = working_days_after(ctx, known, n, out);
        match &e.notified {
            Some(x) if x.value > latest => out.push(
                Finding::new(
                    x.pos,
                    format!(
                        "the client told the body of event {} on {}; the last day was {latest} ({n} working days after {})",
                        e.id.value, x.value, known.value
                    ),
                )
                .related(known.pos, "known"),
            ),
            None if latest < ctx.as_of => out.push(Finding::new(
                e.id.pos,
                format!(
                    "event {} is not recorded as notified by the client (`notified`); the last day was {latest}",
                    e.id.value
                ),
            )),
            _ => {}
        }
    }
}
