//! Top management is interviewed at every audit that judges the system, with evidence
//! (TB-GZ-036 5.5.2 3), 6.2.1 2)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "top-management-interview",
    severity: Severity::Error,
    summary: "audits of `kinds` record the top-management interview within the audit, with evidence",
    docs: "Each audit of a kind in `kinds` that has started records `top_manager_interview` \
           with a `date` within the audit and at least one `evidence` (photo, audio/video or \
           interview record).",
    example: "top_manager_interview: { date: 2026-03-17 }   # no evidence",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Kinds of audit at which top management is interviewed.
    pub kinds: Vec<AuditKind>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        if !p.kinds.contains(&a.kind.value) || a.start.value > ctx.as_of || a.termination.is_some()
        {
            continue;
        }
        let Some(i) = &a.top_manager_interview else {
            out.push(Finding::new(
                a.id.pos,
                format!(
                    "audit {} ({}) records no interview of top management (`top_manager_interview`)",
                    a.id.value,
                    a.kind.value.name()
                ),
            ));
            continue;
        };
        if i.date.value < a.start.value || i.date.value > a.end.value {
            out.push(Finding::new(
                i.date.pos,
                format!(
                    "the interview of top management on {} is outside audit {} ({} to {})",
                    i.date.value, a.id.value, a.start.value, a.end.value
                ),
            ));
        }
        if i.evidence.is_empty() {
            out.push(Finding::new(
                i.pos,
                format!(
                    "the interview of top management at audit {} lists no evidence (photo, audio/video or interview record)",
                    a.id.value
                ),
            ));
        }
    }
}
