//! A regulator's notice of a problem is followed by an audit within 30 days (TB-GZ-036
//! 6.1.3; HZL-MSRG-005 5.2.3; F-32).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Days;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_days;
use crate::diag::Severity;
use crate::load::case::{AuditKind, AuditPurpose, EventKind};

pub static RULE: Rule = Rule {
    id: "special-audit-after-notice",
    severity: Severity::Error,
    summary: "after a regulator's notice, a surveillance or special audit starts within `days`",
    docs: "After an `events` entry of kind `regulator-notice` (`date` = the regulator's notice), \
           a surveillance, or a special audit with `purpose: regulator-notice`, starts on or \
           before `date + days`: an error when it starts later; a warning when none is \
           recorded and that day has passed.",
    example: "events:\n  - { id: E1, kind: regulator-notice, date: 2026-06-01 }\naudits:\n  - { id: X1, kind: special, purpose: regulator-notice, start: 2026-07-15 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Calendar days after the regulator's notice within which the audit starts.
    pub days: Days,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let days = p.days.get();
    let case = ctx.case;
    for e in case
        .events
        .iter()
        .filter(|e| e.kind.value == EventKind::RegulatorNotice)
    {
        let latest = add_days(e.date.value, i64::from(days));
        let answering = case
            .audits
            .iter()
            .filter(|a| a.start.value >= e.date.value)
            .filter(|a| {
                a.kind.value == AuditKind::Surveillance
                    || a.purpose
                        .as_ref()
                        .is_some_and(|x| x.value == AuditPurpose::RegulatorNotice)
            })
            .min_by_key(|a| a.start.value);
        match answering {
            Some(a) if a.start.value > latest => out.push(
                Finding::new(
                    a.start.pos,
                    format!(
                        "audit {} follows the regulator's notice {} of {} on {}; the last day was {latest} ({days} days)",
                        a.id.value, e.id.value, e.date.value, a.start.value
                    ),
                )
                .related(e.date.pos, "notice"),
            ),
            None if latest < ctx.as_of => out.push(
                Finding::new(
                    e.date.pos,
                    format!(
                        "no audit followed the regulator's notice {} of {}; one was due to start by {latest}",
                        e.id.value, e.date.value
                    ),
                )
                .severity(Severity::Warning),
            ),
            _ => {}
        }
    }
}
