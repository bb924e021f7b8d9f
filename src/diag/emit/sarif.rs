//! `--format sarif`: SARIF 2.1.0 for code scanning. Rule ids are the stable rule ids;
//! each result carries a fingerprint computed from the YAML path of its node, not its
//! line, so code scanning recognises the same finding after lines move above it.

use serde::Serialize;

use crate::diag::{Report, Severity, ToolError, anchors};
use crate::source::{LineIndex, Pos};

/// The key of `partialFingerprints`: v1 hashed the line's text; v2 hashes the node's path.
const FINGERPRINT: &str = "certdoc/v2";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation<'a>>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<SarifRule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    default_configuration: Config,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Config {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: OwnedText,
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    partial_fingerprints: serde_json::Map<String, serde_json::Value>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: Physical<'a>,
    message: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact<'a> {
    uri: &'a str,
    /// Absent for a file outside the project (an absolute path).
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

impl<'a> Artifact<'a> {
    fn new(uri: &'a str) -> Self {
        let inside = !(uri.starts_with('/') || uri.get(1..3) == Some(":\\"));
        Artifact {
            uri,
            uri_base_id: inside.then_some("%SRCROOT%"),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

#[derive(Serialize)]
struct Properties<'a> {
    citations: &'a [String],
    /// The YAML path the fingerprint comes from, for people reading the log.
    path: String,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The region of a node on its first line: SARIF's `endColumn` is the column after its
/// last character, and a node spanning lines (a mapping) ends with its first line.
fn region(text: &str, index: &LineIndex, pos: Pos) -> Region {
    let end_column = index.line(text, pos.line).and_then(|line| {
        let line_end = u32::try_from(line.chars().count()).ok()?.saturating_add(1);
        let end = pos.col.saturating_add(pos.len.max(1)).min(line_end);
        (end > pos.col).then_some(end)
    });
    Region {
        start_line: pos.line,
        start_column: pos.col,
        end_column,
    }
}

fn driver(report: &Report) -> Driver<'_> {
    Driver {
        name: "certdoc",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: "https://github.com/certdoc/certdoc",
        rules: report
            .rules
            .iter()
            .map(|r| SarifRule {
                id: r.id,
                name: r.id,
                short_description: Text { text: r.summary },
                full_description: Text { text: r.docs },
                default_configuration: Config {
                    level: level(r.severity),
                },
            })
            .collect(),
    }
}

pub fn render(report: &Report) -> String {
    let mut indexes: Vec<(&str, LineIndex)> = Vec::new();
    let anchors = anchors(report);
    let results = report
        .diagnostics
        .iter()
        .zip(anchors)
        .map(|(d, anchor)| {
            let text = report.source(&d.file).unwrap_or("");
            if !indexes.iter().any(|(p, _)| *p == d.file) {
                indexes.push((d.file.as_str(), LineIndex::new(text)));
            }
            let fallback;
            let index = match indexes.iter().find(|(p, _)| *p == d.file) {
                Some((_, idx)) => idx,
                None => {
                    fallback = LineIndex::new("");
                    &fallback
                }
            };
            let physical = |pos: Pos| Physical {
                artifact_location: Artifact::new(&d.file),
                region: Some(region(text, index, pos)),
            };
            let mut message = d.message.clone();
            if !d.citations.is_empty() {
                message.push_str(&format!(" ({})", d.citations.join("; ")));
            }
            let mut fingerprints = serde_json::Map::new();
            fingerprints.insert(FINGERPRINT.into(), anchor.fingerprint.into());
            SarifResult {
                rule_id: d.rule,
                rule_index: report.rules.iter().position(|r| r.id == d.rule),
                level: level(d.severity),
                message: OwnedText { text: message },
                locations: vec![Location {
                    physical_location: physical(d.pos),
                }],
                related_locations: d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, (pos, label))| RelatedLocation {
                        id: i + 1,
                        physical_location: physical(*pos),
                        message: Text { text: label },
                    })
                    .collect(),
                partial_fingerprints: fingerprints,
                properties: Properties {
                    citations: &d.citations,
                    path: anchor.path,
                },
            }
        })
        .collect();
    let run = Run {
        tool: Tool {
            driver: driver(report),
        },
        invocations: vec![Invocation {
            execution_successful: true,
            tool_execution_notifications: Vec::new(),
        }],
        column_kind: "unicodeCodePoints",
        results,
    };
    to_string(run)
}

/// A log whose one run failed: no results, and the reason as a notification pointing at
/// the file (and line) at fault when certdoc knows it.
pub fn tool_error(report: &Report, e: &ToolError) -> String {
    let locations = e
        .file
        .as_deref()
        .map(|uri| Location {
            physical_location: Physical {
                artifact_location: Artifact::new(uri),
                region: e.pos.map(|p| Region {
                    start_line: p.line,
                    start_column: p.col,
                    end_column: None,
                }),
            },
        })
        .into_iter()
        .collect();
    let run = Run {
        tool: Tool {
            driver: driver(report),
        },
        invocations: vec![Invocation {
            execution_successful: false,
            tool_execution_notifications: vec![Notification {
                level: "error",
                message: Text { text: &e.message },
                locations,
            }],
        }],
        column_kind: "unicodeCodePoints",
        results: Vec::new(),
    };
    to_string(run)
}

fn to_string(run: Run) -> String {
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![run],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_columns_stop_at_the_line_end() {
        let text = "key:\n  name: 赣云数据\n";
        let idx = LineIndex::new(text);
        let r = region(
            text,
            &idx,
            Pos {
                line: 2,
                col: 9,
                len: 4,
            },
        );
        assert_eq!((r.start_column, r.end_column), (9, Some(13)));
        let r = region(
            text,
            &idx,
            Pos {
                line: 1,
                col: 1,
                len: 40,
            },
        );
        assert_eq!(r.end_column, Some(5));
    }
}
