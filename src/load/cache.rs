//! A cache of parsed case files, like ruff's: parsing YAML with positions is nearly all of
//! a check's time, and most files do not change between runs. An entry is keyed by the
//! SHA-256 of certdoc's version, a digest of the loader's source (`build.rs`) and the
//! file's text, so an edited file or another loader simply misses; an unreadable entry is a miss too. Entries are written atomically under
//! `.certdoc-cache/` at the project root, which ignores itself in git.
//!
//! An entry starts with the SHA-256 of the rest of it, so an entry edited or damaged on
//! disk is a miss, never a case that no YAML file says. Every run loads the whole project,
//! so the entries it did not use belong to no current file and are pruned.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::case::Case;
use crate::source::reading_cache;

pub struct Cache {
    dir: PathBuf,
    /// Entries read or written by this run.
    used: Mutex<HashSet<PathBuf>>,
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache {
            dir: root.join(".certdoc-cache").join("cases"),
            used: Mutex::new(HashSet::new()),
        }
    }

    fn mark(&self, entry: &Path) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(entry.to_path_buf());
        }
    }

    fn entry(&self, text: &str) -> PathBuf {
        let mut h = Sha256::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update([0]);
        h.update(env!("CERTDOC_LOADER_DIGEST").as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        let key = hex(&h.finalize());
        self.dir.join(&key[..2]).join(format!("{}.json", &key[2..]))
    }

    /// The case parsed from exactly this text by this version of certdoc, if cached.
    pub fn get(&self, text: &str) -> Option<Case> {
        let entry = self.entry(text);
        let bytes = std::fs::read(&entry).ok()?;
        let (digest, payload) = bytes.split_at_checked(65)?;
        if digest[..64] != *hex(&Sha256::digest(payload)).as_bytes() || digest[64] != b'\n' {
            return None;
        }
        let case = reading_cache(|| serde_json::from_slice(payload).ok())?;
        self.mark(&entry);
        Some(case)
    }

    /// Remember a parsed case. Failing to write the cache never fails a check.
    pub fn put(&self, text: &str, case: &Case) {
        let Ok(json) = serde_json::to_vec(case) else {
            return;
        };
        let mut bytes = hex(&Sha256::digest(&json)).into_bytes();
        bytes.push(b'\n');
        bytes.extend_from_slice(&json);
        let root = self.dir.parent().unwrap_or(&self.dir);
        if !root.exists() {
            let _ = std::fs::create_dir_all(root);
            let _ = std::fs::write(root.join(".gitignore"), "# written by certdoc\n*\n");
        }
        let entry = self.entry(text);
        if crate::atomic::write_unsynced(&entry, &bytes).is_ok() {
            self.mark(&entry);
        }
    }

    /// Remove every entry this run did not use. Call it only after loading every case of
    /// the project; failing to remove an entry never fails a check.
    pub fn prune(&self) {
        let Ok(used) = self.used.lock() else {
            return;
        };
        for entry in walkdir::WalkDir::new(&self.dir).into_iter().flatten() {
            let path = entry.path();
            if entry.file_type().is_file() && !used.contains(path) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled example's text and its parse.
    fn example() -> Result<(String, Case), Box<dyn std::error::Error>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("cases/2026/TB-PIC-2026-003.yaml"))?;
        let parsed: Case = crate::load::yaml::parse(&text).map_err(|e| e.message)?;
        Ok((text, parsed))
    }

    #[test]
    fn a_cached_case_is_the_parsed_case_with_every_position()
    -> Result<(), Box<dyn std::error::Error>> {
        let (text, parsed) = example()?;
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

    #[test]
    fn a_tampered_entry_is_a_miss_and_unused_entries_are_pruned()
    -> Result<(), Box<dyn std::error::Error>> {
        let (text, parsed) = example()?;
        let dir = tempfile::tempdir()?;
        let cache = Cache::new(dir.path());
        cache.put(&text, &parsed);
        let entry = cache.entry(&text);
        let stored = std::fs::read_to_string(&entry)?;
        // Valid JSON with another client name: the digest no longer matches.
        std::fs::write(
            &entry,
            stored.replacen("赣云数据科技有限公司", "某某公司", 1),
        )?;
        assert!(cache.get(&text).is_none());
        // A new run that uses only another file's entry prunes this one.
        let other = text.replace("刘敏", "刘敏敏");
        let next = Cache::new(dir.path());
        next.put(&other, &parsed);
        next.prune();
        assert!(!entry.exists());
        assert!(next.entry(&other).exists());
        Ok(())
    }
}
