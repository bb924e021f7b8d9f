//! Stage 2 follows stage 1 after a minimum gap and within a maximum (TB-GZ-036 5.6.1 2)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::{Days, Months};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::{add_months, days_between};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "stage-gap",
    severity: Severity::Error,
    summary: "stage 2 starts at least `min_days` and at most `max_months` after stage 1 ended",
    docs: "The gap is `stage2.start − stage1.end` in calendar days. Too short a gap leaves the \
           client no time to act on the stage 1 findings; after `max_months` stage 1 must be \
           repeated.",
    example: "audits:\n  - { id: S1, kind: stage1, start: 2026-02-24, end: 2026-02-24, … }\n  - { id: S2, kind: stage2, start: 2026-02-27, … }   # 3 days later",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The fewest calendar days from the end of stage 1 to the start of stage 2.
    pub min_days: Days,
    /// The most months from the end of stage 1 to the start of stage 2; later, stage 1 is repeated.
    pub max_months: Months,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let (min, max) = (p.min_days.get(), p.max_months.get());
    for s2 in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage2)
    {
        let Some(s1) = ctx.case.stage1_before(s2) else {
            continue;
        };
        let gap = days_between(s1.end.value, s2.start.value);
        if gap < i64::from(min) {
            out.push(
                Finding::new(
                    s2.start.pos,
                    format!(
                        "stage 2 starts {gap} days after stage 1 ended on {}; at least {min} days are required",
                        s1.end.value
                    ),
                )
                .related(s1.end.pos, "stage 1 ended here"),
            );
        } else if s2.start.value > add_months(s1.end.value, max) {
            out.push(
                Finding::new(
                    s2.start.pos,
                    format!(
                        "stage 2 starts more than {max} months after stage 1 ended on {}; stage 1 must be repeated",
                        s1.end.value
                    ),
                )
                .related(s1.end.pos, "stage 1 ended here"),
            );
        }
    }
}
