//! A terminated audit gets a report of the work done and the reasons, delivered to the
//! client (TB-GZ-036 9.3; HZL-MSRG-005 4.4.4). No deadline: dated before what it answers is
//! an error, missing once that lies before `--as-of` a warning.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "termination-report",
    severity: Severity::Error,
    summary: "a terminated audit's report is issued on or after the termination and delivered after that",
    docs: "`termination.report.issued` is on or after `termination.date` and \
           `termination.report.delivered` (the receipt kept) on or after `issued`. The seeds \
           give no deadline: a report or delivery not recorded once the termination, or the \
           report, lies before `--as-of` is a warning.",
    example: "termination:\n  date: 2026-03-05\n  report: { issued: 2026-03-04 }   # before the termination",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(t) = &a.termination else { continue };
        let report = t.report.as_ref();
        let Some(issued) = report.and_then(|r| r.issued.as_ref()) else {
            if t.date.value < ctx.as_of {
                out.push(
                    Finding::new(
                        t.pos,
                        format!(
                            "audit {} was terminated on {} and no report of the work done and the reasons is recorded (`termination.report.issued`)",
                            a.id.value, t.date.value
                        ),
                    )
                    .severity(Severity::Warning),
                );
            }
            continue;
        };
        if issued.value < t.date.value {
            out.push(
                Finding::new(
                    issued.pos,
                    format!(
                        "the termination report of audit {} is dated {}, before the termination on {}",
                        a.id.value, issued.value, t.date.value
                    ),
                )
                .related(t.date.pos, "terminated"),
            );
        }
        match report.and_then(|r| r.delivered.as_ref()) {
            Some(d) if d.value < issued.value => out.push(
                Finding::new(
                    d.pos,
                    format!(
                        "the termination report of audit {} was delivered on {}, before it was issued on {}",
                        a.id.value, d.value, issued.value
                    ),
                )
                .related(issued.pos, "issued"),
            ),
            None if issued.value < ctx.as_of => out.push(
                Finding::new(
                    issued.pos,
                    format!(
                        "the termination report of audit {} has no delivery to the client on record (`termination.report.delivered`)",
                        a.id.value
                    ),
                )
                .severity(Severity::Warning),
            ),
            _ => {}
        }
    }
}
