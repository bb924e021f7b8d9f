//! A recertification takes at least two thirds of the initial audit time (TB-GZ-036
//! 7.1.2 1), 附录A 注⑤; F-6: a warning beside `recertification-time`'s error against the
//! table at current personnel).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::initial;
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "recertification-time-initial",
    severity: Severity::Warning,
    summary: "a recertification takes at least `min` of the case's initial audit time",
    docs: "A recertification audit takes at least `min` × the case's initial audit time (stage \
           1 + stage 2 man-days), when the case holds the initial audit. `recertification-time` \
           remains the error against the table at current personnel.",
    example: "audits:\n  - { id: S1, mandays: 2.0 }\n  - { id: S2, mandays: 5.0 }\n  - { id: R1, kind: recertification, mandays: 4.0 }   # < 2/3 × 7",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The smallest recertification audit time, as a share of the initial audit time.
    pub min: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some((first, stage2)) = initial(ctx.case) else {
        return;
    };
    let minimum = p.min.get() * first;
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Recertification)
    {
        if a.mandays.value + 1e-9 < minimum {
            out.push(
                Finding::new(
                    a.mandays.pos,
                    format!(
                        "recertification audit {} takes {} man-days, less than {:.2} ({} of the initial audit's {first})",
                        a.id.value,
                        a.mandays.value,
                        minimum,
                        p.min
                    ),
                )
                .related(stage2.mandays.pos, "initial audit"),
            );
        }
    }
}
