//! One emitter per output format, all fed the same report.

mod github;
mod human;
mod json;
mod sarif;

use clap::ValueEnum;

use super::{Report, ToolError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// rustc-style messages with the source line and a caret (default)
    #[default]
    Human,
    /// one JSON document (see the README)
    Json,
    /// GitHub Actions workflow commands, one annotation per diagnostic
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
}

/// Render a report in a format. `color` only affects human output.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(report, color),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report),
    }
}

/// What a machine format prints on stdout when certdoc fails (exit 2), so that CI reading
/// it still gets a valid document saying why; `None` for human output (stderr says it).
pub fn tool_error(error: &ToolError, format: Format) -> Option<String> {
    match format {
        Format::Human => None,
        Format::Json => Some(json::tool_error(error)),
        Format::Github => Some(github::tool_error(error)),
        Format::Sarif => Some(sarif::tool_error(&Report::default(), error)),
    }
}
