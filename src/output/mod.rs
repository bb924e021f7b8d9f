//! Stage 5: rendered records onto disk. Each PDF goes to `output/<case>/<number>_<rev>.pdf`
//! through a temporary file and a rename, so an interrupted build leaves no half-written
//! PDF; an issued revision's file is never replaced by different bytes. `index.json` lists
//! every record with its SHA-256.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

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
}

/// A path component from a document number or revision: `/` becomes `-` (revisions are
/// written `A/1`), and the few characters no file system accepts become `_`.
pub fn component(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '/' => '-',
            '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// `<case>/<number>_<revision>.pdf`, relative to the output folder.
pub fn record_path(case: &str, number: &str, revision: &str) -> String {
    format!(
        "{}/{}_{}.pdf",
        component(case),
        component(number),
        component(revision)
    )
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
}

/// Write `bytes` to `out/<rel>` atomically, unless the same bytes are already there.
pub fn write_record(out: &Path, rel: &str, bytes: &[u8]) -> Result<Outcome, WriteError> {
    let path = out.join(rel);
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
pub fn write_index(out: &Path, built_cases: &[String], entries: &[Entry]) -> Result<()> {
    let path = out.join("index.json");
    let mut all: BTreeMap<(String, String, String), Entry> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Ok(old) = serde_json::from_str::<Index>(&text)
    {
        for e in old.records {
            if !built_cases.contains(&e.case) {
                all.insert((e.case.clone(), e.number.clone(), e.revision.clone()), e);
            }
        }
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
    write_atomic(&path, text.as_bytes())
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Index {
    pub records: Vec<Entry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_safe_and_revisions_use_dashes() {
        assert_eq!(
            record_path("TB-PIC-2026-003", "TB-PIC-2026-003-PL-S2", "A/1"),
            "TB-PIC-2026-003/TB-PIC-2026-003-PL-S2_A-1.pdf"
        );
        assert_eq!(component("../x:y"), "-x_y");
    }

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
