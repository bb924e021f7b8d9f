//! Stage 4: records to Typst markup and PDF. User text reaches Typst only as string
//! literals (`typst_text`) or through the Markdown whitelist (`markdown`); Tera templates
//! (`templates`) escape every value that way by default; `pdf` compiles in process in a
//! world (`world`) that shares fonts (`fonts`) and library across records.

pub mod fonts;
pub mod markdown;
pub mod pdf;
pub mod preflight;
pub mod templates;
pub mod typst_text;
pub mod world;

use crate::records::Record;

/// Why a record could not be rendered: the template or the layout is at fault, never the
/// data (which reaches Typst only as literals), so these are tool failures.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template {form}.typ: {message}")]
    Template { form: String, message: String },
    #[error("typesetting {number} with {form}.typ: {message}")]
    Typeset {
        form: String,
        number: String,
        message: String,
    },
}

/// The Typst source of a record.
pub fn source(templates: &templates::Templates, record: &Record) -> Result<String, RenderError> {
    templates
        .render(record.form, &record.context)
        .map_err(|message| RenderError::Template {
            form: record.form.to_string(),
            message,
        })
}

/// A record as an archival PDF.
pub fn record(
    templates: &templates::Templates,
    shared: &world::Shared,
    record: &Record,
) -> Result<pdf::Pdf, RenderError> {
    let source = source(templates, record)?;
    let ident = format!("{} {}", record.number, record.revision);
    pdf::typeset(shared, source, &ident, record.date).map_err(|e| RenderError::Typeset {
        form: record.form.to_string(),
        number: record.number.clone(),
        message: e.0,
    })
}
