//! A lock file certdoc can read.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "lock-file",
    severity: Severity::Error,
    summary: "a case's or body's lock file is the JSON certdoc writes",
    docs: "Lock files are written by `certdoc build` and committed; they are not edited by \
           hand. One that is not valid JSON (often a merge conflict left in it), or not in \
           the shape certdoc writes, cannot protect the issued revisions it lists. Restore \
           it from git; after a merge conflict take either side and run `certdoc build`.",
    example: "<<<<<<< HEAD   # a merge conflict left in cases/2026/TB-PIC-2026-003.lock",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Loader,
};
