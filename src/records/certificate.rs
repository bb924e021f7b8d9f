//! 认证证书 (B.5): every mandatory item, the fixed sentence about surveillance, where to
//! verify the certificate, and the sites covered.

use serde_json::{Value, json};

use super::{Made, Writer, words};
use crate::load::case::Certificate;

pub(crate) fn make(w: &mut Writer, c: &Certificate) -> Made {
    let case = w.case;
    let body = w.body;
    let sites: Vec<Value> = c.sites.iter().map(|s| w.site(s)).collect();
    let mut verify = Vec::new();
    for v in &body.verify_at {
        verify.push(w.body_text("verify_at", v));
    }
    let original = c.reissue_of.as_ref().and_then(|n| {
        case.certificates
            .iter()
            .find(|o| o.number.value == n.value && o.reissue_of.is_none())
    });
    let decider = case.decision(&c.decision).map(|d| d.decided_by.clone());
    Made {
        content: json!({
            "number": w.text("certificates.number", &c.number),
            "scope": w.text("certificates.scope", &c.scope),
            "sites": sites,
            "issued": words::date(c.issued.value),
            "expires": words::date(c.expires.value),
            "first_issued": original.map(|o| words::date(o.issued.value)).unwrap_or_default(),
            "reissue": c.reissue_of.is_some(),
            "verify": verify,
        }),
        issued: c.issued.value,
        by: decider,
    }
}
