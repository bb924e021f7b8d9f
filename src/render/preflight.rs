//! What the renderer cannot do with a case's data, found before anything is typeset, so
//! that `check` can report it: `check` passing must mean `build` succeeds. Three kinds:
//! characters no bundled font has (typst would draw an empty box), Markdown the whitelist
//! would not show as written, and sizes beyond what a record can hold.

use std::collections::{BTreeMap, BTreeSet};

use super::fonts::Fonts;
use super::markdown;
use crate::diag::{Diagnostic, Severity};
use crate::load::Case;
use crate::records::{FieldKind, Record};
use crate::source::{LineIndex, Pos};

pub const FONT_COVERAGE: &str = "font-coverage";
pub const MARKDOWN: &str = "markdown-supported";
pub const SIZE_LIMIT: &str = "size-limit";

/// The longest text, in characters, a field of each kind may hold: a name or address
/// fits a table cell, a description a few pages. Documented in the README.
pub const MAX_TEXT_CHARS: usize = 1_000;
pub const MAX_MARKDOWN_CHARS: usize = 20_000;
/// The most items any list of a case may hold (sites, audits, team members …).
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Every problem of one case's records, each field judged once however many records show
/// it. `fonts` is `None` when the project has no fonts (the build then fails as a whole).
/// `source` is the case file's text, to point inside a field at the offending line.
pub fn case(
    file: &str,
    case: &Case,
    records: &[&Record],
    fonts: Option<&Fonts>,
    source: &str,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(source);
    let mut out = lists(file, case);
    // The records list each text once per case (`records::make`'s `noted`).
    for f in records.iter().flat_map(|r| &r.texts) {
        let within = |line: usize, col: usize| {
            if &*f.file == file {
                place(f.pos, &f.text, source, &lines, line, col)
            } else {
                f.pos
            }
        };
        let diag = |rule, pos: Pos, message: String| Diagnostic {
            rule,
            severity: Severity::Error,
            file: f.file.to_string(),
            pos,
            message,
            citations: vec![],
            related: vec![],
        };
        let chars = f.text.chars().count();
        let limit = match f.kind {
            FieldKind::Text => MAX_TEXT_CHARS,
            FieldKind::Markdown => MAX_MARKDOWN_CHARS,
        };
        if chars > limit {
            out.push(diag(
                SIZE_LIMIT,
                f.pos,
                format!(
                    "`{}` has {chars} characters; a record holds at most {limit} in this field: \
                     shorten it or move detail to an attachment",
                    f.name
                ),
            ));
            // Longer texts are not scanned further: the size alone must be fixed first.
            continue;
        }
        // Almost every text is covered: look closer only when a character is not.
        let plain_and_covered = f.kind == FieldKind::Text
            && fonts.is_some_and(|fonts| fonts.missing(&f.text).is_none());
        if let Some(fonts) = fonts.filter(|_| !plain_and_covered) {
            // A Markdown field is judged by what it shows: `&#x1F600;` is an emoji.
            let runs = match f.kind {
                FieldKind::Text => vec![(1, f.text.clone())],
                FieldKind::Markdown => markdown::shown_text(&f.text),
            };
            let shown: String = runs.iter().map(|(_, t)| t.as_str()).collect();
            let missing = missing_chars(fonts, &shown);
            if let Some(&first) = missing.first() {
                let (line, col) = match f.text.contains(first) {
                    true => line_and_column(&f.text, first),
                    false => runs
                        .iter()
                        .find(|(_, t)| t.contains(first))
                        .map_or((1, 1), |(l, _)| (*l, 1)),
                };
                out.push(diag(
                    FONT_COVERAGE,
                    within(line, col),
                    font_message(f.name, &missing),
                ));
            }
        }
        if f.kind == FieldKind::Markdown {
            for p in markdown::problems(&f.text) {
                out.push(diag(
                    MARKDOWN,
                    within(p.line, 1),
                    format!("`{}`: {}", f.name, p.message),
                ));
            }
        }
    }
    out
}

/// The 1-based line and character column of `c`'s first appearance in `text`.
fn line_and_column(text: &str, c: char) -> (usize, usize) {
    for (i, line) in text.split('\n').enumerate() {
        if let Some(col) = line.chars().position(|x| x == c) {
            return (i + 1, col + 1);
        }
    }
    (1, 1)
}

/// Where line `line`, column `col` of a field's text is in its file. A literal block
/// (`description: |`) keeps the file's lines, and a plain one-line value its columns, so
/// the place is exact there; elsewhere (quoted or folded text) it is the field itself.
fn place(field: Pos, text: &str, source: &str, lines: &LineIndex, line: usize, col: usize) -> Pos {
    let exact = |line: u32, col: u32| Pos { line, col, len: 1 };
    let (Ok(l), Ok(c)) = (u32::try_from(line), u32::try_from(col)) else {
        return field;
    };
    let indicator = field
        .line
        .checked_sub(1)
        .and_then(|i| lines.line(source, i))
        .map(|l| l.split(" #").next().unwrap_or(l).trim_end())
        .and_then(|l| l.rsplit(' ').next())
        .is_some_and(|last| last.starts_with('|'));
    if text.contains('\n') && indicator {
        return exact(
            field.line.saturating_add(l - 1),
            field.col.saturating_add(c - 1),
        );
    }
    let written = lines.line(source, field.line).map(|s| {
        s.chars()
            .skip(usize::try_from(field.col).unwrap_or(1).saturating_sub(1))
            .collect::<String>()
    });
    if line == 1 && written.is_some_and(|w| w.starts_with(text)) {
        return exact(field.line, field.col.saturating_add(c - 1));
    }
    field
}

/// Each distinct character no font has, in order of first appearance.
fn missing_chars(fonts: &Fonts, text: &str) -> Vec<char> {
    let mut seen = BTreeSet::new();
    text.chars()
        .filter(|&c| !fonts.covers(c) && seen.insert(c))
        .collect()
}

fn font_message(field: &str, missing: &[char]) -> String {
    const SHOWN: usize = 12;
    let mut listed: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|&c| {
            let shown = if c.is_control() {
                String::new()
            } else {
                format!("`{c}` ")
            };
            format!("{shown}U+{:04X}", u32::from(c))
        })
        .collect();
    if missing.len() > SHOWN {
        listed.push(format!("and {} more", missing.len() - SHOWN));
    }
    format!(
        "`{field}` contains {} that no font under templates/fonts has: {}; a record would show \
         an empty box there. Replace the character or add a font that has it",
        if missing.len() == 1 {
            "a character"
        } else {
            "characters"
        },
        listed.join(", ")
    )
}

/// Lists longer than a record can hold, at the list's first item.
fn lists(file: &str, case: &Case) -> Vec<Diagnostic> {
    // Named only when too long: most cases have no list near the limit.
    let mut counts: BTreeMap<String, (usize, Pos)> = BTreeMap::new();
    let mut note = |what: &dyn Fn() -> String, n: usize, pos: Option<Pos>| {
        if let Some(pos) = pos.filter(|_| n > MAX_LIST_ITEMS) {
            counts.insert(what(), (n, pos));
        }
    };
    note(
        &|| "client.sites".into(),
        case.client.sites.len(),
        case.client.sites.first().map(|s| s.pos),
    );
    note(
        &|| "audits".into(),
        case.audits.len(),
        case.audits.first().map(|a| a.pos),
    );
    note(
        &|| "decisions".into(),
        case.decisions.len(),
        case.decisions.first().map(|d| d.pos),
    );
    note(
        &|| "certificates".into(),
        case.certificates.len(),
        case.certificates.first().map(|c| c.pos),
    );
    for a in &case.audits {
        let id = &a.id.value;
        note(
            &|| format!("audits[{id}].sites"),
            a.sites.len(),
            a.sites.first().map(|s| s.pos),
        );
        note(
            &|| format!("audits[{id}].team"),
            a.team.len(),
            a.team.first().map(|m| m.pos),
        );
        note(
            &|| format!("audits[{id}].nonconformities"),
            a.nonconformities.len(),
            a.nonconformities.first().map(|n| n.pos),
        );
    }
    for c in &case.certificates {
        note(
            &|| format!("certificates[{}].sites", c.number.value),
            c.sites.len(),
            c.sites.first().map(|s| s.pos),
        );
    }
    counts
        .into_iter()
        .filter(|(_, (n, _))| *n > MAX_LIST_ITEMS)
        .map(|(what, (n, pos))| Diagnostic {
            rule: SIZE_LIMIT,
            severity: Severity::Error,
            file: file.to_string(),
            pos,
            message: format!(
                "`{what}` has {n} items; certdoc typesets at most {MAX_LIST_ITEMS} per list \
                 (split the case, or group sites)"
            ),
            citations: vec![],
            related: vec![],
        })
        .collect()
}
