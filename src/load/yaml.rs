//! The one place YAML is parsed: strict options, and errors turned into positions.

use serde::de::DeserializeOwned;
use serde_saphyr::{DuplicateKeyPolicy, Options};

use crate::source::Pos;

#[derive(Debug, Clone)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
}

fn options() -> Options {
    let mut o = Options::default();
    // `no` and `off` stay strings; only true/false are booleans.
    o.strict_booleans = true;
    o.duplicate_keys = DuplicateKeyPolicy::Error;
    // Anchors are legitimate (a team reused across audits) but an alias bomb must stop
    // early: a real case replays a few hundred events at most.
    o.alias_limits.max_total_replayed_events = 50_000;
    o.alias_limits.max_replay_stack_depth = 16;
    o.legacy_octal_numbers = false;
    o
}

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.trim().is_empty() {
        return Err(YamlError {
            pos: Pos::new(1, 1),
            message: "the file is empty".into(),
        });
    }
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos {
                line: u32::try_from(l.line()).unwrap_or(u32::MAX).max(1),
                col: u32::try_from(l.column()).unwrap_or(u32::MAX).max(1),
                len: u32::try_from(l.span().len()).unwrap_or(0),
            })
            .unwrap_or(Pos::new(1, 1));
        let message = clean_message(&e.without_snippet().to_string());
        match message.strip_prefix("missing field ") {
            Some(field) => missing_field(text, pos, field),
            None => YamlError { pos, message },
        }
    })
}

/// serde reports a missing field where the mapping ended. Point instead at the mapping's
/// parent node (the key or list item that owns it) and name it.
fn missing_field(text: &str, pos: Pos, field: &str) -> YamlError {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let at = usize::try_from(pos.line).unwrap_or(1).saturating_sub(1);
    let own = lines.get(at).map_or(0, |l| indent(l));
    let parent = (0..at).rev().find(|&i| {
        let l = lines[i];
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#') && indent(l) < own
    });
    let Some(i) = parent else {
        return YamlError {
            pos: Pos::new(1, 1),
            message: format!("the case is missing the required field {field}"),
        };
    };
    let line = lines[i];
    let t = line.trim_start();
    let col = line[..indent(line)].chars().count() + 1;
    let (what, len) = if let Some(rest) = t.strip_prefix("- ") {
        let key = rest.split(':').next().unwrap_or("").trim();
        let value = rest.split_once(':').map_or("", |(_, v)| v.trim());
        let value = value.split(" #").next().unwrap_or("").trim();
        let label = if key == "id" && !value.is_empty() {
            format!("the list item `{value}`")
        } else {
            "this list item".to_string()
        };
        (label, 1)
    } else {
        let key = t.split(':').next().unwrap_or("").trim();
        (format!("`{key}`"), key.chars().count())
    };
    YamlError {
        pos: Pos {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(1),
            len: u32::try_from(len).unwrap_or(1),
        },
        message: format!("{what} is missing the required field {field}"),
    }
}

/// serde-saphyr appends "at line X column Y" to its messages; the position is reported
/// separately, so drop it.
fn clean_message(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg).trim();
    let cut = first
        .rfind(" at line ")
        .map_or(first, |i| &first[..i])
        .trim_end_matches([',', ':', ' ']);
    if let Some(rest) = cut.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest);
        return format!(
            "the key `{key}` appears twice in this mapping; YAML keeps only one, so remove the other"
        );
    }
    if cut.starts_with("invalid boolean") {
        return "not a boolean: write true or false (yes/no/on/off are not accepted)".into();
    }
    if cut == "invalid floating point" || cut.starts_with("invalid integer") {
        return format!("{cut}: a number is expected here");
    }
    cut.to_string()
}
