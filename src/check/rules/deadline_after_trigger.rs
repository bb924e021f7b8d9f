//! Suspension and withdrawal follow their ground within a deadline: calendar days (TB
//! "5日") or working days (HZL "5个工作日"), as the scheme file says.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::{Days, WorkingDays};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::dates::add_days;
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static SUSPENSION: Rule = Rule {
    id: "suspension-deadline",
    severity: Severity::Error,
    summary: "a certificate is suspended within `days` (or `working_days`) of the verified ground (`trigger`)",
    docs: "A suspension decision carries `trigger`, the date its ground was verified, and is \
           taken no later than `trigger + days` (calendar days) or the `working_days`-th \
           working day after it (official calendar).",
    example: "decisions:\n  - { id: D2, outcome: suspend, trigger: 2026-06-01, date: 2026-06-09, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(suspension)),
};

pub static WITHDRAWAL: Rule = Rule {
    id: "withdrawal-deadline",
    severity: Severity::Error,
    summary: "a certificate is withdrawn within `days` (or `working_days`) of the verified ground (`trigger`)",
    docs: "As `suspension-deadline`, for withdrawal decisions.",
    example: "decisions:\n  - { id: D3, outcome: withdraw, trigger: 2026-09-01, date: 2026-09-10, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(withdrawal)),
};

/// The scheme's settings for `suspension-deadline` and `withdrawal-deadline`: `days` or
/// `working_days`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The deadline in calendar days after the ground was verified.
    pub days: Option<Days>,
    /// The deadline in working days instead (used when both are given).
    pub working_days: Option<WorkingDays>,
}

fn suspension(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    run(ctx, p, Outcome::Suspend, "suspended", out);
}

fn withdrawal(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    run(ctx, p, Outcome::Withdraw, "withdrawn", out);
}

fn run(ctx: &Ctx, p: &Params, outcome: Outcome, done: &str, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == outcome)
    {
        let Some(trigger) = &d.trigger else {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "decision {} has no `trigger` (the date its ground was verified)",
                    d.id.value
                ),
            ));
            continue;
        };
        let (latest, unit, n) = if let Some(n) = p.working_days.map(WorkingDays::get) {
            (working_days_after(ctx, trigger, n, out), "working days", n)
        } else if let Some(n) = p.days.map(Days::get) {
            (add_days(trigger.value, i64::from(n)), "days", n)
        } else {
            continue;
        };
        if d.date.value > latest {
            out.push(
                Finding::new(
                    d.date.pos,
                    format!(
                        "the certificate is {done} on {}, more than {n} {unit} after the ground was verified on {}; the last day was {latest}",
                        d.date.value, trigger.value
                    ),
                )
                .related(trigger.pos, "ground verified"),
            );
        }
    }
}
