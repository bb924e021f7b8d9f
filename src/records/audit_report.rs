//! 审核报告 (B.3): the audit's identity, criteria and objectives, team, dates and sites,
//! the audit items the scheme requires for its kind, the findings, the nonconformities,
//! and the team's conclusion.

use serde_json::{Value, json};

use super::{Writer, words};
use crate::control::stages::verification_date;
use crate::load::case::{Audit, FindingConclusion};

pub(crate) fn make(w: &mut Writer, a: &Audit) -> Value {
    let case = w.case;
    let scheme = w.scheme;
    let audit = w.audit(a);
    let report = a.report.as_ref();
    let mut items = Vec::new();
    let findings = report.map(|r| r.findings.as_slice()).unwrap_or_default();
    for (i, item) in scheme.report_items(a.kind.value).iter().enumerate() {
        let text = w.scheme_text("report_items", item);
        let found = findings
            .iter()
            .find(|f| usize::try_from(f.item.value).is_ok_and(|n| n == i + 1));
        let (evidence, conclusion) = match found {
            Some(f) => {
                w.v(&f.item);
                let conclusion = match *w.v(&f.conclusion) {
                    FindingConclusion::Conforms => "符合".to_string(),
                    FindingConclusion::NotApplicable => "不适用".to_string(),
                    FindingConclusion::Nonconforming => match &f.nc {
                        Some(nc) => format!("不符合（{}）", w.string("findings.nc", nc)),
                        None => "不符合".to_string(),
                    },
                };
                (w.markdown("findings.evidence", &f.evidence), conclusion)
            }
            None => (json!(""), String::new()),
        };
        items.push(json!({ "text": text, "evidence": evidence, "conclusion": conclusion }));
    }
    // The report says what it said when written: its delivery, a later stage, changes only
    // the delivery date, not the status of its nonconformities.
    let written = report
        .and_then(|r| r.issued.as_ref())
        .map_or(a.end.value, |d| d.value)
        .min(w.as_of);
    let mut ncs = Vec::new();
    for nc in &a.nonconformities {
        // As it stood on the report's date: a later verification is not the report's.
        let verified = verification_date(case, nc).is_some_and(|d| d <= written);
        let accepted = nc.plan_accepted.as_ref().filter(|p| p.value <= written);
        let status = match (&nc.verification, &nc.verified_at, accepted) {
            (Some(v), _, _) if verified && *w.v(&v.effective) => {
                format!("已验证有效（{}）", w.date(&v.date))
            }
            (Some(v), _, _) if verified => {
                w.v(&v.effective);
                "验证未通过".to_string()
            }
            (None, Some(id), _) if verified => {
                w.text("nonconformities.verified_at", id);
                "已在后续审核中验证".to_string()
            }
            (_, _, Some(p)) => format!("纠正措施计划已接受（{}）", w.date(p)),
            _ => "待纠正".to_string(),
        };
        ncs.push(json!({
            "id": w.string("nonconformities.id", &nc.id),
            "grade": words::grade(*w.v(&nc.grade)),
            "clause": w.string("nonconformities.clause", &nc.clause),
            "description": w.markdown("nonconformities.description", &nc.description),
            "status": status,
        }));
    }
    let majors = a
        .nonconformities
        .iter()
        .filter(|n| n.grade.value == crate::load::case::Grade::Major)
        .count();
    let summary = match report.and_then(|r| r.summary.as_ref()) {
        Some(s) => w.markdown("report.summary", s),
        None => json!(""),
    };
    let justification = match a.offsite.as_ref().or(a.stage1_skipped.as_ref()) {
        Some(j) => json!({
            "condition": w.text("offsite.condition", &j.condition),
            "reason": w.text("offsite.reason", &j.reason),
        }),
        None => Value::Null,
    };
    let meetings = a.meetings.as_ref();
    let closing = meetings.and_then(|m| m.closing.as_ref());
    let absent = match closing {
        Some(c) if !*w.v(&c.top_manager_present) => json!({
            "delegate": w.opt("meetings.closing.delegate", c.delegate.as_ref()),
            "reason": w.opt("meetings.closing.delegation_reason", c.delegation_reason.as_ref()),
        }),
        _ => Value::Null,
    };
    // Without a plan's own wording, the objectives of an audit of this kind.
    let objectives = match a.plan.as_ref().and_then(|p| p.objectives.as_ref()) {
        Some(o) => w.text("plan.objectives", o),
        None => json!(super::audit_plan::default_objectives(
            a.kind.value,
            a.purpose.as_ref().map(|p| p.value)
        )),
    };
    let previous_open: Vec<Value> = case
        .nonconformities()
        .filter(|(_, n)| {
            n.verified_at
                .as_ref()
                .is_some_and(|v| v.value == a.id.value)
        })
        .map(|(_, n)| json!(w.string("nonconformities.id", &n.id)))
        .collect();
    let concluded = a.conclusion.as_ref().map(|c| *w.v(c));
    let purpose = a.purpose.as_ref().map(|p| *w.v(p));
    let conclusion = concluded
        .map(|c| words::conclusion(a.kind.value, purpose, c))
        .unwrap_or_default();
    let met = concluded.map(words::objectives_met).unwrap_or_default();
    let multisite = a.sites.len() > 1;
    let r = report.map(|r| &r.value);
    let notes = json!({
        "deviations": w.opt_markdown("report.deviations", r.and_then(|r| r.deviations.as_ref())),
        "programme_issues": w.opt_markdown("report.programme_issues", r.and_then(|r| r.programme_issues.as_ref())),
        "regulator_checks": w.opt_markdown("report.regulator_checks", r.and_then(|r| r.regulator_checks.as_ref())),
        "open_issues": w.opt_markdown("report.open_issues", r.and_then(|r| r.open_issues.as_ref())),
        "dissent": w.opt_markdown("report.dissent", r.and_then(|r| r.dissent.as_ref())),
        "scope_suitability": w.opt_markdown("report.scope_suitability", r.and_then(|r| r.scope_suitability.as_ref())),
    });
    let shifts = super::audit_plan::shifts(w, a);
    let combined = super::audit_time::combined(w, a);
    json!({
        "notes": notes,
        "shifts": shifts,
        "combined": combined,
            "audit": audit,
            "scope": w.text("application.scope", &case.application.scope),
            "objectives": objectives,
            "items": items,
            "summary": summary,
            "ncs": ncs,
            "nc_count": a.nonconformities.len(),
            "major_count": majors,
            "previous_verified": previous_open,
            "conclusion": conclusion,
            "objectives_met": met,
            "issued": w.happened(report.and_then(|r| r.issued.as_ref())),
            "delivered": w.filled_in(report.and_then(|r| r.delivered.as_ref())),
            "justification": justification,
            "absent": absent,
            "multisite": multisite,
    })
}
