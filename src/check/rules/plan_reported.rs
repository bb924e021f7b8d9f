//! The audit plan reaches the regulator in advance (TB-GZ-036 12.2).

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule};
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
    params: &[("days_before", Param::Int, true)],
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(days) = ctx.config(RULE.id).and_then(|c| c.int("days_before")) else {
        return;
    };
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
