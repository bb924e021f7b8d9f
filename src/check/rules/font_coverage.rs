//! Characters no bundled font has. Found when the records are prepared
//! (`render::preflight`), so `check` reports them before `build` would fail.

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "font-coverage",
    severity: Severity::Error,
    summary: "every character a record shows is in one of the fonts under templates/fonts",
    docs: "Typst draws a character that no font has as an empty box, and PDF/A export refuses \
           it. Each field of the case (and the body file) that reaches a record is checked \
           against the fonts under `templates/fonts/`; each distinct missing character is \
           named once per field, with its code point. Replace the character (an emoji, a \
           rare CJK extension character, a private-use character) or add a licensed font \
           that has it.",
    example: "client:\n  name: 赣云数据科技有限公司 😀   # no bundled font has U+1F600",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Records,
};
