//! `--format sarif`: SARIF 2.1.0 for code scanning. Rule ids are the stable rule ids;
//! each result carries a fingerprint that survives lines moving above it, so code
//! scanning recognises the same finding across commits.

use serde::Serialize;

use crate::diag::{Report, Severity};
use crate::source::LineIndex;

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
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: OwnedText,
    locations: Vec<Location<'a>>,
    partial_fingerprints: serde_json::Value,
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
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact<'a> {
    uri: &'a str,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

#[derive(Serialize)]
struct Properties<'a> {
    citations: &'a [String],
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
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

pub fn render(report: &Report) -> String {
    let rules: Vec<SarifRule> = report
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
        .collect();
    let mut indexes: Vec<(&str, LineIndex)> = Vec::new();
    let results = report
        .diagnostics
        .iter()
        .map(|d| {
            let text = report.source(&d.file).unwrap_or("");
            if !indexes.iter().any(|(p, _)| *p == d.file) {
                indexes.push((d.file.as_str(), LineIndex::new(text)));
            }
            let line = indexes
                .iter()
                .find(|(p, _)| *p == d.file)
                .and_then(|(_, idx)| idx.line(text, d.pos.line))
                .unwrap_or("")
                .trim();
            // The line's text rather than its number: inserting lines above must not
            // make the same finding look new.
            let fingerprint = fnv1a(&[d.rule, &d.file, line, &d.message]);
            let mut message = d.message.clone();
            if !d.citations.is_empty() {
                message.push_str(&format!(" ({})", d.citations.join("; ")));
            }
            SarifResult {
                rule_id: d.rule,
                rule_index: report.rules.iter().position(|r| r.id == d.rule),
                level: level(d.severity),
                message: OwnedText { text: message },
                locations: vec![Location {
                    physical_location: Physical {
                        artifact_location: Artifact {
                            uri: &d.file,
                            uri_base_id: "%SRCROOT%",
                        },
                        region: Region {
                            start_line: d.pos.line,
                            start_column: d.pos.col,
                        },
                    },
                }],
                partial_fingerprints: serde_json::json!({ "certdoc/v1": fingerprint }),
                properties: Properties {
                    citations: &d.citations,
                },
            }
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "certdoc",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/certdoc/certdoc",
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
