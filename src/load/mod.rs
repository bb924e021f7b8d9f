//! Stage 1: read the rule definitions and the case files into typed, positioned models.

pub mod body;
pub mod cache;
pub mod calendar;
pub mod case;
pub mod date;
pub mod numbering;
pub mod scheme;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Severity, SourceText};
use crate::error::{Error, Result};
use crate::source::{Pos, pos_of_byte};
pub use body::Body;
pub use calendar::Calendar;
pub use case::Case;
pub use date::Date;
pub use scheme::Scheme;

/// The rule definitions of a project: schemes, bodies and the working-day calendar.
#[derive(Debug, Clone)]
pub struct Rules {
    pub schemes: BTreeMap<String, Scheme>,
    pub bodies: BTreeMap<String, Body>,
    pub calendar: Calendar,
}

/// Walk up from `start` to the first folder holding `rules/`, as cargo finds Cargo.toml.
pub fn find_root(start: &Path) -> Result<PathBuf> {
    let start = start
        .canonicalize()
        .map_err(|e| Error::io(start.to_path_buf(), e))?;
    start
        .ancestors()
        .find(|d| d.join("rules").is_dir())
        .map(Path::to_path_buf)
        .ok_or(Error::NoRoot(start))
}

pub fn load_rules(root: &Path) -> Result<Rules> {
    load_rules_in(root).map_err(|e| match e {
        Error::Rules { path, pos, message } => Error::Rules {
            path: path
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(path),
            pos,
            message,
        },
        other => other,
    })
}

fn load_rules_in(root: &Path) -> Result<Rules> {
    let rules = root.join("rules");
    let schemes = load_dir::<Scheme>(&rules.join("schemes"), |s| &s.id.value)?;
    let bodies = load_dir::<Body>(&rules.join("bodies"), |b| &b.id.value)?;
    let cal_path = rules.join("calendar.yaml");
    let calendar = if cal_path.exists() {
        load_rule_file::<Calendar>(&cal_path)?
    } else {
        Calendar::default()
    };
    Ok(Rules {
        schemes,
        bodies,
        calendar,
    })
}

/// Every `*.yaml` of a rules folder, keyed by file stem, which must equal the file's `id`.
fn load_dir<T: DeserializeOwned>(
    dir: &Path,
    id: impl Fn(&T) -> &String,
) -> Result<BTreeMap<String, T>> {
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_yaml(p))
        .collect();
    paths.sort();
    for path in paths {
        let value = load_rule_file::<T>(&path)?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if id(&value) != &stem {
            return Err(Error::Rules {
                path,
                pos: Pos::new(1, 1),
                message: format!(
                    "the file's `id` is `{}`; it must match its name `{stem}`",
                    id(&value)
                ),
            });
        }
        out.insert(stem, value);
    }
    Ok(out)
}

fn load_rule_file<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Rules {
        path: path.to_path_buf(),
        pos: pos_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
        message: "the file is not valid UTF-8".into(),
    })?;
    yaml::parse::<T>(&text).map_err(|e| Error::Rules {
        path: path.to_path_buf(),
        pos: e.pos,
        message: e.message,
    })
}

pub fn is_yaml(p: &Path) -> bool {
    p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// The case files to check: every YAML file under `cases/`, or under the given paths.
pub fn case_paths(root: &Path, paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let roots: Vec<PathBuf> = if paths.is_empty() {
        vec![root.join("cases")]
    } else {
        paths.to_vec()
    };
    let mut out = Vec::new();
    for r in roots {
        if !r.exists() {
            if paths.is_empty() {
                continue;
            }
            return Err(Error::io(
                r,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
        for entry in walkdir::WalkDir::new(&r).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| r.clone());
                Error::io(path, std::io::Error::other(e.to_string()))
            })?;
            if is_yaml(entry.path()) {
                out.push(entry.into_path());
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A case file as read: its text (when readable as UTF-8) and its model (when valid).
#[derive(Debug)]
pub struct CaseFile {
    pub source: SourceText,
    pub case: Option<Case>,
}

/// The path a diagnostic shows: relative to the root, with `/` separators.
pub fn display_path(root: &Path, path: &Path) -> String {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let rel = abs.strip_prefix(root).unwrap_or(&abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Read and parse one case file. A file that cannot be parsed yields a `schema`
/// diagnostic at the place where parsing stopped; the caller goes on with the others.
pub fn load_case(
    root: &Path,
    path: &Path,
    cache: Option<&cache::Cache>,
) -> Result<(CaseFile, Option<Diagnostic>)> {
    let file = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let schema_diag = |pos: Pos, message: String| Diagnostic {
        rule: "schema",
        severity: Severity::Error,
        file: file.clone(),
        pos,
        message,
        citations: vec![],
        related: vec![],
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = pos_of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = schema_diag(
                pos,
                "the file is not valid UTF-8; save it as UTF-8 (GBK and GB 18030 are not accepted)"
                    .into(),
            );
            let source = SourceText {
                path: file.clone(),
                text: lossy.into(),
            };
            return Ok((CaseFile { source, case: None }, Some(d)));
        }
    };
    let body = text.trim_start_matches('\u{feff}');
    let parsed = match cache.and_then(|c| c.get(body)) {
        Some(case) => Ok(case),
        None => {
            let parsed = yaml::parse::<Case>(body);
            if let (Some(c), Ok(case)) = (cache, &parsed) {
                c.put(body, case);
            }
            parsed
        }
    };
    let source = SourceText {
        path: file.clone(),
        text: text.into(),
    };
    Ok(match parsed {
        Ok(case) => (
            CaseFile {
                source,
                case: Some(case),
            },
            None,
        ),
        Err(e) => (
            CaseFile { source, case: None },
            Some(schema_diag(e.pos, e.message)),
        ),
    })
}
