//! A renewal rests on a review of the whole ending cycle, complaints included (TB-GZ-036
//! 7.5, 6.2.6 ④).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "renewal-cycle-review",
    severity: Severity::Warning,
    summary: "a renewal records its review of the ending certification cycle",
    docs: "A `renew` decision records `cycle_review`: the evaluation of the management system \
           over the ending cycle, complaints received included.",
    example: "- { id: D4, outcome: renew, … }   # no cycle_review",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Renew)
    {
        if d.cycle_review.is_none() {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "renewal {} records no review of the ending certification cycle (`cycle_review`)",
                    d.id.value
                ),
            ));
        }
    }
}
