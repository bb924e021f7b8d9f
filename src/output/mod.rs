//! Stage 5: rendered records onto disk. Each PDF goes to `output/<case>/<number>_<rev>.pdf`
//! through a temporary file and a rename, so an interrupted build leaves no half-written
//! PDF; an issued revision's file is never replaced by different bytes. `index.json` lists
//! every record with its SHA-256.

pub mod lock;
pub mod paths;
pub mod shard;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
pub use paths::{Unsafe, record_path};

/// One rendered record as `index.json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub case: String,
    pub form: String,
    pub number: String,
    pub revision: String,
    /// Relative to the output folder, with `/`.
    pub file: String,
    pub sha256: String,
    pub pages: usize,
    /// Whether this is the record's current revision or one a later revision replaced.
    #[serde(default)]
    pub status: Status,
}

/// Where a revision stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Current,
    Superseded,
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What happened to a record's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// The file already held exactly these bytes.
    Unchanged,
}

/// Why a record was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} already holds this revision with different content; an issued revision is never \
         overwritten: declare a new revision under `revisions:` (or delete the file if it was \
         never issued)"
    )]
    Issued(String),
    #[error(transparent)]
    Io(#[from] Error),
    #[error(transparent)]
    Unsafe(#[from] Unsafe),
}

/// What is at `out/<rel>` already: the same bytes (`Unchanged`), nothing (`None`), or
/// other bytes, which is an issued revision that must not change.
pub fn existing(out: &Path, rel: &str, bytes: &[u8]) -> Result<Option<Outcome>, WriteError> {
    let path = paths::under(out, rel)?;
    match std::fs::read(&path) {
        Ok(existing) if existing == bytes => Ok(Some(Outcome::Unchanged)),
        Ok(_) => Err(WriteError::Issued(rel.to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e).into()),
    }
}

/// Write `bytes` to `out/<rel>` atomically, unless the same bytes are already there.
pub fn write_record(out: &Path, rel: &str, bytes: &[u8]) -> Result<Outcome, WriteError> {
    let path = paths::under(out, rel)?;
    if !paths::stays_inside(out, &path) {
        return Err(Unsafe {
            name: rel.to_string(),
            why: "its folder is a link to a place outside the output folder",
        }
        .into());
    }
    match std::fs::read(&path) {
        Ok(existing) if existing == bytes => return Ok(Outcome::Unchanged),
        Ok(_) => return Err(WriteError::Issued(rel.to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, e).into()),
    }
    write_atomic(&path, bytes)?;
    Ok(Outcome::Written)
}

/// Write through a temporary file beside the target and rename it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::atomic::write(path, bytes)
}

/// Merge this build's entries into `out/index.json`: the cases built now replace their old
/// entries, other cases' entries stay. Sorted by case and number, so the file is stable.
/// Returns what was dropped from the old index because it could not be trusted.
pub fn write_index(out: &Path, built_cases: &[String], entries: &[Entry]) -> Result<Vec<String>> {
    let path = out.join("index.json");
    let mut all: BTreeMap<(String, String, String), Entry> = BTreeMap::new();
    let mut dropped = Vec::new();
    match std::fs::read_to_string(&path) {
        Ok(text) => match serde_json::from_str::<Index>(&text) {
            Ok(old) => {
                for e in old.records {
                    if let Err(why) = e.validate(out) {
                        dropped.push(format!(
                            "output/index.json: dropped the entry for `{}`: {why}",
                            e.file
                        ));
                    } else if !built_cases.contains(&e.case) {
                        all.insert((e.case.clone(), e.number.clone(), e.revision.clone()), e);
                    }
                }
            }
            Err(_) => dropped.push(
                "output/index.json was not a valid index; it is written afresh from this build"
                    .into(),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, e)),
    }
    for e in entries {
        all.insert(
            (e.case.clone(), e.number.clone(), e.revision.clone()),
            e.clone(),
        );
    }
    let index = Index {
        records: all.into_values().collect(),
    };
    let mut text = serde_json::to_string_pretty(&index)
        .map_err(|e| Error::io(&path, std::io::Error::other(e)))?;
    text.push('\n');
    write_atomic(&path, text.as_bytes())?;
    Ok(dropped)
}

/// The records `index.json` lists; none when it is missing or unreadable (the next build
/// writes it afresh).
pub fn read_index(out: &Path) -> Vec<Entry> {
    std::fs::read_to_string(out.join("index.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<Index>(&text).ok())
        .map(|i| i.records)
        .unwrap_or_default()
}

impl Entry {
    /// An entry read back from `index.json` names exactly the file its case, number and
    /// revision give, under the output folder, with a SHA-256 and an existing file: an
    /// edited or forged index must not carry a path outside `output/` into later indexes.
    pub(crate) fn validate(&self, out: &Path) -> std::result::Result<(), String> {
        let expected =
            record_path(&self.case, &self.number, &self.revision).map_err(|e| e.to_string())?;
        if self.file != expected {
            return Err(format!("its file should be `{expected}`"));
        }
        let path = paths::under(out, &self.file).map_err(|e| e.to_string())?;
        if self.sha256.len() != 64 || !self.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("its SHA-256 is not 64 hexadecimal digits".into());
        }
        if !path.is_file() {
            return Err("the file is no longer there".into());
        }
        Ok(())
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Index {
    pub records: Vec<Entry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_file_is_never_replaced_by_other_bytes() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert_eq!(
            write_record(dir.path(), "c/a.pdf", b"one")?,
            Outcome::Written
        );
        assert_eq!(
            write_record(dir.path(), "c/a.pdf", b"one")?,
            Outcome::Unchanged
        );
        assert!(matches!(
            write_record(dir.path(), "c/a.pdf", b"two"),
            Err(WriteError::Issued(_))
        ));
        assert_eq!(std::fs::read(dir.path().join("c/a.pdf"))?, b"one");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path().join("c"))?.count(), 1);
        Ok(())
    }
}
