//! A client whose previous certificate was suspended, withdrawn or cancelled for its own
//! cause waits before applying again (TB-GZ-036 5.1.2 6)) or must have rectified the cause
//! (HZL-MSRG-005 10.4).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::PreviousStatus;

pub static RULE: Rule = Rule {
    id: "previous-certificate-wait",
    severity: Severity::Error,
    summary: "after a certificate suspended, withdrawn or cancelled for the client's own cause, the client waits `months` (or rectifies)",
    docs: "For each `client.previous_certificates` entry with `own_cause: true`: with `months`, \
           the application is received no earlier than `months` after the entry's `date` \
           (`months_if_body_lost_approval` when `body_approval_revoked: true`); with \
           `unless_rectified`, the entry must record `rectified: true`.",
    example: "client:\n  previous_certificates:\n    - { body: 某认证公司, status: withdrawn, date: 2025-09-01, own_cause: true }\napplication:\n  received: 2026-02-02   # 5 months later",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

fn status(s: PreviousStatus) -> &'static str {
    match s {
        PreviousStatus::Suspended => "suspended",
        PreviousStatus::Withdrawn => "withdrawn",
        PreviousStatus::Cancelled => "cancelled",
    }
}

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after a previous certificate ended for the client's own cause before a new application may be accepted.
    pub months: Option<Months>,
    /// The wait instead, when the previous body lost its approval.
    pub months_if_body_lost_approval: Option<Months>,
    /// Whether the client must have rectified the cause (`rectified: true`) instead of waiting.
    #[serde(default)]
    pub unless_rectified: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let received = &ctx.case.application.received;
    for prev in ctx
        .case
        .client
        .previous_certificates
        .iter()
        .filter(|p| p.own_cause.value)
    {
        let what = format!(
            "the previous certificate{} from {} was {} for the client's own cause on {}",
            prev.number
                .as_ref()
                .map(|n| format!(" {}", n.value))
                .unwrap_or_default(),
            prev.body.value,
            status(prev.status.value),
            prev.date.value
        );
        if p.unless_rectified && !prev.rectified.as_ref().is_some_and(|r| r.value) {
            let pos = prev
                .rectified
                .as_ref()
                .map_or(prev.own_cause.pos, |r| r.pos);
            out.push(Finding::new(
                pos,
                format!("{what}; record `rectified: true` once the cause has been rectified"),
            ));
        }
        let Some(months) = p.months.map(Months::get) else {
            continue;
        };
        let lost = prev.body_approval_revoked.as_ref().is_some_and(|b| b.value);
        let wait = if lost {
            p.months_if_body_lost_approval.map_or(months, Months::get)
        } else {
            months
        };
        let earliest = add_months(prev.date.value, wait);
        if received.value < earliest {
            out.push(
                Finding::new(
                    received.pos,
                    format!(
                        "the application was received on {}; {what}, so no application may be accepted before {earliest} ({wait} months)",
                        received.value
                    ),
                )
                .related(prev.date.pos, "previous certificate ended"),
            );
        }
    }
}
