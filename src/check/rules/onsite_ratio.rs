//! The on-site share of each audit's time.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, round_half};
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "onsite-ratio",
    severity: Severity::Error,
    summary: "each on-site audit spends at least `min` of its audit time on site",
    docs: "`onsite_mandays ≥ min × mandays`, compared unrounded. Short of it but not of the \
           minimum rounded to the nearest half man-day (ties up) is a warning, as for every \
           audit-time minimum (`mandays: 4.5`: minimum 3.6, rounded 3.5; `onsite_mandays: 3.5` \
           warns, 3.0 is an error). Off-site audits (a stage 1 with `onsite: false`) are not \
           judged.",
    example: "audits:\n  - id: S2\n    mandays: 5.5\n    onsite_mandays: 4.0   # 73 %, below 80 %",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The smallest share of an audit's man-days spent on site.
    pub min: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let min = p.min.get();
    for a in ctx.case.audits.iter().filter(|a| a.onsite.value) {
        let need = min * a.mandays.value;
        // As every minimum: short of it but not of it rounded to the half man-day is a W.
        let Some(severity) = below(a.onsite_mandays.value, need) else {
            continue;
        };
        out.push(
            Finding::new(
                a.onsite_mandays.pos,
                format!(
                    "audit {} spends {} of its {} man-days on site ({:.0} %); at least {:.0} % ({need:.2} man-days{}) are required",
                    a.id.value,
                    a.onsite_mandays.value,
                    a.mandays.value,
                    100.0 * a.onsite_mandays.value / a.mandays.value.max(f64::MIN_POSITIVE),
                    100.0 * min,
                    if severity == Severity::Warning {
                        format!(", {} when rounded to the half man-day", round_half(need))
                    } else {
                        String::new()
                    }
                ),
            )
            .severity(severity),
        );
    }
}
