//! Lock files. `cases/…/<case>.lock` beside each case keeps, per document number, every
//! issued revision: its date, change and author, the form code and version it was issued
//! on, what it said (fingerprint and one entry per field) and the SHA-256 of its PDF.
//! `rules/bodies/<body>.lock` keeps the digest of each form version's template. Both are
//! written by `build` and committed; JSON with sorted keys, so diffs and merges read well.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::load::Date;

/// The format version written at the top of every lock file.
pub const FORMAT: u32 = 1;

/// The issued revisions of one case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub certdoc_lock: u32,
    pub case: String,
    /// By document number.
    pub records: BTreeMap<String, LockedRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedRecord {
    /// The body's form key.
    pub form: String,
    /// Oldest first.
    pub revisions: Vec<Issued>,
}

/// One issued revision of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issued {
    pub rev: String,
    pub date: Date,
    pub change: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub form_code: String,
    pub form_version: String,
    pub fingerprint: String,
    pub pdf_sha256: String,
    pub pages: usize,
    /// What each field the record showed said: the value itself when short, else a digest
    /// (see `fingerprint::Fields`).
    pub fields: BTreeMap<String, String>,
}

impl Lock {
    /// What in a lock that parsed is not what certdoc writes (a revision out of the body's
    /// style, a digest that is not one): the offending text, to find its line, and why.
    pub fn problem(&self) -> Option<(String, String)> {
        let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
        for (number, record) in &self.records {
            if number.trim().is_empty() || number.contains(['/', '\\']) || number.contains("..") {
                return Some((
                    number.clone(),
                    format!("`{number}` is not a document number"),
                ));
            }
            for r in &record.revisions {
                if super::revisions::parse(&r.rev).is_none() || r.rev.trim() != r.rev {
                    return Some((
                        r.rev.clone(),
                        format!("`{}` is not a revision (A/0, A/1 …)", r.rev),
                    ));
                }
                if !hex(&r.pdf_sha256) || !hex(&r.fingerprint) {
                    return Some((
                        r.pdf_sha256.clone(),
                        format!("{number} {}: a digest is not 64 hexadecimal digits", r.rev),
                    ));
                }
            }
        }
        None
    }

    pub fn new(case: &str) -> Self {
        Lock {
            certdoc_lock: FORMAT,
            case: case.to_string(),
            records: BTreeMap::new(),
        }
    }

    pub fn issued(&self, number: &str) -> &[Issued] {
        self.records
            .get(number)
            .map(|r| r.revisions.as_slice())
            .unwrap_or_default()
    }

    /// The text of the file: stable, sorted, one field per line.
    pub fn to_text(&self) -> String {
        to_text(self)
    }
}

/// The lock file of a case file: beside it, `.lock` for `.yaml`.
pub fn case_lock_path(case_file: &Path) -> PathBuf {
    case_file.with_extension("lock")
}

/// The templates each form version of a body was issued with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormLock {
    pub certdoc_lock: u32,
    pub body: String,
    /// By form key, oldest version first.
    pub forms: BTreeMap<String, Vec<FormVersion>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormVersion {
    pub code: String,
    pub version: String,
    /// SHA-256 of the form's template and the shared files it includes.
    pub template_sha256: String,
}

impl FormLock {
    pub fn new(body: &str) -> Self {
        FormLock {
            certdoc_lock: FORMAT,
            body: body.to_string(),
            forms: BTreeMap::new(),
        }
    }

    pub fn version(&self, form: &str, code: &str, version: &str) -> Option<&FormVersion> {
        self.forms
            .get(form)?
            .iter()
            .find(|v| v.code == code && v.version == version)
    }

    pub fn to_text(&self) -> String {
        to_text(self)
    }
}

/// The lock file of a body: `rules/bodies/<body>.lock`.
pub fn form_lock_path(root: &Path, body: &str) -> PathBuf {
    root.join("rules")
        .join("bodies")
        .join(format!("{body}.lock"))
}

fn to_text<T: Serialize>(value: &T) -> String {
    // Serializing plain maps, strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Why a lock file could not be read, with the place in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub line: u32,
    pub col: u32,
    pub why: String,
}

/// Read a lock file's text.
pub fn parse<T: for<'de> Deserialize<'de> + HasFormat>(text: &str) -> Result<T, Unreadable> {
    let value: T = serde_json::from_str(text).map_err(|e| Unreadable {
        line: u32::try_from(e.line()).unwrap_or(u32::MAX).max(1),
        col: u32::try_from(e.column()).unwrap_or(u32::MAX).max(1),
        why: plain(&e),
    })?;
    if value.format() != FORMAT {
        return Err(Unreadable {
            line: 1,
            col: 1,
            why: format!(
                "it is in lock format {}, and this certdoc reads format {FORMAT}",
                value.format()
            ),
        });
    }
    Ok(value)
}

/// serde_json's message without its Rust words.
fn plain(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => {
            "it is not valid JSON (edited by hand, or a merge conflict left in it?)".into()
        }
        Category::Data => {
            let msg = e.to_string();
            let msg = msg.split(" at line").next().unwrap_or_default();
            format!("it does not have the shape certdoc writes ({msg})")
        }
        Category::Io => "it could not be read".into(),
    }
}

pub trait HasFormat {
    fn format(&self) -> u32;
}

impl HasFormat for Lock {
    fn format(&self) -> u32 {
        self.certdoc_lock
    }
}

impl HasFormat for FormLock {
    fn format(&self) -> u32 {
        self.certdoc_lock
    }
}
