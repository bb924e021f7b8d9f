//! The certification decision follows stage 2 within six months (TB-GZ-036 9.4.1).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::{AuditKind, DecisionKind};

pub static RULE: Rule = Rule {
    id: "decision-deadline",
    severity: Severity::Error,
    summary: "the initial decision is taken ≤ `months` after stage 2 ended",
    docs: "The initial decision's date is at most `months` calendar months after the end of \
           the stage 2 audit it rests on. When no initial decision is recorded and that day \
           has passed (`--as-of`), the stage 2 audit is reported.",
    example: "audits:\n  - { id: S2, kind: stage2, end: 2026-03-19 }\ndecisions:\n  - { id: D1, kind: initial, date: 2026-10-12, audits: [S1, S2] }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after stage 2 ends within which the initial decision is taken.
    pub months: Months,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let months = p.months.get();
    for s2 in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage2)
    {
        let latest = add_months(s2.end.value, months);
        let decision = ctx.case.decisions.iter().find(|d| {
            d.kind.value == DecisionKind::Initial && d.audits.iter().any(|a| a.value == s2.id.value)
        });
        match decision {
            Some(d) if d.date.value > latest => out.push(
                Finding::new(
                    d.date.pos,
                    format!(
                        "decision {} is taken on {}, more than {months} months after stage 2 audit {} ended on {}; the last day was {latest}",
                        d.id.value, d.date.value, s2.id.value, s2.end.value
                    ),
                )
                .related(s2.end.pos, "stage 2 ended"),
            ),
            None if latest < ctx.as_of => out.push(Finding::new(
                s2.end.pos,
                format!(
                    "stage 2 audit {} ended on {} and no initial decision is recorded; it was due by {latest}",
                    s2.id.value, s2.end.value
                ),
            )),
            _ => {}
        }
    }
}
