//! Markdown fields (`description`, `summary`, `cause`, …) to Typst markup, through an
//! explicit whitelist: paragraphs, emphasis, strong, lists, tables, inline and block code,
//! line breaks. Every text run becomes a string literal; anything else (HTML, headings,
//! links, images, quotes) is shown as plain text or its text content, never interpreted.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::typst_text::{literal, markup};

/// How deep lists and quotes may nest. Typst nests a show rule per level and gives up
/// far deeper; no record needs more than a few levels.
pub const MAX_DEPTH: usize = 8;
/// How deep emphasis, bold and links may nest inside each other (`***x***` is two).
pub const MAX_INLINE_DEPTH: usize = 4;

/// Something in a Markdown text that the whitelist would not show as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line within the text.
    pub line: usize,
    pub message: String,
}

/// What `to_typst` would drop or cannot show faithfully: HTML, images, table rows wider
/// than their header, nesting deeper than [`MAX_DEPTH`]. `check` reports these, so that
/// nothing a user wrote is lost silently on a record.
pub fn problems(md: &str) -> Vec<Problem> {
    let line_of = |offset: usize| md[..offset.min(md.len())].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut deepest_reported = false;
    let mut inline = 0usize;
    let mut inline_reported = false;
    let mut header_cells = 0usize;
    // Cells seen in the current header or row.
    let mut row_cells = 0usize;
    let mut row_start = 0usize;
    for (event, range) in Parser::new_ext(md, Options::ENABLE_TABLES).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Html(t) | Event::InlineHtml(t) => out.push(Problem {
                line,
                message: format!(
                    "HTML is not supported in records: `{}`; write the text without tags",
                    t.trim().chars().take(40).collect::<String>()
                ),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => out.push(Problem {
                line,
                message: format!(
                    "images are not supported in records (`{dest_url}`); describe the evidence in words"
                ),
            }),
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_DEPTH && !deepest_reported {
                    deepest_reported = true;
                    out.push(Problem {
                        line,
                        message: format!(
                            "lists and quotes are nested {depth} levels deep here; records show at most {MAX_DEPTH}"
                        ),
                    });
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }) => {
                inline += 1;
                if inline > MAX_INLINE_DEPTH && !inline_reported {
                    inline_reported = true;
                    out.push(Problem {
                        line,
                        message: format!(
                            "emphasis, bold and links are nested {inline} deep here; records show at most {MAX_INLINE_DEPTH}"
                        ),
                    });
                }
            }
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => inline = inline.saturating_sub(1),
            Event::Start(Tag::TableHead) => row_cells = 0,
            Event::Start(Tag::TableRow) => {
                row_cells = 0;
                row_start = range.start;
            }
            Event::End(TagEnd::TableCell) => row_cells += 1,
            Event::End(TagEnd::TableHead) => header_cells = row_cells,
            Event::End(TagEnd::TableRow) => {
                // The parser silently drops cells beyond the header's width: count the
                // row's cells in the source instead.
                let written = count_cells(&md[row_start..range.end]);
                if written > header_cells {
                    out.push(Problem {
                        line: line_of(row_start),
                        message: format!(
                            "this table row has {written} cells but the header has {header_cells}; \
                             the extra cells would be lost: add header columns or merge the cells"
                        ),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The text a Markdown field shows, as runs with the 1-based line each starts on: what
/// the fonts must cover (an entity such as `&#x1F600;` is shown as the character it
/// names, not as written).
pub fn shown_text(md: &str) -> Vec<(usize, String)> {
    let line_of = |offset: usize| md[..offset.min(md.len())].matches('\n').count() + 1;
    Parser::new_ext(md, Options::ENABLE_TABLES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                Some((line_of(range.start), t.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// Cells of one table row as written: unescaped `|` outside code spans separate them, and
/// a leading or trailing `|` opens or closes the row.
fn count_cells(row: &str) -> usize {
    let row = row.lines().next().unwrap_or("").trim();
    let mut cells = 1usize;
    let mut escaped = false;
    let mut in_code = false;
    let chars: Vec<char> = row.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            // A leading or trailing `|` opens or closes the row; inner ones separate cells.
            '|' if !in_code && i != 0 && i != chars.len() - 1 => cells += 1,
            _ => {}
        }
    }
    cells
}

/// Typst markup for a Markdown text.
pub fn to_typst(md: &str) -> String {
    let mut w = Writer::default();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        w.event(event);
    }
    w.flush();
    w.out.trim_end().to_string()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Plain text not yet written; soft breaks are kept as '\n' until flushed.
    text: String,
    /// Inside a code block: its text, verbatim.
    code: Option<String>,
    /// Link targets, shown after the link text.
    links: Vec<String>,
}

fn wide(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Writer {
    /// Write pending text as one literal. A soft break between two CJK characters is no
    /// space at all (Chinese has none between words); elsewhere it is one space.
    fn flush(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let chars: Vec<char> = self.text.chars().collect();
        let mut s = String::with_capacity(self.text.len());
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' {
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
                let after = chars.get(i + 1).copied();
                if !(before.is_some_and(wide) && after.is_some_and(wide)) {
                    s.push(' ');
                }
            } else {
                s.push(c);
            }
        }
        self.text.clear();
        self.out.push_str(&markup(&s));
    }

    fn raw(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
    }

    fn event(&mut self, event: Event) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let body = self.code.take().unwrap_or_default();
                    let body = body.strip_suffix('\n').unwrap_or(&body);
                    self.raw(&format!("#raw(block: true, {});\n\n", literal(body)));
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => self.text.push_str(&t),
            Event::Code(t) => self.raw(&format!("#raw({});", literal(&t))),
            Event::SoftBreak => self.text.push('\n'),
            Event::HardBreak => self.raw("#linebreak();"),
            Event::Rule => self.raw("#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => self.text.push_str(if done { "■ " } else { "□ " }),
            Event::FootnoteReference(label) => self.text.push_str(&format!("[^{label}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text.push_str(&t),
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Emphasis => self.raw("#emph["),
            Tag::Strong | Tag::Heading { .. } => self.raw("#strong["),
            Tag::List(Some(first)) => self.raw(&format!("#enum(start: {first}, ")),
            Tag::List(None) => self.raw("#list("),
            Tag::Item => self.raw("["),
            Tag::Table(aligns) => self.raw(&format!("#table(columns: {}, ", aligns.len().max(1))),
            Tag::TableHead => self.raw("table.header("),
            Tag::TableCell => self.raw("["),
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::Link { dest_url, .. } => {
                self.flush();
                self.links.push(dest_url.to_string());
            }
            // Paragraphs, quotes, images (their alt text) and anything else: content only.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.raw("\n\n"),
            TagEnd::Emphasis | TagEnd::Strong => self.raw("]"),
            TagEnd::Heading(_) => self.raw("]\n\n"),
            TagEnd::List(_) => self.raw(")\n\n"),
            TagEnd::Item => {
                self.flush();
                let trimmed = self.out.trim_end().len();
                self.out.truncate(trimmed);
                self.out.push_str("], ");
            }
            TagEnd::TableCell => self.raw("], "),
            TagEnd::TableHead => self.raw("), "),
            TagEnd::Table => self.raw(")\n\n"),
            TagEnd::Link => {
                if let Some(url) = self.links.pop().filter(|u| !u.is_empty()) {
                    self.text.push_str(&format!(" ({url})"));
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::HtmlBlock => self.raw("\n\n"),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::to_typst;

    #[test]
    fn whitelisted_constructs() {
        assert_eq!(
            to_typst("合同**未**规定。"),
            "#\"合同\";#strong[#\"未\";]#\"规定。\";"
        );
        assert_eq!(to_typst("a *b*"), "#\"a \";#emph[#\"b\";]");
        assert_eq!(to_typst("- 一\n- 二"), "#list([#\"一\";], [#\"二\";], )");
        assert_eq!(
            to_typst("3. x\n4. y"),
            "#enum(start: 3, [#\"x\";], [#\"y\";], )"
        );
        assert_eq!(to_typst("`a*b`"), "#raw(\"a*b\");");
        assert_eq!(
            to_typst("```\n#set page(width: 1cm)\n```"),
            "#raw(block: true, \"#set page(width: 1cm)\");"
        );
        assert_eq!(
            to_typst("| a | b |\n|---|---|\n| 1 | 2 |"),
            "#table(columns: 2, table.header([#\"a\";], [#\"b\";], ), [#\"1\";], [#\"2\";], )"
        );
    }

    #[test]
    fn soft_breaks_join_chinese_without_a_space() {
        assert_eq!(
            to_typst("体系文件与实际\n运营一致"),
            "#\"体系文件与实际运营一致\";"
        );
        assert_eq!(
            to_typst("ISO 27001\ncertified"),
            "#\"ISO 27001 certified\";"
        );
    }

    #[test]
    fn what_would_be_lost_is_a_problem_with_its_line() {
        use super::{MAX_DEPTH, problems};
        assert!(problems("- a\n  - b\n    - c\n\n| x | y |\n|---|---|\n| 1 | 2 |").is_empty());
        let p = problems("一\n\n<b>x</b>");
        assert_eq!((p.len(), p[0].line), (2, 3), "{p:?}");
        assert!(p[0].message.contains("HTML"));
        let p = problems("见 ![照片](a.png)");
        assert!(p[0].message.contains("a.png"), "{p:?}");
        let p = problems("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, 3);
        assert!(p[0].message.contains("3 cells"), "{p:?}");
        // A `|` inside a code span or escaped is text, not a cell.
        assert!(problems("| a | b |\n|---|---|\n| `x|y` | a\\|b |").is_empty());
        let deep: String = (0..MAX_DEPTH + 2)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        let p = problems(&deep);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, MAX_DEPTH + 1);
        // Found by fuzzing: nesting on one line, and emphasis nested 40 deep.
        assert_eq!(problems(&format!("{}x", "- ".repeat(30))).len(), 1);
        let stars = "*".repeat(120);
        assert_eq!(problems(&format!("{stars}x{stars}")).len(), 1);
        assert!(problems("***粗斜体*** [**链接**](https://a.cn)").is_empty());
    }

    #[test]
    fn entities_are_shown_as_the_characters_they_name() {
        let runs = super::shown_text("一\n\n&#x1F600; `&amp;`");
        assert!(
            runs.iter().any(|(l, t)| *l == 3 && t.contains('😀')),
            "{runs:?}"
        );
    }

    #[test]
    fn hostile_text_stays_text() {
        let out = to_typst("#read(\"/etc/passwd\") $x^2$ <lab> @ref \\ = x");
        // One string literal: nothing of it is read as Typst.
        assert_eq!(
            out,
            r##"#"#read(\"/etc/passwd\") $x^2$ <lab> @ref \\ = x";"##
        );
        let html = to_typst("<script>alert(1)</script>");
        assert!(html.starts_with("#\"<script>"), "{html}");
        assert_eq!(to_typst("[x](https://a.cn)"), "#\"x (https://a.cn)\";");
    }
}
