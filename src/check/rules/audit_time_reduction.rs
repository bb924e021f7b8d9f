//! The initial audit time is at least the table value less the largest allowed reduction.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, effective_personnel, table_value};
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "audit-time-reduction",
    severity: Severity::Error,
    summary: "the initial audit time (stage 1 + stage 2) is at least (1 − `max_reduction`) × the table value",
    docs: "The table (附录A) gives the initial audit time by effective personnel (full-time plus \
           part-time equivalents, rounded up); above its last row it is extended by the scheme's \
           ratio, with a warning asking for a recorded justification. Stage 1 and stage 2 \
           together may be at most `max_reduction` below it; a figure that reaches the minimum \
           only after rounding to the nearest half man-day is a warning.",
    example: "client: { personnel: { full_time: 118, part_time_equivalent: 4 } }   # 122 → 7 man-days\naudits:\n  - { kind: stage1, mandays: 1.0 }\n  - { kind: stage2, mandays: 3.5 }   # 4.5 < 0.7 × 7 = 4.9",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The largest total reduction below the audit-time table value, as a share of it.
    pub max_reduction: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else {
        return;
    };
    let max = p.max_reduction.get();
    let people = effective_personnel(ctx.case);
    let Some((table, extended)) = table_value(scheme, people) else {
        return;
    };
    let initial: Vec<_> = ctx
        .case
        .audits
        .iter()
        .filter(|a| matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2))
        .collect();
    let Some(stage2) = initial.iter().find(|a| a.kind.value == AuditKind::Stage2) else {
        return;
    };
    if extended {
        out.push(
            Finding::new(
                ctx.case.client.personnel.pos,
                format!(
                    "{people} effective personnel is beyond the audit-time table; {table} man-days come from extending it (×{}), so record the justification",
                    scheme.audit_time.extrapolation.ratio.value
                ),
            )
            .severity(Severity::Warning),
        );
    }
    let total: f64 = initial.iter().map(|a| a.mandays.value).sum();
    let minimum = table * (1.0 - max);
    if let Some(severity) = below(total, minimum) {
        out.push(
            Finding::new(
                stage2.mandays.pos,
                format!(
                    "the initial audit takes {total} man-days (stage 1 + stage 2); the table gives {table} for {people} effective personnel, and at most {:.0} % less ({minimum:.2}) is allowed",
                    max * 100.0
                ),
            )
            .severity(severity),
        );
    }
}
