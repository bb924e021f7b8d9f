//! Diagnostics: findings about the user's data, with the rule that found them and the
//! clauses that rule comes from. Emitters in `emit/` print them in each output format.

pub mod emit;

use std::fmt;

use serde::Serialize;

use crate::source::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// Path relative to the project root, with `/` separators.
    pub file: String,
    pub pos: Pos,
    pub message: String,
    pub citations: Vec<String>,
    /// Other places the message refers to.
    pub related: Vec<(Pos, String)>,
}

/// Everything a check produced, ready for an emitter.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<SourceText>,
    pub diagnostics: Vec<Diagnostic>,
    /// A line for the human summary, e.g. what was checked.
    pub checked: String,
    /// The rules that ran, for formats that describe them (SARIF).
    pub rules: Vec<RuleMeta>,
}

/// What an emitter may say about a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: &'static str,
    pub summary: &'static str,
    pub docs: &'static str,
    pub severity: Severity,
}

/// A checked file's text, for snippets in human output and fingerprints in SARIF.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: String,
    /// Shared: the report keeps every file for the emitters without copying it.
    pub text: std::sync::Arc<str>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }

    pub fn source(&self, path: &str) -> Option<&str> {
        self.files.iter().find(|f| f.path == path).map(|f| &*f.text)
    }

    /// Diagnostics in a stable order: by file, line, column, rule.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (&a.file, a.pos.line, a.pos.col, a.rule, &a.message)
                .cmp(&(&b.file, b.pos.line, b.pos.col, b.rule, &b.message))
        });
        self.diagnostics.dedup();
    }
}
