//! Over an initial audit, each recertification and each cycle's surveillances, the plans
//! cover every clause of the standard (TB-GZ-036 5.4.2 3), 6.2.4 1)).

use std::collections::BTreeSet;

use crate::check::cycle::cycles;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{Audit, AuditKind, Outcome};
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "clause-coverage",
    severity: Severity::Warning,
    summary: "plan agendas cover every second-level clause: initial audit, each recertification, each cycle's surveillances",
    docs: "The agendas of the audit plans name every second-level citable clause of the \
           scheme's clause catalogue (e.g. `7.5`; an agenda item naming it, one of its \
           sub-clauses or its chapter covers it): stage 1 and stage 2 together; each \
           recertification audit; a cycle's surveillances together, judged once the cycle's \
           recertification audit has started or its certificate has expired (not a cycle cut short by a \
           withdrawal or cancellation).",
    example: "plan:\n  agenda:\n    - { date: 2026-03-17, activity: …, clauses: [\"4.1\", \"5.1\"] }   # 7.1, 8.2 … never planned",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(scheme), case) = (ctx.scheme, ctx.case) else {
        return;
    };
    let wanted: Vec<&str> = scheme
        .clauses
        .iter()
        .filter(|c| c.citable && c.id.matches('.').count() == 1)
        .map(|c| c.id.as_str())
        .collect();
    let mut judge = |audits: Vec<&At<Audit>>, what: String| {
        let Some(last) = audits.last() else { return };
        let named: BTreeSet<&str> = audits
            .iter()
            .filter_map(|a| a.plan.as_ref())
            .flat_map(|p| &p.agenda)
            .flat_map(|i| &i.clauses)
            .map(|c| c.as_str())
            .collect();
        let missing: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|w| {
                let chapter = w.split('.').next().unwrap_or(w);
                !named.iter().any(|n| {
                    *n == *w
                        || *n == chapter
                        || n.strip_prefix(*w).is_some_and(|r| r.starts_with('.'))
                })
            })
            .collect();
        if !missing.is_empty() {
            out.push(Finding::new(
                last.plan.as_ref().map_or(last.id.pos, |p| p.pos),
                format!(
                    "the plans of {what} never schedule clause(s) {}",
                    missing.join(", ")
                ),
            ));
        }
    };
    let done = |a: &Audit| a.start.value <= ctx.as_of && a.termination.is_none();
    let initial: Vec<&At<Audit>> = case
        .audits
        .iter()
        .filter(|a| matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2) && done(a))
        .collect();
    if initial.iter().any(|a| a.kind.value == AuditKind::Stage2) {
        judge(
            initial,
            "the initial audit (stage 1 and stage 2)".to_string(),
        );
    }
    for r in case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Recertification && done(a))
    {
        judge(vec![r], format!("recertification audit {}", r.id.value));
    }
    for c in cycles(case) {
        let cert = c.certificate;
        // A cycle cut short by a withdrawal or cancellation had no full programme to judge.
        let cut = case.decisions.iter().any(|d| {
            matches!(d.outcome.value, Outcome::Withdraw | Outcome::Cancel)
                && d.date.value > cert.issued.value
                && d.date.value <= cert.expires.value
        });
        let ended = !cut && cert.expires.value < ctx.as_of
            || case.audits.iter().any(|a| {
                a.kind.value == AuditKind::Recertification
                    && a.start.value > cert.issued.value
                    && a.start.value <= ctx.as_of
            });
        let s: Vec<&At<Audit>> = c
            .surveillances
            .iter()
            .copied()
            .filter(|a| done(a))
            .collect();
        if ended && !s.is_empty() {
            judge(
                s,
                format!("the surveillances of certificate {}", cert.number.value),
            );
        }
    }
}
