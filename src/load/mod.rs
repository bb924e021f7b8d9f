//! Stage 1: read the rule definitions and the case files into typed, positioned models.

pub mod body;
pub mod cache;
pub mod calendar;
pub mod case;
pub mod date;
mod de;
pub mod edit;
pub mod form;
pub mod formats;
mod lock_file;
pub mod numbering;
pub mod placeholder;
pub mod scheme;
pub mod skeleton;
pub mod tree;
pub mod validate;
pub mod versions;
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
    let mut schemes = load_dir::<Scheme>(&rules.join("schemes"), |s| &s.id, scheme::problems)?;
    for s in schemes.values_mut() {
        versions::build_variants(s);
    }
    let templates = root.join("templates");
    let bodies = load_dir::<Body>(
        &rules.join("bodies"),
        |b| &b.id,
        |b| body::problems(b, &templates),
    )?;
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

/// Where a body's file is, relative to the root, as diagnostics name it.
pub fn body_file(id: &str) -> String {
    format!("rules/bodies/{id}.yaml")
}

/// Where a scheme's file is, relative to the root, as diagnostics name it.
pub fn scheme_file(id: &str) -> String {
    format!("rules/schemes/{id}.yaml")
}

pub fn is_yaml(p: &Path) -> bool {
    p.is_file() && has_yaml_extension(p)
}

/// `.yaml` or `.yml`, in any letter case (`X.YAML` from a Windows tool is a case file too).
fn has_yaml_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The largest case file certdoc reads: a real case is tens of kilobytes; anything near
/// this is a mistake or an attack, and parsing it would cost seconds and memory.
pub const MAX_CASE_FILE_BYTES: u64 = 1024 * 1024;

pub const CASE_FILE: &str = "case-file";
pub const SIZE_LIMIT: &str = "size-limit";

/// The case files to read, and what was found in their place that cannot be read.
#[derive(Debug, Default)]
pub struct Found {
    pub cases: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The case files to check: every YAML file under `cases/`, or under the given paths.
///
/// Files are read only inside the project (inside a named folder outside it, when the
/// user names one): a link that leads elsewhere, or nowhere, is reported instead of
/// followed, so a case file can never be a way to print `/etc/passwd` into a CI log. A
/// file the user names on the command line is read wherever it is. Pipes, devices and
/// oversized files are reported, never read.
pub fn case_paths(root: &Path, paths: &[PathBuf]) -> Result<Found> {
    let named = !paths.is_empty();
    let roots: Vec<PathBuf> = if named {
        paths.to_vec()
    } else {
        vec![root.join("cases")]
    };
    let mut found = Found::default();
    for r in roots {
        let meta = match std::fs::symlink_metadata(&r) {
            Ok(m) => m,
            Err(_) if !named => continue,
            Err(e) => return Err(Error::io(r, e)),
        };
        if named && !meta.is_dir() {
            // Named on the command line: read it whatever its extension, if it is a file.
            match std::fs::metadata(&r) {
                Ok(m) if m.is_dir() => {}
                Ok(m) => {
                    push_file(root, &r, &m, &mut found);
                    continue;
                }
                Err(e) => return Err(Error::io(r, e)),
            }
        }
        let fence = fence(root, &r);
        let walk = walkdir::WalkDir::new(&r)
            .follow_root_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| r.clone());
                    found.diagnostics.push(file_diag(
                        root,
                        &path,
                        CASE_FILE,
                        format!("this folder cannot be read ({e})"),
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let ft = entry.file_type();
            if ft.is_dir() {
                continue;
            }
            if !has_yaml_extension(path) {
                continue;
            }
            if ft.is_symlink() {
                match std::fs::canonicalize(path) {
                    Err(_) => found.diagnostics.push(file_diag(
                        root,
                        path,
                        CASE_FILE,
                        format!(
                            "this is a link to `{}`, which does not exist; restore the file or remove the link",
                            std::fs::read_link(path)
                                .map(|t| t.display().to_string())
                                .unwrap_or_default()
                        ),
                    )),
                    Ok(target) if !target.starts_with(&fence) => found.diagnostics.push(file_diag(
                        root,
                        path,
                        CASE_FILE,
                        "this is a link to a file outside the project; certdoc reads case files only inside it (name the file on the command line to check it anyway)".into(),
                    )),
                    Ok(target) => match std::fs::metadata(&target) {
                        Ok(m) if m.is_dir() => continue,
                        Ok(m) => push_file(root, path, &m, &mut found),
                        Err(e) => return Err(Error::io(path, e)),
                    },
                }
                continue;
            }
            match entry.metadata() {
                Ok(m) => push_file(root, path, &m, &mut found),
                Err(e) => found.diagnostics.push(file_diag(
                    root,
                    path,
                    CASE_FILE,
                    format!("this file cannot be read ({e})"),
                )),
            }
        }
    }
    found.cases.sort();
    found.cases.dedup();
    if named && found.cases.is_empty() && found.diagnostics.is_empty() {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no case files (.yaml or .yml) in {}",
            list.join(", ")
        )));
    }
    Ok(found)
}

/// The folder links may lead into: the project, or a named folder outside it.
fn fence(root: &Path, walked: &Path) -> PathBuf {
    let walked = walked
        .canonicalize()
        .unwrap_or_else(|_| walked.to_path_buf());
    if walked.starts_with(root) {
        root.to_path_buf()
    } else {
        walked
    }
}

/// A regular file of acceptable size joins the cases; anything else is reported.
fn push_file(root: &Path, path: &Path, meta: &std::fs::Metadata, found: &mut Found) {
    if !meta.is_file() {
        found.diagnostics.push(file_diag(
            root,
            path,
            CASE_FILE,
            "this is not a regular file (a pipe, socket or device); case files are plain text files".into(),
        ));
    } else if meta.len() > MAX_CASE_FILE_BYTES {
        found.diagnostics.push(file_diag(
            root,
            path,
            SIZE_LIMIT,
            format!(
                "this file has {} bytes; a case file may have at most {} (1 MiB): a real case is far smaller, so check what was pasted into it",
                meta.len(),
                MAX_CASE_FILE_BYTES
            ),
        ));
    } else {
        found.cases.push(path.to_path_buf());
    }
}

fn file_diag(root: &Path, path: &Path, rule: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        rule,
        severity: Severity::Error,
        file: display_path(root, path),
        pos: Pos::new(1, 1),
        message,
        citations: vec![],
        related: vec![],
    }
}

/// A case file as read: its text (when readable as UTF-8) and its model (when valid).
#[derive(Debug)]
pub struct CaseFile {
    pub source: SourceText,
    pub case: Option<Case>,
    /// The issued revisions of the case's records, from the lock file beside it.
    pub lock: Option<crate::control::Lock>,
}

/// The path a diagnostic shows: relative to the root, with `/` separators; a file outside
/// the root as the user can find it: relative to the working directory when below it,
/// else absolute.
pub fn display_path(root: &Path, path: &Path) -> String {
    // A link is shown where it is, not where it leads.
    let abs = match path.parent().and_then(|p| p.canonicalize().ok()) {
        Some(dir) => path.file_name().map_or(dir.clone(), |n| dir.join(n)),
        None => path.to_path_buf(),
    };
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let rel = abs
        .strip_prefix(root)
        .ok()
        .or_else(|| cwd.as_deref().and_then(|c| abs.strip_prefix(c).ok()));
    match rel {
        // An empty prefix strips nothing: the path is still absolute, and joining its root
        // component with `/` would print `//`.
        Some(rel) if rel.is_relative() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => abs.to_string_lossy().replace('\\', "/"),
    }
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
            return Ok(refused(&file, lossy, d));
        }
    };
    // A carriage return alone ends a line for YAML and for most editors but not for the
    // line numbers every diagnostic shows; such a file (saved with classic Mac line endings,
    // or damaged) is refused at its first one rather than pointed at lines out of step.
    if let Some(i) = lone_carriage_return(&text) {
        let d = schema_diag(
            pos_of_byte(text.as_bytes(), i),
            "this line ends with a carriage return alone (old Mac line endings); save the file \
             with LF or CRLF line endings"
                .into(),
        );
        return Ok(refused(&file, text, d));
    }
    let body = text.trim_start_matches('\u{feff}');
    // A skeleton from `certdoc new` is read no further until every placeholder is filled
    // in: its dates and numbers would otherwise be type errors, and a half-written case
    // would draw every rule's complaint.
    let holes = placeholder::find(body);
    if !holes.is_empty() {
        let diagnostics = holes
            .into_iter()
            .map(|(pos, what)| Diagnostic {
                rule: "placeholder",
                message: if what.is_empty() {
                    "fill in this value".to_string()
                } else {
                    format!("fill in {what}")
                },
                ..schema_diag(pos, String::new())
            })
            .collect();
        let source = SourceText {
            path: file.clone(),
            text: text.into(),
        };
        let case = CaseFile {
            source,
            case: None,
            lock: None,
        };
        return Ok((case, diagnostics));
    }
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
    let (lock, lock_diag) = lock_file::read(root, path);
    Ok(match parsed {
        Ok(case) => (
            CaseFile {
                source,
                case: Some(case),
                lock,
            },
            lock_diag.into_iter().collect(),
        ),
        Err(errors) => (
            CaseFile {
                source,
                case: None,
                lock,
            },
            errors
                .into_iter()
                .map(|e| schema_diag(e.pos, e.message))
                .collect(),
        ),
    })
}

/// The byte offset of the first `\r` not followed by `\n`.
fn lone_carriage_return(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .map(|(i, _)| i)
}

/// A case file refused before parsing, with the one diagnostic that says why.
fn refused(file: &str, text: String, d: Diagnostic) -> (CaseFile, Vec<Diagnostic>) {
    let source = SourceText {
        path: file.to_string(),
        text: text.into(),
    };
    (
        CaseFile {
            source,
            case: None,
            lock: None,
        },
        vec![d],
    )
}
