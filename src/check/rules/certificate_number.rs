//! Certificate numbers follow the body's pattern and are unique across every case
//! (TB-GZ-036 10.2.2; HZL-MSRG-005 8.1 (4)).

use std::collections::HashMap;

use crate::check::{Applies, Check, Ctx, Finding, ProjectCtx, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-number",
    severity: Severity::Error,
    summary: "a certificate number matches the body's `certificate_number` pattern and is unique across all cases",
    docs: "The body's pattern may use `{scheme}` (the scheme's code), `{year}` (the year of \
           first issue) and `{serial:04}` (a serial of at least 4 digits); everything else is \
           literal. A re-issue keeps its number (see `certificate-reissue`); any other \
           certificate with a number already used, in this case or another, is an error.",
    example: "certificate_number: \"TB-{scheme}-{year}-{serial:04}\"\ncertificates:\n  - { number: TB-PIC-26-003, issued: 2026-04-22, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

pub static UNIQUE: Rule = Rule {
    id: "certificate-number",
    severity: Severity::Error,
    summary: "",
    docs: "",
    example: "",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Project(check_project),
};

/// Whether `number` fits `pattern`; `year` is checked when given.
pub fn matches(pattern: &str, number: &str, scheme_code: &str, year: Option<i32>) -> bool {
    let mut rest = number;
    let mut pat = pattern;
    while !pat.is_empty() {
        if let Some(after) = pat.strip_prefix('{') {
            let Some(end) = after.find('}') else {
                return false;
            };
            let token = &after[..end];
            pat = &after[end + 1..];
            let (name, width) = token.split_once(':').unwrap_or((token, ""));
            match name {
                "scheme" => match rest.strip_prefix(scheme_code) {
                    Some(r) => rest = r,
                    None => return false,
                },
                "year" => {
                    let digits: String = rest.chars().take(4).collect();
                    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
                        return false;
                    }
                    if year.is_some_and(|y| digits != y.to_string()) {
                        return false;
                    }
                    rest = &rest[4..];
                }
                "serial" => {
                    let n = rest.chars().take_while(|c| c.is_ascii_digit()).count();
                    let min = width.parse::<usize>().unwrap_or(1).max(1);
                    if n < min {
                        return false;
                    }
                    rest = &rest[n..];
                }
                _ => return false,
            }
        } else {
            let c = pat.chars().next().unwrap_or_default();
            match rest.strip_prefix(c) {
                Some(r) => rest = r,
                None => return false,
            }
            pat = &pat[c.len_utf8()..];
        }
    }
    rest.is_empty()
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(body), Some(scheme)) = (ctx.body, ctx.scheme) else {
        return;
    };
    let pattern = body.certificate_number.as_str();
    for cert in &ctx.case.certificates {
        let year = cert
            .reissue_of
            .is_none()
            .then(|| chrono::Datelike::year(&cert.issued.value.0));
        if !matches(pattern, cert.number.trim(), scheme.code.as_str(), year) {
            out.push(Finding::new(
                cert.number.pos,
                format!(
                    "certificate number {} does not follow {}'s pattern `{pattern}` (scheme code {}{})",
                    cert.number.value,
                    body.id.value,
                    scheme.code.value,
                    year.map(|y| format!(", year of issue {y}")).unwrap_or_default()
                ),
            ));
        }
    }
    let mut seen: HashMap<&str, &crate::source::At<String>> = HashMap::new();
    for cert in ctx
        .case
        .certificates
        .iter()
        .filter(|c| c.reissue_of.is_none())
    {
        if let Some(first) = seen.get(cert.number.trim()) {
            out.push(
                Finding::new(
                    cert.number.pos,
                    format!(
                        "certificate number {} is already used by another certificate of this case; a re-issue says `reissue_of: {}`",
                        cert.number.value, cert.number.value
                    ),
                )
                .related(first.pos, "first used here"),
            );
        } else {
            seen.insert(cert.number.trim(), &cert.number);
        }
    }
}

fn check_project(p: &ProjectCtx, out: &mut Vec<(usize, Finding)>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, ctx) in p.cases.iter().enumerate() {
        let mut mine: Vec<&str> = Vec::new();
        for cert in &ctx.case.certificates {
            let n = cert.number.trim();
            if mine.contains(&n) {
                continue; // within the case: re-issues and duplicates are judged above
            }
            mine.push(n);
            match seen.get(n) {
                Some(&j) => out.push((
                    i,
                    Finding::new(
                        cert.number.pos,
                        format!(
                            "certificate number {} is already used by {}",
                            cert.number.value, p.cases[j].file
                        ),
                    ),
                )),
                None => {
                    seen.insert(n, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn patterns() {
        let tb = "TB-{scheme}-{year}-{serial:04}";
        assert!(matches(tb, "TB-PIC-2026-0003", "PIC", Some(2026)));
        assert!(matches(tb, "TB-PIC-2026-12345", "PIC", Some(2026)));
        assert!(!matches(tb, "TB-PIC-2025-0003", "PIC", Some(2026)));
        assert!(matches(tb, "TB-PIC-2025-0003", "PIC", None));
        assert!(!matches(tb, "TB-PIC-2026-003", "PIC", Some(2026)));
        assert!(!matches(tb, "TB-CMS-2026-0003", "PIC", Some(2026)));
        assert!(!matches(tb, "TB-PIC-2026-0003x", "PIC", Some(2026)));
        let hzl = "HZL{year}{scheme}{serial:04}";
        assert!(matches(hzl, "HZL2025TS0017", "TS", Some(2025)));
        assert!(!matches(hzl, "HZL2025TS017", "TS", Some(2025)));
        assert!(!matches("{bogus}", "x", "TS", None));
        assert!(!matches("A{year", "A2026", "TS", None));
        assert!(!matches(tb, "TB-PIC-年份-0003", "PIC", None));
    }
}
