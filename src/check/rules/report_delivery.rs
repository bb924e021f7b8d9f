//! The audit report reaches the client within 30 working days after the decision
//! (HZL-MSRG-005 4.4.3; a warning under TB-GZ-036 9.1.1, 9.2 1)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::WorkingDays;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "report-delivery",
    severity: Severity::Error,
    summary: "each decided audit's report is delivered ≤ `working_days` after the decision",
    docs: "For every audit a decision names, `report.delivered` is no later than the decision's \
           date plus `working_days` working days (`rules/calendar.yaml`). A missing delivery \
           date is reported once that deadline has passed. Suspension and withdrawal \
           decisions rest on no report and are not counted.",
    example: "decisions:\n  - { id: D1, date: 2026-04-20, audits: [S2] }\naudits:\n  - id: S2\n    report: { delivered: 2026-07-01 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Working days after the decision by which the audit report reaches the client.
    pub working_days: WorkingDays,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let n = p.working_days.get();
    for audit in &ctx.case.audits {
        let Some(d) = ctx.case.deciding(audit) else {
            continue;
        };
        let latest = working_days_after(ctx, &d.date, n, out);
        let delivered = audit.report.as_ref().and_then(|r| r.delivered.as_ref());
        match delivered {
            Some(x) if x.value > latest => out.push(
                Finding::new(
                    x.pos,
                    format!(
                        "the report of audit {} reached the client on {}, more than {n} working days after decision {} on {}; the last day was {latest}",
                        audit.id.value, x.value, d.id.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decision"),
            ),
            None if latest < ctx.as_of => out.push(Finding::new(
                audit.report.as_ref().map_or(audit.id.pos, |r| r.pos),
                format!(
                    "the report of audit {} has no `delivered` date; it was due by {latest}, {n} working days after decision {} on {}",
                    audit.id.value, d.id.value, d.date.value
                ),
            )),
            _ => {}
        }
    }
}
