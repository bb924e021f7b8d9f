//! Each surveillance audit takes at least a third of the initial audit time (TB-GZ-036 6.2.2,
//! 附录A 注⑤: an error below 30 %, a warning between 30 % and 1/3; HZL-MSRG-005 5.3).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, initial};
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "surveillance-time",
    severity: Severity::Error,
    summary: "each surveillance takes at least `min` of the initial audit time (error below `error_below`)",
    docs: "The initial audit time is stage 1 + stage 2 man-days. A surveillance below \
           `error_below` × that is an error; between `error_below` and `min` a warning. A \
           figure that reaches the error threshold only after rounding to the nearest half \
           man-day is a warning.",
    example: "audits:\n  - { id: S1, kind: stage1, mandays: 1.5 }\n  - { id: S2, kind: stage2, mandays: 5.5 }\n  - { id: A1, kind: surveillance, mandays: 1.5 }   # 21 % of 7",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The surveillance audit time below which a warning is given, as a share of the initial audit time.
    pub min: Fraction,
    /// The surveillance audit time below which it is an error, as a share of the initial audit time.
    pub error_below: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let (min, hard) = (p.min.get(), p.error_below.get());
    let Some((init, _)) = initial(ctx.case) else {
        return;
    };
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Surveillance)
    {
        let value = a.mandays.value;
        let severity = match below(value, init * hard) {
            Some(s) => Some(s),
            None if below(value, init * min).is_some() => Some(Severity::Warning),
            None => None,
        };
        if let Some(severity) = severity {
            out.push(
                Finding::new(
                    a.mandays.pos,
                    format!(
                        "surveillance {} takes {value} man-days, {:.0} % of the initial audit's {init}; at least {:.2} ({:.1} %) is required",
                        a.id.value,
                        value / init * 100.0,
                        init * min,
                        min * 100.0
                    ),
                )
                .severity(severity),
            );
        }
    }
}
