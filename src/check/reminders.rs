//! Records due after an event, for `certdoc status`: notices, reports to the regulator,
//! publications, answers to complaints and appeals, audits after a regulator's notice. Each
//! item names the rule that sets its date; where the seeds give no deadline the item is due
//! on the day of the event (rules-next.md, "No period in the seeds"), as the rule's warning.

use super::rules::{
    appeal_response, results_reported, special_audit_after_notice, status_published,
    status_reported, withdrawal_recovery,
};
use super::schedule::Due;
use super::{Ctx, working_days_after};
use crate::dates::add_days;
use crate::load::Date;
use crate::load::case::{AuditKind, AuditPurpose, EventKind, Outcome};

/// What is still to be recorded, with the day it was due.
pub fn due(ctx: &Ctx) -> Vec<Due> {
    let case = ctx.case;
    let mut out = Vec::new();
    // The rules behind these items judge only bodies that keep these records.
    if !ctx.body.is_some_and(|b| b.evidence_records) {
        return out;
    }
    let mut ignored = Vec::new();
    let mut push = |kind, rule: &'static str, what: String, due: Date, pos| {
        out.push(Due {
            kind,
            rule,
            what,
            due,
            pos,
        })
    };
    let on = |rule: &str| ctx.config(rule).is_some();
    for d in &case.decisions {
        let o = d.outcome.value;
        let name = format!("decision {} ({})", d.id.value, o.name());
        if on("status-notice")
            && matches!(o, Outcome::Suspend | Outcome::Restore)
            && d.notice.is_none()
        {
            push(
                "notice",
                "status-notice",
                format!("notice to the client of {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
        if let Some(p) = ctx.params::<status_reported::Params>(&status_reported::RULE)
            && p.outcomes.contains(&o)
            && d.reported.is_none()
        {
            let due = p.working_days.map_or(d.date.value, |n| {
                working_days_after(ctx, &d.date, n.get(), &mut ignored)
            });
            push(
                "regulator-report",
                status_reported::RULE.id,
                format!("report {name} to the regulator"),
                due,
                d.outcome.pos,
            );
        }
        if let Some(p) = ctx.params::<status_published::Params>(&status_published::RULE)
            && p.outcomes.contains(&o)
            && !case
                .publications
                .iter()
                .any(|x| x.decision.value == d.id.value)
        {
            push(
                "publication",
                status_published::RULE.id,
                format!("publish {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
        if let Some(p) = ctx.params::<withdrawal_recovery::Params>(&withdrawal_recovery::RULE)
            && o == Outcome::Withdraw
            && d.recovered.is_none()
            && !(p.publication_suffices
                && case
                    .publications
                    .iter()
                    .any(|x| x.decision.value == d.id.value))
        {
            push(
                "certificate-recovery",
                withdrawal_recovery::RULE.id,
                format!("recover the certificate withdrawn by {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
        if on("refusal-notice") && o == Outcome::Refuse && d.notified.is_none() {
            push(
                "notice",
                "refusal-notice",
                format!("written notice of the reasons for {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
        if on("scope-reduction-certificate")
            && o == Outcome::ReduceScope
            && !case
                .certificates
                .iter()
                .any(|c| c.decision.value == d.id.value)
        {
            push(
                "certificate-reissue",
                "scope-reduction-certificate",
                format!("re-issue the certificate reduced by {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
    }
    if let Some(p) = ctx.params::<results_reported::Params>(&results_reported::RULE) {
        for c in case.certificates.iter().filter(|c| c.reported.is_none()) {
            let (due, how) = results_reported::deadline(ctx, p, &c.issued, &mut ignored);
            push(
                "regulator-report",
                "results-report-overdue",
                format!(
                    "report certificate {} to the regulator ({how})",
                    c.number.value
                ),
                due,
                c.number.pos,
            );
        }
    }
    if let Some(p) = ctx.params::<appeal_response::Params>(&appeal_response::COMPLAINT) {
        for c in case.complaints.iter().filter(|c| c.answered.is_none()) {
            let due = add_days(c.received.value, i64::from(p.days.get()));
            push(
                "complaint-answer",
                appeal_response::COMPLAINT.id,
                format!("answer complaint {}", c.id.value),
                due,
                c.id.pos,
            );
        }
    }
    if let Some(p) = ctx.params::<appeal_response::Params>(&appeal_response::RULE) {
        for a in case.appeals.iter().filter(|a| a.answered.is_none()) {
            let due = add_days(a.received.value, i64::from(p.days.get()));
            push(
                "appeal-answer",
                appeal_response::RULE.id,
                format!("answer appeal {}", a.id.value),
                due,
                a.id.pos,
            );
        }
    }
    if let Some(p) =
        ctx.params::<special_audit_after_notice::Params>(&special_audit_after_notice::RULE)
    {
        for e in case
            .events
            .iter()
            .filter(|e| e.kind.value == EventKind::RegulatorNotice)
        {
            let answered = case.audits.iter().any(|a| {
                a.start.value >= e.date.value
                    && (a.kind.value == AuditKind::Surveillance
                        || a.purpose
                            .as_ref()
                            .is_some_and(|x| x.value == AuditPurpose::RegulatorNotice))
            });
            if !answered {
                let due = add_days(e.date.value, i64::from(p.days.get()));
                push(
                    "special-audit",
                    special_audit_after_notice::RULE.id,
                    format!("audit after the regulator's notice {}", e.id.value),
                    due,
                    e.id.pos,
                );
            }
        }
    }
    for a in &case.audits {
        let Some(t) = &a.termination else { continue };
        if on("termination-report") && t.report.as_ref().and_then(|r| r.issued.as_ref()).is_none() {
            push(
                "termination-report",
                "termination-report",
                format!("report of the work done at terminated audit {}", a.id.value),
                t.date.value,
                t.pos,
            );
        }
    }
    out
}
