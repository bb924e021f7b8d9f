//! Misuse of a certificate or mark left uncorrected two months after the body's request
//! leads to withdrawal (HZL-MSRG-005 7.3.1 (9)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::rules::deadline_after_trigger;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::{EventKind, Outcome};
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "misuse-withdrawal",
    severity: Severity::Error,
    summary: "misuse not corrected within `months` of the body's request is followed by a withdrawal",
    docs: "An `events` entry of kind `misuse` with `requested` (the body asked for correction) \
           and no `corrected` on or before `requested + months` is followed by a `withdraw` \
           decision with ground `misuse`; missing once the `withdrawal-deadline` period, \
           counted from the day after `requested + months`, has passed.",
    example: "events:\n  - { id: E1, kind: misuse, date: 2026-05-01, requested: 2026-05-05 }   # never corrected, never withdrawn",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after the body's request within which the client corrects the misuse.
    pub months: Months,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for e in case
        .events
        .iter()
        .filter(|e| e.kind.value == EventKind::Misuse)
    {
        let Some(req) = &e.requested else { continue };
        let due = add_months(req.value, p.months.get());
        if e.corrected.as_ref().is_some_and(|c| c.value <= due) {
            continue;
        }
        let withdrawn = case.decisions.iter().any(|d| {
            d.outcome.value == Outcome::Withdraw
                && d.date.value > req.value
                && d.ground.as_ref().is_some_and(|g| g.value == "misuse")
        });
        if withdrawn {
            continue;
        }
        // The withdrawal period runs from the day after the correction was due, in the
        // scheme's `withdrawal-deadline` unit.
        let start = At::new(crate::dates::add_days(due, 1), req.pos);
        let period =
            ctx.params::<deadline_after_trigger::Params>(&deadline_after_trigger::WITHDRAWAL);
        let latest = match period.map(|w| (w.working_days, w.days)) {
            Some((Some(n), _)) => working_days_after(ctx, &start, n.get(), out),
            Some((None, Some(d))) => crate::dates::add_days(start.value, i64::from(d.get())),
            _ => start.value,
        };
        if latest < ctx.as_of {
            out.push(
                Finding::new(
                    e.id.pos,
                    format!(
                        "the misuse of event {} was not corrected by {due} ({} months after the request of {}) and no withdrawal on ground `misuse` followed; it was due by {latest}",
                        e.id.value,
                        p.months,
                        req.value
                    ),
                )
                .related(req.pos, "requested"),
            );
        }
    }
}
