//! 不符合项报告 (B.2): the finding, its clause with the catalogue's title, the grade, the
//! signature blocks, the client's cause analysis and actions, and the verification.

use serde_json::{Value, json};

use super::{Made, Writer, opt_date, words};
use crate::load::case::{Audit, Nonconformity};

pub(crate) fn make(w: &mut Writer, a: &Audit, nc: &Nonconformity) -> Made {
    let case = w.case;
    let audit = w.audit(a);
    let clause_title = match w.scheme.clause(&nc.clause).and_then(|c| c.title.as_ref()) {
        Some(t) => w.scheme_text("clauses.title", t),
        None => json!(""),
    };
    let site = match nc.site.as_ref() {
        Some(s) => w.site(s)["name"].clone(),
        None => json!(""),
    };
    let verification = match nc.verification.as_ref() {
        Some(v) => json!({
            "date": words::date(v.date.value),
            "method": words::method(v.method.value),
            "by": w.name(&v.by),
            "effective": v.effective.value,
            "notes": w.opt_markdown("verification.notes", v.notes.as_ref()),
        }),
        None => Value::Null,
    };
    let verified_at = match nc.verified_at.as_ref().and_then(|id| case.audit(id)) {
        Some(later) => json!(format!(
            "{}（{}）",
            words::audit_kind(later.kind.value),
            words::date_range(later.start.value, later.end.value)
        )),
        None => json!(""),
    };
    Made {
        content: json!({
            "audit": audit,
            "id": nc.id.value,
            "grade": words::grade(nc.grade.value),
            "major": nc.grade.value == crate::load::case::Grade::Major,
            "clause": nc.clause.value,
            "clause_title": clause_title,
            "site": site,
            "department": w.opt("nonconformities.department", nc.department.as_ref()),
            "description": w.markdown("nonconformities.description", &nc.description),
            "auditor": w.name(&nc.auditor),
            "raised": words::date(nc.raised.value),
            "confirmed": opt_date(nc.confirmed_by_client.as_ref()),
            "due": opt_date(nc.due.as_ref()),
            "cause": w.opt_markdown("nonconformities.cause", nc.cause.as_ref()),
            "correction": w.opt_markdown("nonconformities.correction", nc.correction.as_ref()),
            "corrective_action": w.opt_markdown("nonconformities.corrective_action", nc.corrective_action.as_ref()),
            "plan_accepted": opt_date(nc.plan_accepted.as_ref()),
            "verification": verification,
            "verified_at": verified_at,
        }),
        issued: nc.raised.value,
        by: Some(nc.auditor.clone()),
    }
}
