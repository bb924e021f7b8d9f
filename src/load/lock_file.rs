//! The lock file beside a case, read as the load stage reads everything: a lock certdoc
//! cannot use is an error at the place it breaks, and the case is checked as if it had none
//! (and, in `build`, not built: its issued history is never written over).

use std::path::Path;

use super::display_path;
use crate::control::Lock;
use crate::control::lock::{self, Unreadable};
use crate::diag::{Diagnostic, Severity};
use crate::source::Pos;

/// A lock is a few kilobytes per record; one this large was not written by certdoc.
const MAX_LOCK_BYTES: u64 = 64 << 20;

/// The lock beside `case`, if there is one, or why it cannot be used.
pub fn read(root: &Path, case: &Path) -> (Option<Lock>, Option<Diagnostic>) {
    let path = lock::case_lock_path(case);
    let at_start = |why: String| Unreadable {
        line: 1,
        col: 1,
        why,
    };
    let text = if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_LOCK_BYTES) {
        Err(at_start(format!(
            "it is larger than {} MiB, which certdoc never writes",
            MAX_LOCK_BYTES >> 20
        )))
    } else {
        match std::fs::read(&path) {
            Ok(bytes) => {
                String::from_utf8(bytes).map_err(|_| at_start("it is not UTF-8 text".into()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => Err(at_start(format!("it could not be read ({})", e.kind()))),
        }
    };
    match text.and_then(|t| parse(&t)) {
        Ok(l) => (Some(l), None),
        Err(e) => (
            None,
            Some(Diagnostic {
                rule: "lock-file",
                severity: Severity::Error,
                file: display_path(root, &path),
                pos: Pos {
                    line: e.line,
                    col: e.col,
                    len: 1,
                },
                message: format!(
                    "the lock file of this case cannot be used: {}; restore it from git \
                     (`git checkout -- <file>`), or after a merge conflict take either side and \
                     run `certdoc build` to bring it up to date",
                    e.why
                ),
                citations: vec![],
                related: vec![],
            }),
        ),
    }
}

/// Parse a lock and check what it holds; a problem is placed on the line that holds it.
fn parse(text: &str) -> Result<Lock, Unreadable> {
    let parsed = lock::parse::<Lock>(text)?;
    match parsed.problem() {
        None => Ok(parsed),
        Some((needle, why)) => {
            let line = text
                .lines()
                .position(|l| !needle.is_empty() && l.contains(&format!("\"{needle}")))
                .map_or(1, |i| u32::try_from(i + 1).unwrap_or(u32::MAX));
            Err(Unreadable { line, col: 1, why })
        }
    }
}
