//! `build --locked`: the lock files in git are complete, so CI never has to change them.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "lock-outdated",
    severity: Severity::Error,
    summary: "with --locked, a build that would change a lock file fails instead",
    docs: "`certdoc build --locked` is for CI: a build that would issue a revision or a form \
           version not yet in the lock files fails (exit 1) and changes nothing. Run \
           `certdoc build` locally and commit the lock files with the case.",
    example: "certdoc build --locked   # the case declares A/2 of a plan; the lock has A/1",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Build,
};
