//! The certification contract is signed after the application is accepted and before the
//! first audit (TB-GZ-036 5.3.1; HZL-MSRG-005 4.1.5).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "contract-before-audit",
    severity: Severity::Error,
    summary: "the contract is signed after acceptance and no later than the first audit day",
    docs: "An accepted application that has audits needs a `contract`, signed on or after the \
           application review (`application.reviewed`, else `received`) and on or before the \
           start of the first audit.",
    example: "application:\n  reviewed: 2026-02-04\ncontract:\n  signed: 2026-03-06\naudits:\n  - { id: S1, start: 2026-03-05, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let Some(first) = case.audits.iter().min_by_key(|a| a.start.value) else {
        return;
    };
    let Some(contract) = &case.contract else {
        out.push(Finding::new(
            first.id.pos,
            format!(
                "audit {} starts on {} but the case has no `contract`; the certification contract is signed before the first audit",
                first.id.value, first.start.value
            ),
        ));
        return;
    };
    let signed = &contract.signed;
    let accepted = case
        .application
        .reviewed
        .as_ref()
        .unwrap_or(&case.application.received);
    if signed.value < accepted.value {
        out.push(
            Finding::new(
                signed.pos,
                format!(
                    "the contract was signed on {}, before the application was reviewed and accepted on {}",
                    signed.value, accepted.value
                ),
            )
            .related(accepted.pos, "application accepted"),
        );
    }
    if signed.value > first.start.value {
        out.push(
            Finding::new(
                signed.pos,
                format!(
                    "the contract was signed on {}, after audit {} started on {}",
                    signed.value, first.id.value, first.start.value
                ),
            )
            .related(first.start.pos, "first audit starts"),
        );
    }
}
