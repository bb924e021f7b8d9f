//! User text as Typst values. A Typst string literal shows its characters verbatim; markup
//! escaping has too many traps (`$ # ] @` fail, `* _ \` ` < ~` change meaning, `= - + /`
//! act at a line start), so every string that reaches a template becomes a literal.

/// `s` as a Typst string literal in code: `"…"`, escaping only `\`, `"` and control
/// characters.
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as text in markup: the literal embedded with `#` and closed with `;`, so that
/// whatever the template puts after it (`.`, `(`, `[`) stays text.
pub fn markup(s: &str) -> String {
    format!("#{};", literal(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_a_string_literal_needs() {
        assert_eq!(literal("赣云数据"), "\"赣云数据\"");
        assert_eq!(literal(r#"a\b"c"#), r#""a\\b\"c""#);
        assert_eq!(literal("x\ny\tz\r"), r#""x\ny\tz\r""#);
        assert_eq!(literal("\u{7}"), r#""\u{7}""#);
        for hostile in [
            "#read(\"/etc/passwd\")",
            "$x^2$",
            "<lab> @ref * _ ` ~ ] [",
            "= heading",
            "// not a comment",
        ] {
            let l = literal(hostile);
            // Inside the literal, every `"` is escaped: the literal cannot be closed early.
            let inner = &l[1..l.len() - 1];
            assert!(
                !inner.replace("\\\\", "").replace("\\\"", "").contains('"'),
                "{l}"
            );
        }
        assert_eq!(markup("a.b"), "#\"a.b\";");
    }
}
