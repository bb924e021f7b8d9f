//! 不符合项报告 (B.2): the finding, its clause with the catalogue's title, the grade, the
//! signature blocks, the client's cause analysis and actions, and the verification. It is
//! completed in stages (`control::stages`); each revision shows the stages done by its date.

use serde::Serialize;

use super::view::AuditView;
use super::{Writer, words};
use crate::check::rules::major_nc_verification_deadline;
use crate::control::stages::{response_date, verification_date};
use crate::load::case::{Audit, Grade, Nonconformity};

/// 不符合项报告's own content.
#[derive(Debug, Clone, Serialize)]
pub struct NcView {
    pub audit: AuditView,
    pub id: String,
    pub grade: String,
    pub major: bool,
    pub clause: String,
    pub clause_title: String,
    pub site: String,
    pub department: String,
    pub description: String,
    pub other_criteria: Vec<String>,
    pub improvement: String,
    pub disagreement: String,
    pub auditor: String,
    pub raised: String,
    pub leader_reviewed: String,
    pub confirmed: String,
    pub due: String,
    pub cause: String,
    pub correction: String,
    pub corrective_action: String,
    pub responded: String,
    pub plan_accepted: String,
    pub verification: Option<VerificationView>,
    /// Verified at a later audit: that audit, named.
    pub verified_at: String,
    pub later_verifier: Option<Signature>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerificationView {
    pub date: String,
    pub method: String,
    pub by: String,
    pub effective: bool,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub by: String,
    pub date: String,
}

pub(crate) fn make(w: &mut Writer, a: &Audit, nc: &Nonconformity) -> NcView {
    let case = w.case;
    let audit = w.audit(a);
    let clause_title = match w.scheme.clause(&nc.clause).and_then(|c| c.title.as_ref()) {
        Some(t) => w.scheme_text("clauses.title", t),
        None => String::new(),
    };
    let site = nc.site.as_ref().map(|s| w.site_name(s)).unwrap_or_default();
    let responded = response_date(case, nc).is_some_and(|d| w.known(d));
    let verified = verification_date(case, nc).is_some_and(|d| w.known(d));
    let verification = match nc.verification.as_ref() {
        Some(v) if verified => Some(VerificationView {
            date: w.date(&v.date),
            method: words::method(*w.v(&v.method)).to_string(),
            by: w.name(&v.by),
            effective: *w.v(&v.effective),
            notes: w.opt_markdown("verification.notes", v.notes.as_ref()),
        }),
        _ => None,
    };
    let later = nc
        .verified_at
        .as_ref()
        .filter(|_| verified)
        .map(|id| (w.text("nonconformities.verified_at", id), case.audit(id)));
    // Verified at a later audit: that audit's leader verified it, on its last day.
    let (verified_at, later_verifier) = match later {
        Some((_, Some(later))) => {
            let named = format!(
                "{}（{}）",
                words::audit_kind(*w.v(&later.kind)),
                words::date_range(*w.v(&later.start), *w.v(&later.end))
            );
            let by = later.leader().map(|p| w.name(p)).unwrap_or_default();
            let date = w.date(&later.end);
            (named, Some(Signature { by, date }))
        }
        _ => (String::new(), None),
    };
    let response = |w: &mut Writer, name: &'static str, t: Option<&crate::load::case::Text>| {
        if responded {
            w.opt_markdown(name, t)
        } else {
            String::new()
        }
    };
    let cause = response(w, "nonconformities.cause", nc.cause.as_ref());
    let correction = response(w, "nonconformities.correction", nc.correction.as_ref());
    let corrective_action = response(
        w,
        "nonconformities.corrective_action",
        nc.corrective_action.as_ref(),
    );
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
    let other_criteria = nc
        .other_criteria
        .iter()
        .map(|c| w.text("nonconformities.other_criteria", c))
        .collect();
    let leader_reviewed = match nc.leader_reviewed.as_ref() {
        Some(d) => w.happened(Some(d)),
        None => words::date(nc.raised.value),
    };
    NcView {
        audit,
        id: w.text("nonconformities.id", &nc.id),
        grade: words::grade(grade).to_string(),
        major: grade == Grade::Major,
        clause: w.text("nonconformities.clause", &nc.clause),
        clause_title,
        site,
        department: w.opt("nonconformities.department", nc.department.as_ref()),
        description: w.markdown("nonconformities.description", &nc.description),
        other_criteria,
        improvement: w.opt_markdown("nonconformities.improvement", nc.improvement.as_ref()),
        disagreement: w.opt_markdown("nonconformities.disagreement", nc.disagreement.as_ref()),
        auditor: w.name(&nc.auditor),
        raised: w.date(&nc.raised),
        leader_reviewed,
        confirmed: w.filled_in(nc.confirmed_by_client.as_ref()),
        due,
        cause,
        correction,
        corrective_action,
        responded: if responded {
            w.happened(nc.responded.as_ref())
        } else {
            String::new()
        },
        plan_accepted: w.happened(nc.plan_accepted.as_ref()),
        verification,
        verified_at,
        later_verifier,
    }
}
