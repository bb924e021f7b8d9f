//! A refused application is notified to the applicant in writing within 30 days of receipt
//! (TB-GZ-036 5.2.2 2)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "non-acceptance-notice",
    severity: Severity::Error,
    summary: "a refused application is notified within `days` of its receipt",
    docs: "With `application.accepted: false`, `application.notified` (the date the written \
           refusal was sent) is required and is no later than `received + days`.",
    example: "application:\n  received: 2026-02-02\n  accepted: false\n  notified: 2026-03-20   # 46 days later",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Calendar days from receipt within which a refused applicant is notified.
    pub days: Days,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let days = p.days.get();
    let app = &ctx.case.application;
    if app.accepted.value {
        return;
    }
    let latest = add_days(app.received.value, i64::from(days));
    match &app.notified {
        None if ctx.as_of > latest => out.push(Finding::new(
            app.accepted.pos,
            format!(
                "the application was refused but no notice is recorded (`notified`); it was due by {latest}, {days} days after receipt on {}",
                app.received.value
            ),
        )),
        None => {}
        Some(n) if n.value > latest => out.push(
            Finding::new(
                n.pos,
                format!(
                    "the refusal was notified on {}, more than {days} days after the application was received on {}; the last day was {latest}",
                    n.value, app.received.value
                ),
            )
            .related(app.received.pos, "application received"),
        ),
        Some(_) => {}
    }
}
