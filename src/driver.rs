//! Wires the stages together for the commands: load → check → report.

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

/// Load the rules and the case files (all of `cases/`, or `paths`), and check them.
pub fn check_project(root: &Path, paths: &[PathBuf], as_of: Date) -> Result<Checked> {
    let rules = load::load_rules(root)?;
    let mut cases = Vec::new();
    let mut report = Report::default();
    for path in load::case_paths(root, paths)? {
        let (file, diag) = load::load_case(root, &path)?;
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
