//! The management system ran long enough before certification.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "system-running-3-months",
    severity: Severity::Error,
    summary: "the management system ran long enough before the application (TB) or stage 2 (HZL)",
    docs: "TB-GZ-036 5.1.2 3) requires a system that has run 满3个月 (at least 3 months) when the \
           application is made; HZL-MSRG-005 4.3.3.2 requires 超过3个月 (more than 3 months) by \
           stage 2. `at` says which date is judged (`application` or `stage2`), \
           `strictly_more` whether exactly `months` is too short.",
    example: "client:\n  management_system_since: 2025-12-01\napplication:\n  received: 2026-02-02   # 2 months later",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How many months the management system has run by `at`.
    pub months: Months,
    /// When the months are counted to: `application` (received) or `stage2` (start).
    pub at: Moment,
    /// Whether more than `months` are needed (else at least).
    pub strictly_more: bool,
}

/// The moment the system's running time is judged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Moment {
    Application,
    Stage2,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let months = p.months.get();
    let since = &ctx.case.client.management_system_since;
    let (when, what) = if p.at == Moment::Stage2 {
        match ctx
            .case
            .audits
            .iter()
            .find(|a| a.kind.value == AuditKind::Stage2)
        {
            Some(a) => (&a.start, "stage 2 starts"),
            None => return,
        }
    } else {
        (
            &ctx.case.application.received,
            "the application was received",
        )
    };
    let threshold = add_months(since.value, months);
    let strict = p.strictly_more;
    let too_early = if strict {
        when.value <= threshold
    } else {
        when.value < threshold
    };
    if too_early {
        let need = if strict { "more than" } else { "at least" };
        out.push(
            Finding::new(
                when.pos,
                format!(
                    "{what} on {}, but the management system has run only since {}; {need} {months} months are required (from {threshold})",
                    when.value,
                    since.value,
                    threshold = if strict { crate::dates::add_days(threshold, 1) } else { threshold }
                ),
            )
            .related(since.pos, "running since"),
        );
    }
}
