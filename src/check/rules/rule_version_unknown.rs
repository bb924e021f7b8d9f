//! A date of the case falls where the scheme file does not know the rules or the standard
//! in force (`rules-next.md`, "When the scheme file does not know").

use crate::check::reference::Dates;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::versions::{self, RuleVersion, StandardOn};

pub static RULE: Rule = Rule {
    id: "rule-version-unknown",
    severity: Severity::Warning,
    summary: "a date of the case falls before the first known version of the rule document or the standard, or in a version whose content is unknown",
    docs: "Each activity is judged by the rule-document version in force on its reference date \
           (`rule_document.versions`) and audited against the standard in force then \
           (`standard.versions`). When a reference date falls before the first entry's \
           `effective`, or in an entry whose content is unknown (neither the newest, nor \
           `same_as`, nor `overrides`), one warning at `scheme:` names the earliest such date \
           and the document; such activities are checked with the earliest version whose \
           content is known, and records print the document without a label (the standard: \
           its title and the date, without a number not yet in force).",
    example: "rule_document:\n  versions:\n    - { version: B/2, effective: 2026-04-23 }\n# application received 2026-02-02",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else { return };
    let dates = Dates::of(ctx.case);
    let mut rules_unknown = None;
    let mut standard_unknown = None;
    for day in dates.all() {
        let v = versions::rule_version(scheme, day);
        if !matches!(v, RuleVersion::Only) && !versions::content_known(scheme, v) {
            rules_unknown = Some(rules_unknown.map_or(day, |d: crate::load::Date| d.min(day)));
        }
        if let StandardOn::Before = versions::standard_on(scheme, day) {
            standard_unknown =
                Some(standard_unknown.map_or(day, |d: crate::load::Date| d.min(day)));
        }
    }
    let doc = &scheme.rule_document;
    let mut parts = Vec::new();
    if let Some(day) = rules_unknown {
        parts.push(format!(
            "the version of {} in force on {day} is not known to the scheme file; the earliest known version's rules were used",
            doc.number.value
        ));
    }
    if let Some(day) = standard_unknown {
        parts.push(format!(
            "the scheme file lists no version of the standard ({}) in force on {day}; records print its title and that date instead of a number",
            scheme.standard.title.value
        ));
    }
    if !parts.is_empty() {
        out.push(Finding::new(
            ctx.case.scheme.pos,
            format!(
                "{}; add the version in force then to rules/schemes/{}.yaml (`versions`)",
                parts.join("; "),
                scheme.id.value
            ),
        ));
    }
}
