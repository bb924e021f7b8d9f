//! The contract is signed for the body by someone entitled to (TB-GZ-036 5.3.1).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::body::StaffRole;

pub static RULE: Rule = Rule {
    id: "contract-signatory",
    severity: Severity::Error,
    summary: "`contract.signed_by` is a staff member holding one of `roles`",
    docs: "The certification contract is signed for the body by a staff member holding one of \
           the scheme's `roles` (TB: the general manager or an authorised signatory).",
    example: "contract: { signed: 2026-02-10, signed_by: li-si }   # an auditor",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Staff roles that may sign a contract.
    pub roles: Vec<StaffRole>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(contract) = &ctx.case.contract else {
        return;
    };
    let Some(by) = &contract.signed_by else {
        out.push(Finding::new(
            contract.signed.pos,
            "the contract does not record who signed it for the body (`contract.signed_by`)",
        ));
        return;
    };
    let Some(staff) = ctx.body.and_then(|b| b.staff(by)) else {
        return;
    };
    if !p.roles.iter().any(|r| staff.has_role(*r)) {
        out.push(Finding::new(
            by.pos,
            format!(
                "{} ({}) signed the contract but holds none of the roles that may: {}",
                staff.name.value,
                by.value,
                p.roles
                    .iter()
                    .map(|r| r.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
}
