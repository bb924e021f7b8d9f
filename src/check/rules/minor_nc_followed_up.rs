//! A minor nonconformity whose plan was accepted is verified at the next audit (TB-GZ-036
//! 8.2 1), 8.4 2), 6.2.4 2)②; HZL-MSRG-005 5.6 (3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Grade};

pub static RULE: Rule = Rule {
    id: "minor-nc-followed-up",
    severity: Severity::Warning,
    summary: "a minor NC with an accepted plan is verified at the next audit (`verified_at`)",
    docs: "A minor nonconformity with `plan_accepted` and no `verification`: once the first \
           surveillance or recertification audit of the case that started after the NC's audit \
           has ended, `verified_at` names that audit.",
    example: "- { id: NC01, grade: minor, plan_accepted: 2026-03-30 }   # A1 has ended, no verified_at",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for (audit, nc) in case.nonconformities() {
        if nc.grade.value != Grade::Minor || nc.plan_accepted.is_none() || nc.verification.is_some()
        {
            continue;
        }
        let Some(next) = case
            .audits
            .iter()
            .filter(|a| a.start.value > audit.end.value && a.termination.is_none())
            // A complaint or scope audit in between is not the follow-up the rules mean.
            .filter(|a| {
                matches!(
                    a.kind.value,
                    AuditKind::Surveillance | AuditKind::Recertification
                )
            })
            .min_by_key(|a| a.start.value)
        else {
            continue;
        };
        if next.end.value >= ctx.as_of {
            continue;
        }
        match &nc.verified_at {
            Some(v) if v.value == next.id.value => {}
            Some(v) => out.push(Finding::new(
                v.pos,
                format!(
                    "minor nonconformity {} is followed up at {}, not at the next audit {}",
                    nc.id.value, v.value, next.id.value
                ),
            )),
            None => out.push(Finding::new(
                nc.id.pos,
                format!(
                    "minor nonconformity {} was not followed up at the next audit {} (ended {}); name it in `verified_at`",
                    nc.id.value, next.id.value, next.end.value
                ),
            )),
        }
    }
}
