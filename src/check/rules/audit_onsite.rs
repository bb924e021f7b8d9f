//! Stage 2, surveillance and recertification audits are carried out on site
//! (TB-GZ-036 5.6.3.2 1), 6.1.4, 7.1.1 1); HZL-MSRG-005 4.3.3.5, 5.5).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "audit-onsite",
    severity: Severity::Error,
    summary: "stage 2, surveillance and recertification audits are on site",
    docs: "Only stage 1 (with a recorded reason) and special audits may be off site.",
    example: "audits:\n  - { id: A1, kind: surveillance, onsite: false, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in ctx.case.audits.iter().filter(|a| {
        matches!(
            a.kind.value,
            AuditKind::Stage2 | AuditKind::Surveillance | AuditKind::Recertification
        ) && !a.onsite.value
    }) {
        out.push(Finding::new(
            a.onsite.pos,
            format!(
                "{} audit {} is recorded as off site; it must be carried out on site",
                a.kind.value.name(),
                a.id.value
            ),
        ));
    }
}
