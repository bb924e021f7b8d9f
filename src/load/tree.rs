//! A positioned YAML tree, built once from the parser's events. Validating a tree (rather
//! than deserializing straight into the model) is what lets one run report every problem of a
//! file, each at its node; the model is then read from the same tree, so the text is parsed
//! only once.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_saphyr::granit_parser::{
    ErrorKind, Event, Options, Parser, ScalarStyle, ScanError, Span, Tag,
};

use crate::source::Pos;

/// Deeper than any real case (about 8 levels); bounds the recursion of everything that
/// walks a tree, so a hostile file cannot overflow a loader thread's stack.
const MAX_DEPTH: usize = 48;
/// Nodes that aliases may add by copying an anchored node. A case reuses a team or a site
/// list a few times at most; a billion-laughs file asks for millions.
const MAX_ALIAS_NODES: usize = 20_000;
/// Above this many entries a mapping's keys are checked for duplicates with a set: a
/// linear scan would make a hostile mapping quadratic.
const LINEAR_KEY_SCAN: usize = 24;

#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub pos: Pos,
    pub value: Value<'a>,
}

#[derive(Debug, Clone)]
pub enum Value<'a> {
    Scalar(Cow<'a, str>, Scalar),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
}

/// What a scalar resolves to under YAML 1.2's core schema, with booleans restricted to
/// `true`/`false` so that `no` or `off` is never silently read as false.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// Saturated: a number beyond `i128` still reads as "too large", not as text.
    Int(i128),
    Float(f64),
    /// Quoted, block, or plain text that is none of the above.
    Str,
}

impl<'a> Node<'a> {
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(t, _) => Some(t),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Scalar(_, Scalar::Null))
    }

    /// The value under `key`, when this node is a mapping holding it.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.text() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    fn size(&self) -> usize {
        match &self.value {
            Value::Scalar(..) => 1,
            Value::Seq(items) => 1 + items.iter().map(Node::size).sum::<usize>(),
            Value::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.size() + v.size())
                    .sum::<usize>()
            }
        }
    }
}

/// A problem found while reading the text: its place and what to tell the user.
#[derive(Debug, Clone)]
pub struct Problem {
    pub pos: Pos,
    pub message: String,
}

impl Problem {
    pub fn new(pos: Pos, message: impl Into<String>) -> Self {
        Self {
            pos,
            message: message.into(),
        }
    }
}

/// The tree of `text` and the problems that do not stop reading it (a duplicate key, a
/// tag); or, when the text cannot be read at all, the one problem that stopped it.
pub struct Parsed<'a> {
    pub root: Node<'a>,
    pub problems: Vec<Problem>,
}

pub fn parse(text: &str) -> Result<Parsed<'_>, Problem> {
    let mut options = Options::default();
    options.set_emit_comments(false);
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut b = Builder::default();
    let mut documents = 0;
    for next in parser.by_ref() {
        let (event, span) = next.map_err(|e| syntax(text, &e))?;
        match event {
            Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(Problem::new(
                        pos_of(&span),
                        "a second YAML document starts here; a file holds one document, so \
                         remove this `---` and what follows it, or move it to its own file",
                    ));
                }
            }
            Event::Alias(id) => b.alias(id, &span)?,
            Event::Scalar(text, style, anchor, tag) => {
                let node = b.scalar(text, style, tag.as_deref(), &span);
                b.complete(node, anchor)?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                b.refuse_tag(tag.as_deref(), &span, "a list");
                b.open(Frame::Seq(Vec::new()), anchor, &span)?;
            }
            Event::MappingStart(_, anchor, tag) => {
                b.refuse_tag(tag.as_deref(), &span, "a mapping");
                b.open(Frame::Map(Vec::new(), None, None), anchor, &span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => b.close()?,
            _ => {}
        }
    }
    let root = b.root.unwrap_or(Node {
        pos: Pos::new(1, 1),
        value: Value::Scalar(Cow::Borrowed(""), Scalar::Null),
    });
    Ok(Parsed {
        root,
        problems: b.problems,
    })
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: u32::try_from(span.start.line()).unwrap_or(u32::MAX).max(1),
        col: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
        len: u32::try_from(span.end.index().saturating_sub(span.start.index())).unwrap_or(0),
    }
}

enum Frame<'a> {
    Seq(Vec<Node<'a>>),
    /// Entries, the key waiting for its value, and (for a large mapping) the keys seen.
    Map(
        Vec<(Node<'a>, Node<'a>)>,
        Option<Node<'a>>,
        Option<HashSet<String>>,
    ),
}

#[derive(Default)]
struct Builder<'a> {
    stack: Vec<(Frame<'a>, Pos, usize)>,
    anchors: HashMap<usize, Node<'a>>,
    alias_nodes: usize,
    root: Option<Node<'a>>,
    problems: Vec<Problem>,
}

impl<'a> Builder<'a> {
    fn open(&mut self, frame: Frame<'a>, anchor: usize, span: &Span) -> Result<(), Problem> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Problem::new(
                pos_of(span),
                format!(
                    "the data is nested more than {MAX_DEPTH} levels deep here; a case file \
                     needs fewer than ten"
                ),
            ));
        }
        self.stack.push((frame, pos_of(span), anchor));
        Ok(())
    }

    fn close(&mut self) -> Result<(), Problem> {
        let Some((frame, pos, anchor)) = self.stack.pop() else {
            return Ok(());
        };
        let value = match frame {
            Frame::Seq(items) => Value::Seq(items),
            Frame::Map(entries, _, _) => Value::Map(entries),
        };
        self.complete(Node { pos, value }, anchor)
    }

    fn scalar(
        &mut self,
        text: Cow<'a, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: &Span,
    ) -> Node<'a> {
        let pos = pos_of(span);
        let kind = match tag {
            Some(t) if t.is_yaml_core_schema_tag("str") => Scalar::Str,
            Some(t) => {
                self.problems.push(tag_problem(t, span));
                Scalar::Str
            }
            None if style == ScalarStyle::Plain => resolve(&text),
            None => Scalar::Str,
        };
        Node {
            pos,
            value: Value::Scalar(text, kind),
        }
    }

    fn refuse_tag(&mut self, tag: Option<&Tag>, span: &Span, what: &str) {
        if let Some(t) = tag {
            let core = match what {
                "a list" => "seq",
                _ => "map",
            };
            if !t.is_yaml_core_schema_tag(core) {
                self.problems.push(tag_problem(t, span));
            }
        }
    }

    fn alias(&mut self, id: usize, span: &Span) -> Result<(), Problem> {
        let pos = pos_of(span);
        let Some(target) = self.anchors.get(&id) else {
            // The parser resolves aliases to earlier anchors only; an anchor that is not
            // complete yet is the collection the alias is inside.
            return Err(Problem::new(
                pos,
                "this alias refers to the list or mapping it is inside, which would never end; \
                 write the values out",
            ));
        };
        self.alias_nodes = self.alias_nodes.saturating_add(target.size());
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(Problem::new(
                pos,
                format!(
                    "the aliases (`*name`) of this file expand to more than {MAX_ALIAS_NODES} \
                     values; a case reuses an anchored value a few times at most, so write the \
                     values out"
                ),
            ));
        }
        let mut node = target.clone();
        node.pos = pos;
        self.complete(node, 0)
    }

    fn complete(&mut self, node: Node<'a>, anchor: usize) -> Result<(), Problem> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let Some((frame, _, _)) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match frame {
            Frame::Seq(items) => items.push(node),
            Frame::Map(entries, pending, seen) => match pending.take() {
                None => {
                    if !matches!(node.value, Value::Scalar(..)) {
                        self.problems.push(Problem::new(
                            node.pos,
                            "a key must be a plain name such as `name`, not a list or a mapping",
                        ));
                    } else if node.text() == Some("<<") {
                        self.problems.push(Problem::new(
                            node.pos,
                            "merge keys (`<<: *name`) are not accepted; write the fields out",
                        ));
                    }
                    *pending = Some(node);
                }
                Some(key) => {
                    let name = key.text().unwrap_or_default();
                    let duplicate = if entries.len() < LINEAR_KEY_SCAN {
                        entries.iter().any(|(k, _)| k.text() == Some(name))
                    } else {
                        let set = seen.get_or_insert_with(|| {
                            entries
                                .iter()
                                .filter_map(|(k, _)| k.text().map(str::to_string))
                                .collect()
                        });
                        !set.insert(name.to_string())
                    };
                    if duplicate {
                        self.problems.push(Problem::new(
                            key.pos,
                            format!(
                                "the key `{name}` appears twice in this mapping; YAML keeps \
                                 only one, so remove the other"
                            ),
                        ));
                    } else {
                        if let Some(set) = seen.as_mut() {
                            set.insert(name.to_string());
                        }
                        entries.push((key, node));
                    }
                }
            },
        }
        Ok(())
    }
}

fn tag_problem(tag: &Tag, span: &Span) -> Problem {
    let at = span.tag_start.as_ref().map_or_else(
        || pos_of(span),
        |m| Pos {
            line: u32::try_from(m.line()).unwrap_or(u32::MAX).max(1),
            col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
            len: 0,
        },
    );
    let written = format!("{}{}", tag.original_handle(), tag.suffix());
    Problem::new(
        at,
        format!(
            "the YAML tag `{written}` is not accepted: a case holds plain text, numbers, dates \
             and lists, never encoded data; remove the tag and write the value itself"
        ),
    )
}

/// YAML 1.2 core-schema resolution of a plain scalar.
pub fn resolve(s: &str) -> Scalar {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        _ => {}
    }
    let b = s.as_bytes();
    let first = b[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Scalar::Str;
    }
    let (neg, digits) = match first {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) {
        let n = digits.parse::<i128>().unwrap_or(i128::MAX);
        return Scalar::Int(if neg { -n } else { n });
    }
    let radix = |digits: &str, radix: u32| {
        if !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)) {
            Scalar::Int(i128::from_str_radix(digits, radix).unwrap_or(i128::MAX))
        } else {
            Scalar::Str
        }
    };
    if let Some(hex) = s.strip_prefix("0x") {
        return radix(hex, 16);
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return radix(oct, 8);
    }
    if is_float(digits) {
        return s.parse::<f64>().map_or(Scalar::Str, Scalar::Float);
    }
    Scalar::Str
}

/// `[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?` with at least one digit before the exponent:
/// checked by hand because Rust's float parser also takes `inf` and `NaN`.
fn is_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

/// A syntax error in words, at the place to fix. Tabs get their own message at the line
/// that has one: the parser notices a tab only when it reads past it, so its own position
/// is often the line before.
fn syntax(text: &str, e: &ScanError) -> Problem {
    let m = e.marker();
    let line = u32::try_from(m.line()).unwrap_or(u32::MAX).max(1);
    let pos = Pos {
        line,
        col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
        len: 1,
    };
    if let Some(tab) = tab_indent_near(text, line) {
        return Problem::new(
            tab,
            "this line is indented with a tab; YAML indentation must be spaces, so replace the \
             tab with spaces",
        );
    }
    let message = match e.kind() {
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation => "a tab is not allowed here; use spaces".to_string(),
        ErrorKind::UnclosedQuotedScalar => {
            "a quoted text starts here but its closing quote is missing".into()
        }
        ErrorKind::UnclosedFlowCollection { open } => {
            let close = if *open == '[' { ']' } else { '}' };
            format!("the `{open}` opened here is never closed; add `{close}`")
        }
        ErrorKind::MismatchedFlowCollectionEnd { open, close } => {
            format!("`{close}` closes a `{open}`; make the brackets match")
        }
        ErrorKind::MisplacedFlowCollectionEnd => {
            "this closing bracket has no opening bracket".into()
        }
        ErrorKind::UnknownAnchor => {
            "this alias (`*name`) refers to no anchor (`&name`) above it".into()
        }
        ErrorKind::RecursionLimitExceeded => {
            "the data is nested too deeply here; a case file needs fewer than ten levels".into()
        }
        ErrorKind::UnexpectedCharacter { character } => format!(
            "the character `{}` cannot start a value here; put the value in quotes",
            character.escape_default()
        ),
        ErrorKind::UnexpectedEofFlowSequence
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofImplicitFlowMapping => {
            "the file ends inside a `[…]` or `{…}`; close the bracket".into()
        }
        ErrorKind::InvalidIndentation
        | ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidSimpleKey
        | ErrorKind::SimpleKeyExpected => {
            "the indentation here does not fit the lines above: a field must line up with the \
             other fields of its mapping, and a list item's `-` with the other items"
                .into()
        }
        other => {
            let said = other.to_string();
            if said.contains("mapping values are not allowed") {
                "a second `: ` on this line: a value that contains `: ` must be put in quotes, \
                 and a new field must start on its own line"
                    .into()
            } else {
                format!(
                    "the YAML cannot be read here ({said}); check the indentation and the `:` \
                     and `-` marks on this line and the one above"
                )
            }
        }
    };
    Problem::new(pos, message)
}

/// The first tab in the indentation of `line` or the line after it (1-based).
fn tab_indent_near(text: &str, line: u32) -> Option<Pos> {
    let from = usize::try_from(line).ok()?.saturating_sub(1);
    for (i, l) in text.lines().enumerate().skip(from).take(2) {
        let indent: &str = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
        if let Some(col) = indent.find('\t') {
            let rest = l.trim_start_matches([' ', '\t']);
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            return Some(Pos {
                line: u32::try_from(i + 1).ok()?,
                col: u32::try_from(col + 1).ok()?,
                len: 1,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_as_yaml_1_2_core_with_strict_booleans() {
        assert_eq!(resolve("42"), Scalar::Int(42));
        assert_eq!(resolve("-3"), Scalar::Int(-3));
        assert_eq!(resolve("0x1F"), Scalar::Int(31));
        assert_eq!(resolve("4.5"), Scalar::Float(4.5));
        assert_eq!(resolve("1e3"), Scalar::Float(1000.0));
        assert_eq!(resolve("~"), Scalar::Null);
        assert_eq!(resolve("true"), Scalar::Bool(true));
        for s in [
            "no",
            "yes",
            "off",
            "inf",
            "NaN",
            "1_000",
            "2026-03-05",
            "1.2.3",
            "e5",
            ".",
        ] {
            assert_eq!(resolve(s), Scalar::Str, "{s}");
        }
        assert_eq!(
            resolve("123456789012345678901234567890123456789012345"),
            Scalar::Int(i128::MAX)
        );
    }

    #[test]
    fn duplicate_keys_tags_and_merge_keys_are_problems_at_their_node() {
        let p = match parse("a: 1\nb: !!binary aGk=\na: 2\n<<: {c: 1}\n") {
            Ok(p) => p,
            Err(e) => panic!("{}", e.message),
        };
        let at: Vec<(u32, u32)> = p.problems.iter().map(|p| (p.pos.line, p.pos.col)).collect();
        assert_eq!(at, vec![(2, 4), (3, 1), (4, 1)], "{:?}", p.problems);
    }

    #[test]
    fn hostile_nesting_and_aliases_stop_with_a_problem() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&deep).is_err());
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (i, name) in ["b", "c", "d", "e", "f"].iter().enumerate() {
            let prev = ["a", "b", "c", "d", "e"][i];
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
        }
        assert!(parse(&bomb).is_err());
    }

    #[test]
    fn a_tab_is_reported_on_its_own_line() {
        let text = "client:\n  name: x\n\taddress: y\n";
        let e = parse(text).err().map(|e| (e.pos.line, e.pos.col));
        assert_eq!(e, Some((3, 1)));
    }
}
