//! The team is changed during an audit only for an unforeseeable reason, to someone on the
//! team (TB-GZ-036 5.6.4; HZL-MSRG-005 4.3.1).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::TeamRole;

pub static RULE: Rule = Rule {
    id: "team-change",
    severity: Severity::Error,
    summary: "a change of the team during the audit has its reason, and who joins is on the team",
    docs: "A `team_changes` entry dated within the audit that takes a leader or auditor off the \
           team (`out`) has a `reason`, the unforeseeable circumstance; who joins (`in`) is on \
           the audit's `team`. With `experts_need_reason: false` a change of technical experts \
           needs no reason.",
    example: "team_changes:\n  - { date: 2026-03-18, out: li-si, in: wu-jiu }   # no reason",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// A change of technical experts needs a reason too.
    pub experts_need_reason: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for c in &a.team_changes {
            if c.date.value < a.start.value || c.date.value > a.end.value {
                continue;
            }
            if let Some(joined) = &c.r#in
                && !a.team.iter().any(|m| m.person.value == joined.value)
            {
                out.push(Finding::new(
                    joined.pos,
                    format!(
                        "{} joins audit {} but is not on its `team`",
                        joined.value, a.id.value
                    ),
                ));
            }
            let Some(left) = &c.out else { continue };
            let expert = match a.team.iter().find(|m| m.person.value == left.value) {
                Some(m) => m.role.value == TeamRole::TechnicalExpert,
                None => ctx.body.and_then(|b| b.staff(left)).is_some_and(|s| {
                    s.has_role(StaffRole::TechnicalExpert)
                        && !s.has_role(StaffRole::Auditor)
                        && !s.has_role(StaffRole::LeadAuditor)
                }),
            };
            if c.reason.is_none() && (p.experts_need_reason || !expert) {
                out.push(Finding::new(
                    left.pos,
                    format!(
                        "{} leaves the team of audit {} on {} without the unforeseeable reason recorded (`reason`)",
                        left.value, a.id.value, c.date.value
                    ),
                ));
            }
        }
    }
}
