//! The audit plan reaches the regulator in advance (TB-GZ-036 12.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "plan-reported",
    severity: Severity::Error,
    summary: "the plan was reported to the regulator at least `days_before` days before the audit's start",
    docs: "For each on-site audit with a plan, `plan.reported ≤ start − days_before`.",
    example: "start: 2026-03-17\nplan:\n  reported: 2026-03-16   # 1 day before",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How many days before an audit starts its plan must reach the regulator.
    pub days_before: Days,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let days = p.days_before.get();
    for a in ctx.case.audits.iter().filter(|a| a.onsite.value) {
        let Some(plan) = &a.plan else { continue };
        let latest = add_days(a.start.value, -i64::from(days));
        match &plan.reported {
            None => out.push(Finding::new(
                plan.pos,
                format!(
                    "the plan of audit {} has no `reported` date; it must reach the regulator by {latest}",
                    a.id.value
                ),
            )),
            Some(r) if r.value > latest => out.push(
                Finding::new(
                    r.pos,
                    format!(
                        "the plan of audit {} was reported on {}, less than {days} days before the audit starts on {}; the last day was {latest}",
                        a.id.value, r.value, a.start.value
                    ),
                )
                .related(a.start.pos, "the audit starts"),
            ),
            Some(_) => {}
        }
    }
}
