//! Every audit that has ended has an issued report (TB-GZ-036 9.1.1; HZL-MSRG-005 4.4.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "report-required",
    severity: Severity::Error,
    summary: "each audit that ended before `--as-of` has a `report` with its `issued` date",
    docs: "The audit report is the record the decision rests on. An audit whose end date is \
           before `--as-of` records `report.issued`; a terminated audit reports through its \
           `termination.report` instead (`termination-report`).",
    example: "audits:\n  - { id: A1, kind: surveillance, end: 2026-02-11, … }   # no report:",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // A terminated audit's report is its termination report (`termination-report`).
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.end.value < ctx.as_of && a.termination.is_none())
    {
        let (pos, what) = match &a.report {
            None => (a.id.pos, "no `report`"),
            Some(r) if r.issued.is_none() => (r.pos, "a report without its `issued` date"),
            Some(_) => continue,
        };
        out.push(Finding::new(
            pos,
            format!(
                "{} audit {} ended on {} and has {what}",
                a.kind.value.name(),
                a.id.value,
                a.end.value
            ),
        ));
    }
}
