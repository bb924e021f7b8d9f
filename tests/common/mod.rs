//! A project of its own for the rule fixtures: the repository's rules and templates, no
//! `cases/`, and `tests/fixtures/` copied in at the same relative path. A fixture is a
//! bundled case with one edit, under the bundled case's number; checked inside the
//! repository it would clash with the bundled case, since certdoc always checks a named
//! file against the whole project.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture project's root, made once per test binary.
pub fn fixture_root() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        for sub in ["rules", "templates", "tests/fixtures"] {
            copy_tree(&repo().join(sub), &dir.path().join(sub));
        }
        dir
    })
    .path()
}

/// Copy a folder. Font files are hard-linked where the file system allows (40 MB that no
/// test writes); everything else is copied, since a test that edits its copy of a rules
/// file through a hard link would edit the repository's.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("a readable tree");
        let target = to.join(e.path().strip_prefix(from).expect("under the tree"));
        let font = e
            .path()
            .extension()
            .is_some_and(|x| x == "ttf" || x == "otf");
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else if !(font && std::fs::hard_link(e.path(), &target).is_ok()) {
            std::fs::copy(e.path(), &target).expect("a copy");
        }
    }
}

/// A project with the repository's rules and templates and the given case files under
/// `cases/` (name, text).
pub fn project_with(cases: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in ["rules", "templates"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    for (name, text) in cases {
        let path = dir.path().join("cases").join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("cases/");
        std::fs::write(path, text).expect("written");
    }
    dir
}

/// The binary run in `dir`, without colour.
pub fn certdoc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_certdoc"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
