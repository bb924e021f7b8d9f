//! A suspension is approved by a department head before it is taken, a reduction of scope
//! by the general manager or management representative after (TB-GZ-036 10.3.4 1),
//! 5.7.2 3); F-35).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "status-change-approval",
    severity: Severity::Error,
    summary: "a suspension is approved by a department head on or before it; a scope reduction by the general manager or management representative on or after it",
    docs: "A `suspend` decision is approved (`approved_by`, `approved`) by a `department-head` \
           on or before its date; a `reduce-scope` decision by a `general-manager` or \
           `management-representative` on or after its date.",
    example: "- { id: D2, outcome: suspend, date: 2026-06-01 }   # no approved_by / approved",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in &ctx.case.decisions {
        let (roles, before): (&[StaffRole], bool) = match d.outcome.value {
            Outcome::Suspend => (&[StaffRole::DepartmentHead], true),
            Outcome::ReduceScope => (
                &[
                    StaffRole::GeneralManager,
                    StaffRole::ManagementRepresentative,
                ],
                false,
            ),
            _ => continue,
        };
        let names: Vec<&str> = roles.iter().map(|r| r.key()).collect();
        let (Some(by), Some(on)) = (&d.approved_by, &d.approved) else {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "decision {} ({}) has no approval by a {} (`approved_by` and `approved`)",
                    d.id.value,
                    d.outcome.value.name(),
                    names.join(" or ")
                ),
            ));
            continue;
        };
        if let Some(staff) = ctx.body.and_then(|b| b.staff(by))
            && !roles.iter().any(|r| staff.has_role(*r))
        {
            out.push(Finding::new(
                by.pos,
                format!(
                    "{} approves decision {} but is not a {}",
                    by.value,
                    d.id.value,
                    names.join(" or ")
                ),
            ));
        }
        let wrong = if before {
            on.value > d.date.value
        } else {
            on.value < d.date.value
        };
        if wrong {
            out.push(
                Finding::new(
                    on.pos,
                    format!(
                        "decision {} is approved on {}, {} it was taken on {}",
                        d.id.value,
                        on.value,
                        if before { "after" } else { "before" },
                        d.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            );
        }
    }
}
