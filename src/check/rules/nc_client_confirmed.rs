//! The client's representative confirms every nonconformity (TB-GZ-036 5.6.4.5 3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "nc-client-confirmed",
    severity: Severity::Error,
    summary: "the client's representative confirmed each nonconformity (`confirmed_by_client`)",
    docs: "The nonconformity report is signed by the client's representative; the date is \
           recorded as `confirmed_by_client`.",
    example: "nonconformities:\n  - { id: NC01, raised: 2026-03-18, … }   # no confirmed_by_client",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (audit, nc) in ctx.case.nonconformities() {
        if nc.confirmed_by_client.is_none() {
            out.push(Finding::new(
                nc.id.pos,
                format!(
                    "nonconformity {} of audit {} is not confirmed by the client's representative ({}); record `confirmed_by_client`",
                    nc.id.value, audit.id.value, ctx.case.client.representative.value
                ),
            ));
        }
    }
}
