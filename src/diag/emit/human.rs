//! rustc-style output: `error[rule]: message`, the source line with a caret, citations.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diag::{Diagnostic, Report, Severity};
use crate::source::{LineIndex, Pos};

pub fn render(report: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut cache: Option<(&str, LineIndex)> = None;
    for d in &report.diagnostics {
        let text = report.source(&d.file).unwrap_or("");
        if cache.as_ref().is_none_or(|(p, _)| *p != d.file.as_str()) {
            cache = Some((d.file.as_str(), LineIndex::new(text)));
        }
        let Some((_, index)) = &cache else { continue };
        out.push_str(&renderer.render(&[group(d, text, index)]));
        out.push_str("\n\n");
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

fn group<'a>(d: &'a Diagnostic, text: &'a str, index: &LineIndex) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.rule);
    let mut snippet = Snippet::source(text).line_start(1).path(d.file.as_str());
    let mut shown = false;
    if let Some(span) = byte_span(text, index, d.pos) {
        snippet = snippet.annotation(AnnotationKind::Primary.span(span));
        shown = true;
    }
    for (pos, label) in &d.related {
        if let Some(span) = byte_span(text, index, *pos) {
            snippet = snippet.annotation(AnnotationKind::Context.span(span).label(label.as_str()));
        }
    }
    let mut group = if shown {
        title.element(snippet)
    } else {
        title.element(Level::NOTE.message(format!("in {}", d.file)))
    };
    if !d.citations.is_empty() {
        group = group.element(Level::NOTE.message(d.citations.join("; ")));
    }
    group
}

/// The byte range of a node on its first line: from its column for its length in
/// characters, at least one character, never past the end of the line.
fn byte_span(text: &str, index: &LineIndex, pos: Pos) -> Option<std::ops::Range<usize>> {
    let line = index.line(text, pos.line)?;
    let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
    let col = usize::try_from(pos.col.max(1) - 1).ok()?;
    let mut chars = line.char_indices().skip(col);
    let start = chars.next().map_or(line.len(), |(i, _)| i);
    let len = usize::try_from(pos.len.max(1)).ok()?;
    let end = line[start..]
        .char_indices()
        .nth(len)
        .map_or(line.len(), |(i, _)| start + i);
    let end = end.max((start + 1).min(line.len()));
    Some(line_start + start..line_start + end.max(start))
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

pub fn summary(report: &Report) -> String {
    let (e, w) = (report.errors(), report.warnings());
    let verdict = match (e, w) {
        (0, 0) => "no problems found".to_string(),
        _ => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    if report.checked.is_empty() {
        verdict
    } else {
        format!("{}: {verdict}", report.checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_cover_chinese_characters() {
        let text = "a: 1\nname: 赣云数据\n";
        let idx = LineIndex::new(text);
        let span = byte_span(
            text,
            &idx,
            Pos {
                line: 2,
                col: 7,
                len: 4,
            },
        )
        .unwrap();
        assert_eq!(&text[span], "赣云数据");
    }

    #[test]
    fn spans_stop_at_the_line_end() {
        let text = "key:\n  a: b\n";
        let idx = LineIndex::new(text);
        let span = byte_span(
            text,
            &idx,
            Pos {
                line: 1,
                col: 1,
                len: 40,
            },
        )
        .unwrap();
        assert_eq!(&text[span], "key:");
    }
}
