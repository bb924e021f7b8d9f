//! Fees are paid by the client, never a natural person (TB-GZ-036 5.3.1, 5.3.1.2 1) 2)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::PayerKind;

pub static RULE: Rule = Rule {
    id: "fee-payer",
    severity: Severity::Error,
    summary: "the contract records who pays; never a natural person, an affiliate only with evidence",
    docs: "`contract.payer` is recorded. `kind: individual` (a natural person) is never \
           accepted; `kind: owner` only when the client is an individual business (credit \
           code starting `92`, 个体工商户); `kind: affiliate` has `evidence` (proof of the \
           relationship and the authorisation).",
    example: "contract:\n  payer: { kind: individual, name: 王某 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(contract) = &ctx.case.contract else {
        return;
    };
    let Some(payer) = &contract.payer else {
        out.push(Finding::new(
            contract.signed.pos,
            "the contract does not record who pays the fees (`contract.payer`)",
        ));
        return;
    };
    let kind = &payer.kind;
    match kind.value {
        PayerKind::Individual => out.push(Finding::new(
            kind.pos,
            "fees paid by a natural person are not accepted; the client pays",
        )),
        PayerKind::Owner if !ctx.case.client.credit_code.value.starts_with("92") => {
            out.push(Finding::new(
                kind.pos,
                format!(
                    "the operator may pay only for an individual business (credit code 92…); the client's is {}",
                    ctx.case.client.credit_code.value
                ),
            ))
        }
        PayerKind::Affiliate if payer.evidence.is_none() => out.push(Finding::new(
            kind.pos,
            "fees paid by an affiliate need the proof of the relationship and the authorisation (`evidence`)",
        )),
        _ => {}
    }
}
