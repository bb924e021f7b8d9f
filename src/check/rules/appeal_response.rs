//! Appeals and complaints are answered within `days` (TB-GZ-036 11 2); HZL-MSRG-005 11).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;
use crate::load::Date;
use crate::load::case::Text;
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "appeal-response",
    severity: Severity::Error,
    summary: "an appeal is answered within `days` of receipt",
    docs: "`answered ≤ received + days`. An appeal still unanswered when that day has passed \
           (by `--as-of`) is an error too.",
    example: "appeals:\n  - { id: AP1, received: 2026-05-04, answered: 2026-07-10 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(appeals)),
};

pub static COMPLAINT: Rule = Rule {
    id: "complaint-response",
    severity: Severity::Error,
    summary: "a complaint is answered within `days` of receipt",
    docs: "`answered ≤ received + days`. A complaint still unanswered when that day has passed \
           (by `--as-of`) is an error too.",
    example: "complaints:\n  - { id: C1, received: 2026-05-04, answered: 2026-07-10 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(complaints)),
};

/// The scheme's settings for these rules.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Calendar days from receipt within which an appeal (a complaint) is answered.
    pub days: Days,
}

fn appeals(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.appeals {
        judge(
            ctx,
            p,
            "appeal",
            &a.id,
            &a.received,
            a.answered.as_ref(),
            out,
        );
    }
}

fn complaints(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for c in &ctx.case.complaints {
        judge(
            ctx,
            p,
            "complaint",
            &c.id,
            &c.received,
            c.answered.as_ref(),
            out,
        );
    }
}

fn judge(
    ctx: &Ctx,
    p: &Params,
    what: &str,
    id: &Text,
    received: &At<Date>,
    answered: Option<&At<Date>>,
    out: &mut Vec<Finding>,
) {
    let days = p.days.get();
    let latest = add_days(received.value, i64::from(days));
    match answered {
        Some(ans) if ans.value > latest => out.push(
            Finding::new(
                ans.pos,
                format!(
                    "{what} {} is answered on {}, more than {days} days after it was received on {}; the last day was {latest}",
                    id.value, ans.value, received.value
                ),
            )
            .related(received.pos, "received"),
        ),
        None if ctx.as_of > latest => out.push(Finding::new(
            received.pos,
            format!(
                "{what} {} received on {} is still unanswered; the answer was due by {latest}",
                id.value, received.value
            ),
        )),
        _ => {}
    }
}
