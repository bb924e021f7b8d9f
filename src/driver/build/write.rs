//! Writing one case's rendered records, all or none, and growing its lock. A new revision
//! is written and added to the lock; an issued one is written only when it came out byte
//! for byte as issued (a fresh clone, a deleted or altered file), else reported.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::output::{self, Entry, Outcome, WriteError};
use crate::records::Record;

use super::Rendered;
use super::plan::{self, CasePlan, JobKind};

/// What became of one case.
pub struct Written {
    /// Every record of the case now in `output/`, when the case was written whole.
    pub entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The template, typesetting or the disk failed.
    pub failures: Vec<String>,
    pub written_whole: bool,
    pub written: usize,
    pub unchanged: usize,
}

/// Write a case: nothing when a record failed to render, a new revision would overwrite
/// other bytes, or (with `locked`) the lock would change; a write that fails takes back
/// what this call wrote before it.
pub fn case(out: &Path, mut plan: CasePlan, rendered: Vec<Rendered>, locked: bool) -> Written {
    let kept = std::mem::take(&mut plan.kept);
    let mut result = Written {
        unchanged: kept.len(),
        entries: kept,
        diagnostics: Vec::new(),
        failures: Vec::new(),
        written_whole: false,
        written: 0,
    };
    let diag = |record: &Record, rule: &'static str, severity, message: String| Diagnostic {
        rule,
        severity,
        file: plan.file.clone(),
        pos: record.pos,
        message,
        citations: vec!["TB-GZ-036 13.4".into(), "HZL-MSRG-005 12.2".into()],
        related: vec![],
    };
    let mut writes: Vec<(String, Vec<u8>)> = Vec::new();
    let mut lock = plan.lock.clone();
    for (record, pdf) in rendered {
        let pdf = match pdf {
            Ok(pdf) => pdf,
            Err(e) => {
                result.failures.push(e.to_string());
                continue;
            }
        };
        let Some(job) = plan
            .jobs
            .iter()
            .find(|j| j.record.number == record.number && j.record.revision == record.revision)
        else {
            continue;
        };
        let rel = match output::record_path(&plan.case, &record.number, &record.revision) {
            Ok(rel) => rel,
            Err(e) => {
                result.failures.push(e.to_string());
                continue;
            }
        };
        let sha = output::sha256(&pdf.bytes);
        let entry = Entry {
            case: plan.case.clone(),
            form: record.form.to_string(),
            number: record.number.clone(),
            revision: record.revision.clone(),
            file: rel.clone(),
            sha256: sha.clone(),
            pages: pdf.pages,
            status: plan::status(job.current),
        };
        match &job.kind {
            JobKind::Reissue { sha256, altered } if *sha256 == sha => {
                if *altered {
                    result.diagnostics.push(diag(
                        &record,
                        "issued-file",
                        Severity::Error,
                        format!(
                            "output/{rel} is not the file issued as {} {} (its SHA-256 differs \
                             from the lock's): it was altered after issue; the issued file \
                             was rendered again and restored",
                            record.number, record.revision
                        ),
                    ));
                }
                writes.push((rel, pdf.bytes));
                result.entries.push(entry);
            }
            JobKind::Reissue { altered, .. } => {
                result.diagnostics.push(diag(
                    &record,
                    "issued-file",
                    if *altered {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    format!(
                        "{} {} (issued {}) {} and cannot be rebuilt as issued from the data \
                         now (its content, template or fonts changed since); it was not \
                         written: restore output/{rel} from the archive",
                        record.number,
                        record.revision,
                        record.date,
                        if *altered {
                            "in output/ is not the issued file"
                        } else {
                            "is missing from output/"
                        }
                    ),
                ));
            }
            JobKind::New { fields } => {
                match output::existing(out, &rel, &pdf.bytes) {
                    Ok(Some(Outcome::Unchanged)) => result.unchanged += 1,
                    Ok(_) => writes.push((rel.clone(), pdf.bytes)),
                    Err(WriteError::Issued(path)) => {
                        result.diagnostics.push(diag(
                            &record,
                            "revision-required",
                            Severity::Error,
                            format!(
                                "output/{path} already holds revision {} of {} with different \
                                 content, and the lock does not list it; an issued revision \
                                 is never overwritten: declare the next revision of {} under \
                                 `revisions:` (or delete the file if it was never issued)",
                                record.revision, record.number, record.number
                            ),
                        ));
                        continue;
                    }
                    Err(e) => {
                        result.failures.push(e.to_string());
                        continue;
                    }
                }
                if locked {
                    result.diagnostics.push(diag(
                        &record,
                        "lock-outdated",
                        Severity::Error,
                        format!(
                            "{} {} is not in the case's lock file yet; run `certdoc build` and \
                             commit the lock",
                            record.number, record.revision
                        ),
                    ));
                }
                let issued = plan::issued(&record, fields.clone(), sha, pdf.pages);
                let locked_record =
                    lock.records
                        .entry(record.number.clone())
                        .or_insert_with(|| crate::control::lock::LockedRecord {
                            form: record.form.to_string(),
                            revisions: Vec::new(),
                        });
                locked_record.revisions.push(issued);
                result.entries.push(entry);
            }
        }
    }
    let refused = result
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.rule != "issued-file");
    if refused || !result.failures.is_empty() {
        result.entries.clear();
        return result;
    }
    let mut done: Vec<PathBuf> = Vec::new();
    for (rel, bytes) in &writes {
        let written = output::paths::under(out, rel)
            .map_err(WriteError::from)
            .and_then(|path| {
                if !output::paths::stays_inside(out, &path) {
                    return Err(output::Unsafe {
                        name: rel.clone(),
                        why: "its folder is a link to a place outside the output folder",
                    }
                    .into());
                }
                output::write_atomic(&path, bytes)?;
                Ok(path)
            });
        match written {
            Ok(path) => done.push(path),
            Err(e) => {
                for path in &done {
                    let _ = std::fs::remove_file(path);
                }
                result.entries.clear();
                result
                    .failures
                    .push(format!("{e}; none of the case's new records were kept"));
                return result;
            }
        }
    }
    result.written = done.len();
    if lock != plan.lock
        && let Err(e) = crate::atomic::write(&plan.lock_path, lock.to_text().as_bytes())
    {
        result.failures.push(format!(
            "{e}; the records were written but {} was not: run the build again",
            plan.lock_path.display()
        ));
        return result;
    }
    result.written_whole = true;
    result
}
