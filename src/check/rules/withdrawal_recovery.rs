//! A withdrawn certificate is recovered, or (HZL) its withdrawal published (TB-GZ-036
//! 10.3.4 4)②; HZL-MSRG-005 7.3.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::answer::{self, Answers};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "withdrawal-recovery",
    severity: Severity::Error,
    summary: "a withdrawn certificate is recovered on or after the withdrawal (HZL: or the withdrawal published)",
    docs: "A `withdraw` decision has `recovered`, the date the certificate came back, on or \
           after the decision; with `publication_suffices`, a `publications` entry naming the \
           decision does instead. Before the decision is an error, missing once the decision \
           lies before `--as-of` a warning (the seeds give no deadline).",
    example: "- { id: D3, outcome: withdraw, date: 2026-09-01, recovered: 2026-08-30 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Publishing the withdrawal stands for recovering the certificate.
    pub publication_suffices: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Withdraw)
    {
        let published = case
            .publications
            .iter()
            .any(|x| x.decision.value == d.id.value && x.date.value >= d.date.value);
        if d.recovered.is_none() && p.publication_suffices && published {
            continue;
        }
        let event = format!("withdrawal {}", d.id.value);
        answer::check(
            ctx,
            &Answers {
                event: &event,
                on: &d.date,
                record: if p.publication_suffices {
                    "recovery of the certificate (`recovered`) or publication"
                } else {
                    "recovery of the certificate (`recovered`)"
                },
                missing_at: d.outcome.pos,
            },
            d.recovered.as_ref(),
            out,
        );
    }
}
