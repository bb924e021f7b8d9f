//! A surveillance deadline that has passed with nothing recorded: neither the surveillance
//! nor the suspension it should have led to (TB-GZ-036 6.1.1 3), 10.3.1 7);
//! HZL-MSRG-005 5.2.2).

use crate::check::schedule::{
    current_cycle, next_surveillance, under_suspension, withdrawn_between,
};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "surveillance-overdue",
    severity: Severity::Warning,
    summary: "as of `--as-of`, a surveillance deadline passed with no surveillance, and the certificate is not under suspension",
    docs: "The next surveillance of the current certificate is due by the earliest of the \
           deadlines of `first-surveillance-due`, `second-surveillance-due` and \
           `surveillance-interval` (with their parameters). Once that day is before \
           `--as-of`, a surveillance should have started since the previous one (or the \
           issue), unless the certificate is under suspension on `--as-of`: suspended on or \
           before it and not restored or withdrawn by then. A suspension lifted before \
           `--as-of` does not cover the deadline: the restored client still owes the \
           surveillance.",
    example: "certificates:\n  - { number: TB-PIC-2026-0003, issued: 2026-04-22, … }\n# no surveillance, --as-of 2027-05-01",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(cycle) = current_cycle(ctx) else {
        return;
    };
    let Some((due, how)) = next_surveillance(ctx, &cycle) else {
        return;
    };
    if due >= ctx.as_of {
        return;
    }
    let since = cycle
        .surveillances
        .last()
        .map_or(cycle.certificate.issued.value, |s| s.start.value);
    // Only a suspension in force covers the missed deadline: one lifted before `--as-of`,
    // before or after the deadline, leaves the restored client owing the surveillance.
    if under_suspension(ctx, ctx.as_of) || withdrawn_between(ctx, since, ctx.as_of) {
        return;
    }
    out.push(Finding::new(
        cycle.certificate.number.pos,
        format!(
            "as of {}, the {how} was due by {due}; record the surveillance, or suspend the certificate",
            ctx.as_of
        ),
    ));
}
