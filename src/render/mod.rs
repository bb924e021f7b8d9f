//! Stage 4: records to Typst markup and PDF. User text reaches Typst only as string
//! literals (`typst_text`) or through the Markdown whitelist (`markdown`); Tera templates
//! (`templates`) escape every value that way by default; `pdf` compiles in process in a
//! world (`world`) that shares fonts (`fonts`) and library across records.

pub mod fonts;
pub mod markdown;
pub mod pdf;
pub mod templates;
pub mod typst_text;
pub mod world;

use crate::diag::{Diagnostic, Severity};
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

pub const FONT_COVERAGE: &str = "font-coverage";

/// Every user string of `record` with a character no loaded font has. typst would print an
/// empty box for it without a word, so the record is refused instead.
pub fn coverage(fonts: &fonts::Fonts, record: &Record) -> Vec<Diagnostic> {
    record
        .texts
        .iter()
        .filter_map(|f| {
            let c = fonts.missing(&f.text)?;
            Some(Diagnostic {
                rule: FONT_COVERAGE,
                severity: Severity::Error,
                file: f.file.clone(),
                pos: f.pos,
                message: format!(
                    "`{}` contains {c:?} (U+{:04X}), which no font under templates/fonts has; \
                     {} {} would show an empty box there. Replace the character or add a font \
                     that has it",
                    f.name,
                    u32::from(c),
                    record.form,
                    record.number
                ),
                citations: vec![],
                related: vec![],
            })
        })
        .collect()
}
