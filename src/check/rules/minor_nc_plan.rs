//! A minor nonconformity has an accepted corrective-action plan before a decision rests on
//! its audit; TB's initial audit also sets its deadline (TB-GZ-036 8.2 1), 8.4 1);
//! HZL-MSRG-005 4.6.3 (3)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Grade};

pub static RULE: Rule = Rule {
    id: "minor-nc-plan",
    severity: Severity::Error,
    summary: "a minor NC has `plan_accepted` once its audit is decided on (TB initial: also `due`)",
    docs: "When a decision names the audit that raised a minor nonconformity, the NC records \
           the date its corrective-action plan was accepted (`plan_accepted`). With \
           `initial_due_required`, a minor NC of stage 1 or stage 2 also records the deadline \
           the team set (`due`).",
    example: "nonconformities:\n  - { id: NC01, grade: minor, … }   # no plan_accepted, and D1 decides on this audit",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether a minor nonconformity of the initial audit needs a `due` date.
    pub initial_due_required: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for (audit, nc) in ctx
        .case
        .nonconformities()
        .filter(|(_, nc)| nc.grade.value == Grade::Minor)
    {
        let Some(decision) = ctx
            .case
            .decisions
            .iter()
            .find(|d| d.audits.iter().any(|a| a.value == audit.id.value))
        else {
            continue;
        };
        let mut missing = Vec::new();
        if nc.plan_accepted.is_none() {
            missing.push("`plan_accepted` (the date its corrective-action plan was accepted)");
        }
        if p.initial_due_required
            && matches!(audit.kind.value, AuditKind::Stage1 | AuditKind::Stage2)
            && nc.due.is_none()
        {
            missing.push("`due` (the deadline the team set)");
        }
        if !missing.is_empty() {
            out.push(
                Finding::new(
                    nc.id.pos,
                    format!(
                        "minor nonconformity {} lacks {}; decision {} rests on audit {}",
                        nc.id.value,
                        missing.join(" and "),
                        decision.id.value,
                        audit.id.value
                    ),
                )
                .related(decision.id.pos, "decision"),
            );
        }
    }
}
