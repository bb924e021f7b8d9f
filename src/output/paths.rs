//! The one way from user data to a path under the output folder. A case number, document
//! number or revision becomes a file name only through [`record_path`], and a relative
//! path becomes a place on disk only through [`under`], which refuses anything that could
//! leave the output folder (empty names, `.`/`..`, separators, a symlinked folder that
//! points elsewhere). The schema already refuses such case numbers; this is the second
//! lock on the same door, because a write outside `output/` must never happen whatever
//! the data says.

use std::path::{Component, Path, PathBuf};

/// Why a name or path was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` cannot be used as a file or folder name under the output folder: {why}")]
pub struct Unsafe {
    pub name: String,
    pub why: &'static str,
}

/// File systems limit a name to 255 bytes; keep room for the revision and extension.
const MAX_COMPONENT_BYTES: usize = 200;

/// A path component from a document number or revision: `/` becomes `-` (revisions are
/// written `A/1`), and the few characters no file system accepts become `_`.
pub fn component(s: &str) -> Result<String, Unsafe> {
    let refuse = |why| Unsafe {
        name: s.to_string(),
        why,
    };
    let mapped: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '/' => '-',
            '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    if mapped.is_empty() {
        return Err(refuse("it is empty"));
    }
    if mapped.starts_with('.') {
        return Err(refuse("it starts with `.`"));
    }
    if mapped.len() > MAX_COMPONENT_BYTES {
        return Err(refuse("it is longer than 200 bytes"));
    }
    Ok(mapped)
}

/// `<case>/<number>_<revision>.pdf`, relative to the output folder.
pub fn record_path(case: &str, number: &str, revision: &str) -> Result<String, Unsafe> {
    Ok(format!(
        "{}/{}_{}.pdf",
        component(case)?,
        component(number)?,
        component(revision)?
    ))
}

/// `out/<rel>`, where `rel` uses `/` and may only name plain components below `out`.
pub fn under(out: &Path, rel: &str) -> Result<PathBuf, Unsafe> {
    let refuse = |why| Unsafe {
        name: rel.to_string(),
        why,
    };
    if rel.is_empty() || rel.contains('\\') || rel.contains('\0') {
        return Err(refuse("it is not a plain relative path"));
    }
    let mut path = out.to_path_buf();
    for part in rel.split('/') {
        let mut comps = Path::new(part).components();
        match (comps.next(), comps.next()) {
            (Some(Component::Normal(c)), None) if !part.starts_with('.') => path.push(c),
            _ => return Err(refuse("it leaves the output folder or names a hidden file")),
        }
    }
    Ok(path)
}

/// Whether `path`'s folder, as the file system resolves it (symlinks included), is inside
/// `out`. Checked before each write: a folder under `output/` replaced by a link to
/// elsewhere must not carry a record out.
pub fn stays_inside(out: &Path, path: &Path) -> bool {
    let (Ok(out), Some(parent)) = (out.canonicalize(), path.parent()) else {
        return false;
    };
    // The case folder may not exist yet: resolve the nearest folder that does.
    let existing = parent.ancestors().find(|p| p.exists());
    existing
        .and_then(|p| p.canonicalize().ok())
        .is_some_and(|p| p.starts_with(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_leave_the_output_folder_are_refused() {
        for bad in ["", " ", ".", "..", "...", ".hidden"] {
            assert!(component(bad).is_err(), "{bad:?}");
            assert!(record_path(bad, "N", "A/0").is_err(), "{bad:?}");
        }
        assert!(component(&"x".repeat(201)).is_err());
        assert_eq!(
            component("../x:y"),
            Err(Unsafe {
                name: "../x:y".into(),
                why: "it starts with `.`"
            })
        );
        assert_eq!(component("a/b:c"), Ok("a-b_c".to_string()));
        assert_eq!(
            record_path("TB-PIC-2026-003", "TB-PIC-2026-003-PL-S2", "A/1"),
            Ok("TB-PIC-2026-003/TB-PIC-2026-003-PL-S2_A-1.pdf".to_string())
        );
    }

    #[test]
    fn only_plain_relative_paths_stay_under_the_output_folder() {
        let out = Path::new("/srv/out");
        assert_eq!(under(out, "c/a.pdf"), Ok(PathBuf::from("/srv/out/c/a.pdf")));
        for bad in [
            "",
            "/etc/passwd",
            "../x.pdf",
            "c/../../x.pdf",
            "c//a.pdf",
            "./a.pdf",
            "c/.a.pdf",
            "c\\..\\a.pdf",
            "a\0b",
        ] {
            assert!(under(out, bad).is_err(), "{bad:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_pointing_elsewhere_is_outside() -> Result<(), Box<dyn std::error::Error>> {
        let out = tempfile::tempdir()?;
        let elsewhere = tempfile::tempdir()?;
        std::os::unix::fs::symlink(elsewhere.path(), out.path().join("c"))?;
        assert!(!stays_inside(out.path(), &out.path().join("c/a.pdf")));
        assert!(stays_inside(out.path(), &out.path().join("d/a.pdf")));
        Ok(())
    }
}
