//! 暂停认证证书和标志通知书 (B.7): the certificate, the reason, the period, the fixed
//! statement that the certificate and mark may not be used, and how to restore.

use serde_json::json;

use super::{Made, Writer, opt_date, words};
use crate::check::cycle::in_force;
use crate::load::case::Decision;

pub(crate) fn make(w: &mut Writer, d: &Decision) -> Made {
    let case = w.case;
    let cert = in_force(case, d.date.value);
    let (number, scope, expires) = match cert {
        Some(c) => (
            c.number.value.clone(),
            w.text("certificates.scope", &c.scope),
            words::date(c.expires.value),
        ),
        None => (String::new(), json!(""), String::new()),
    };
    let restoration = case.decisions.iter().find(|r| {
        r.date.value > d.date.value && r.outcome.value == crate::load::case::Outcome::Restore
    });
    Made {
        content: json!({
            "certificate": number,
            "scope": scope,
            "expires": expires,
            "reason": w.opt("decisions.reason", d.reason.as_ref()),
            "trigger": opt_date(d.trigger.as_ref()),
            "start": words::date(d.date.value),
            "until": opt_date(d.until.as_ref()),
            "decided_by": w.name(&d.decided_by),
            "approved_by": match d.approved_by.as_ref() { Some(p) => w.name(p), None => json!("") },
            "restored": restoration.map(|r| words::date(r.date.value)).unwrap_or_default(),
        }),
        issued: d.date.value,
        by: Some(d.decided_by.clone()),
    }
}
