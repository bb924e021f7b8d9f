//! The audit plan schedules every day and every auditor (TB-GZ-036 5.4.7 2)①–⑥;
//! HZL-MSRG-005 4.2.3.1). Objectives are always printed: a plan without its own prints the
//! default objectives of its kind of audit.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "plan-content",
    severity: Severity::Error,
    summary: "with `agenda_required`, a plan's agenda covers the first and last day and names every auditor",
    docs: "With `agenda_required`, every audit plan has an `agenda` with items dated on the \
           audit's `start` and on its `end`, naming every leader and auditor of the team at \
           least once. Objectives need no check: a plan without `objectives` prints the \
           default objectives of its kind of audit.",
    example: "plan:\n  issued: 2026-02-20\n  agenda: []   # no agenda",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Every plan must have a dated agenda naming the auditors.
    pub agenda_required: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    if !p.agenda_required {
        return;
    }
    for a in &ctx.case.audits {
        let Some(plan) = &a.plan else { continue };
        if plan.agenda.is_empty() {
            out.push(Finding::new(
                plan.pos,
                format!(
                    "the plan of audit {} has no agenda (`plan.agenda`)",
                    a.id.value
                ),
            ));
            continue;
        }
        let days = if a.start.value == a.end.value {
            vec![(a.start.value, "only")]
        } else {
            vec![(a.start.value, "first"), (a.end.value, "last")]
        };
        for (day, which) in days {
            if !plan.agenda.iter().any(|i| i.date.value == day) {
                out.push(Finding::new(
                    plan.agenda[0].pos,
                    format!(
                        "the agenda of audit {} has nothing on its {which} day, {day}",
                        a.id.value
                    ),
                ));
            }
        }
        for m in a.team.iter().filter(|m| m.role.value.counts()) {
            let named = plan
                .agenda
                .iter()
                .any(|i| i.auditors.iter().any(|x| x.value == m.person.value));
            if !named {
                out.push(Finding::new(
                    m.person.pos,
                    format!(
                        "the agenda of audit {} gives {} no activity",
                        a.id.value, m.person.value
                    ),
                ));
            }
        }
    }
}
