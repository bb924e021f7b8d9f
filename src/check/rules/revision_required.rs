//! A record whose data changed since its last issued revision needs a new revision: an
//! issued revision is a legal record and is never re-issued with other content
//! (TB-GZ-036 13.4; HZL-MSRG-005 12.2). Found by comparing each record's fingerprint with
//! its lock (`check::control`).

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "revision-required",
    severity: Severity::Error,
    summary: "a record whose data changed since it was issued gets a new revision",
    docs: "The lock file beside each case (`<case>.lock`, written by `build`, committed with the \
           case) keeps what every issued revision of every record said, field by field. When a \
           field a record shows has changed since its last issued revision, and no newer \
           revision is declared under `revisions:` (or implied by a stage of the NC report), \
           `check` reports it at the changed field, names the record and the revision to add. \
           `certdoc revise <number> --change \"…\"` adds it. Fields a record does not show \
           never require a revision of it.",
    example: "client:\n  scope: 公有云服务   # was 公有云 IaaS 服务 when the plan TB-PIC-2026-003-PL-S2 A/1 was issued",
    default_citations: &["TB-GZ-036 13.4", "HZL-MSRG-005 12.2"],
    applies: Applies::Always,
    check: Check::Records,
};
