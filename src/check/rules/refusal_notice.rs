//! A refusal is notified to the client in writing, with its reasons (TB-GZ-036 9.4.1 注;
//! HZL-MSRG-005 4.6.5).

use crate::check::answer::{self, Answers};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "refusal-notice",
    severity: Severity::Error,
    summary: "a refusal has its reason and the written notice to the client",
    docs: "A `refuse` decision has `reason` (error) and `notified`, the date the written notice \
           of the reasons was sent to the client: before the decision is an error, missing once \
           the decision lies before `--as-of` a warning (the seeds give no deadline).",
    example: "- { id: D1, outcome: refuse, date: 2026-04-20 }   # no reason, no notified",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Refuse)
    {
        if d.reason.is_none() {
            out.push(Finding::new(
                d.outcome.pos,
                format!("refusal {} records no reason (`reason`)", d.id.value),
            ));
        }
        let event = format!("refusal {}", d.id.value);
        answer::check(
            ctx,
            &Answers {
                event: &event,
                on: &d.date,
                record: "written notice of the reasons to the client (`notified`)",
                missing_at: d.outcome.pos,
            },
            d.notified.as_ref(),
            out,
        );
    }
}
