//! Only what may be made public is published: never reasons, findings, personnel, fees or
//! complainants; a suspension with its start and period (TB-GZ-036 12.3 3), 10.3.4 5)③,
//! 11 1); HZL-MSRG-005 7.2.3, 7.4, 8.3; ZBT-TP-046 5.2.3.3 b); F-22).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "publication-fields",
    severity: Severity::Error,
    summary: "a publication shows only `allowed` fields; a suspension's shows its start and period",
    docs: "Every value of `publications[].fields` is in `allowed` (never a reason, finding, \
           nonconformity, personnel figure, contract, fee or complainant); a publication naming \
           a suspension includes `suspension-start` and `suspension-period`.",
    example: "publications:\n  - { date: 2026-06-02, decision: D2, fields: [client-name, status, reason] }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The fields a publication may show.
    pub allowed: Vec<String>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for x in &ctx.case.publications {
        for f in x.fields.iter().filter(|f| !p.allowed.contains(&f.value)) {
            out.push(Finding::new(
                f.pos,
                format!(
                    "`{}` may not be published; a publication shows only {}",
                    f.value,
                    p.allowed.join(", ")
                ),
            ));
        }
        let suspension = ctx
            .case
            .decision(&x.decision)
            .is_some_and(|d| d.outcome.value == Outcome::Suspend);
        if suspension {
            let missing: Vec<&str> = ["suspension-start", "suspension-period"]
                .into_iter()
                .filter(|k| !x.fields.iter().any(|f| f.value == *k))
                .collect();
            if !missing.is_empty() {
                out.push(Finding::new(
                    x.decision.pos,
                    format!(
                        "the publication of suspension {} does not show {}",
                        x.decision.value,
                        missing.join(", ")
                    ),
                ));
            }
        }
    }
}
