//! A form is a controlled document: changing its template changes the form, which needs a
//! new form version (TB-GZ-036 13.4; HZL-MSRG-005 12.2).

use crate::check::{Applies, Check, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "form-version-required",
    severity: Severity::Error,
    summary: "a template changed since its form version was issued needs a new form version",
    docs: "The body's lock (`rules/bodies/<body>.lock`) keeps the digest of each form \
           version's template (`templates/<form>.typ` and the shared files under \
           `templates/` except the fonts). When a template differs from the digest kept for \
           the body's current `forms: <form>: version:`, raise that version (A/0 → A/1) in \
           the body file. Records already issued keep the form version they were issued on; \
           their next revisions use the new one.",
    example: "forms:\n  audit-plan: { code: TB-JL-01, version: A/0, … }   # templates/audit-plan.typ edited since A/0",
    default_citations: &["TB-GZ-036 13.4", "HZL-MSRG-005 12.2"],
    applies: Applies::Always,
    check: Check::Records,
};
