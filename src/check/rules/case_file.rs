//! Files in the place of a case that cannot be read as one: links that lead outside the
//! project or nowhere, pipes and devices, unreadable folders.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "case-file",
    severity: Severity::Error,
    summary: "every case file under cases/ is a readable file inside the project",
    docs: "certdoc reads case files only inside the project: a link under `cases/` that leads \
           outside it is reported and not read (its content could otherwise reach a public \
           CI log), as is a link to nothing, a pipe or device named `.yaml`, or a folder that \
           cannot be read. A file named on the command line is read wherever it is.",
    example: "cases/2026/x.yaml -> /etc/passwd   # a link out of the project",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Loader,
};
