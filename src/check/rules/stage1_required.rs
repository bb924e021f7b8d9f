//! The initial audit has two stages; HZL may skip stage 1 only with a recorded condition
//! and reason (TB-GZ-036 5.6.1 1); HZL-MSRG-005 4.3.3.3).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "stage1-required",
    severity: Severity::Error,
    summary: "stage 2 follows a stage 1, unless the scheme allows `stage1_skipped` and it is recorded",
    docs: "Every stage 2 audit is preceded by a stage 1 audit of the case. Where the scheme \
           allows a skip (`skip_allowed: true`), stage 2 records \
           `stage1_skipped: { condition, reason }` instead; where it does not, that field is \
           itself an error.",
    example: "audits:\n  - { id: S2, kind: stage2, start: 2026-03-17, … }   # no stage1 before it",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether the scheme allows skipping stage 1 under a recorded condition.
    pub skip_allowed: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let allowed = p.skip_allowed;
    for s2 in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage2)
    {
        let has_stage1 = ctx
            .case
            .audits
            .iter()
            .any(|a| a.kind.value == AuditKind::Stage1 && a.start.value <= s2.start.value);
        match &s2.stage1_skipped {
            Some(skip) if !allowed => out.push(Finding::new(
                skip.pos,
                format!(
                    "stage 2 audit {} records `stage1_skipped`, but this scheme does not allow skipping stage 1",
                    s2.id.value
                ),
            )),
            Some(_) => {}
            None if !has_stage1 => out.push(Finding::new(
                s2.id.pos,
                format!(
                    "stage 2 audit {} has no stage 1 before it{}",
                    s2.id.value,
                    if allowed {
                        "; record `stage1_skipped: { condition, reason }` if stage 1 was skipped"
                    } else {
                        ""
                    }
                ),
            )),
            None => {}
        }
    }
}
