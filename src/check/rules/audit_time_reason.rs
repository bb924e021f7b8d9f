//! Audit time below the (risk-adjusted) table value is justified by recorded reductions,
//! each with its reason (TB-GZ-036 5.4.4 2), 6.2.2; HZL-MSRG-005 4.2.1.1).

use crate::check::audit_time::{below, effective_personnel, initial, risk_adjustment, table_value};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "audit-time-reason",
    severity: Severity::Error,
    summary: "audit time below the risk-adjusted table value is covered by `reductions` with reasons",
    docs: "The risk-adjusted table value is the table value for the effective personnel, \
           lowered by the scheme's adjustment for a low-risk client (a high-risk client's \
           minimum is `audit-time-risk`'s). When stage 1 + stage 2 \
           take less, the `reductions` recorded on them (percent of the table value) must \
           account for the difference, and every reduction on any audit names its `reason`.",
    example: "audits:\n  - id: S2\n    mandays: 4.0          # table 7, no reduction recorded\n    reductions: []",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else { return };
    for audit in &ctx.case.audits {
        for r in audit.reductions.iter().filter(|r| {
            r.reason
                .as_ref()
                .is_none_or(|reason| reason.value.trim().is_empty())
        }) {
            out.push(Finding::new(
                r.percent.pos,
                format!(
                    "audit {} records a {} % reduction without a `reason`",
                    audit.id.value, r.percent.value
                ),
            ));
        }
    }
    let people = effective_personnel(ctx.case);
    let (Some((table, _)), Some((total, stage2))) =
        (table_value(scheme, people), initial(ctx.case))
    else {
        return;
    };
    // Only a downward adjustment moves the threshold: a high-risk floor is `audit-time-risk`'s.
    let adjusted = table * (1.0 + risk_adjustment(ctx.case, scheme).min(0.0));
    let reduced: f64 = ctx
        .case
        .audits
        .iter()
        .filter(|a| matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2))
        .flat_map(|a| a.reductions.iter())
        .map(|r| r.percent.value)
        .sum();
    let allowed = adjusted - table * reduced / 100.0;
    let Some(severity) = below(total, allowed) else {
        return;
    };
    let message = if reduced == 0.0 {
        format!(
            "stage 1 + stage 2 take {total} man-days, below the risk-adjusted table value of {adjusted:.2} for {people} effective personnel, and no `reductions` with reasons are recorded"
        )
    } else {
        format!(
            "stage 1 + stage 2 take {total} man-days; the risk-adjusted table value is {adjusted:.2} and the recorded reductions ({reduced} % of {table}) allow {allowed:.2} at the least"
        )
    };
    out.push(Finding::new(stage2.mandays.pos, message).severity(severity));
}
