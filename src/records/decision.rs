//! 管理体系认证决定审批表 (B.4): what was reviewed (audits, reports, nonconformities and
//! their status), the decision, the decider's independence declaration and the general
//! manager's approval.

use serde_json::{Value, json};

use super::{Writer, words};
use crate::check::cycle::in_force;
use crate::load::Date;
use crate::load::case::{Decision, Grade};

pub(crate) fn make(w: &mut Writer, d: &Decision) -> Value {
    let case = w.case;
    let mut audits = Vec::new();
    let mut majors = Vec::new();
    let mut minors = Vec::new();
    let mut leader = Value::String(String::new());
    // The leader completes the form once every NC is closed: the last verification, or the
    // last report when there was nothing to verify.
    let mut closed: Option<Date> = None;
    for id in &d.audits {
        w.text("decisions.audits", id);
        let Some(a) = case.audit(id) else { continue };
        let mut info = w.audit(a);
        let report = a.report.as_ref().and_then(|r| r.issued.as_ref());
        info["report_issued"] = json!(w.happened(report));
        let conclusion = a
            .conclusion
            .as_ref()
            .map(|c| words::conclusion(a.kind.value, a.purpose.as_ref().map(|p| *w.v(p)), *w.v(c)));
        info["conclusion"] = json!(conclusion.unwrap_or_default());
        if leader.as_str().is_some_and(str::is_empty) {
            leader = info["leader"].clone();
        }
        audits.push(info);
        // Only what had happened by the form's date.
        let as_of = w.as_of;
        let known = |d: Date| (d <= as_of).then_some(d);
        closed = closed.max(report.and_then(|d| known(d.value)));
        for nc in &a.nonconformities {
            let v = nc.verification.as_ref().filter(|v| w.known(v.date.value));
            closed = closed.max(v.map(|v| v.date.value));
            // A minor NC is dealt with for the decision once its plan is accepted.
            let accepted = nc.plan_accepted.as_ref().map(|d| d.value);
            closed = closed.max(accepted.and_then(known));
            // The status as the decision maker read it, in the form's words.
            let status = match v {
                Some(v) => format!(
                    "{}{}，{}",
                    words::method(*w.v(&v.method)),
                    w.date(&v.date),
                    if *w.v(&v.effective) {
                        "有效"
                    } else {
                        "未关闭"
                    }
                ),
                None => match (nc.grade.value, nc.plan_accepted.as_ref()) {
                    (Grade::Minor, Some(p)) if w.known(p.value) => {
                        format!("纠正措施计划已接受{}", w.date(p))
                    }
                    (Grade::Major, _) => "未验证".to_string(),
                    (Grade::Minor, _) => "待处理".to_string(),
                },
            };
            let entry = json!({
                "id": w.string("nonconformities.id", &nc.id),
                "clause": w.string("nonconformities.clause", &nc.clause),
                "status": status,
            });
            match *w.v(&nc.grade) {
                Grade::Major => majors.push(entry),
                Grade::Minor => minors.push(entry),
            }
        }
    }
    // Nonconformities of earlier audits whose corrective actions these audits verified.
    for (a, nc) in case.nonconformities() {
        let Some(at) = nc.verified_at.as_ref() else {
            continue;
        };
        if d.audits.iter().all(|id| id.value != at.value) || !w.known(a.end.value) {
            continue;
        }
        w.text("nonconformities.verified_at", at);
        let raised_at = w.audit(a);
        let verifying = case.audit(at).map(|v| w.audit(v)).unwrap_or_default();
        let named = |info: &Value| {
            format!(
                "{}（{}）",
                info["kind"].as_str().unwrap_or_default(),
                info["dates"].as_str().unwrap_or_default()
            )
        };
        let entry = json!({
            "id": w.string("nonconformities.id", &nc.id),
            "clause": w.string("nonconformities.clause", &nc.clause),
            "status": format!("{}开具，已在{}中验证", named(&raised_at), named(&verifying)),
        });
        match *w.v(&nc.grade) {
            Grade::Major => majors.push(entry),
            Grade::Minor => minors.push(entry),
        }
    }
    let deviation = match d.deviation.as_ref() {
        Some(x) => json!({
            "reason": w.text("decisions.deviation.reason", &x.reason),
            "notified": w.happened(x.notified.as_ref()),
        }),
        None => Value::Null,
    };
    let as_of = w.as_of;
    let granted: Vec<Value> = case
        .certificates
        .iter()
        .filter(|c| c.decision.value == d.id.value && c.issued.value <= as_of)
        .map(|c| json!(w.string("certificates.number", &c.number)))
        .collect();
    let current = in_force(case, d.date.value).map(|c| w.string("certificates.number", &c.number));
    let decider = w.person(&d.decided_by);
    let approver = match d.approved_by.as_ref() {
        Some(p) => w.name(p),
        None => json!(""),
    };
    let sites: Vec<Value> = case.client.sites.iter().map(|s| w.site(&s.id)).collect();
    let outcome = *w.v(&d.outcome);
    let simplified = d.simplified.as_ref().is_some_and(|s| *w.v(s));
    json!({
            "id": w.string("decisions.id", &d.id),
            "kind": words::decision_kind(*w.v(&d.kind)),
            "outcome": words::outcome(outcome),
            "positive": outcome.is_positive(),
            "simplified": simplified,
            "date": w.date(&d.date),
            "reason": w.opt("decisions.reason", d.reason.as_ref()).as_str().unwrap_or_default().trim_end_matches('。').to_string(),
            "deviation": deviation,
            "supplementary": w.opt_markdown("decisions.supplementary", d.supplementary.as_ref()),
            "escalation": w.opt_markdown("decisions.escalation", d.escalation.as_ref()),
            "cycle_review": w.opt_markdown("decisions.cycle_review", d.cycle_review.as_ref()),
            "renewal": d.kind.value == crate::load::case::DecisionKind::Recertification,
            "trigger": w.happened(d.trigger.as_ref()),
            "until": d.until.as_ref().map(|u| w.date(u)).unwrap_or_default(),
            "audits": audits,
            "majors": majors,
            "minors": minors,
            "leader": leader,
            "closed": closed.map(words::date).unwrap_or_default(),
            "scope": w.text("application.scope", &case.application.scope),
            "sites": sites,
            "decider": decider,
            "approver": approver,
            "approved": w.happened(d.approved.as_ref()),
            "certificates": granted,
            "current": current.unwrap_or_default(),
    })
}
