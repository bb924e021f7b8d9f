//! An issued revision's PDF is exactly the file that was issued: the SHA-256 in the lock.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "issued-file",
    severity: Severity::Error,
    summary: "the PDF of an issued revision in output/ is the one the lock says was issued",
    docs: "`build` compares each issued revision's file in `output/` with the SHA-256 kept \
           in the lock. A file with other bytes was altered after issue; a missing file is \
           rendered again and written only when it comes out byte for byte as issued. When \
           it cannot be reproduced (the data, the template or the fonts changed since), \
           `build` does not write it: restore the issued file from the archive.",
    example: "output/TB-PIC-2026-003/TB-PIC-2026-003-PL-S2_A-1.pdf   # edited in a PDF editor",
    default_citations: &["TB-GZ-036 13.4", "HZL-MSRG-005 12.2"],
    applies: Applies::Always,
    check: Check::Build,
};
