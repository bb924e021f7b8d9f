//! What a record says, independent of how it looks: every value of the case, body and
//! scheme files that the record shows, by its path in the file (`audits[S2].start`,
//! `body:staff[li-si].name`). A restyled template or a new certdoc never changes it; a
//! field the record does not show never changes it.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256};

use crate::diag::node_path::NodePaths;
use crate::source::Pos;

/// Which file a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Src {
    Case,
    Body,
    Scheme,
}

/// One value a record shows, where it is, and its canonical text (the value as the data
/// says it, not as the form prints it).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub src: Src,
    pub pos: Pos,
    pub value: String,
}

/// A record's fields: path → the value when short, else `#` and a digest.
pub type Fields = BTreeMap<String, String>;

/// Values up to this many characters are kept in the lock as they are, so a change can be
/// shown as old → new; longer ones as a digest.
const SHORT: usize = 40;

/// How a value is kept in the lock.
pub fn encode(value: &str) -> String {
    if value.chars().count() <= SHORT && !value.contains(['\n', '\r']) && !value.starts_with('#') {
        value.to_string()
    } else {
        format!("#{}", &hex(&Sha256::digest(value.as_bytes()))[..32])
    }
}

/// The value itself, when the lock kept it.
pub fn decode(kept: &str) -> Option<&str> {
    (!kept.starts_with('#')).then_some(kept)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The parsed files a record's facts point into, for their paths.
pub struct Files<'a> {
    pub case: &'a NodePaths,
    pub body: &'a NodePaths,
    pub scheme: &'a NodePaths,
}

/// Resolves fact positions to paths, remembering each (one case's records share most of
/// their facts).
pub struct Resolver<'a> {
    files: Files<'a>,
    seen: HashMap<(Src, Pos), String>,
}

impl<'a> Resolver<'a> {
    pub fn new(files: Files<'a>) -> Self {
        Resolver {
            files,
            seen: HashMap::new(),
        }
    }

    fn path(&mut self, src: Src, pos: Pos) -> String {
        if let Some(p) = self.seen.get(&(src, pos)) {
            return p.clone();
        }
        let p = match src {
            Src::Case => self.files.case.at(pos),
            Src::Body => format!("body:{}", self.files.body.at(pos)),
            Src::Scheme => format!("scheme:{}", self.files.scheme.at(pos)),
        };
        self.seen.insert((src, pos), p.clone());
        p
    }

    /// A record's fields from the facts it noted.
    pub fn fields(&mut self, facts: &[Fact]) -> Fields {
        let mut out = Fields::new();
        for f in facts {
            let path = self.path(f.src, f.pos);
            out.insert(path, encode(&f.value));
        }
        out
    }
}

/// The fingerprint of a record's fields.
pub fn fingerprint(fields: &Fields) -> String {
    let mut h = Sha256::new();
    for (path, value) in fields {
        h.update(path.as_bytes());
        h.update(b"\t");
        h.update(value.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// One field that differs between an issued revision and the data now.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    /// `client.scope: "a" → "b"`, or only the path when the values are long or absent.
    pub fn describe(&self) -> String {
        let show = |v: &Option<String>| v.as_deref().and_then(decode).map(|s| format!("\"{s}\""));
        match (&self.old, &self.new) {
            (None, Some(_)) => format!("{} (added)", self.path),
            (Some(_), None) => format!("{} (removed)", self.path),
            _ => match (show(&self.old), show(&self.new)) {
                (Some(o), Some(n)) => format!("{}: {o} → {n}", self.path),
                _ => self.path.clone(),
            },
        }
    }
}

/// The fields that differ. When the revision was issued on another form version, a field
/// only one side has is the form's doing (a new version shows more or less), not a change
/// of data, and is left out.
pub fn changes(issued: &Fields, now: &Fields, same_form: bool) -> Vec<Change> {
    let mut out = Vec::new();
    for (path, old) in issued {
        match now.get(path) {
            Some(new) if new == old => {}
            Some(new) => out.push(Change {
                path: path.clone(),
                old: Some(old.clone()),
                new: Some(new.clone()),
            }),
            None if same_form => out.push(Change {
                path: path.clone(),
                old: Some(old.clone()),
                new: None,
            }),
            None => {}
        }
    }
    if same_form {
        for (path, new) in now {
            if !issued.contains_key(path) {
                out.push(Change {
                    path: path.clone(),
                    old: None,
                    new: Some(new.clone()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), encode(v)))
            .collect()
    }

    #[test]
    fn short_values_are_kept_and_long_ones_digested() {
        assert_eq!(encode("2026-03-18"), "2026-03-18");
        assert!(encode(&"长".repeat(41)).starts_with('#'));
        assert!(encode("#tag").starts_with('#'));
        assert_eq!(decode(&encode("a\nb")), None);
    }

    #[test]
    fn a_changed_field_changes_the_fingerprint_and_is_named() {
        let a = fields(&[
            ("client.scope", "云服务"),
            ("audits[S2].start", "2026-03-18"),
        ]);
        let b = fields(&[
            ("client.scope", "云计算服务"),
            ("audits[S2].start", "2026-03-18"),
        ]);
        assert_ne!(fingerprint(&a), fingerprint(&b));
        let c = changes(&a, &b, true);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].describe(), "client.scope: \"云服务\" → \"云计算服务\"");
    }

    #[test]
    fn a_new_form_version_showing_more_is_not_a_change_of_data() {
        let a = fields(&[("client.scope", "x")]);
        let b = fields(&[("client.scope", "x"), ("client.name_en", "X Ltd")]);
        assert!(changes(&a, &b, false).is_empty());
        assert_eq!(changes(&a, &b, true).len(), 1);
    }
}
