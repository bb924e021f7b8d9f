//! Typst source to an archival PDF, in process. The same source and date give the same
//! bytes: the PDF identifier comes from the record's number and revision, the timestamp
//! from its revision date, never from the clock.

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::syntax::Source;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::{RecordWorld, Shared};
use crate::load::Date;

pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Why a record could not be typeset. It is the template's fault (the data reaches Typst
/// only as string literals), so the message points into the generated source.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TypesetError(pub String);

/// Compile `source` and export it as PDF/A-2b.
pub fn typeset(
    shared: &Shared,
    source: String,
    ident: &str,
    date: Date,
) -> Result<Pdf, TypesetError> {
    use chrono::Datelike;
    let d = date.0;
    let today = u8::try_from(d.month())
        .ok()
        .zip(u8::try_from(d.day()).ok())
        .and_then(|(m, day)| Datetime::from_ymd(d.year(), m, day))
        .ok_or_else(|| TypesetError(format!("{date} cannot be a PDF date")))?;
    let world = RecordWorld::new(shared, source, today).map_err(|e| TypesetError(e.to_string()))?;
    let result = typst::compile::<PagedDocument>(&world);
    // Drop what this document memoised; without it memory grows with every record.
    let document = match result.output {
        Ok(doc) => doc,
        Err(errors) => {
            comemo::evict(0);
            return Err(TypesetError(describe(&world, &errors)));
        }
    };
    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| TypesetError(format!("PDF/A-2b: {}", e.message())))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(today)),
        standards,
        ..PdfOptions::default()
    };
    let pages = document.pages().len();
    let exported = typst_pdf::pdf(&document, &options);
    comemo::evict(0);
    match exported {
        Ok(bytes) => Ok(Pdf { bytes, pages }),
        Err(errors) => Err(TypesetError(describe(&world, &errors))),
    }
}

/// The errors with the line of generated source each points at.
fn describe(world: &RecordWorld, errors: &[SourceDiagnostic]) -> String {
    let source = Source::detached(world.source_text());
    errors
        .iter()
        .map(|e| {
            let at = (e.span.id() == Some(world.main()))
                .then(|| world.range(e.span))
                .flatten()
                .and_then(|r| source.lines().byte_to_line(r.start))
                .map(|l| {
                    let text = source.text().lines().nth(l).unwrap_or_default();
                    format!(" (generated line {}: `{}`)", l + 1, text.trim())
                })
                .unwrap_or_default();
            let hints: String = e.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
            format!("{}{at}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
