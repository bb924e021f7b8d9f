//! The `FILL-IN` values `certdoc new` writes: found in the text before parsing, because a
//! date or a number that reads `FILL-IN` would otherwise be a type error.

use crate::source::Pos;

/// The marker a skeleton's values start with.
pub const MARK: &str = "FILL-IN";

/// Each placeholder outside comments: where it is, and what belongs there.
pub fn find(text: &str) -> Vec<(Pos, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = strip_comment(line);
        let mut from = 0;
        while let Some(i) = code[from..].find(MARK) {
            let at = from + i;
            let rest = &code[at + MARK.len()..];
            // A value that starts with the marker, not a word that contains it.
            let before = code[..at].chars().next_back().unwrap_or(' ');
            let after = rest.chars().next().unwrap_or(' ');
            let starts = before.is_whitespace() || "\"'[{,".contains(before);
            let ends = after.is_whitespace() || "\"',]}".contains(after);
            if !(starts && ends) {
                from = at + MARK.len();
                continue;
            }
            let what = rest
                .split([',', '}', ']'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\''])
                .trim();
            let col = line[..at].chars().count() + 1;
            out.push((
                Pos {
                    line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                    col: u32::try_from(col).unwrap_or(u32::MAX),
                    len: MARK.len() as u32,
                },
                what.to_string(),
            ));
            from = at + MARK.len();
        }
    }
    out
}

/// The line up to a comment: a `#` at its start or after a space, outside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn placeholders_are_found_with_what_belongs_there_and_comments_are_skipped() {
        let text = "a: FILL-IN 组织名称\n# FILL-IN not this\nb: { x: FILL-IN 日期 YYYY-MM-DD, y: 1 }  # FILL-IN nor this\nc: \"FILL-IN 人数\"\nd: REFILL-INK 墨盒, FILL-INS\n";
        let found: Vec<(u32, u32, String)> = find(text)
            .into_iter()
            .map(|(p, w)| (p.line, p.col, w))
            .collect();
        assert_eq!(
            found,
            [
                (1, 4, "组织名称".to_string()),
                (3, 9, "日期 YYYY-MM-DD".to_string()),
                (4, 5, "人数".to_string())
            ]
        );
    }
}
