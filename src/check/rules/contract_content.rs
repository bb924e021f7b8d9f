//! The certification contract holds the clauses the rule document requires (TB-GZ-036
//! 5.3.1.1 1)–7); HZL-MSRG-005 4.1.5 (1)–(7)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "contract-content",
    severity: Severity::Error,
    summary: "the contract's clauses include every key of `clauses`",
    docs: "The contract's clause keys (`contract.clauses`, else the body's standard contract \
           form, `contract_clauses` in the body file) include every key of the scheme's \
           `clauses`: the client's commitment, legal compliance, notification of changes, use \
           of certificates and marks, scope, responsibilities and fees.",
    example: "contract:\n  clauses: [commitment, scope, fees]   # no compliance, notification …",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Clause keys every contract must have.
    pub clauses: Vec<String>,
}

/// The clause keys of the case's contract: its own, else the body's standard form.
pub fn clauses<'a>(ctx: &Ctx<'a>) -> Vec<&'a str> {
    let own = ctx.case.contract.as_ref().and_then(|c| c.clauses.as_ref());
    match own {
        Some(c) => c.iter().map(|k| k.as_str()).collect(),
        None => ctx
            .body
            .map(|b| b.contract_clauses.iter().map(|k| k.as_str()).collect())
            .unwrap_or_default(),
    }
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(contract) = &ctx.case.contract else {
        return;
    };
    let have = clauses(ctx);
    let missing: Vec<&str> = p
        .clauses
        .iter()
        .map(String::as_str)
        .filter(|k| !have.contains(k))
        .collect();
    if !missing.is_empty() {
        let from = if contract.clauses.is_some() {
            "`contract.clauses`"
        } else {
            "the body's standard contract (`contract_clauses`)"
        };
        out.push(Finding::new(
            contract
                .clauses
                .as_ref()
                .and_then(|c| c.first())
                .map_or(contract.signed.pos, |c| c.pos),
            format!(
                "the contract lacks the clauses {} ({from})",
                missing.join(", ")
            ),
        ));
    }
}
