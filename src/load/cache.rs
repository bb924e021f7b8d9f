//! A cache of parsed case files, like ruff's: parsing YAML with positions is nearly all of
//! a check's time, and most files do not change between runs. An entry is keyed by the
//! SHA-256 of certdoc's version and the file's text, so an edited file or a new certdoc
//! simply misses; an unreadable entry is a miss too. Entries are written atomically under
//! `.certdoc-cache/` at the project root, which ignores itself in git.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::case::Case;
use crate::source::reading_cache;

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache {
            dir: root.join(".certdoc-cache").join("cases"),
        }
    }

    fn entry(&self, text: &str) -> PathBuf {
        let mut h = Sha256::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        let key: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(&key[..2]).join(format!("{}.json", &key[2..]))
    }

    /// The case parsed from exactly this text by this version of certdoc, if cached.
    pub fn get(&self, text: &str) -> Option<Case> {
        let bytes = std::fs::read(self.entry(text)).ok()?;
        reading_cache(|| serde_json::from_slice(&bytes).ok())
    }

    /// Remember a parsed case. Failing to write the cache never fails a check.
    pub fn put(&self, text: &str, case: &Case) {
        let Ok(json) = serde_json::to_vec(case) else {
            return;
        };
        let root = self.dir.parent().unwrap_or(&self.dir);
        if !root.exists() {
            let _ = std::fs::create_dir_all(root);
            let _ = std::fs::write(root.join(".gitignore"), "# written by certdoc\n*\n");
        }
        let _ = crate::atomic::write_unsynced(&self.entry(text), &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_case_is_the_parsed_case_with_every_position()
    -> Result<(), Box<dyn std::error::Error>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("cases/2026/TB-PIC-2026-003.yaml"))?;
        let parsed: Case = crate::load::yaml::parse(&text).map_err(|e| e.message)?;
        let dir = tempfile::tempdir()?;
        let cache = Cache::new(dir.path());
        assert!(cache.get(&text).is_none());
        cache.put(&text, &parsed);
        let cached = cache.get(&text).ok_or("a cache hit")?;
        // Same values and positions everywhere: compare the cache format of both.
        assert_eq!(
            serde_json::to_string(&cached)?,
            serde_json::to_string(&parsed)?
        );
        assert_eq!(cached.client.credit_code.pos, parsed.client.credit_code.pos);
        assert!(parsed.client.credit_code.pos.line > 1);
        // A changed text misses.
        assert!(cache.get(&text.replace("刘敏", "刘敏敏")).is_none());
        assert!(dir.path().join(".certdoc-cache/.gitignore").is_file());
        Ok(())
    }
}
