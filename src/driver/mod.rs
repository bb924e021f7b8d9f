//! Wires the stages together for the commands: load → check → report (`check`, `status`),
//! and load → check → records → render → output (`build`, in `build.rs`).

pub mod build;

use std::path::{Path, PathBuf};

use crate::check::{self, registry};
use crate::diag::{Report, RuleMeta};
use crate::error::Result;
use crate::load::{self, CaseFile, Date, Rules};

/// Everything `check` produced, and the loaded cases for the stages after it.
pub struct Checked {
    pub rules: Rules,
    pub cases: Vec<CaseFile>,
    pub report: Report,
}

/// How case files are read.
#[derive(Debug, Clone, Copy)]
pub struct Loading {
    /// Parse on this many threads (parsing dominates a check).
    pub threads: usize,
    /// Reuse parses of unchanged files from `.certdoc-cache/` (see `load::cache`).
    pub cache: bool,
}

impl Default for Loading {
    fn default() -> Self {
        Loading {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cache: false,
        }
    }
}

/// Load the rules and the case files (all of `cases/`, or `paths`), and check them.
pub fn check_project(root: &Path, paths: &[PathBuf], as_of: Date) -> Result<Checked> {
    check_project_with(root, paths, as_of, Loading::default())
}

/// As [`check_project`], loading as `loading` says.
pub fn check_project_with(
    root: &Path,
    paths: &[PathBuf],
    as_of: Date,
    loading: Loading,
) -> Result<Checked> {
    let rules = load::load_rules(root)?;
    check::validate(&rules)?;
    let paths = load::case_paths(root, paths)?;
    let mut cases = Vec::with_capacity(paths.len());
    let mut report = Report::default();
    let cache = loading.cache.then(|| load::cache::Cache::new(root));
    for loaded in load_all(root, &paths, loading.threads, cache.as_ref()) {
        let (file, diag) = loaded?;
        report.diagnostics.extend(diag);
        cases.push(file);
    }
    report
        .diagnostics
        .extend(check::check(&cases, &rules, as_of));
    report.sort();
    report.files = cases.iter().map(|c| c.source.clone()).collect();
    report.checked = summary(&cases);
    report.rules = rule_meta();
    Ok(Checked {
        rules,
        cases,
        report,
    })
}

type Loaded = Result<(CaseFile, Vec<crate::diag::Diagnostic>)>;

/// Parse files on up to `threads` threads, keeping their order.
fn load_all(
    root: &Path,
    paths: &[PathBuf],
    threads: usize,
    cache: Option<&load::cache::Cache>,
) -> Vec<Loaded> {
    let threads = threads.clamp(1, 64);
    if threads == 1 || paths.len() < 16 {
        return paths
            .iter()
            .map(|p| load::load_case(root, p, cache))
            .collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|p| load::load_case(root, p, cache))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(crate::error::Error::Usage(
                        "internal error: a loader thread panicked; please report this".into(),
                    ))]
                })
            })
            .collect()
    })
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
