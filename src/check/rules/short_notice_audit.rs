//! Audits at short notice or without notice are held only for the reasons the rule
//! document gives, by someone who knows the client (TB-GZ-036 5.7.3 1)–3)).

use crate::check::rules::contract_content::clauses;
use crate::check::rules::plan_reported;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::dates::days_between;
use crate::diag::Severity;
use crate::load::case::{AuditKind, AuditPurpose};

pub static RULE: Rule = Rule {
    id: "short-notice-audit",
    severity: Severity::Warning,
    summary: "a short-notice or unannounced audit has a purpose that allows it, a day's notice and a leader who knows the client",
    docs: "A special audit notified fewer than `plan-reported`'s `days_before` days before its \
           start has `purpose` `complaint` (naming its `complaint`), `change` or \
           `restoration`, was notified at least one day before it starts, and is led by \
           someone who led or was a member of an earlier audit of the case. An audit with \
           `unannounced: true` has `purpose` `random-check` or `regulator-request`, or the \
           contract has the clause `unannounced-audits`.",
    example: "- { id: X1, kind: special, purpose: scope-extension, notified: 2026-07-01, start: 2026-07-02 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let days = ctx
        .params::<plan_reported::Params>(&plan_reported::RULE)
        .map_or(3, |p| p.days_before.get());
    for a in &case.audits {
        let purpose = a.purpose.as_ref().map(|p| p.value);
        if let Some(u) = a.unannounced.as_ref().filter(|u| u.value) {
            let allowed = matches!(
                purpose,
                Some(AuditPurpose::RandomCheck | AuditPurpose::RegulatorRequest)
            ) || clauses(ctx).contains(&"unannounced-audits");
            if !allowed {
                out.push(Finding::new(
                    u.pos,
                    format!(
                        "audit {} is unannounced without a random check or regulator's request as its purpose, and the contract has no clause `unannounced-audits`",
                        a.id.value
                    ),
                ));
            }
            continue;
        }
        let Some(n) = &a.notified else { continue };
        let notice = days_between(n.value, a.start.value);
        if a.kind.value != AuditKind::Special || notice >= i64::from(days) {
            continue;
        }
        let mut say = |why: String| {
            out.push(Finding::new(
                n.pos,
                format!(
                    "audit {} was notified {notice} day(s) before it started: {why}",
                    a.id.value
                ),
            ))
        };
        match purpose {
            Some(AuditPurpose::Complaint) if a.complaint.is_none() => {
                say("a complaint audit names its complaint (`complaint`)".into())
            }
            Some(AuditPurpose::Complaint | AuditPurpose::Change | AuditPurpose::Restoration) => {}
            _ => say("short notice is for complaints, changes and restorations only".into()),
        }
        if notice < 1 {
            say("the client is told at least one day (24 hours) ahead".into());
        }
        let knows = a.leader().is_some_and(|l| {
            case.audits.iter().any(|e| {
                e.start.value < a.start.value && e.team.iter().any(|m| m.person.value == l.value)
            })
        });
        if !knows {
            say("its leader took part in no earlier audit of the client".into());
        }
    }
}
