//! Audit time in half man-days.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "half-man-day",
    severity: Severity::Warning,
    summary: "man-day figures are multiples of 0.5",
    docs: "TB-GZ-036 5.4.4 2) says audit time 宜 be adjusted to the nearest half man-day, so a \
           figure like 2.3 is reported as a warning.",
    example: "audits:\n  - id: A1\n    mandays: 2.3",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn half(v: &At<f64>, what: &str, id: &str, out: &mut Vec<Finding>) {
    let twice = v.value * 2.0;
    if (twice - twice.round()).abs() > 1e-9 {
        out.push(Finding::new(
            v.pos,
            format!(
                "{what} of audit {id} is {}; use a multiple of 0.5 (nearest: {})",
                v.value,
                twice.round() / 2.0
            ),
        ));
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        half(&a.mandays, "mandays", &a.id, out);
        half(&a.onsite_mandays, "onsite_mandays", &a.id, out);
    }
}
