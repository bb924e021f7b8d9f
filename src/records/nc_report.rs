//! 不符合项报告 (B.2): the finding, its clause with the catalogue's title, the grade, the
//! signature blocks, the client's cause analysis and actions, and the verification. It is
//! completed in stages (`control::stages`); each revision shows the stages done by its date.

use serde_json::{Value, json};

use super::{Writer, words};
use crate::check::rules::major_nc_verification_deadline;
use crate::control::stages::{response_date, verification_date};
use crate::load::case::{Audit, Grade, Nonconformity};

pub(crate) fn make(w: &mut Writer, a: &Audit, nc: &Nonconformity) -> Value {
    let case = w.case;
    let audit = w.audit(a);
    let clause_title = match w.scheme.clause(&nc.clause).and_then(|c| c.title.as_ref()) {
        Some(t) => w.scheme_text("clauses.title", t),
        None => json!(""),
    };
    let site = match nc.site.as_ref() {
        Some(s) => w.site_name(s),
        None => json!(""),
    };
    let responded = response_date(case, nc).is_some_and(|d| w.known(d));
    let verified = verification_date(case, nc).is_some_and(|d| w.known(d));
    let verification = match nc.verification.as_ref() {
        Some(v) if verified => json!({
            "date": w.date(&v.date),
            "method": words::method(*w.v(&v.method)),
            "by": w.name(&v.by),
            "effective": w.v(&v.effective),
            "notes": w.opt_markdown("verification.notes", v.notes.as_ref()),
        }),
        _ => Value::Null,
    };
    let verified_at = match nc.verified_at.as_ref() {
        Some(id) if verified => {
            w.text("nonconformities.verified_at", id);
            match case.audit(id) {
                Some(later) => json!(format!(
                    "{}（{}）",
                    words::audit_kind(*w.v(&later.kind)),
                    words::date_range(*w.v(&later.start), *w.v(&later.end))
                )),
                None => json!(""),
            }
        }
        _ => json!(""),
    };
    let response = |w: &mut Writer, name: &str, t| {
        if responded {
            w.opt_markdown(name, t)
        } else {
            json!("")
        }
    };
    let grade = *w.v(&nc.grade);
    // The deadline as written, else as the rules compute it (never left blank when known).
    let due = match nc.due.as_ref() {
        Some(d) => w.date(d),
        None => major_nc_verification_deadline::deadline_in(w.scheme, case, a, nc)
            .map(|(d, _, _)| {
                w.v(&a.end);
                words::date(d)
            })
            .unwrap_or_default(),
    };
    let other_criteria: Vec<Value> = nc
        .other_criteria
        .iter()
        .map(|c| w.text("nonconformities.other_criteria", c))
        .collect();
    // Verified at a later audit: that audit's leader verified it, on its last day.
    let later_verifier = match nc.verified_at.as_ref().and_then(|id| case.audit(id)) {
        Some(later) if verified => {
            let leader = later
                .team
                .iter()
                .find(|m| m.role.value == crate::load::case::TeamRole::Leader)
                .map(|m| w.name(&m.person))
                .unwrap_or(json!(""));
            json!({ "by": leader, "date": w.date(&later.end) })
        }
        _ => Value::Null,
    };
    let leader_reviewed = match nc.leader_reviewed.as_ref() {
        Some(d) => w.happened(Some(d)),
        None => words::date(nc.raised.value),
    };
    json!({
        "other_criteria": other_criteria,
        "improvement": w.opt_markdown("nonconformities.improvement", nc.improvement.as_ref()),
        "disagreement": w.opt_markdown("nonconformities.disagreement", nc.disagreement.as_ref()),
        "leader_reviewed": leader_reviewed,
        "responded": if responded { w.happened(nc.responded.as_ref()) } else { String::new() },
        "later_verifier": later_verifier,
        "audit": audit,
        "id": w.string("nonconformities.id", &nc.id),
        "grade": words::grade(grade),
        "major": grade == Grade::Major,
        "clause": w.string("nonconformities.clause", &nc.clause),
        "clause_title": clause_title,
        "site": site,
        "department": w.opt("nonconformities.department", nc.department.as_ref()),
        "description": w.markdown("nonconformities.description", &nc.description),
        "auditor": w.name(&nc.auditor),
        "raised": w.date(&nc.raised),
        "confirmed": w.filled_in(nc.confirmed_by_client.as_ref()),
        "due": due,
        "cause": response(w, "nonconformities.cause", nc.cause.as_ref()),
        "correction": response(w, "nonconformities.correction", nc.correction.as_ref()),
        "corrective_action": response(w, "nonconformities.corrective_action", nc.corrective_action.as_ref()),
        "plan_accepted": w.happened(nc.plan_accepted.as_ref()),
        "verification": verification,
        "verified_at": verified_at,
    })
}
