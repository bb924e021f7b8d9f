//! The register in the column layout of IAF CertSearch's certification upload template:
//! one row per certificate and site, the certificate's stable identity number repeated on
//! each of its rows, the statuses in CertSearch's words, dates as YYYYMMDD.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::register::Register;
use crate::load::{Date, Rules};

/// The template's field names, in its column order.
pub const COLUMNS: [&str; 16] = [
    "Certification Identity Number",
    "Certificate Number",
    "Certification Status",
    "Accreditation Status",
    "Certification Type",
    "Certification Scope",
    "Certification Original Issue Date",
    "Certification Issue Date",
    "Certification Expiry Date",
    "Certified Entity Name",
    "Certified Entity English Name",
    "Site Name",
    "Site Address",
    "Site Scope",
    "Country/Economy",
    "Standards",
];

/// Why the register cannot be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "rules/bodies/{0}.yaml does not say whether its certificates are issued under \
         accreditation, which the register's \"Accreditation Status\" column needs: add \
         `accredited: true` (or `false`) to it"
    )]
    Accreditation(String),
    #[error("the spreadsheet could not be written: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The rows: a header, then each certificate once per site.
pub fn rows(register: &Register, rules: &Rules) -> Result<Vec<[String; 16]>, ExportError> {
    let mut out = vec![COLUMNS.map(str::to_string)];
    for e in &register.certificates {
        let accredited = rules
            .bodies
            .get(&e.body)
            .and_then(|b| b.accredited.as_ref().map(|a| a.value))
            .ok_or_else(|| ExportError::Accreditation(e.body.clone()))?;
        let one_site = [None];
        let sites: Vec<Option<&super::register::PublicSite>> = if e.sites.is_empty() {
            one_site.to_vec()
        } else {
            e.sites.iter().map(Some).collect()
        };
        for site in sites {
            out.push([
                e.id.clone(),
                e.number.clone(),
                e.standing.certsearch().to_string(),
                if accredited {
                    "Accredited"
                } else {
                    "Unaccredited"
                }
                .to_string(),
                "Management System".to_string(),
                e.scope.clone(),
                ymd(e.first_issued),
                ymd(e.issued),
                ymd(e.expires),
                e.client.clone(),
                e.client_en.clone().unwrap_or_default(),
                site.map(|s| s.name.clone()).unwrap_or_default(),
                site.map(|s| s.address.clone()).unwrap_or_default(),
                site.and_then(|s| s.scope.clone()).unwrap_or_default(),
                "China".to_string(),
                e.standard.clone(),
            ]);
        }
    }
    Ok(out)
}

fn ymd(d: Date) -> String {
    d.0.format("%Y%m%d").to_string()
}

/// RFC 4180 CSV, CRLF line ends, with a byte-order mark so that Excel reads the Chinese
/// text as UTF-8.
pub fn csv(rows: &[[String; 16]]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The workbook: one sheet named as the template's, every cell text (identity numbers and
/// dates must not become numbers), the same bytes for the same register.
pub fn xlsx(rows: &[[String; 16]], as_of: Date) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&as_of.0)).unwrap_or(2000),
        chrono::Datelike::month(&as_of.0) as u8,
        chrono::Datelike::day(&as_of.0) as u8,
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Certifications")
            .set_author("certdoc")
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Certifications")?;
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            if r == 0 {
                sheet.write_string_with_format(r, c, cell, &bold)?;
            } else {
                sheet.write_string(r, c, cell)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}
