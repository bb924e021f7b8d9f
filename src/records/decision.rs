//! 管理体系认证决定审批表 (B.4): what was reviewed (audits, reports, nonconformities and
//! their status), the decision, the decider's independence declaration and the general
//! manager's approval.

use serde_json::{Value, json};

use super::{Made, Writer, opt_date, words};
use crate::check::cycle::in_force;
use crate::load::case::{Decision, Grade};

pub(crate) fn make(w: &mut Writer, d: &Decision) -> Made {
    let case = w.case;
    let mut audits = Vec::new();
    let mut majors = Vec::new();
    let mut minors = Vec::new();
    let mut leader = Value::String(String::new());
    // The leader completes the form once every NC is closed: the last verification, or the
    // last report when there was nothing to verify.
    let mut closed: Option<crate::load::Date> = None;
    for id in &d.audits {
        let Some(a) = case.audit(id) else { continue };
        let mut info = w.audit(a);
        info["report_issued"] = json!(opt_date(a.report.as_ref().and_then(|r| r.issued.as_ref())));
        info["conclusion"] = json!(
            a.conclusion
                .as_ref()
                .map(|c| words::conclusion(c.value))
                .unwrap_or_default()
        );
        if leader.as_str().is_some_and(str::is_empty) {
            leader = info["leader"].clone();
        }
        audits.push(info);
        let report = a
            .report
            .as_ref()
            .and_then(|r| r.issued.as_ref())
            .map(|d| d.value);
        closed = closed.max(report);
        for nc in &a.nonconformities {
            closed = closed.max(nc.verification.as_ref().map(|v| v.date.value));
            let entry = json!({
                "id": nc.id.value,
                "clause": nc.clause.value,
                "audit": a.id.value,
                "verified": nc.verification.as_ref().map(|v| words::date(v.date.value)).unwrap_or_default(),
                "method": nc.verification.as_ref().map(|v| words::method(v.method.value)).unwrap_or_default(),
                "effective": nc.verification.as_ref().is_some_and(|v| v.effective.value),
                "plan_accepted": opt_date(nc.plan_accepted.as_ref()),
            });
            match nc.grade.value {
                Grade::Major => majors.push(entry),
                Grade::Minor => minors.push(entry),
            }
        }
    }
    let granted: Vec<Value> = case
        .certificates
        .iter()
        .filter(|c| c.decision.value == d.id.value)
        .map(|c| json!(c.number.value))
        .collect();
    let current = in_force(case, d.date.value).map(|c| c.number.value.clone());
    let decider = w.person(&d.decided_by);
    let approver = match d.approved_by.as_ref() {
        Some(p) => w.name(p),
        None => json!(""),
    };
    let sites: Vec<Value> = case.client.sites.iter().map(|s| w.site(&s.id)).collect();
    Made {
        content: json!({
            "id": d.id.value,
            "kind": words::decision_kind(d.kind.value),
            "outcome": words::outcome(d.outcome.value),
            "positive": d.outcome.value.is_positive(),
            "simplified": d.simplified.as_ref().is_some_and(|s| s.value),
            "date": words::date(d.date.value),
            "reason": w.opt("decisions.reason", d.reason.as_ref()),
            "trigger": opt_date(d.trigger.as_ref()),
            "until": opt_date(d.until.as_ref()),
            "audits": audits,
            "majors": majors,
            "minors": minors,
            "leader": leader,
            "closed": closed.map(words::date).unwrap_or_default(),
            "scope": w.text("application.scope", &case.application.scope),
            "sites": sites,
            "decider": decider,
            "approver": approver,
            "approved": opt_date(d.approved.as_ref()),
            "certificates": granted,
            "current": current.unwrap_or_default(),
        }),
        issued: d.date.value,
        by: Some(d.decided_by.clone()),
    }
}
