//! A reduced scope is followed by a re-issued certificate (TB-GZ-036 5.7.2 3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "scope-reduction-certificate",
    severity: Severity::Error,
    summary: "a scope reduction is followed by a re-issued certificate that names it",
    docs: "A `reduce-scope` decision is followed by a re-issued certificate (`reissue_of` the \
           number in force) whose `decision` is this one, issued on or after it: one issued \
           before is an error, none once the decision lies before `--as-of` a warning (the \
           seeds give no deadline).",
    example: "- { id: D5, outcome: reduce-scope, date: 2026-10-01 }   # no certificate names D5",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::ReduceScope)
    {
        let reissue = case
            .certificates
            .iter()
            .find(|c| c.reissue_of.is_some() && c.decision.value == d.id.value);
        match reissue {
            Some(c) if c.issued.value < d.date.value => out.push(
                Finding::new(
                    c.issued.pos,
                    format!(
                        "certificate {} re-issued for scope reduction {} is dated {}, before the decision of {}",
                        c.number.value, d.id.value, c.issued.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            ),
            None if d.date.value < ctx.as_of => out.push(
                Finding::new(
                    d.outcome.pos,
                    format!(
                        "scope reduction {} of {} is not followed by a re-issued certificate (`reissue_of`, `decision: {}`)",
                        d.id.value, d.date.value, d.id.value
                    ),
                )
                .severity(Severity::Warning),
            ),
            _ => {}
        }
    }
}
