//! A certificate is issued after the decision that grants it.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-issue-date",
    severity: Severity::Error,
    summary: "issued on or after its decision",
    docs: "A certificate's `issued` is not before the date of the decision it names.",
    example: "decisions: [{ id: D1, date: 2026-04-20, … }]\ncertificates:\n  - { decision: D1, issued: 2026-04-18, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for c in &ctx.case.certificates {
        let Some(d) = ctx
            .case
            .decisions
            .iter()
            .find(|d| d.id.value == c.decision.value)
        else {
            continue;
        };
        if c.issued.value < d.date.value {
            out.push(
                Finding::new(
                    c.issued.pos,
                    format!(
                        "certificate {} is issued on {}, before decision {} on {}",
                        c.number.value, c.issued.value, d.id.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            );
        }
    }
}
