//! Each surveillance audit takes at least a third of the initial audit time (TB-GZ-036 6.2.2,
//! 附录A 注⑤: an error below 30 %, a warning between 30 % and 1/3; HZL-MSRG-005 5.3).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, effective_personnel, initial, table_value};
use crate::check::cycle::cycles;
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "surveillance-time",
    severity: Severity::Error,
    summary: "each surveillance takes at least `min` of the initial audit time (error below `error_below`)",
    docs: "The base in the first cycle is the initial audit time, stage 1 + stage 2 man-days; \
           after a renewal, and in every cycle of a case without stage 1 and stage 2, it is \
           the table value at the current effective personnel (the base of \
           `recertification-time`). A surveillance below \
           `error_below` × the base is an error; between `error_below` and `min` a warning. A \
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
    let initial = initial(ctx.case).map(|(t, _)| t);
    // After a renewal, or with no initial audit on file, the base is the initial audit time
    // as the recertification redetermined it: the table at the current personnel (F-6).
    let table = ctx
        .scheme
        .and_then(|s| table_value(s, effective_personnel(ctx.case)))
        .map(|(t, _)| t);
    for cycle in cycles(ctx.case) {
        let (base, what) = match (cycle.renewal, initial) {
            (false, Some(init)) => (init, "the initial audit's"),
            _ => match table {
                Some(t) => (t, "the table value at the current personnel,"),
                None => continue,
            },
        };
        for a in &cycle.surveillances {
            let value = a.mandays.value;
            let severity = match below(value, base * hard) {
                Some(s) => Some(s),
                None if below(value, base * min).is_some() => Some(Severity::Warning),
                None => None,
            };
            if let Some(severity) = severity {
                out.push(
                    Finding::new(
                        a.mandays.pos,
                        format!(
                            "surveillance {} takes {value} man-days, {:.0} % of {what} {base}; at least {:.2} ({:.1} %) is required",
                            a.id.value,
                            value / base * 100.0,
                            base * min,
                            min * 100.0
                        ),
                    )
                    .severity(severity),
                );
            }
        }
    }
}
