//! 认证证书 (B.5): every mandatory item, the fixed sentence about surveillance, where to
//! verify the certificate, and the sites covered. A re-issue after a change is a revision
//! of the same certificate: each revision shows the certificate as issued by its date.

use serde_json::{Value, json};

use super::Writer;
use crate::load::case::Certificate;

pub(crate) fn make(w: &mut Writer, first: &Certificate) -> Value {
    let case = w.case;
    let body = w.body;
    // The latest issue under this number by the revision's date.
    let c = case
        .certificates
        .iter()
        .map(|c| &c.value)
        .filter(|c| c.number.trim() == first.number.trim() && w.known(c.issued.value))
        .max_by_key(|c| c.issued.value)
        .unwrap_or(first);
    let sites: Vec<Value> = c.sites.iter().map(|s| w.site(s)).collect();
    let mut verify = Vec::new();
    for v in &body.verify_at {
        verify.push(w.body_text("verify_at", v));
    }
    let reissue = !std::ptr::eq(c, first);
    json!({
        "number": w.text("certificates.number", &c.number),
        "scope": w.text("certificates.scope", &c.scope),
        "sites": sites,
        "issued": w.date(&c.issued),
        "expires": w.date(&c.expires),
        "first_issued": if reissue { w.date(&first.issued) } else { String::new() },
        "reissue": reissue,
        "verify": verify,
    })
}
