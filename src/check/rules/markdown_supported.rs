//! Markdown that the records' whitelist would not show as written. Found when the records
//! are prepared (`render::preflight`): nothing a user wrote is dropped silently.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "markdown-supported",
    severity: Severity::Error,
    summary: "rich-text fields use only the Markdown that records can show",
    docs: "Descriptions, summaries, causes, corrections and verification notes are Markdown: \
           paragraphs, emphasis, bold, lists (nested up to 8 levels), tables, code, line \
           breaks; headings print bold, links print their address. HTML tags and images \
           cannot be shown on a controlled record, and a table row with more cells than its \
           header would lose the extra cells, so each is an error where it is written (its \
           line inside a `|` block).",
    example: "description: |\n  见下表\n  | 条款 | 证据 |\n  |---|---|\n  | 5.1 | 记录 | 多余 |   # 3 cells, header has 2",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Records,
};
