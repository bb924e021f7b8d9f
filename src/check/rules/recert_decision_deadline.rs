//! A renewal decision is taken within six months after the previous certificate expired
//! (TB-GZ-036 7.3 2)②; HZL-MSRG-005 6.5); later, the client starts again with an initial audit.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "recert-decision-deadline",
    severity: Severity::Error,
    summary: "a renewal decision is taken ≤ `months` after the previous certificate's expiry",
    docs: "The previous certificate is the latest one issued before the renewal decision and \
           not granted by it.",
    example: "certificates:\n  - { number: TB-CMS-2023-0008, expires: 2026-03-14 }\ndecisions:\n  - { id: D4, outcome: renew, date: 2026-10-20 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after the previous certificate expired within which a renewal decision may still be taken.
    pub months: Months,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let months = p.months.get();
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Renew)
    {
        let Some(prev) = ctx
            .case
            .certificates
            .iter()
            .filter(|c| c.reissue_of.is_none() && c.decision.value != d.id.value)
            .filter(|c| c.issued.value <= d.date.value)
            .max_by_key(|c| c.issued.value)
        else {
            continue;
        };
        let latest = add_months(prev.expires.value, months);
        if d.date.value > latest {
            out.push(
                Finding::new(
                    d.date.pos,
                    format!(
                        "renewal decision {} is taken on {}, more than {months} months after certificate {} expired on {}; the last day was {latest}",
                        d.id.value, d.date.value, prev.number.value, prev.expires.value
                    ),
                )
                .related(prev.expires.pos, "expiry"),
            );
        }
    }
}
