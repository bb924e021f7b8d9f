//! A grant or renewal is approved by the general manager before the certificate is made.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::StaffRole;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "decision-approval",
    severity: Severity::Error,
    summary: "a grant or renewal is approved by a `general-manager` on or after the decision",
    docs: "TB-GZ-036 9.4.4 4): the 管理体系认证决定审批表 is signed by the general manager before \
           the certificate is produced. `approved_by` holds the `general-manager` role and \
           `decision.date ≤ approved`; the certificate's date against the approval is \
           `certificate-issue-date`'s.",
    example: "decisions:\n  - { id: D1, outcome: grant, date: 2026-04-20 }   # no approved_by / approved",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in &ctx.case.decisions {
        if !matches!(d.outcome.value, Outcome::Grant | Outcome::Renew) {
            continue;
        }
        let (Some(by), Some(on)) = (&d.approved_by, &d.approved) else {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "decision {} ({}) has no general-manager approval (`approved_by` and `approved`)",
                    d.id.value,
                    d.outcome.value.name()
                ),
            ));
            continue;
        };
        if let Some(staff) = ctx.body.and_then(|b| b.staff(by))
            && !staff.has_role(StaffRole::GeneralManager)
        {
            out.push(Finding::new(
                by.pos,
                format!(
                    "{} approves decision {} but is not a general manager",
                    by.value, d.id.value
                ),
            ));
        }
        if on.value < d.date.value {
            out.push(
                Finding::new(
                    on.pos,
                    format!(
                        "decision {} is approved on {}, before it was taken on {}",
                        d.id.value, on.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decided"),
            );
        }
    }
}
