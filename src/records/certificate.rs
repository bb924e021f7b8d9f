//! 认证证书 (B.5): every mandatory item, the fixed sentence about surveillance, where to
//! verify the certificate, and the sites covered. A re-issue after a change is a revision
//! of the same certificate: each revision shows the certificate as issued by its date.

use serde::Serialize;

use super::Writer;
use super::view::SiteView;
use crate::load::case::Certificate;
use crate::load::{Case, Date};

/// 认证证书's own content.
#[derive(Debug, Clone, Serialize)]
pub struct CertificateView {
    pub number: String,
    /// The address that verifies this certificate, for the QR code.
    pub verify_one: Option<String>,
    pub scope: String,
    pub sites: Vec<SiteView>,
    /// With more than one site: each site with its own scope, for the annex.
    pub annex: Vec<AnnexSite>,
    pub issued: String,
    pub expires: String,
    /// The issue under this number that a re-issue replaces.
    pub first_issued: String,
    pub reissue: bool,
    pub verify: Vec<String>,
    pub statements: Vec<String>,
    /// The kind of management system, as the scheme names its certification.
    pub system: String,
    /// On a renewal, when the client was first certified.
    pub first_certified: String,
    /// The certification mark's path under `templates/`, where the scheme requires one.
    pub mark: Option<String>,
    pub signatory: String,
    pub english: Option<English>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnnexSite {
    #[serde(flatten)]
    pub site: SiteView,
    pub scope: String,
}

/// The English text, when the client has an English name.
#[derive(Debug, Clone, Serialize)]
pub struct English {
    pub name: String,
    pub scope: String,
    pub system: String,
}

/// The latest issue under `first`'s number by `day` (a re-issue keeps the number).
pub(crate) fn issue_on<'a>(case: &'a Case, first: &'a Certificate, day: Date) -> &'a Certificate {
    case.certificates
        .iter()
        .map(|c| &c.value)
        .filter(|c| c.number.trim() == first.number.trim() && c.issued.value <= day)
        .max_by_key(|c| c.issued.value)
        .unwrap_or(first)
}

pub(crate) fn make(w: &mut Writer, first: &Certificate) -> CertificateView {
    let case = w.case;
    let body = w.body;
    let c = issue_on(case, first, w.as_of);
    let sites: Vec<SiteView> = c.sites.iter().map(|s| w.site(s)).collect();
    let verify = body
        .verify_at
        .iter()
        .map(|v| w.body_text("verify_at", v))
        .collect();
    let reissue = !std::ptr::eq(c, first);
    let statements = w
        .scheme
        .certificate_statements
        .iter()
        .map(|t| w.scheme_text("certificate_statements", t))
        .collect();
    let name = &w.scheme.name.value;
    let system = name.strip_suffix("认证").unwrap_or(name).to_string();
    let first_certified = case
        .certificates
        .iter()
        .filter(|o| o.issued.value < first.issued.value && o.reissue_of.is_none())
        .min_by_key(|o| o.issued.value)
        .map(|o| w.date(&o.issued))
        .unwrap_or_default();
    let verify_one = body.verify_url.as_ref().map(|pattern| {
        w.body_text("verify_url", pattern)
            .replace("{number}", c.number.trim())
    });
    let mut annex = Vec::new();
    if c.sites.len() > 1 {
        for (id, site) in c.sites.iter().zip(&sites) {
            let scope = match case.site(id).and_then(|s| s.scope.as_ref()) {
                Some(t) => w.text("client.sites.scope", t),
                None => c.scope.value.clone(),
            };
            annex.push(AnnexSite {
                site: site.clone(),
                scope,
            });
        }
    }
    let mark = match (&w.scheme.certification_mark, &body.certification_mark) {
        (Some(required), Some(path)) if *w.scheme_v(required) => {
            Some(format!("/{}", w.body_text("certification_mark", path)))
        }
        _ => None,
    };
    let signatory = w.staff_with(crate::load::body::StaffRole::AuthorisedSignatory);
    let english = case.client.name_en.as_ref().map(|name| English {
        name: w.text("client.name_en", name),
        scope: w.opt("certificates.scope_en", c.scope_en.as_ref()),
        system: match &w.scheme.system_en {
            Some(t) => w.scheme_text("system_en", t),
            None => "management system".to_string(),
        },
    });
    CertificateView {
        number: w.text("certificates.number", &c.number),
        verify_one,
        scope: w.text("certificates.scope", &c.scope),
        sites,
        annex,
        issued: w.date(&c.issued),
        expires: w.date(&c.expires),
        first_issued: if reissue {
            w.date(&first.issued)
        } else {
            String::new()
        },
        reissue,
        verify,
        statements,
        system,
        first_certified,
        mark,
        signatory,
        english,
    }
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
