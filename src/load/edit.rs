//! Adds a revision entry to a case file by editing its text, so comments,
//! spacing and key order survive (a parse/serialize round trip loses them).
//! Anything the line scanner cannot follow for certain is refused, not guessed.

use std::fmt;

pub struct NewRevision<'a> {
    pub rev: &'a str,
    /// YYYY-MM-DD
    pub date: &'a str,
    pub by: Option<&'a str>,
    pub change: &'a str,
    /// A changed audit plan: the date the client agreed to the change (YYYY-MM-DD).
    pub agreed: Option<&'a str>,
}

/// Why an entry could not be added; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    FlowStyle { line: usize },
    AnchorOrAlias { line: usize },
    Tab { line: usize },
    MultiDocument,
    NotAMapping { line: usize },
    NotAList { number: String, line: usize },
    Duplicate { key: String },
    Unreadable { line: usize },
    Unsupported { line: usize },
    LongNumber,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hand = "add the entry by hand";
        match self {
            Self::FlowStyle { line } => write!(
                f,
                "line {line} of the case file writes the revisions in flow style ({{ … }} or [ … ]); {hand}"
            ),
            Self::AnchorOrAlias { line } => write!(
                f,
                "line {line} of the case file uses a YAML anchor, alias or merge (&, *, <<) in the revisions; {hand}"
            ),
            Self::Tab { line } => write!(
                f,
                "line {line} of the case file is indented with a tab; YAML needs spaces, so fix the indentation first"
            ),
            Self::MultiDocument => write!(
                f,
                "the case file holds more than one YAML document (--- or ...); {hand}"
            ),
            Self::NotAMapping { line } => write!(
                f,
                "`revisions:` on line {line} of the case file is not a list of documents by number; check the case file"
            ),
            Self::NotAList { number, line } => write!(
                f,
                "the revisions of {number} (line {line} of the case file) are not a list of entries; check the case file"
            ),
            Self::Duplicate { key } => write!(
                f,
                "`{key}` appears more than once in the case file; remove the duplicate first"
            ),
            Self::Unreadable { line } => write!(
                f,
                "line {line} of the case file could not be followed (unexpected indentation, or an unclosed quote or bracket); check the case file"
            ),
            Self::Unsupported { line } => write!(
                f,
                "line {line} of the case file uses YAML this tool does not edit (a tag, or a file that is not a list of keys); {hand}"
            ),
            Self::LongNumber => write!(
                f,
                "the document number is too long for a YAML key (over 1000 characters)"
            ),
        }
    }
}

impl std::error::Error for EditError {}

struct Line<'t> {
    text: &'t str,
    eol: &'t str,
}

#[derive(Clone, Copy)]
enum Kind {
    Blank,
    Comment,
    /// Inside a block scalar or a multi-line quote/flow: belongs to the line above.
    Body,
    Node {
        indent: usize,
        end: usize,
    },
}

/// A structural line: `s` runs from the indentation to before any comment, `tail` is the rest.
struct Node<'t> {
    i: usize,
    indent: usize,
    s: &'t str,
    tail: &'t str,
}

#[derive(Default)]
struct Scan {
    quote: Option<char>,
    depth: usize,
    at_start: bool,
}

/// Returns where the line's comment starts and, if the line opens a block scalar,
/// the column its content must exceed and whether it keeps trailing blank lines.
fn scan(s: &str, st: &mut Scan, indent: usize) -> (usize, Option<(usize, bool)>) {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let spaced = |n: Option<&(usize, char)>| n.is_none_or(|&(_, n)| n == ' ' || n == '\t');
    let (mut node_col, mut scalar_col, mut block, mut prev, mut i) = (indent, indent, None, ' ', 0);
    while let Some(&(pos, c)) = cs.get(i) {
        let next = cs.get(i + 1);
        i += 1;
        match st.quote {
            Some('"') if c == '\\' => i += 1,
            Some('\'') if c == '\'' && next.is_some_and(|&(_, n)| n == '\'') => i += 1,
            Some(q) if c == q => st.quote = None,
            Some(_) => {}
            None if c == '#' && (prev == ' ' || prev == '\t') => return (pos, block),
            None if c == ' ' || c == '\t' => {}
            None if block.is_some() => {
                if let (Some((_, keep)), '+') = (block.as_mut(), c) {
                    *keep = true;
                }
            }
            None if st.at_start => match c {
                '"' | '\'' => (st.quote, st.at_start, scalar_col) = (Some(c), false, pos),
                '[' | '{' => st.depth += 1,
                ']' | '}' => (st.depth, st.at_start) = (st.depth.saturating_sub(1), false),
                '-' | '?' | ':' if st.depth == 0 && spaced(next) => node_col = pos,
                '|' | '>' if st.depth == 0 => block = Some((node_col, false)),
                '&' | '!' => {
                    while cs.get(i).is_some_and(|&(_, n)| n != ' ' && n != '\t') {
                        i += 1;
                    }
                }
                _ => (st.at_start, scalar_col) = (false, pos),
            },
            None => match c {
                ':' if spaced(next)
                    || (st.depth > 0 && next.is_some_and(|&(_, n)| ",[]{}".contains(n))) =>
                {
                    st.at_start = true;
                    if st.depth == 0 {
                        node_col = scalar_col;
                    }
                }
                ',' if st.depth > 0 => st.at_start = true,
                ']' | '}' if st.depth > 0 => st.depth -= 1,
                _ => {}
            },
        }
        prev = c;
    }
    (s.len(), block)
}

fn classify(lines: &[Line]) -> Result<Vec<Kind>, EditError> {
    let mut kinds = Vec::with_capacity(lines.len());
    let (mut st, mut block) = (Scan::default(), None::<(usize, bool)>);
    for (n, l) in lines.iter().enumerate() {
        let s = l.text;
        let indent = s.len() - s.trim_start_matches(' ').len();
        let blank = s.trim_matches([' ', '\t']).is_empty();
        if let Some((parent, keep)) = block {
            if blank || indent > parent {
                kinds.push(if blank && !keep {
                    Kind::Blank
                } else {
                    Kind::Body
                });
                continue;
            }
            block = None;
        }
        kinds.push(if st.quote.is_some() || st.depth > 0 {
            scan(s, &mut st, indent);
            Kind::Body
        } else if blank {
            Kind::Blank
        } else if s.trim_start_matches([' ', '\t']).starts_with('#') {
            Kind::Comment
        } else if s[indent..].starts_with('\t') {
            return Err(EditError::Tab { line: n + 1 });
        } else {
            st.at_start = true;
            let (comment, opens) = scan(s, &mut st, indent);
            block = opens;
            Kind::Node {
                indent,
                end: indent.max(s[..comment].trim_end().len()),
            }
        });
    }
    match st.quote.is_some() || st.depth > 0 {
        true => Err(EditError::Unreadable { line: lines.len() }),
        false => Ok(kinds),
    }
}

/// Splits `key: value` (key plain or quoted) into the unquoted key and the trimmed value.
/// Unknown escapes give `None`, so an oddly written key is refused, never mismatched.
fn parse_key(s: &str) -> Option<(String, &str)> {
    let mut key = String::new();
    let rest = if let Some(q) = s.strip_prefix('"') {
        let mut it = q.char_indices();
        loop {
            match it.next()? {
                (i, '"') => break q.get(i + 1..)?,
                (_, '\\') => key.push(match it.next()?.1 {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'u' => {
                        let hex: String = it.by_ref().take(4).map(|(_, c)| c).collect();
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    e @ ('"' | '\\' | '/' | ' ') => e,
                    _ => return None,
                }),
                (_, c) => key.push(c),
            }
        }
    } else if let Some(q) = s.strip_prefix('\'') {
        let mut it = q.char_indices().peekable();
        loop {
            match it.next()? {
                (_, '\'') if it.next_if(|&(_, c)| c == '\'').is_some() => key.push('\''),
                (i, '\'') => break q.get(i + 1..)?,
                (_, c) => key.push(c),
            }
        }
    } else {
        if s.starts_with([
            '&', '*', '!', '[', '{', '?', '|', '>', '@', '`', '%', ',', '#',
        ]) {
            return None;
        }
        let colon = |r: &str| {
            r.strip_prefix(':')
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        };
        let (i, _) = s
            .char_indices()
            .find(|&(i, _)| s.get(i..).is_some_and(colon))?;
        key.push_str(s.get(..i)?.trim_end());
        s.get(i..)?
    };
    let rest = rest.trim_start().strip_prefix(':')?;
    let ok = !key.is_empty() && (rest.is_empty() || rest.starts_with([' ', '\t']));
    ok.then(|| (key, rest.trim()))
}

fn seq_item(s: &str) -> bool {
    s.strip_prefix('-')
        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

/// Plain when it cannot be read as anything but this string (also inside `{ }`), else
/// double-quoted. Dates stay plain to match the files' style; they load as strings.
fn scalar(s: &str) -> String {
    const WORDS: [&str; 9] = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    let odd = |c: char| c.is_control() || "\u{2028}\u{2029}\u{feff}\u{fffe}\u{ffff}".contains(c);
    let date_char = |(i, b): (usize, u8)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    };
    let plain = (s.len() == 10 && s.bytes().enumerate().all(date_char))
        || (s.chars().next().is_some_and(char::is_alphabetic)
            && !s.ends_with(' ')
            && !WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
            && s.chars().all(|c| match c.is_ascii() {
                true => c.is_ascii_alphanumeric() || " -_./+()".contains(c),
                false => !c.is_whitespace() && !odd(c),
            }));
    if plain {
        return s.to_string();
    }
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if odd(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How existing entries are laid out: item column relative to the number keys,
/// spaces after `-`, and whether they are block mappings rather than `{ … }`.
#[derive(Clone, Copy)]
struct Style {
    rel: usize,
    gap: usize,
    block: bool,
}

const fn flow(rel: usize) -> Style {
    Style {
        rel,
        gap: 1,
        block: false,
    }
}

fn render(indent: usize, style: Style, e: &NewRevision, eol: &str) -> String {
    let mut fields = vec![("rev", e.rev), ("date", e.date)];
    fields.extend(e.by.map(|by| ("by", by)));
    fields.push(("change", e.change));
    fields.extend(e.agreed.map(|a| ("agreed", a)));
    let lead = format!("{}-{}", pad(indent), pad(style.gap));
    if !style.block {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}: {}", scalar(v)))
            .collect();
        return format!("{lead}{{ {} }}{eol}", body.join(", "));
    }
    let inner = pad(indent + 1 + style.gap);
    let line = |(i, (k, v)): (usize, &(&str, &str))| {
        format!(
            "{}{k}: {}{eol}",
            if i == 0 { &lead } else { &inner },
            scalar(v)
        )
    };
    fields.iter().enumerate().map(line).collect()
}

/// Rejects a value that is neither empty nor one this tool may drop (`{}`, `[]`, `~`).
fn check_value(v: &str, line: usize, empty: &str, other: EditError) -> Result<bool, EditError> {
    match v.chars().next() {
        None => Ok(false),
        _ if [empty, "~", "null", "Null", "NULL"].contains(&v) => Ok(true),
        Some('&' | '*') => Err(EditError::AnchorOrAlias { line }),
        Some('{' | '[') => Err(EditError::FlowStyle { line }),
        Some('!') => Err(EditError::Unsupported { line }),
        _ => Err(other),
    }
}

/// The key line with its empty value dropped and its comment kept.
fn emptied(n: &Node, v: &str) -> Result<(usize, String), EditError> {
    let head =
        n.s.strip_suffix(v)
            .ok_or(EditError::Unreadable { line: n.i + 1 })?;
    Ok((
        n.i,
        format!("{}{}{}", pad(n.indent), head.trim_end(), n.tail),
    ))
}

struct Doc<'t> {
    bom: &'t str,
    eol: &'static str,
    lines: Vec<Line<'t>>,
    kinds: Vec<Kind>,
    nodes: Vec<Node<'t>>,
}

impl<'t> Doc<'t> {
    fn load(text: &'t str) -> Result<Self, EditError> {
        let (bom, body) = text
            .strip_prefix('\u{feff}')
            .map_or(("", text), |b| ("\u{feff}", b));
        let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
        let split = |raw: &'t str| match (raw.strip_suffix("\r\n"), raw.strip_suffix('\n')) {
            (Some(text), _) => Line { text, eol: "\r\n" },
            (None, Some(text)) => Line { text, eol: "\n" },
            _ => Line { text: raw, eol: "" },
        };
        let lines: Vec<Line> = body.split_inclusive('\n').map(split).collect();
        let kinds = classify(&lines)?;
        let node = |(i, (k, l)): (usize, (&Kind, &Line<'t>))| match *k {
            Kind::Node { indent, end } => {
                let (s, tail) = (l.text.get(indent..end)?, l.text.get(end..)?);
                Some(Node { i, indent, s, tail })
            }
            _ => None,
        };
        let nodes = kinds
            .iter()
            .zip(&lines)
            .enumerate()
            .filter_map(node)
            .collect();
        Ok(Doc {
            bom,
            eol,
            lines,
            kinds,
            nodes,
        })
    }

    /// Nodes strictly between lines `from` and `to`.
    fn between(&self, from: usize, to: usize) -> impl Iterator<Item = &Node<'t>> {
        self.nodes.iter().filter(move |n| n.i > from && n.i < to)
    }

    /// The last line in `from..to` that is not blank or a comment.
    fn last_content(&self, from: usize, to: usize) -> usize {
        let content =
            |i: &usize| matches!(self.kinds.get(*i), Some(Kind::Node { .. } | Kind::Body));
        (from..to).rev().find(content).unwrap_or(from)
    }

    /// The list under the number key on line `key`: the line to insert after, and its style.
    fn list(
        &self,
        key: usize,
        limit: usize,
        c: usize,
        number: &str,
    ) -> Result<(usize, Option<Style>), EditError> {
        let ends = |n: &&Node| n.indent < c || (n.indent == c && !seq_item(n.s));
        let end = self.between(key, limit).find(ends).map_or(limit, |n| n.i);
        let li = self.between(key, end).next().map_or(0, |n| n.indent);
        let mut last = None;
        for n in self.between(key, end) {
            if n.indent < li {
                return Err(EditError::Unreadable { line: n.i + 1 });
            } else if n.indent == li && !seq_item(n.s) {
                return Err(EditError::NotAList {
                    number: number.to_string(),
                    line: key + 1,
                });
            } else if n.indent == li {
                last = Some(n);
            }
        }
        let style = last.map(|n| {
            let after = n.s.strip_prefix('-').unwrap_or("");
            let rest = after.trim_start_matches(' ');
            let gap = after.len() - rest.len();
            let block = gap > 0 && !rest.starts_with(['{', '[']) && parse_key(rest).is_some();
            Style {
                rel: n.indent.saturating_sub(c),
                gap: gap.max(1),
                block,
            }
        });
        Ok((self.last_content(key, end), style))
    }

    fn splice(&self, replace: Option<(usize, String)>, after: usize, add: &str) -> String {
        let mut out = String::from(self.bom);
        for (i, l) in self.lines.iter().enumerate() {
            match &replace {
                Some((j, t)) if *j == i => out.push_str(t),
                _ => out.push_str(l.text),
            }
            out.push_str(l.eol);
            if after == i {
                out.push_str(if l.eol.is_empty() { self.eol } else { "" });
                out.push_str(add);
            }
        }
        if self.lines.is_empty() {
            out.push_str(add);
        }
        out
    }
}

/// Append `entry` to the list of revisions of document `number` in the case file text,
/// without disturbing any other line or comment. Returns the new text.
pub fn append_revision(text: &str, number: &str, entry: &NewRevision) -> Result<String, EditError> {
    // YAML caps implicit keys at 1024 characters.
    if scalar(number).chars().count() > 1000 {
        return Err(EditError::LongNumber);
    }
    let doc = Doc::load(text)?;
    let eol = doc.eol;
    let (mut revisions, mut seen) = (None, false);
    for n in doc.nodes.iter().filter(|n| n.indent == 0) {
        let marker = |m: &str| {
            n.s.strip_prefix(m)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        };
        match (marker("---"), marker("...")) {
            (_, true) => return Err(EditError::MultiDocument),
            (true, _) if seen => return Err(EditError::MultiDocument),
            (true, _) if n.s.len() > 3 => return Err(EditError::Unsupported { line: n.i + 1 }),
            (true, _) => continue,
            _ if !seen && n.s.starts_with('%') => continue,
            _ => {}
        }
        let key = parse_key(n.s);
        if !seen && key.is_none() {
            return Err(EditError::Unsupported { line: n.i + 1 });
        }
        seen = true;
        if let Some((k, v)) = key.filter(|(k, _)| k == "revisions")
            && revisions.replace((n, v)).is_some()
        {
            return Err(EditError::Duplicate { key: k });
        }
    }
    let step = doc
        .nodes
        .iter()
        .find(|n| n.indent > 0)
        .map_or(2, |n| n.indent);
    let Some((r, v)) = revisions else {
        let head = format!("revisions:{eol}{}{}:{eol}", pad(step), scalar(number));
        let add = head + &render(2 * step, flow(step), entry, eol);
        return Ok(doc.splice(None, doc.lines.len().saturating_sub(1), &add));
    };

    let not_mapping = EditError::NotAMapping { line: r.i + 1 };
    let rewrite = check_value(v, r.i + 1, "{}", not_mapping.clone())?;
    let next_top = doc.nodes.iter().find(|n| n.i > r.i && n.indent == 0);
    if next_top.is_some_and(|n| seq_item(n.s)) {
        return Err(not_mapping);
    }
    let end = next_top.map_or(doc.lines.len(), |n| n.i);
    let c = doc.between(r.i, end).next().map_or(step, |n| n.indent);
    match doc.between(r.i, end).next() {
        Some(n) if rewrite => return Err(EditError::Unreadable { line: n.i + 1 }),
        Some(n) if seq_item(n.s) => return Err(not_mapping),
        _ => {}
    }
    let (mut found, mut keys) = (None, vec![]);
    for n in doc
        .between(r.i, end)
        .filter(|n| n.indent < c || (n.indent == c && !seq_item(n.s)))
    {
        let unreadable = EditError::Unreadable { line: n.i + 1 };
        let (k, kv) = parse_key(n.s).filter(|_| n.indent == c).ok_or(unreadable)?;
        if k == "<<" {
            return Err(EditError::AnchorOrAlias { line: n.i + 1 });
        }
        if k == number && found.replace((n, kv)).is_some() {
            return Err(EditError::Duplicate { key: k });
        }
        keys.push(n.i);
    }
    // New entries copy the layout of the nearest list that has entries.
    let near = keys
        .iter()
        .rev()
        .find_map(|&k| doc.list(k, end, c, number).ok()?.1);

    let Some((k, kv)) = found else {
        let style = near.unwrap_or(flow(c));
        let add = format!("{}{}:{eol}", pad(c), scalar(number))
            + &render(c + style.rel, style, entry, eol);
        let replace = if rewrite { Some(emptied(r, v)?) } else { None };
        return Ok(doc.splice(replace, doc.last_content(r.i, end), &add));
    };
    let not_list = EditError::NotAList {
        number: number.to_string(),
        line: k.i + 1,
    };
    let rewrite = check_value(kv, k.i + 1, "[]", not_list)?;
    let (after, own) = doc.list(k.i, end, c, number)?;
    if rewrite && after != k.i {
        return Err(EditError::Unreadable { line: k.i + 2 });
    }
    let style = own.or(near).unwrap_or(flow(c));
    let replace = if rewrite { Some(emptied(k, kv)?) } else { None };
    Ok(doc.splice(replace, after, &render(c + style.rel, style, entry, eol)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type R<T = ()> = Result<T, Box<dyn std::error::Error>>;
    type Entries = BTreeMap<String, Vec<BTreeMap<String, String>>>;

    #[derive(serde::Deserialize)]
    struct Case {
        revisions: Option<Entries>,
    }

    const S2: &str = "TB-PIC-2026-003-PL-S2";
    const EXAMPLE: &str = "case: TB-PIC-2026-003\nrevisions:\n  TB-PIC-2026-003-PL-S2:\n    - { rev: A/0, date: 2026-03-09, by: zhang-san, change: 首次发布 }\n    - { rev: A/1, date: 2026-03-12, by: zhang-san, change: 调整 3 月 18 日数据中心审核的审核员分工 }\n";
    const BLOCK: &str = "revisions:\n  TB-1:\n  -   rev: A/0\n      date: 2026-01-01\n      change: |\n        first\n        # not a comment\n\n  TB-2: []\nz: 1\n";
    // Separated by ¶; the first one is the empty string.
    const TRICKY: &str = "¶ ¶ lead¶trail ¶a: b¶a:b¶x #y¶#start¶\"quoted\"¶it's¶'single'¶- dash¶-¶{brace¶[bracket]¶a, b¶*star¶&amp¶!bang¶%pct¶@at¶`tick`¶line1\nline2¶tab\there¶back\\slash¶\\n literal¶cr\r\n¶nul\u{0}bel\u{7}¶\u{85}\u{2028}\u{feff}¶null¶Null¶true¶False¶~¶yes¶No¶on¶y¶2026-01-01¶0x10¶1e3¶.inf¶-.5¶12¶？ ： ＃ 全角¶a | b > c¶key: value # c¶|¶>¶?¶:¶...¶---¶首次发布";

    fn entry(change: &str) -> NewRevision<'_> {
        NewRevision {
            rev: "A/2",
            date: "2026-04-01",
            by: Some("li-si"),
            change,
            agreed: None,
        }
    }

    fn parse(text: &str) -> R<Entries> {
        let case: Case = serde_saphyr::from_str(text.trim_start_matches('\u{feff}'))?;
        Ok(case.revisions.unwrap_or_default())
    }

    /// Appends, then checks the result parses, ends with exactly the new entry, keeps the
    /// BOM, and differs from the input only by added lines.
    fn append_ok(before: &str, number: &str, e: &NewRevision) -> R<String> {
        let after = append_revision(before, number, e)?;
        let list = parse(&after)?.remove(number).ok_or("number missing")?;
        let mut want = vec![("rev", e.rev), ("date", e.date), ("change", e.change)];
        want.extend(e.by.map(|b| ("by", b)));
        let want: BTreeMap<String, String> = want
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        assert_eq!(list.last(), Some(&want), "{after}");
        let old = parse(before)
            .ok()
            .and_then(|mut m| m.remove(number))
            .map_or(0, |l| l.len());
        assert_eq!(list.len(), old + 1, "{after}");
        assert_eq!(
            before.starts_with('\u{feff}'),
            after.starts_with('\u{feff}')
        );
        let mut rest = after.trim_start_matches('\u{feff}').lines();
        for line in before.trim_start_matches('\u{feff}').lines() {
            assert!(
                rest.any(|l| l == line.trim_end_matches('\r')),
                "lost {line:?} in\n{after}"
            );
        }
        Ok(after)
    }

    #[test]
    fn no_revisions_key_appends_at_end_with_file_indent() -> R {
        let after = append_ok(
            "case: X\nteam:\n    lead: wang\n# end\n",
            "TB-1",
            &entry("首次发布"),
        )?;
        let tail = "# end\nrevisions:\n    TB-1:\n        - { rev: A/2, date: 2026-04-01, by: li-si, change: 首次发布 }\n";
        assert!(after.ends_with(tail), "{after}");
        let after = append_ok(
            "case: X",
            "TB-1",
            &NewRevision {
                by: None,
                ..entry("x")
            },
        )?;
        assert_eq!(
            after,
            "case: X\nrevisions:\n  TB-1:\n    - { rev: A/2, date: 2026-04-01, change: x }\n"
        );
        assert!(append_ok("", "TB-1", &entry("x"))?.starts_with("revisions:\n"));
        Ok(())
    }

    #[test]
    fn new_number_goes_after_block_before_trailing_comments() -> R {
        let before = format!("{EXAMPLE}    # last word on S2\n\n# about the team\nteam: [a]\n");
        let after = append_ok(&before, "TB-NEW", &entry("new"))?;
        let want = "分工 }\n  TB-NEW:\n    - { rev: A/2, date: 2026-04-01, by: li-si, change: new }\n    # last word on S2\n\n# about";
        assert!(after.contains(want), "{after}");
        append_ok("revisions:\nother: 1\n", "TB-1", &entry("x"))?;
        append_ok("revisions:   # none yet\n", "TB-1", &entry("x"))?;
        let after = append_ok(BLOCK, "TB-3", &entry("x"))?;
        assert!(
            after.contains("  TB-2: []\n  TB-3:\n  -   rev: A/2\n      date: 2026-04-01\n"),
            "{after}"
        );
        Ok(())
    }

    #[test]
    fn existing_flow_items_get_a_flow_item() -> R {
        let after = append_ok(&format!("{EXAMPLE}other: 1\n"), S2, &entry("第三版"))?;
        let want =
            "分工 }\n    - { rev: A/2, date: 2026-04-01, by: li-si, change: 第三版 }\nother: 1\n";
        assert!(after.contains(want), "{after}");
        Ok(())
    }

    #[test]
    fn existing_block_items_get_a_block_item() -> R {
        let after = append_ok(BLOCK, "TB-1", &entry("two"))?;
        let want = "# not a comment\n  -   rev: A/2\n      date: 2026-04-01\n      by: li-si\n      change: two\n\n  TB-2";
        assert!(after.contains(want), "{after}");
        Ok(())
    }

    #[test]
    fn empty_flow_values_are_rewritten_and_full_ones_refused() -> R {
        let empties = [
            ("revisions: {}  # none\n", "revisions:  # none"),
            ("revisions:\n  TB-1: []\n", "  TB-1:"),
            ("revisions:\n  TB-1: ~ # x\n", "  TB-1: # x"),
        ];
        for (before, line) in empties {
            let after = append_revision(before, "TB-1", &entry("x"))?;
            assert!(after.lines().any(|l| l == line), "{after}");
            assert_eq!(parse(&after)?.get("TB-1").map(Vec::len), Some(1));
        }
        for before in [
            "revisions: { TB-1: [] }\n",
            "revisions:\n  TB-1: [ { rev: A/0 } ]\n",
            "revisions: {\n  TB-1: [] }\n",
        ] {
            let got = append_revision(before, "TB-1", &entry("x"));
            assert!(matches!(got, Err(EditError::FlowStyle { .. })), "{before}");
        }
        Ok(())
    }

    #[test]
    fn tricky_change_text_round_trips() -> R {
        let long = "审核员分工调整；\"#: ".repeat(300);
        let block = "revisions:\n  TB-9:\n    - rev: A\n      date: 2026-01-01\n      change: c\n";
        for change in TRICKY.split('¶').chain([long.as_str()]) {
            append_ok(EXAMPLE, S2, &entry(change))?;
            append_ok("case: 1\n", "TB-9", &entry(change))?;
            append_ok(block, "TB-9", &entry(change))?;
            if change.len() < 1000 {
                append_ok(EXAMPLE, change, &entry(change))?;
                append_ok(
                    EXAMPLE,
                    change,
                    &NewRevision {
                        rev: change,
                        date: change,
                        by: Some(change),
                        change,
                        agreed: None,
                    },
                )?;
            }
        }
        Ok(())
    }

    #[test]
    fn crlf_bom_and_missing_final_newline() -> R {
        let crlf = format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"));
        for number in [S2, "TB-2"] {
            let after = append_ok(&crlf, number, &entry("x"))?;
            assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
            assert!(append_ok(EXAMPLE.trim_end(), number, &entry("x"))?.ends_with("change: x }\n"));
        }
        append_ok("\u{feff}", "TB-1", &entry("x"))?;
        Ok(())
    }

    #[test]
    fn tabs_are_refused() {
        let got = append_revision(
            "revisions:\n\tTB-1:\n    - { rev: A/0 }\n",
            "TB-1",
            &entry("x"),
        );
        assert_eq!(got, Err(EditError::Tab { line: 2 }));
    }

    #[test]
    fn quoted_keys_comments_and_decoys() -> R {
        let before = "# revisions:\nnotes: |\n  revisions:\n  # TB-1:\nnested:\n  revisions:\n    TB-1: []\n\"revisions\":   # the log\n  'TB-1':   # note\n    - { rev: A/0, date: 2026-01-01, change: \"a # b\" }\n  \"TB-2\": # other\n    - { rev: A/0, date: 2026-01-01, change: b }\n";
        let after = append_ok(before, "TB-1", &entry("x"))?;
        assert!(after.contains("b\" }\n    - { rev: A/2"), "{after}");
        append_ok(before, "TB-2", &entry("x"))?;
        append_ok(
            "revisions:\n  \"TB-\\u0031\":\n  - { rev: A }\n",
            "TB-1",
            &entry("x"),
        )?;
        Ok(())
    }

    #[test]
    fn multi_document_anchor_and_odd_shapes_are_refused() {
        let refused = [
            ("a: 1\n---\nrevisions:\n", "MultiDocument"),
            ("revisions:\n...\n", "MultiDocument"),
            ("revisions: &r\n  TB-1: []\n", "AnchorOrAlias { line: 1 }"),
            ("revisions:\n  TB-1: *list\n", "AnchorOrAlias { line: 2 }"),
            ("revisions:\n  <<: *base\n", "AnchorOrAlias { line: 2 }"),
            ("revisions:\n- a\n", "NotAMapping { line: 1 }"),
            ("revisions:\n  - a\n", "NotAMapping { line: 1 }"),
            ("revisions: text\n", "NotAMapping { line: 1 }"),
            (
                "revisions:\n  TB-1:\n    rev: A\n",
                "NotAList { number: \"TB-1\", line: 2 }",
            ),
            (
                "revisions:\n  TB-1: []\n  TB-1: []\n",
                "Duplicate { key: \"TB-1\" }",
            ),
            (
                "revisions: 1\nrevisions: 2\n",
                "Duplicate { key: \"revisions\" }",
            ),
            ("revisions:\n  TB-1: \"open\n", "Unreadable { line: 2 }"),
            (
                "revisions:\n    A: 1\n  TB-1: []\n",
                "Unreadable { line: 3 }",
            ),
            ("revisions:\n  TB-1: !!seq\n", "Unsupported { line: 2 }"),
            ("- just a list\n", "Unsupported { line: 1 }"),
        ];
        for (before, want) in refused {
            let got = append_revision(before, "TB-1", &entry("x"));
            assert_eq!(
                got.as_ref().map_err(|e| format!("{e:?}")),
                Err(want.to_string()),
                "{before}"
            );
            assert!(got.is_err_and(|e| e.to_string().len() > 40));
        }
        assert_eq!(
            append_revision("", &"x".repeat(1001), &entry("x")),
            Err(EditError::LongNumber)
        );
        assert!(append_revision("---\nrevisions:\n", "TB-1", &entry("x")).is_ok());
    }

    #[test]
    fn every_prefix_is_refused_or_edited_correctly() -> R {
        let sample = format!(
            "\u{feff}a: \"x # y\"\r\nb: |+\n  t\n\n{BLOCK}c: {{ d: [1,\n  2] }}\nrevisions_too: 1\n"
        );
        for (i, _) in sample.char_indices() {
            let before = &sample[..i];
            if append_revision(before, "TB-1", &entry("x")).is_ok() && parse(before).is_ok() {
                append_ok(before, "TB-1", &entry("x"))?;
                append_ok(before, "TB-9", &entry("x"))?;
            }
        }
        Ok(())
    }
}
