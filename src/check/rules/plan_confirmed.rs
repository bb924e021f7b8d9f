//! The client confirms the audit plan before the audit.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "plan-confirmed",
    severity: Severity::Error,
    summary: "the client confirmed the plan on or before the audit's start",
    docs: "An audit plan is agreed with the client before the audit: `plan.confirmed` is given \
           and is not after the audit's `start`.",
    example: "plan:\n  issued: 2026-03-09\n  confirmed: 2026-03-18   # after the audit started on 2026-03-17",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(plan) = &a.plan else { continue };
        match &plan.confirmed {
            None => out.push(Finding::new(
                plan.pos,
                format!("the plan of audit {} has no `confirmed` date (the client's confirmation)", a.id.value),
            )),
            Some(c) if c.value > a.start.value => out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "the client confirmed the plan of audit {} on {}, after the audit started on {}",
                        a.id.value, c.value, a.start.value
                    ),
                )
                .related(a.start.pos, "the audit starts"),
            ),
            Some(_) => {}
        }
    }
}
