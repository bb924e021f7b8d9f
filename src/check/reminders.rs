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
    let mut push = |kind, key: String, rule: &'static str, what: String, due: Date, pos| {
        out.push(Due {
            kind,
            key,
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
                format!("notice/{}", d.id.value),
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
                format!("regulator-report/decision/{}", d.id.value),
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
                format!("publication/{}", d.id.value),
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
                format!("certificate-recovery/{}", d.id.value),
                withdrawal_recovery::RULE.id,
                format!("recover the certificate withdrawn by {name}"),
                d.date.value,
                d.outcome.pos,
            );
        }
        if on("refusal-notice") && o == Outcome::Refuse && d.notified.is_none() {
            // Shares `notice/<decision>` with the status notice: a decision has one outcome,
            // so at most one of the two is ever due for it.
            push(
                "notice",
                format!("notice/{}", d.id.value),
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
                format!("certificate-reissue/{}", d.id.value),
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
                format!("regulator-report/certificate/{}", c.number.value),
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
                format!("complaint-answer/{}", c.id.value),
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
                format!("appeal-answer/{}", a.id.value),
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
                    format!("special-audit/{}", e.id.value),
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
                format!("termination-report/{}", a.id.value),
                "termination-report",
                format!("report of the work done at terminated audit {}", a.id.value),
                t.date.value,
                t.pos,
            );
        }
    }
    out
}
