//! Wires the stages together for the commands: load → check → report (`check`, `status`),
//! and load → check → records → render → output (`build`, in `build.rs`).

pub mod build;
pub mod diff;
pub mod index;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::check::control::{self as doc_control, Prepared};
use crate::check::{self, registry};
use crate::control::project::Project;
use crate::diag::{Report, RuleMeta, SourceText};
use crate::error::Result;
use crate::load::{self, CaseFile, Date, Rules};
use crate::render;

/// Everything `check` produced, and the loaded cases for the stages after it.
pub struct Checked {
    pub rules: Rules,
    /// The cases asked for (all of `cases/` when no path was named), in path order.
    pub cases: Vec<CaseFile>,
    /// Each of those cases' documents with the record of its current revision (empty for a
    /// case that did not load or names an unknown scheme or body).
    pub records: Vec<Vec<Prepared>>,
    /// Lock files and templates, for document control.
    pub project: Project,
    pub report: Report,
    /// The project's other cases, loaded as context when `paths` named some files.
    pub context: Vec<CaseFile>,
    /// The context cases' diagnostics (with those of their records when
    /// [`Loading::context_findings`] asks for them), kept out of `report`.
    pub context_findings: Vec<crate::diag::Diagnostic>,
}

/// How case files are read.
#[derive(Debug, Clone, Copy)]
pub struct Loading {
    /// Parse on this many threads (parsing dominates a check).
    pub threads: usize,
    /// Reuse parses of unchanged files from `.certdoc-cache/` (see `load::cache`).
    pub cache: bool,
    /// Judge the context cases' records too (fonts, Markdown, document control), for the
    /// pages that show every case's findings.
    pub context_findings: bool,
}

impl Default for Loading {
    fn default() -> Self {
        Loading {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cache: false,
            context_findings: false,
        }
    }
}

/// Load the rules and the case files (all of `cases/`, or `paths`), and check them.
pub fn check_project(root: &Path, paths: &[PathBuf], as_of: Date) -> Result<Checked> {
    check_project_with(root, paths, as_of, Loading::default())
}

/// As [`check_project`], loading as `loading` says.
///
/// The whole project is always the context: when `paths` name some files, every other
/// case under `cases/` is loaded too (from the parse cache, so it stays fast), so that a
/// case number, certificate number or record number that another case already uses is
/// reported on the named file. Only the named files' diagnostics are reported.
pub fn check_project_with(
    root: &Path,
    paths: &[PathBuf],
    as_of: Date,
    loading: Loading,
) -> Result<Checked> {
    let rules = load::load_rules(root)?;
    check::validate(&rules)?;
    // A template that does not parse would stop `build`; `check` is the gate, so it stops
    // here.
    let templates = root.join("templates");
    if templates.is_dir() {
        render::templates::Templates::load(&templates)?;
    }
    let found = load::case_paths(root, paths)?;
    let named = found.cases;
    let context: Vec<PathBuf> = if paths.is_empty() {
        Vec::new()
    } else {
        let named_set: std::collections::BTreeSet<PathBuf> =
            named.iter().filter_map(|p| p.canonicalize().ok()).collect();
        load::case_paths(root, &[])?
            .cases
            .into_iter()
            .filter(|p| p.canonicalize().is_ok_and(|c| !named_set.contains(&c)))
            .collect()
    };
    // Context first: cross-case rules report the later of two cases, so a clash between a
    // named file and the project lands on the named file.
    let all: Vec<PathBuf> = context.iter().chain(&named).cloned().collect();
    let mut loaded = Vec::with_capacity(all.len());
    let mut report = Report::default();
    report.diagnostics.extend(found.diagnostics);
    let cache = loading.cache.then(|| load::cache::Cache::new(root));
    for result in load_all(root, &all, loading.threads, cache.as_ref()) {
        let (file, diag) = result?;
        report.diagnostics.extend(diag);
        loaded.push(file);
    }
    if let Some(cache) = &cache {
        cache.prune();
    }
    report
        .diagnostics
        .extend(check::check(&loaded, &rules, as_of));
    let cases = loaded.split_off(context.len());
    let context_files: std::collections::HashSet<String> =
        loaded.iter().map(|c| c.source.path.clone()).collect();
    let (mut context_findings, named_findings) = std::mem::take(&mut report.diagnostics)
        .into_iter()
        .partition(|d| context_files.contains(&d.file));
    report.diagnostics = named_findings;
    let fonts = preflight_fonts(root)?;
    let project = Project::load(root, &rules)?;
    report
        .diagnostics
        .extend(project.diagnostics.iter().cloned());
    report
        .diagnostics
        .extend(doc_control::forms(&rules, &project));
    let prepared = parallel(&cases, loading.threads, |f| {
        prepare(f, &rules, &project, fonts.as_deref())
    });
    let mut records = Vec::with_capacity(prepared.len());
    for (recs, diags) in prepared {
        records.push(recs);
        report.diagnostics.extend(diags);
    }
    if loading.context_findings {
        for (_, diags) in parallel(&loaded, loading.threads, |f| {
            prepare(f, &rules, &project, fonts.as_deref())
        }) {
            context_findings.extend(diags);
        }
    }
    report.sort();
    report.files = cases.iter().map(|c| c.source.clone()).collect();
    add_rule_sources(root, &mut report);
    report.checked = summary(&cases);
    report.rules = rule_meta();
    Ok(Checked {
        rules,
        cases,
        records,
        project,
        report,
        context: loaded,
        context_findings,
    })
}

/// A case's records, and what the renderer could not do with them (the part of `check`
/// that the records stage and the renderer's preflight contribute).
pub fn prepare(
    f: &CaseFile,
    rules: &Rules,
    project: &Project,
    fonts: Option<&render::fonts::Fonts>,
) -> (Vec<Prepared>, Vec<crate::diag::Diagnostic>) {
    let Some(case) = f.case.as_ref() else {
        return (Vec::new(), Vec::new());
    };
    let (prepared, paths) = doc_control::prepare_case(f, rules, project);
    let records: Vec<&crate::records::Record> = prepared.iter().map(|p| &p.record).collect();
    let mut diags = render::preflight::case(&f.source.path, case, &records, fonts, &f.source.text);
    diags.extend(doc_control::case(f, &prepared, &paths));
    (prepared, diags)
}

/// `f` over `items` on up to `threads` threads, in order.
fn parallel<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, 64);
    if threads == 1 || items.len() < 16 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // A panic is a bug: re-raise it rather than lose a case's place in the order.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The fonts records are typeset with, for the preflight's coverage check; a project
/// without `templates/fonts/` has nothing to typeset with, which `build` reports itself.
/// Loaded once per process and folder: a library user (or a test) checking many times
/// should not parse 40 MB of fonts each time.
fn preflight_fonts(root: &Path) -> Result<Option<Arc<render::fonts::Fonts>>> {
    static LOADED: Mutex<Vec<(PathBuf, Arc<render::fonts::Fonts>)>> = Mutex::new(Vec::new());
    let dir = root.join("templates").join("fonts");
    if !dir.is_dir() {
        return Ok(None);
    }
    if let Ok(loaded) = LOADED.lock()
        && let Some((_, fonts)) = loaded.iter().find(|(d, _)| *d == dir)
    {
        return Ok(Some(Arc::clone(fonts)));
    }
    let fonts = Arc::new(render::fonts::Fonts::load(&dir)?);
    if let Ok(mut loaded) = LOADED.lock() {
        loaded.push((dir, Arc::clone(&fonts)));
    }
    Ok(Some(fonts))
}

/// Diagnostics may point into rule files (a body's name with a missing glyph); give the
/// emitters their text too.
fn add_rule_sources(root: &Path, report: &mut Report) {
    let wanted: std::collections::BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter(|d| report.source(&d.file).is_none())
        .map(|d| d.file.clone())
        .collect();
    for file in wanted {
        if !file.starts_with("rules/") && !file.ends_with(".lock") {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(root.join(&file)) {
            report.files.push(SourceText {
                path: file,
                text: text.into(),
            });
        }
    }
}

type Loaded = Result<(CaseFile, Vec<crate::diag::Diagnostic>)>;

/// Parse files on up to `threads` threads, keeping their order.
fn load_all(
    root: &Path,
    paths: &[PathBuf],
    threads: usize,
    cache: Option<&load::cache::Cache>,
) -> Vec<Loaded> {
    parallel(paths, threads, |p| load::load_case(root, p, cache))
}

pub fn rule_meta() -> Vec<RuleMeta> {
    registry::documented()
        .map(|r| RuleMeta {
            id: r.id,
            summary: r.summary,
            docs: r.docs,
            severity: r.severity,
        })
        .collect()
}

fn summary(cases: &[CaseFile]) -> String {
    let loaded: Vec<_> = cases.iter().filter_map(|c| c.case.as_ref()).collect();
    let audits: usize = loaded.iter().map(|c| c.audits.len()).sum();
    let ncs: usize = loaded.iter().map(|c| c.nonconformities().count()).sum();
    let decisions: usize = loaded.iter().map(|c| c.decisions.len()).sum();
    let certificates: usize = loaded.iter().map(|c| c.certificates.len()).sum();
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    format!(
        "checked {} ({}: {}, {}, {}, {})",
        n(cases.len(), "file", "files"),
        n(loaded.len(), "case", "cases"),
        n(audits, "audit", "audits"),
        n(ncs, "nonconformity", "nonconformities"),
        n(decisions, "decision", "decisions"),
        n(certificates, "certificate", "certificates"),
    )
}
