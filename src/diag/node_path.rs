//! The YAML path of the node a diagnostic points at (`audits[S2].team[1].person`).
//!
//! A line number changes whenever a line is inserted above a finding; the path to its node
//! does not, so fingerprints are computed from the path. List items are named by their `id:`
//! when they have one (an item keeps its name when another is inserted before it), else by
//! their 0-based index.

use serde_saphyr::granit_parser::{Event, Parser, Span};

use crate::source::Pos;

/// 1-based line, 1-based column in characters: the order of positions in a file.
type At = (u32, u32);

#[derive(Debug)]
enum Kind {
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug)]
struct Node {
    start: At,
    /// Exclusive.
    end: At,
    kind: Kind,
}

impl Node {
    fn covers(&self, at: At) -> bool {
        self.start == at || (self.start <= at && at < self.end)
    }

    /// How a list names this item: its `id:` when it is a mapping with one.
    fn item_name(&self, index: usize) -> Segment {
        if let Kind::Map(entries) = &self.kind {
            for (k, v) in entries {
                if let (Kind::Scalar(k), Kind::Scalar(v)) = (&k.kind, &v.kind)
                    && k == "id"
                    && !v.is_empty()
                {
                    return Segment::Id(v.clone());
                }
            }
        }
        Segment::Index(index)
    }
}

enum Segment {
    Key(String),
    Id(String),
    Index(usize),
}

/// The parsed shape of one YAML file, queried once per diagnostic of that file.
pub struct NodePaths {
    root: Option<Node>,
}

fn at(m: &serde_saphyr::granit_parser::Marker) -> At {
    (
        u32::try_from(m.line()).unwrap_or(u32::MAX),
        u32::try_from(m.col().saturating_add(1)).unwrap_or(u32::MAX),
    )
}

enum Frame {
    Seq(At, Vec<Node>),
    Map(At, Vec<(Node, Node)>, Option<Node>),
}

impl NodePaths {
    /// Reads the first document of `text`. A file that stops parsing half-way keeps the
    /// nodes read so far, so a syntax error's neighbours still get a path.
    pub fn new(text: &str) -> Self {
        let mut stack: Vec<Frame> = Vec::new();
        let mut root = None;
        let mut last: At = (1, 1);
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            let (start, end) = (at(&span.start), at(&span.end));
            last = end;
            let done = match event {
                Event::Scalar(value, ..) => Some(Node {
                    start,
                    end,
                    kind: Kind::Scalar(value.into_owned()),
                }),
                Event::Alias(_) => Some(scalar_at(&span)),
                Event::SequenceStart(..) => {
                    stack.push(Frame::Seq(start, Vec::new()));
                    None
                }
                Event::MappingStart(..) => {
                    stack.push(Frame::Map(start, Vec::new(), None));
                    None
                }
                Event::SequenceEnd | Event::MappingEnd => stack.pop().map(|f| close(f, end)),
                Event::DocumentEnd => break,
                _ => None,
            };
            if let Some(node) = done {
                attach(&mut stack, &mut root, node);
            }
            if root.is_some() {
                break;
            }
        }
        while let Some(frame) = stack.pop() {
            let node = close(frame, last);
            attach(&mut stack, &mut root, node);
        }
        NodePaths { root }
    }

    /// The path of the innermost node at `pos`: the node that starts there, else the
    /// innermost one that spans it; empty for the document itself or a position outside it.
    pub fn at(&self, pos: Pos) -> String {
        let mut path = Vec::new();
        if let Some(root) = &self.root {
            locate(root, (pos.line, pos.col), &mut path);
        }
        render(&path)
    }
}

fn scalar_at(span: &Span) -> Node {
    Node {
        start: at(&span.start),
        end: at(&span.end),
        kind: Kind::Scalar(String::new()),
    }
}

fn close(frame: Frame, end: At) -> Node {
    match frame {
        Frame::Seq(start, items) => Node {
            start,
            end,
            kind: Kind::Seq(items),
        },
        Frame::Map(start, mut entries, key) => {
            // A key whose value never came (a file cut short): keep it so it has a path.
            if let Some(k) = key {
                let v = Node {
                    start: k.end,
                    end: k.end,
                    kind: Kind::Scalar(String::new()),
                };
                entries.push((k, v));
            }
            Node {
                start,
                end,
                kind: Kind::Map(entries),
            }
        }
    }
}

fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Frame::Seq(_, items)) => items.push(node),
        Some(Frame::Map(_, entries, key)) => match key.take() {
            None => *key = Some(node),
            Some(k) => entries.push((k, node)),
        },
    }
}

/// Walks down from `node` (which covers `at`); the outermost node starting exactly at `at`
/// wins, since that is the node a positioned value was read from.
fn locate(node: &Node, at: At, path: &mut Vec<Segment>) {
    if node.start == at {
        return;
    }
    match &node.kind {
        Kind::Scalar(_) => {}
        Kind::Map(entries) => {
            for (k, v) in entries {
                let name = match &k.kind {
                    Kind::Scalar(s) => s.clone(),
                    _ => "?".to_string(),
                };
                if k.covers(at) {
                    path.push(Segment::Key(name));
                    return;
                }
                if v.covers(at) {
                    path.push(Segment::Key(name));
                    locate(v, at, path);
                    return;
                }
            }
        }
        Kind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.covers(at) {
                    path.push(item.item_name(i));
                    locate(item, at, path);
                    return;
                }
            }
        }
    }
}

/// Keys are written bare when they are plain words, else quoted in brackets.
fn render(path: &[Segment]) -> String {
    let plain = |s: &str| {
        !s.is_empty()
            && !s
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '.' | '[' | ']' | '"'))
    };
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""));
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) if plain(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Key(k) => out.push_str(&format!("[{}]", quoted(k))),
            Segment::Id(id) if plain(id) => out.push_str(&format!("[{id}]")),
            Segment::Id(id) => out.push_str(&format!("[{}]", quoted(id))),
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "\
case: X-1
client:
  name: 赣云
  scope: 数据处理
audits:
  - id: S1
    team:
      - { person: li, role: leader }
  - id: S2
    team:
      - person: wang
        role: leader
      - person: zhao
        role: member
tags: [a, b]
\"odd.key\": 1
";

    fn path(line: u32, col: u32) -> String {
        NodePaths::new(CASE).at(Pos::new(line, col))
    }

    #[test]
    fn values_keys_and_items_have_paths() {
        assert_eq!(path(1, 7), "case");
        assert_eq!(path(4, 10), "client.scope");
        assert_eq!(path(4, 3), "client.scope");
        // A mapping starts where its first key does; the mapping is the node meant.
        assert_eq!(path(3, 3), "client");
        assert_eq!(path(13, 17), "audits[S2].team[1].person");
        assert_eq!(path(14, 15), "audits[S2].team[1].role");
        assert_eq!(path(8, 19), "audits[S1].team[0].person");
        assert_eq!(path(15, 11), "tags[1]");
        assert_eq!(path(16, 12), "[\"odd.key\"]");
    }

    #[test]
    fn inside_a_value_is_that_value() {
        assert_eq!(path(4, 12), "client.scope");
    }

    #[test]
    fn the_path_survives_lines_inserted_above() {
        let moved = CASE.replace("audits:\n", "# new\n\naudits:\n");
        assert_eq!(
            NodePaths::new(&moved).at(Pos::new(15, 17)),
            "audits[S2].team[1].person"
        );
    }

    #[test]
    fn a_broken_file_keeps_what_was_read() {
        let text = "client:\n  name: a\n  scope: [x\n";
        assert_eq!(NodePaths::new(text).at(Pos::new(2, 9)), "client.name");
        assert_eq!(NodePaths::new("").at(Pos::new(1, 1)), "");
    }
}
