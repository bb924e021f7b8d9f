//! Every on-site audit has an audit plan (TB-GZ-036 5.4.7 1); HZL-MSRG-005 4.2.3.1, which
//! does not ask for one at stage 1).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "plan-required",
    severity: Severity::Error,
    summary: "each on-site audit has a `plan` (stage 1 only when `stage1` is true)",
    docs: "An audit with `onsite: true` records its `plan`, the basis of the audit plan record. \
           With `stage1: false` the scheme does not require one for stage 1.",
    example: "audits:\n  - { id: S2, kind: stage2, onsite: true, … }   # no plan:",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether a stage 1 audit needs a plan too.
    pub stage1: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        if !a.onsite.value || a.plan.is_some() {
            continue;
        }
        if a.kind.value == AuditKind::Stage1 && !p.stage1 {
            continue;
        }
        out.push(Finding::new(
            a.id.pos,
            format!(
                "on-site {} audit {} has no `plan`",
                a.kind.value.name(),
                a.id.value
            ),
        ));
    }
}
