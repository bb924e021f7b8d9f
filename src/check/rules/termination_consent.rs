//! The body agrees to terminate an audit before it ends (TB-GZ-036 5.6.4.3, 9.3;
//! HZL-MSRG-005 4.3.4; F-23: consent although 5.5.3 says "报告后终止").

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "termination-consent",
    severity: Severity::Error,
    summary: "a terminated audit records the body's consent on or before the termination",
    docs: "`termination.consent`, the date the certification body agreed to terminate, is \
           recorded and on or before `termination.date`.",
    example: "termination: { date: 2026-03-05, ground: no-cooperation }   # no consent",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(t) = &a.termination else { continue };
        match &t.consent {
            None => out.push(Finding::new(
                t.pos,
                format!(
                    "audit {} was terminated on {} without the body's consent on record (`termination.consent`)",
                    a.id.value, t.date.value
                ),
            )),
            Some(c) if c.value > t.date.value => out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "the body consented on {} to terminating audit {}, after it was terminated on {}",
                        c.value, a.id.value, t.date.value
                    ),
                )
                .related(t.date.pos, "terminated"),
            ),
            Some(_) => {}
        }
    }
}
