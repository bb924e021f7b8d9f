//! `--format json`: one document with counts and every diagnostic (`case-format.md`).

use serde::Serialize;

use crate::diag::{Report, ToolError, anchors};

#[derive(Serialize)]
struct Doc<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Item<'a>>,
    /// Present only when certdoc could not do its job (exit 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    tool_error: Option<ToolErrorItem<'a>>,
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
    /// The YAML path of the node, e.g. `audits[S2].end`: stable when lines move.
    path: String,
    /// The same value as SARIF's `partialFingerprints`.
    fingerprint: String,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize)]
struct ToolErrorItem<'a> {
    message: &'a str,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
}

pub fn render(report: &Report) -> String {
    let anchors = anchors(report);
    let doc = Doc {
        files: report.files.len(),
        errors: report.errors(),
        warnings: report.warnings(),
        diagnostics: report
            .diagnostics
            .iter()
            .zip(anchors)
            .map(|(d, a)| Item {
                rule: d.rule,
                severity: d.severity.as_str(),
                file: &d.file,
                line: d.pos.line,
                column: d.pos.col,
                message: &d.message,
                citations: &d.citations,
                path: a.path,
                fingerprint: a.fingerprint,
                related: d
                    .related
                    .iter()
                    .map(|(pos, label)| Related {
                        line: pos.line,
                        column: pos.col,
                        message: label,
                    })
                    .collect(),
            })
            .collect(),
        tool_error: None,
    };
    to_string(&doc)
}

/// The document of a run that failed: no files checked, and why.
pub fn tool_error(e: &ToolError) -> String {
    let doc = Doc {
        files: 0,
        errors: 0,
        warnings: 0,
        diagnostics: Vec::new(),
        tool_error: Some(ToolErrorItem {
            message: &e.message,
            file: e.file.as_deref(),
            line: e.pos.map(|p| p.line),
            column: e.pos.map(|p| p.col),
        }),
    };
    to_string(&doc)
}

fn to_string(doc: &Doc) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}
