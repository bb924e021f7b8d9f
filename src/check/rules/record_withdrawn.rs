//! An issued record never silently disappears: a lock entry whose record the case no
//! longer produces is reported, and the lock keeps it.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "record-withdrawn",
    severity: Severity::Warning,
    summary: "a record issued before is no longer produced by the case",
    docs: "The lock lists a record (an NC report, a plan …) whose subject is gone from the \
           case: the nonconformity, audit or decision was deleted or renamed, or the body no \
           longer defines its form. An issued record is a legal record: its PDF stays in \
           `output/` and its lock entry stays. If the deletion was a mistake, restore the \
           data; if the record really was withdrawn, keep the data and record why in the \
           case (a comment or a new revision of the record that replaces it).",
    example: "audits:\n  - id: S2\n    nonconformities: []   # NC-01 was issued as TB-PIC-2026-003-NC-01 A/0",
    default_citations: &["TB-GZ-036 13.4", "HZL-MSRG-005 12.2"],
    applies: Applies::Always,
    check: Check::Records,
};
