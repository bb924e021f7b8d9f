//! Source positions. Every value read from a user's file keeps where it came from, so a
//! diagnostic can point at the exact node: line and column are 1-based and count characters.

use std::cmp::Ordering;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A position in a source file: 1-based line, 1-based column in characters, and the
/// node's length in characters (0 when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub len: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Self {
        Self { line, col, len: 0 }
    }

    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A value with the position of the YAML node it was read from.
///
/// It wraps serde-saphyr's `Spanned` so that the rest of the crate depends on one small
/// type, and so that JSON Schema generation sees through it.
#[derive(Debug, Clone)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Self { value, pos }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for At<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<T: Eq> Eq for At<T> {}
impl<T: PartialOrd> PartialOrd for At<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.value.partial_cmp(&other.value)
    }
}
impl<T: Ord> Ord for At<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: fmt::Display> fmt::Display for At<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

thread_local! {
    /// Set while reading the parse cache, where an `At` is stored as `[value, line, col, len]`.
    static CACHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Deserialize positioned values from the parse cache's format (see `load::cache`) while
/// `f` runs on this thread.
pub fn reading_cache<R>(f: impl FnOnce() -> R) -> R {
    CACHED.with(|c| c.set(true));
    let r = f();
    CACHED.with(|c| c.set(false));
    r
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.value, self.pos.line, self.pos.col, self.pos.len).serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if CACHED.with(std::cell::Cell::get) {
            let (value, line, col, len) = <(T, u32, u32, u32)>::deserialize(deserializer)?;
            return Ok(At {
                value,
                pos: Pos { line, col, len },
            });
        }
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let loc = spanned.referenced;
        let pos = Pos {
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
            col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
            len: u32::try_from(loc.span().len()).unwrap_or(0),
        };
        Ok(At {
            value: spanned.value,
            pos,
        })
    }
}

impl<T: JsonSchema> JsonSchema for At<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// Line starts of a text, to turn a line and character column into a byte offset.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line<'a>(&self, text: &'a str, line: u32) -> Option<&'a str> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
        let s = text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// A 1-based line and character column for a byte offset (used for UTF-8 errors).
pub fn pos_of_byte(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
        len: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_positions_count_characters() {
        let mut text = "a: 1\nname: 赣云".as_bytes().to_vec();
        text.push(0xff);
        let p = pos_of_byte(&text, text.len() - 1);
        assert_eq!((p.line, p.col), (2, 9));
    }

    #[test]
    fn lines_are_found() {
        let t = "one\r\ntwo\nthree";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line(t, 1), Some("one"));
        assert_eq!(idx.line(t, 3), Some("three"));
        assert_eq!(idx.line(t, 4), None);
        assert_eq!(idx.line(t, 0), None);
    }
}
