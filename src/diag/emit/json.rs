//! `--format json`: one document with counts and every diagnostic (`case-format.md`).

use serde::Serialize;

use crate::diag::Report;

#[derive(Serialize)]
struct Doc<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    rule: &'a str,
    severity: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
    citations: &'a [String],
}

pub fn render(report: &Report) -> String {
    let doc = Doc {
        files: report.files.len(),
        errors: report.errors(),
        warnings: report.warnings(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| Item {
                rule: d.rule,
                severity: d.severity.as_str(),
                file: &d.file,
                line: d.pos.line,
                column: d.pos.col,
                message: &d.message,
                citations: &d.citations,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
