//! A combined audit takes at least `min` of the times its systems need alone (TB-GZ-036
//! 5.4.4 3); HZL-MSRG-005 9.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::below;
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "combined-audit-time",
    severity: Severity::Error,
    summary: "a combined audit takes at least `min` of the sum of its systems' times alone",
    docs: "An audit with `combined`: `combined.total ≥ min × (mandays + Σ \
           combined.others[].mandays)`, `mandays` being this scheme's time alone. Short of it \
           but not of it rounded to the nearest half man-day is a warning.",
    example: "mandays: 5.5\ncombined: { total: 6.0, others: [{ standard: GB/T 19001-2016, mandays: 5.0 }] }   # 57 %",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The smallest share of the systems' summed times alone a combined audit takes.
    pub min: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(c) = &a.combined else { continue };
        let sum = a.mandays.value + c.others.iter().map(|o| o.mandays.value).sum::<f64>();
        let need = p.min.get() * sum;
        if let Some(severity) = below(c.total.value, need) {
            out.push(
                Finding::new(
                    c.total.pos,
                    format!(
                        "combined audit {} takes {} man-days; its systems need {sum} alone, so at least {need:.2} ({:.0} %)",
                        a.id.value,
                        c.total.value,
                        p.min.get() * 100.0
                    ),
                )
                .severity(severity),
            );
        }
    }
}
