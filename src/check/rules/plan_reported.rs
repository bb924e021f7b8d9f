//! The audit plan reaches the regulator in advance (TB-GZ-036 12.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "plan-reported",
    severity: Severity::Error,
    summary: "the plan was reported to the regulator at least `days_before` days before the audit's start",
    docs: "For each on-site audit with a plan, `plan.reported ≤ start − days_before`. A \
           special audit the client was `notified` of later than that, or `unannounced: \
           true`, gets a warning instead of an error (its justification is \
           `short-notice-audit`'s).",
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
        // A special audit at short notice or without notice cannot report the plan in time:
        // a warning here, its justification is `short-notice-audit`'s (F-21).
        let short_notice = a.kind.value == AuditKind::Special
            && (a.unannounced.as_ref().is_some_and(|u| u.value)
                || a.notified.as_ref().is_some_and(|n| n.value > latest));
        let finding = match &plan.reported {
            None => Finding::new(
                plan.pos,
                format!(
                    "the plan of audit {} has no `reported` date; it must reach the regulator by {latest}",
                    a.id.value
                ),
            ),
            Some(r) if r.value > latest => Finding::new(
                r.pos,
                format!(
                    "the plan of audit {} was reported on {}, less than {days} days before the audit starts on {}; the last day was {latest}",
                    a.id.value, r.value, a.start.value
                ),
            )
            .related(a.start.pos, "the audit starts"),
            Some(_) => continue,
        };
        out.push(if short_notice {
            finding.severity(Severity::Warning)
        } else {
            finding
        });
    }
}
