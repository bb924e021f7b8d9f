//! An audit is terminated only on a ground the rule document gives (TB-GZ-036 5.6.4.3 1)–3),
//! 9.3, 5.5.3 2), 5.6.2 4); HZL-MSRG-005 4.3.4 (1)–(3)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "termination-ground",
    severity: Severity::Error,
    summary: "an audit's `termination.ground` is one of the scheme's `grounds`",
    docs: "A terminated audit records why, as a key of the grounds the rule document gives \
           (no cooperation, a major inconsistency, the audit cannot be completed; TB also the \
           top management's absence and false application information).",
    example: "termination: { date: 2026-03-05, ground: bad-weather, consent: 2026-03-05 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The keys of the grounds on which an audit may be terminated.
    pub grounds: Vec<String>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(t) = &a.termination else { continue };
        if !p.grounds.contains(&t.ground.value) {
            out.push(Finding::new(
                t.ground.pos,
                format!(
                    "audit {} is terminated on `{}`, which is not a ground of this scheme; the grounds are {}",
                    a.id.value,
                    t.ground.value,
                    p.grounds.join(", ")
                ),
            ));
        }
    }
}
