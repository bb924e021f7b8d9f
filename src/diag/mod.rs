//! Diagnostics: findings about the user's data, with the rule that found them and the
//! clauses that rule comes from. Emitters in `emit/` print them in each output format.

pub mod emit;
pub mod node_path;
pub mod suggest;

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
    /// The files with at least one error: `build` writes nothing of the cases they hold.
    pub fn files_with_errors(&self) -> std::collections::BTreeSet<&str> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.file.as_str())
            .collect()
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }

    /// Keep only the diagnostics of `rules`, and those found while loading: a file that
    /// does not load cannot be judged by any rule (`check --select`, and the fixtures,
    /// which test one rule at a time as ruff's do).
    pub fn select(&mut self, rules: &[&str]) {
        let loader = |id: &str| {
            crate::check::registry::find(id)
                .is_some_and(|r| matches!(r.check, crate::check::Check::Loader))
        };
        self.diagnostics
            .retain(|d| rules.contains(&d.rule) || loader(d.rule));
        self.rules.retain(|r| rules.contains(&r.id));
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

/// What identifies a diagnostic across commits, whatever lines were inserted above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The YAML path of the node the diagnostic points at (see `node_path`).
    pub path: String,
    pub fingerprint: String,
}

/// One anchor per diagnostic of `report`, in order. Each file with diagnostics is parsed
/// once more here, which only the formats that print anchors pay for.
pub fn anchors(report: &Report) -> Vec<Anchor> {
    let mut parsed: Vec<(&str, node_path::NodePaths)> = Vec::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let i = match parsed.iter().position(|(p, _)| *p == d.file) {
                Some(i) => i,
                None => {
                    let text = report.source(&d.file).unwrap_or("");
                    parsed.push((d.file.as_str(), node_path::NodePaths::new(text)));
                    parsed.len() - 1
                }
            };
            let path = parsed.get(i).map(|(_, p)| p.at(d.pos)).unwrap_or_default();
            let fingerprint = fingerprint(d.rule, &d.file, &path, &d.message);
            Anchor { path, fingerprint }
        })
        .collect()
}

/// From what a finding is about, not where it is: the rule, the file, the node's path and
/// the message with its whitespace collapsed (messages hold no line numbers).
pub fn fingerprint(rule: &str, file: &str, path: &str, message: &str) -> String {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a(&[rule, file, path, &message])
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike `DefaultHasher`.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Why certdoc could not do its job (exit 2), for the machine formats to carry it.
#[derive(Debug, Clone, Default)]
pub struct ToolError {
    pub message: String,
    /// The file at fault, relative to the root when it is inside it.
    pub file: Option<String>,
    pub pos: Option<Pos>,
}

impl From<&crate::error::Error> for ToolError {
    fn from(e: &crate::error::Error) -> Self {
        use crate::error::Error;
        let file = |p: &std::path::Path| Some(p.to_string_lossy().replace('\\', "/"));
        match e {
            Error::Rules { path, pos, message } => ToolError {
                message: message.clone(),
                file: file(path.as_path()),
                pos: pos.is_known().then_some(*pos),
            },
            Error::Io { path, source } => ToolError {
                message: source.to_string(),
                file: file(path.as_path()),
                pos: None,
            },
            Error::Template { path, message } => ToolError {
                message: message.clone(),
                file: file(path.as_path()),
                pos: None,
            },
            other => ToolError {
                message: other.to_string(),
                file: None,
                pos: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_spacing_but_not_content() {
        let a = fingerprint("stage-gap", "cases/x.yaml", "audits[S2].start", "a  b\n c");
        assert_eq!(
            a,
            fingerprint("stage-gap", "cases/x.yaml", "audits[S2].start", "a b c")
        );
        assert_ne!(
            a,
            fingerprint("stage-gap", "cases/x.yaml", "audits[S1].start", "a b c")
        );
        assert_ne!(
            a,
            fingerprint("stage-gap", "cases/y.yaml", "audits[S2].start", "a b c")
        );
    }
}
