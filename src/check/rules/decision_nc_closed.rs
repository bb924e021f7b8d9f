//! Certification is granted, renewed or maintained only with every major nonconformity
//! verified effective and every minor one under an accepted plan; TB closes every NC of the
//! initial audit (TB-GZ-036 8.3 3), 8.5, 9.4.2 2); HZL-MSRG-005 4.6.3).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{DecisionKind, Grade};

pub static RULE: Rule = Rule {
    id: "decision-nc-closed",
    severity: Severity::Error,
    summary: "a positive decision follows effective verification of every major NC (and accepted plans for minors)",
    docs: "For a decision with outcome `grant`, `renew`, `maintain`, `restore` or \
           `extend-scope`, every nonconformity of the audits it names is settled on or before \
           the decision's date: a major one verified effective, a minor one with its plan \
           accepted. With `initial_all_closed`, an initial decision needs every NC, minor ones \
           too, verified effective. A minor NC's later verification (after a `renew` or \
           `maintain` resting on its accepted plan) is judged by \
           `major-nc-verification-deadline`, never here.",
    example: "decisions:\n  - { id: D1, date: 2026-04-20, outcome: grant, audits: [S1, S2] }\n# NC02 (major) verified on 2026-04-25",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether an initial decision needs every nonconformity closed, minor ones included (else minor ones need an accepted plan).
    pub initial_all_closed: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value.is_positive())
    {
        let all = p.initial_all_closed && d.kind.value == DecisionKind::Initial;
        for audit_id in &d.audits {
            let Some(audit) = ctx.case.audit(audit_id) else {
                continue;
            };
            for nc in &audit.nonconformities {
                let verified = nc
                    .verification
                    .as_ref()
                    .is_some_and(|v| v.effective.value && v.date.value <= d.date.value);
                let planned = nc
                    .plan_accepted
                    .as_ref()
                    .is_some_and(|p| p.value <= d.date.value);
                let problem = if nc.grade.value == Grade::Major || all {
                    (!verified).then_some("is not verified effective")
                } else {
                    (!planned).then_some("has no corrective-action plan accepted")
                };
                if let Some(problem) = problem {
                    out.push(
                        Finding::new(
                            d.outcome.pos,
                            format!(
                                "decision {} ({}) on {}: {} nonconformity {} of audit {} {problem} by then",
                                d.id.value,
                                d.outcome.value.name(),
                                d.date.value,
                                if nc.grade.value == Grade::Major { "major" } else { "minor" },
                                nc.id.value,
                                audit.id.value
                            ),
                        )
                        .related(nc.id.pos, "nonconformity"),
                    );
                }
            }
        }
    }
}
