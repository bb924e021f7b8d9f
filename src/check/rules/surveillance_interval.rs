//! Consecutive surveillances are at most `months` apart.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, cycle};
use crate::dates::add_months;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "surveillance-interval",
    severity: Severity::Error,
    summary: "consecutive surveillance audits start at most `months` apart",
    docs: "Within a certificate's cycle, each surveillance starts no later than the previous \
           one's start + `months` (TB 12, HZL 15).",
    example: "audits:\n  - { id: A1, kind: surveillance, start: 2027-03-01 }\n  - { id: A2, kind: surveillance, start: 2028-03-10 }   # 12 months + 9 days",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The most months between the starts of two consecutive surveillances.
    pub months: Months,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let months = p.months.get();
    for cy in cycle::cycles(ctx.case) {
        for pair in cy.surveillances.windows(2) {
            let (prev, next) = (pair[0], pair[1]);
            let latest = add_months(prev.start.value, months);
            if next.start.value > latest {
                out.push(
                    Finding::new(
                        next.start.pos,
                        format!(
                            "surveillance {} starts on {}, more than {months} months after surveillance {} started on {}; the last day was {latest}",
                            next.id.value, next.start.value, prev.id.value, prev.start.value
                        ),
                    )
                    .related(prev.start.pos, "previous surveillance"),
                );
            }
        }
    }
}
