//! An issued revision is never re-issued with other content. Raised by `build` when a
//! record's PDF would differ from the file already issued under the same revision.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "revision-required",
    severity: Severity::Error,
    summary: "a changed record gets a new revision; an issued revision never changes",
    docs: "A controlled record issued under a revision is a legal record: re-issuing it under \
           the same revision with other content is a nonconformity of the body. When a \
           record's content differs from the file already issued under its revision in \
           `output/`, `build` writes none of the case's records and reports this at the \
           record's subject: declare the next revision under `revisions:` with its change.",
    example: "revisions:\n  TB-PIC-2026-003-PL-S2:\n    - { rev: A/1, date: 2026-03-12, change: 调整审核日程, by: zhang-san }\n# scope edited afterwards, no A/2 declared",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Build,
};
