//! A full rebuild spread over a CI matrix: `build --shard I/N` builds the cases whose case
//! number hashes to shard I and writes its part of the index to `index.d/`; `certdoc index`
//! joins the parts, after checking that every case was built by exactly one shard.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Entry;
use crate::error::{Error, Result};

/// Shard `index` (1-based) of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: u32,
    pub of: u32,
}

impl Shard {
    /// `I/N`, as a CI matrix writes it.
    pub fn parse(s: &str) -> std::result::Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard: write I/N, with 1 ≤ I ≤ N ≤ 1000 (e.g. 2/4)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = i.trim().parse().map_err(|_| bad())?;
        let of: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > of || of > 1000 {
            return Err(bad());
        }
        Ok(Shard { index, of })
    }

    /// Whether case `number` belongs to this shard. The shard follows from the case number
    /// alone, so adding a case never moves another one.
    pub fn has(self, number: &str) -> bool {
        of(number, self.of) == self.index
    }

    fn file_name(self) -> String {
        format!("shard-{}-of-{}.json", self.index, self.of)
    }
}

/// The shard (1-based) of case `number` among `n`.
pub fn of(number: &str, n: u32) -> u32 {
    let digest = super::sha256(number.as_bytes());
    let head = u64::from_str_radix(&digest[..16], 16).unwrap_or(0);
    (head % u64::from(n.max(1))) as u32 + 1
}

/// A shard's part of the index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Part {
    pub shard: Shard,
    /// Every case of the shard, built or not.
    pub cases: Vec<String>,
    /// The cases not built (errors in their data).
    pub skipped: Vec<String>,
    pub records: Vec<Entry>,
}

/// The folder of the parts, under the output folder.
pub const PARTS: &str = "index.d";

pub fn write_part(out: &Path, part: &Part) -> Result<()> {
    let path = out.join(PARTS).join(part.shard.file_name());
    let mut text = serde_json::to_string_pretty(part)
        .map_err(|e| Error::io(&path, std::io::Error::other(e)))?;
    text.push('\n');
    super::write_atomic(&path, text.as_bytes())
}

/// The parts' records, once each part is there exactly once and every case of `cases` was
/// built by exactly one shard, the one its number hashes to; else what is wrong.
pub fn join(out: &Path, cases: &BTreeSet<String>) -> Result<Vec<Entry>, Vec<String>> {
    let dir = out.join(PARTS);
    let mut parts = Vec::new();
    let mut problems = Vec::new();
    let Ok(listing) = std::fs::read_dir(&dir) else {
        return Err(vec![format!(
            "{} holds no parts: run `certdoc build --shard I/N` for every I first",
            dir.display()
        )]);
    };
    let mut names: Vec<_> = listing.flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let part = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<Part>(&t).map_err(|e| e.to_string()));
        match part {
            Ok(p) => parts.push(p),
            Err(e) => problems.push(format!("{}: not a part of the index: {e}", path.display())),
        }
    }
    let counts: BTreeSet<u32> = parts.iter().map(|p| p.shard.of).collect();
    if counts.len() > 1 {
        problems.push(format!(
            "the parts come from builds with different shard counts ({counts:?}): rebuild them \
             with one N"
        ));
    }
    let n = counts.iter().next().copied().unwrap_or(0);
    let have: BTreeSet<u32> = parts.iter().map(|p| p.shard.index).collect();
    for i in 1..=n {
        if !have.contains(&i) {
            problems.push(format!(
                "shard {i}/{n} is missing: its records were not built"
            ));
        }
    }
    let mut built_by: BTreeMap<&str, Vec<Shard>> = BTreeMap::new();
    for p in &parts {
        for c in &p.cases {
            built_by.entry(c).or_default().push(p.shard);
            if of(c, p.shard.of) != p.shard.index {
                problems.push(format!(
                    "case {c} was built by shard {}/{}, but belongs to shard {}",
                    p.shard.index,
                    p.shard.of,
                    of(c, p.shard.of)
                ));
            }
        }
    }
    for (case, shards) in &built_by {
        if shards.len() > 1 {
            problems.push(format!("case {case} was built {} times", shards.len()));
        }
        if !cases.contains(*case) {
            problems.push(format!("case {case} is in a part but not in the project"));
        }
    }
    for case in cases {
        if n > 0 && !built_by.contains_key(case.as_str()) {
            problems.push(format!(
                "case {case} is in no part (shard {} of {n} should have built it)",
                of(case, n)
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(parts.into_iter().flat_map(|p| p.records).collect())
}

/// Remove the parts once joined: the output is then what an unsharded build writes.
pub fn remove_parts(out: &Path) -> Result<()> {
    let dir = out.join(PARTS);
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(dir, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Shard, of};

    #[test]
    fn shards_parse_and_spread_cases_stably() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, of: 4 }));
        for bad in ["0/4", "5/4", "4", "a/b", "1/0", "1/1001"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        let counts = (0..400).fold([0; 4], |mut c, i| {
            c[of(&format!("TB-CMS-2026-{i:03}"), 4) as usize - 1] += 1;
            c
        });
        assert!(counts.iter().all(|&c| c > 60), "{counts:?}");
        assert_eq!(of("TB-PIC-2026-003", 4), of("TB-PIC-2026-003", 4));
    }
}
