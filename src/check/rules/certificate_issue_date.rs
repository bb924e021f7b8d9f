//! A certificate is issued after the decision that grants it.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-issue-date",
    severity: Severity::Error,
    summary: "issued on or after its decision and the decision's approval",
    docs: "A certificate's `issued` is not before the date of the decision it names nor, when \
           that decision has `approved`, before the approval (the same day is allowed).",
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
        if let Some(on) = d.approved.as_ref().filter(|on| c.issued.value < on.value) {
            out.push(
                Finding::new(
                    c.issued.pos,
                    format!(
                        "certificate {} is issued on {}, before decision {} was approved on {}",
                        c.number.value, c.issued.value, d.id.value, on.value
                    ),
                )
                .related(on.pos, "approved"),
            );
        } else if c.issued.value < d.date.value {
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
