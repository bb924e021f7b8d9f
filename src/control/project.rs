//! What document control needs from the project besides the cases: the shape of each body
//! and scheme file (for field paths), each body's form lock, and the digest of each form's
//! template. Read once per run.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::node_path::NodePaths;
use crate::diag::{Diagnostic, Severity};
use crate::error::Result;
use crate::load::{self, Rules};
use crate::source::Pos;

use super::fingerprint::{Files, Resolver};
use super::lock::{self, FormLock};

pub struct Project {
    /// By rule file (`rules/bodies/tb.yaml`).
    paths: BTreeMap<String, NodePaths>,
    /// By body id; a body without a lock file has none yet.
    pub form_locks: BTreeMap<String, FormLock>,
    /// By form key.
    pub templates: BTreeMap<&'static str, String>,
    /// Form locks that could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

static EMPTY: std::sync::LazyLock<NodePaths> = std::sync::LazyLock::new(|| NodePaths::new(""));

impl Project {
    pub fn load(root: &Path, rules: &Rules) -> Result<Project> {
        let mut paths = BTreeMap::new();
        let files = rules
            .bodies
            .keys()
            .map(|b| load::body_file(b))
            .chain(rules.schemes.keys().map(|s| load::scheme_file(s)));
        for file in files {
            let text = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
            paths.insert(file, NodePaths::new(&text));
        }
        let mut form_locks = BTreeMap::new();
        let mut diagnostics = Vec::new();
        for body in rules.bodies.keys() {
            let path = lock::form_lock_path(root, body);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            match lock::parse::<FormLock>(&text) {
                Ok(l) => {
                    form_locks.insert(body.clone(), l);
                }
                Err(e) => diagnostics.push(Diagnostic {
                    rule: "lock-file",
                    severity: Severity::Error,
                    file: load::display_path(root, &path),
                    pos: Pos {
                        line: e.line,
                        col: e.col,
                        len: 1,
                    },
                    message: format!(
                        "the form lock of body `{body}` cannot be used: {}; restore it from git",
                        e.why
                    ),
                    citations: vec![],
                    related: vec![],
                }),
            }
        }
        let templates = super::templates::digests(&root.join("templates"))?;
        Ok(Project {
            paths,
            form_locks,
            templates,
            diagnostics,
        })
    }

    /// Resolves the facts of a case's records to field paths.
    pub fn resolver<'a>(&'a self, case: &'a NodePaths, body: &str, scheme: &str) -> Resolver<'a> {
        let get = |f: String| self.paths.get(&f).unwrap_or(&EMPTY);
        Resolver::new(Files {
            case,
            body: get(load::body_file(body)),
            scheme: get(load::scheme_file(scheme)),
        })
    }
}
