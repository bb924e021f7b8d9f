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
    let statements: Vec<Value> = w
        .scheme
        .certificate_statements
        .iter()
        .map(|t| w.scheme_text("certificate_statements", t))
        .collect();
    // The kind of management system, as the scheme names its certification.
    let name = &w.scheme.name.value;
    let system = name.strip_suffix("认证").unwrap_or(name).to_string();
    // A renewal shows when the client was first certified: the case's earliest certificate.
    let first_certified = case
        .certificates
        .iter()
        .filter(|o| o.issued.value < first.issued.value && o.reissue_of.is_none())
        .min_by_key(|o| o.issued.value)
        .map(|o| w.date(&o.issued))
        .unwrap_or_default();
    let one = match &body.verify_url {
        Some(pattern) => {
            let pattern = w.body_text("verify_url", pattern);
            let url = pattern
                .as_str()
                .unwrap_or_default()
                .replace("{number}", c.number.trim());
            json!({ "url": url })
        }
        None => Value::Null,
    };
    // Each site with its own activities, on an annex when there is more than one.
    let mut annex: Vec<Value> = Vec::new();
    if c.sites.len() > 1 {
        for (id, info) in c.sites.iter().zip(&sites) {
            let scope = case
                .site(id)
                .and_then(|s| s.scope.as_ref())
                .map(|t| w.text("client.sites.scope", t));
            let mut info = info.clone();
            info["scope"] = scope.unwrap_or_else(|| json!(c.scope.value));
            annex.push(info);
        }
    }
    let mark = match (&w.scheme.certification_mark, &body.certification_mark) {
        (Some(required), Some(path)) if *w.scheme_v(required) => {
            json!(format!(
                "/{}",
                w.body_text("certification_mark", path)
                    .as_str()
                    .unwrap_or_default()
            ))
        }
        _ => Value::Null,
    };
    let signatory = body
        .staff
        .iter()
        .find(|s| s.has_role(crate::load::body::StaffRole::AuthorisedSignatory))
        .map(|s| w.body_text("staff.name", &s.name))
        .unwrap_or(json!(""));
    // The English text needs the client's English name; the scope falls back to Chinese.
    let english = match &case.client.name_en {
        Some(name) => json!({
            "name": w.text("client.name_en", name),
            "scope": w.opt("certificates.scope_en", c.scope_en.as_ref()),
            "system": match &w.scheme.system_en {
                Some(t) => w.scheme_text("system_en", t),
                None => json!("management system"),
            },
        }),
        None => Value::Null,
    };
    json!({
        "annex": annex,
        "mark": mark,
        "signatory": signatory,
        "english": english,
        "number": w.text("certificates.number", &c.number),
        "verify_one": one,
        "scope": w.text("certificates.scope", &c.scope),
        "sites": sites,
        "issued": w.date(&c.issued),
        "expires": w.date(&c.expires),
        "first_issued": if reissue { w.date(&first.issued) } else { String::new() },
        "reissue": reissue,
        "verify": verify,
        "statements": statements,
        "system": system,
        "first_certified": first_certified,
    })
}

/// A QR code of `data` as rows of `1` (dark) and `0` (light) modules, for the template to
/// draw (through the `qr` filter, so only a record being typeset pays for it); none when
/// the data is too long for a QR code.
pub fn qr_rows(data: &str) -> Vec<String> {
    let Ok(code) = qrcode::QrCode::new(data.as_bytes()) else {
        return Vec::new();
    };
    let width = code.width();
    code.to_colors()
        .chunks(width.max(1))
        .map(|row| {
            row.iter()
                .map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::qr_rows;

    #[test]
    fn the_qr_code_decodes_to_the_verification_url() -> Result<(), Box<dyn std::error::Error>> {
        let url = "https://www.example-tb.cn/cert-query?no=TB-PIC-2026-0003";
        let rows = qr_rows(url);
        assert!(!rows.is_empty());
        // Drawn as the template draws it: 4 modules of quiet zone, here 4 pixels a module.
        let (scale, quiet) = (4, 4);
        let n = rows.len();
        let side = (n + 2 * quiet) * scale;
        let dark = |x: usize, y: usize| {
            let (mx, my) = (
                (x / scale).checked_sub(quiet),
                (y / scale).checked_sub(quiet),
            );
            match (mx, my) {
                (Some(mx), Some(my)) => rows
                    .get(my)
                    .and_then(|r| r.as_bytes().get(mx))
                    .is_some_and(|c| *c == b'1'),
                _ => false,
            }
        };
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            if dark(x, y) { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode()?;
        assert_eq!(content, url);
        Ok(())
    }
}
