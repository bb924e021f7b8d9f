//! The answer to an appeal tells the appellant where it may complain next (HZL-MSRG-005 11,
//! second paragraph).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "appeal-notice-content",
    severity: Severity::Error,
    summary: "an answered appeal states the route to complain to the authorities",
    docs: "An answered appeal has `complaint_route_stated: true`: the written answer tells the \
           appellant it may complain to the local certification authority, CNCA or the \
           accreditation body.",
    example: "appeals:\n  - { id: AP1, received: 2026-05-04, answered: 2026-06-01 }   # no complaint_route_stated",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.appeals {
        let Some(ans) = &a.answered else { continue };
        if !a.complaint_route_stated.as_ref().is_some_and(|x| x.value) {
            out.push(Finding::new(
                ans.pos,
                format!(
                    "the answer to appeal {} does not tell the appellant it may complain to the certification authority, CNCA or the accreditation body (`complaint_route_stated`)",
                    a.id.value
                ),
            ));
        }
    }
}
