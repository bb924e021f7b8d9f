//! Stage 1: read the rule definitions and the case files into typed, positioned models.

pub mod body;
pub mod cache;
pub mod calendar;
pub mod case;
pub mod date;
mod de;
pub mod formats;
pub mod numbering;
pub mod scheme;
pub mod tree;
pub mod validate;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    let relative = |path: PathBuf| {
        path.strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or(path)
    };
    load_rules_in(root).map_err(|e| match e {
        Error::Rules { path, pos, message } => Error::Rules {
            path: relative(path),
            pos,
            message,
        },
        Error::RulesFile { path, problems } => Error::RulesFile {
            path: relative(path),
            problems,
        },
        other => other,
    })
}

fn load_rules_in(root: &Path) -> Result<Rules> {
    let rules = root.join("rules");
    let schemes = load_dir::<Scheme>(&rules.join("schemes"), |s| &s.id, scheme::problems)?;
    let bodies = load_dir::<Body>(&rules.join("bodies"), |b| &b.id, body::problems)?;
    let cal_path = rules.join("calendar.yaml");
    let calendar = if cal_path.exists() {
        load_rule_file::<Calendar>(&cal_path, |_| Vec::new())?
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
fn load_dir<T: yaml::Model>(
    dir: &Path,
    id: impl Fn(&T) -> &case::Text,
    check: impl Fn(&T) -> Vec<tree::Problem>,
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
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let value = load_rule_file::<T>(&path, |v| {
            let mut problems = check(v);
            let own = id(v);
            if own.value != stem {
                problems.push(tree::Problem::new(
                    own.pos,
                    format!(
                        "the file's `id` is `{}`; it must match the file's name `{stem}`",
                        own.value
                    ),
                ));
            }
            problems
        })?;
        out.insert(stem, value);
    }
    Ok(out)
}

/// Read one rules file; every problem of it (syntax, schema, and what `check` finds in the
/// model) fails the load, since a check run on wrong rules would be wrong everywhere.
fn load_rule_file<T: yaml::Model>(
    path: &Path,
    check: impl Fn(&T) -> Vec<tree::Problem>,
) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Rules {
        path: path.to_path_buf(),
        pos: pos_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
        message: "the file is not valid UTF-8; save it as UTF-8".into(),
    })?;
    let fail = |problems: Vec<(Pos, String)>| Error::RulesFile {
        path: path.to_path_buf(),
        problems,
    };
    let value = yaml::parse_all::<T>(text.trim_start_matches('\u{feff}'))
        .map_err(|errors| fail(errors.into_iter().map(|e| (e.pos, e.message)).collect()))?;
    let mut problems = check(&value);
    if problems.is_empty() {
        return Ok(value);
    }
    problems.sort_by_key(|p| (p.pos.line, p.pos.col));
    Err(fail(
        problems.into_iter().map(|p| (p.pos, p.message)).collect(),
    ))
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

/// Read and parse one case file. A file that cannot be read or does not fit the schema
/// yields one `schema` diagnostic per problem, each at its node; the caller goes on with
/// the others.
pub fn load_case(
    root: &Path,
    path: &Path,
    cache: Option<&cache::Cache>,
) -> Result<(CaseFile, Vec<Diagnostic>)> {
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
            return Ok((CaseFile { source, case: None }, vec![d]));
        }
    };
    let body = text.trim_start_matches('\u{feff}');
    let parsed = match cache.and_then(|c| c.get(body)) {
        Some(case) => Ok(case),
        None => {
            let parsed = yaml::parse_all::<Case>(body);
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
            Vec::new(),
        ),
        Err(errors) => (
            CaseFile { source, case: None },
            errors
                .into_iter()
                .map(|e| schema_diag(e.pos, e.message))
                .collect(),
        ),
    })
}
