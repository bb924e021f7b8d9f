//! Markdown fields (`description`, `summary`, `cause`, …) to Typst markup, through an
//! explicit whitelist: paragraphs, emphasis, strong, lists, tables, inline and block code,
//! line breaks. Every text run becomes a string literal; anything else (HTML, headings,
//! links, images, quotes) is shown as plain text or its text content, never interpreted.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::typst_text::{literal, markup};

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
            Event::TaskListMarker(done) => self.text.push_str(if done { "☑ " } else { "☐ " }),
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
