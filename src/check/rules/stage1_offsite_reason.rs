//! A stage 1 audit that is not on site records why that was possible
//! (TB-GZ-036 5.6.2 2)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "stage1-offsite-reason",
    severity: Severity::Error,
    summary: "an off-site stage 1 carries `offsite: { condition, reason }`",
    docs: "Stage 1 is normally on site. With `onsite: false`, the audit records which of the \
           rule document's conditions applies and why (`offsite: { condition, reason }`).",
    example: "audits:\n  - { id: S1, kind: stage1, onsite: false, … }   # no offsite:",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage1 && !a.onsite.value)
    {
        let blank = a.offsite.as_ref().is_none_or(|j| {
            j.condition.value.trim().is_empty() || j.reason.value.trim().is_empty()
        });
        if blank {
            out.push(Finding::new(
                a.onsite.pos,
                format!(
                    "stage 1 audit {} is off site but records no `offsite: {{ condition, reason }}`",
                    a.id.value
                ),
            ));
        }
    }
}
