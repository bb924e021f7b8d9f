//! The management system ran long enough before certification.

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule};
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
    params: &[
        ("months", Param::Int, true),
        ("at", Param::Word(&["application", "stage2"]), true),
        ("strictly_more", Param::Flag, true),
    ],
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(cfg) = ctx.config(RULE.id) else {
        return;
    };
    let Some(months) = cfg.int("months") else {
        return;
    };
    let since = &ctx.case.client.management_system_since;
    let (when, what) = if cfg.text("at") == Some("stage2") {
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
    let strict = cfg.flag("strictly_more");
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
