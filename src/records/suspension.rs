//! 暂停认证证书和标志通知书 (B.7): the certificate, the reason, the period, the fixed
//! statement that the certificate and mark may not be used, and how to restore.

use serde_json::{Value, json};

use super::{Writer, words};
use crate::check::cycle::in_force;
use crate::load::case::{Decision, Outcome};

pub(crate) fn make(w: &mut Writer, d: &Decision) -> Value {
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
    // A restoration shows only on a revision dated after it.
    let restoration = case
        .decisions
        .iter()
        .find(|r| r.date.value > start && r.outcome.value == Outcome::Restore)
        .filter(|r| w.known(r.date.value));
    let restored = restoration.map(|r| w.date(&r.date)).unwrap_or_default();
    json!({
        "certificate": number,
        "scope": scope,
        "expires": expires,
        "reason": w.opt("decisions.reason", d.reason.as_ref()),
        "trigger": w.happened(d.trigger.as_ref()),
        "start": words::date(start),
        "until": d.until.as_ref().map(|u| w.date(u)).unwrap_or_default(),
        "decided_by": w.name(&d.decided_by),
        "approved_by": match d.approved_by.as_ref() { Some(p) => w.name(p), None => json!("") },
        "restored": restored,
    })
}
