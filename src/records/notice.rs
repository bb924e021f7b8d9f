//! Notices to the client (B.7): 暂停认证证书和标志通知书, 恢复认证证书和标志通知书,
//! 撤销认证证书通知书. Letters, not internal forms: the 文号, the addressee, the clause of the
//! rule document the decision rests on, the certificate and scope concerned, the dates and
//! what follows for the certificate and the mark.

use serde_json::{Value, json};

use super::{Writer, words};
use crate::check::cycle::in_force;
use crate::load::case::{Decision, Outcome};
use crate::load::numbering::Form;

/// A reason as a clause inside the letter's sentence: without its closing punctuation,
/// which the sentence supplies.
fn clause(v: Value) -> Value {
    match v {
        Value::String(s) => {
            Value::String(s.trim_end_matches(['。', '；', '，', '.', ' ']).to_string())
        }
        other => other,
    }
}

pub(crate) fn make(w: &mut Writer, d: &Decision, form: Form) -> Value {
    let case = w.case;
    let start = *w.v(&d.date);
    let (number, scope, expires) = match in_force(case, start) {
        Some(c) => (
            w.string("certificates.number", &c.number),
            w.text("certificates.scope", &c.scope),
            w.date(&c.expires),
        ),
        None => (String::new(), json!(""), String::new()),
    };
    // A restoration shows on a later revision of the suspension notice only if it happened
    // by that revision's date; the restoration notice names the suspension it ends.
    let restoration = case
        .decisions
        .iter()
        .find(|r| r.date.value > start && r.outcome.value == Outcome::Restore)
        .filter(|r| w.known(r.date.value));
    let restored = restoration.map(|r| w.date(&r.date)).unwrap_or_default();
    let suspension = case
        .decisions
        .iter()
        .filter(|s| s.outcome.value == Outcome::Suspend && s.date.value < start)
        .max_by_key(|s| s.date.value);
    let suspended = match (form, suspension) {
        (Form::Restoration | Form::Withdrawal, Some(s)) => json!({
            "start": w.date(&s.date),
            "reason": clause(w.opt("decisions.reason", s.reason.as_ref())),
        }),
        _ => Value::Null,
    };
    let basis = match w.scheme.notice_basis.get(form.key()) {
        Some(t) => w.scheme_text("notice_basis", t),
        None => json!(""),
    };
    // The audits the decision rests on (a restoration's verification audit).
    let mut audits = Vec::new();
    for id in &d.audits {
        w.text("decisions.audits", id);
        if let Some(a) = case.audit(id) {
            let info = w.audit(a);
            audits.push(json!({ "kind": info["kind"], "dates": info["dates"] }));
        }
    }
    json!({
        "audits": audits,
        "certificate": number,
        "scope": scope,
        "expires": expires,
        "reason": clause(w.opt("decisions.reason", d.reason.as_ref())),
        "trigger": w.happened(d.trigger.as_ref()),
        "start": words::date(start),
        "until": d.until.as_ref().map(|u| w.date(u)).unwrap_or_default(),
        "decided_by": w.name(&d.decided_by),
        "approved_by": match d.approved_by.as_ref() { Some(p) => w.name(p), None => json!("") },
        "approved": w.happened(d.approved.as_ref()),
        "restored": restored,
        "suspended": suspended,
        "basis": basis,
    })
}
