//! Sizes beyond what certdoc reads or typesets, as documented limits rather than minutes
//! of silence or an exhausted memory.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "size-limit",
    severity: Severity::Error,
    summary: "case files, text fields and lists stay within the sizes a record can hold",
    docs: "A case file may have at most 1 MiB. A text field shown as written (a name, an \
           address, the scope) may have at most 1,000 characters, a Markdown field \
           (description, summary, cause …) at most 20,000, and any list of a case (sites, \
           audits, team, nonconformities, decisions, certificates) at most 1,000 items. Real \
           cases are far below these; anything above them is a paste gone wrong, and would \
           otherwise cost minutes of typesetting or fail inside the PDF writer.",
    example: "client:\n  name: 赣云数据科技有限公司赣云数据科技有限公司…   # 1,200 characters",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Records,
};
