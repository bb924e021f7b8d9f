//! Every audit has a full-time auditor, and a full-time auditor of stage 1 also audits
//! stage 2 (TB-GZ-036 5.4.6.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::Employment;
use crate::load::case::{Audit, AuditKind};

pub static RULE: Rule = Rule {
    id: "team-full-time-auditor",
    severity: Severity::Error,
    summary: "each audit has a full-time auditor; one of stage 1's full-time auditors is on stage 2",
    docs: "A full-time auditor is a leader or auditor of the team whose staff record says \
           `employment: full-time`. For continuity between the stages, at least one full-time \
           auditor of stage 1 is also on the stage 2 team.",
    example: "audits:\n  - id: S1\n    team:\n      - { person: li-si, role: leader }   # part-time",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn full_time<'a>(ctx: &Ctx, audit: &'a Audit) -> Vec<&'a str> {
    let Some(body) = ctx.body else {
        return Vec::new();
    };
    audit
        .team
        .iter()
        .filter(|m| m.role.value.counts())
        .filter(|m| {
            body.staff(&m.person)
                .is_some_and(|s| s.employment.value == Employment::FullTime)
        })
        .map(|m| m.person.as_str())
        .collect()
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    if ctx.body.is_none() {
        return;
    }
    for audit in &ctx.case.audits {
        if audit.team.is_empty() {
            continue; // team-leader reports an empty team
        }
        if full_time(ctx, audit).is_empty() {
            out.push(Finding::new(
                audit.team[0].person.pos,
                format!(
                    "audit {} has no full-time auditor: no leader or auditor of its team is employed full-time",
                    audit.id.value
                ),
            ));
        }
    }
    let by_kind = |k: AuditKind| ctx.case.audits.iter().find(|a| a.kind.value == k);
    if let (Some(s1), Some(s2)) = (by_kind(AuditKind::Stage1), by_kind(AuditKind::Stage2)) {
        let first = full_time(ctx, s1);
        let second = full_time(ctx, s2);
        if !first.is_empty()
            && !second.is_empty()
            && !first.iter().any(|p| second.contains(p))
            && let Some(m) = s2.team.first()
        {
            out.push(
                Finding::new(
                    m.person.pos,
                    format!(
                        "none of stage 1's full-time auditors ({}) is on stage 2 audit {}",
                        first.join(", "),
                        s2.id.value
                    ),
                )
                .related(s1.id.pos, "stage 1"),
            );
        }
    }
}
