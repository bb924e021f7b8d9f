//! What `build` renders for one case: the current revision of each record when it is not
//! issued yet (a new revision, which the lock will gain), and issued revisions whose file
//! in `output/` is missing or not the issued bytes (rendered again, written only when they
//! come out as issued). An issued revision whose file is in place is not typeset again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::check::control::Prepared;
use crate::control::lock::{self, FormLock, FormVersion, Issued};
use crate::control::project::Project;
use crate::control::{Lock, Origin, fingerprint};
use crate::diag::{Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::load::{CaseFile, Rules};
use crate::output::{self, Entry};
use crate::records::{self, Record};

use super::Options;

/// One record to render.
pub struct Job {
    pub record: Record,
    pub kind: JobKind,
    /// Is it the record's current revision?
    pub current: bool,
}

pub enum JobKind {
    /// Not issued yet: written, and added to the lock with these fields.
    New { fields: fingerprint::Fields },
    /// Issued: must come out with this SHA-256. `altered` when `output/` holds other bytes.
    Reissue { sha256: String, altered: bool },
}

/// What one case needs.
pub struct CasePlan {
    pub case: String,
    /// The case file, for diagnostics.
    pub file: String,
    /// Where the case's lock file is.
    pub lock_path: PathBuf,
    pub lock: Lock,
    pub jobs: Vec<Job>,
    /// Issued revisions whose files are in place: nothing to do but list them.
    pub kept: Vec<Entry>,
}

/// Plan one case. `prepared` holds the current revision of each of its records.
pub fn case(
    root: &Path,
    out: &Path,
    file: &CaseFile,
    rules: &Rules,
    project: &Project,
    mut prepared: Vec<Prepared>,
    opts: &Options,
) -> Result<CasePlan> {
    crate::check::control::fill_fields(file, rules, project, &mut prepared);
    let path = root.join(&file.source.path);
    let mut plan = CasePlan {
        case: String::new(),
        file: file.source.path.clone(),
        lock_path: lock::case_lock_path(&path),
        lock: file.lock.clone().unwrap_or_default(),
        jobs: Vec::new(),
        kept: Vec::new(),
    };
    let Some(case) = file.case.as_ref() else {
        return Ok(plan);
    };
    plan.case = case.case.trim().to_string();
    if plan.lock.records.is_empty() {
        plan.lock = Lock::new(&plan.case);
    }
    for p in prepared {
        let last = p.planned.revisions.len().saturating_sub(1);
        for (i, rev) in p.planned.revisions.iter().enumerate() {
            let current = i == last;
            if rev.origin != Origin::Issued {
                // A revision superseded before it was ever issued is history only.
                if current {
                    plan.jobs.push(Job {
                        record: p.record.clone(),
                        kind: JobKind::New {
                            fields: p.fields.clone().unwrap_or_default(),
                        },
                        current,
                    });
                }
                continue;
            }
            let Some(issued) = plan
                .lock
                .issued(&p.planned.doc.number)
                .iter()
                .find(|x| x.rev == rev.rev)
                .cloned()
            else {
                continue;
            };
            let rel = output::record_path(&plan.case, &p.planned.doc.number, &rev.rev)
                .map_err(|e| Error::io(out, std::io::Error::other(e.to_string())))?;
            let on_disk = on_disk(out, &rel);
            let in_place = on_disk.as_deref() == Some(issued.pdf_sha256.as_str());
            if in_place && !opts.force {
                plan.kept.push(Entry {
                    case: plan.case.clone(),
                    form: p.record.form.to_string(),
                    number: p.planned.doc.number.clone(),
                    revision: rev.rev.clone(),
                    file: rel,
                    sha256: issued.pdf_sha256.clone(),
                    pages: issued.pages,
                    status: status(current),
                });
                continue;
            }
            let record = if current {
                Some(p.record.clone())
            } else {
                records::make(
                    &file.source.path,
                    case,
                    rules,
                    &p.planned,
                    i,
                    false,
                    &mut records::Noted::default(),
                )
            };
            if let Some(record) = record {
                plan.jobs.push(Job {
                    record,
                    kind: JobKind::Reissue {
                        sha256: issued.pdf_sha256.clone(),
                        altered: on_disk.is_some() && !in_place,
                    },
                    current,
                });
            }
        }
    }
    Ok(plan)
}

pub fn status(current: bool) -> output::Status {
    if current {
        output::Status::Current
    } else {
        output::Status::Superseded
    }
}

/// The SHA-256 of the file at `out/<rel>`, if there is one.
fn on_disk(out: &Path, rel: &str) -> Option<String> {
    let path = output::paths::under(out, rel).ok()?;
    std::fs::read(path).ok().map(|b| output::sha256(&b))
}

/// The form versions this build issues records on, for the bodies' form locks.
pub struct Forms {
    /// By body: the lock as it will be written, and where.
    locks: Vec<(PathBuf, FormLock, bool)>,
    pub changed: bool,
    /// For `--locked`: one diagnostic per form version the locks lack.
    pub outdated: Vec<Diagnostic>,
}

impl Forms {
    /// Write the form locks that gained a version.
    pub fn write(&self) -> Result<()> {
        for (path, lock, changed) in &self.locks {
            if *changed {
                crate::atomic::write(path, lock.to_text().as_bytes())?;
            }
        }
        Ok(())
    }
}

/// Every form version that a case being built uses, added to its body's form lock when
/// missing (a version already there with another digest is `form-version-required`, which
/// `check` reported and which kept those cases from being built).
pub fn forms(root: &Path, rules: &Rules, project: &Project, plans: &[CasePlan]) -> Forms {
    let used: BTreeSet<(&str, &str)> = plans
        .iter()
        .flat_map(|p| p.jobs.iter())
        .filter(|j| matches!(j.kind, JobKind::New { .. }))
        .filter_map(|j| {
            let body = rules.bodies.values().find(|b| {
                b.forms
                    .get(j.record.form.key())
                    .is_some_and(|f| f.code.value == j.record.form_code)
            })?;
            Some((body.id.value.as_str(), j.record.form.key()))
        })
        .collect();
    let mut out = Forms {
        locks: Vec::new(),
        changed: false,
        outdated: Vec::new(),
    };
    for (id, body) in &rules.bodies {
        let mut lock = project
            .form_locks
            .get(id)
            .cloned()
            .unwrap_or_else(|| FormLock::new(id));
        let mut changed = false;
        for (key, form) in &body.forms {
            if !used.contains(&(id.as_str(), key.as_str())) {
                continue;
            }
            let Some(digest) = project.templates.get(key.as_str()) else {
                continue;
            };
            if lock
                .version(key, &form.code.value, &form.version.value)
                .is_some()
            {
                continue;
            }
            lock.forms
                .entry(key.clone())
                .or_default()
                .push(FormVersion {
                    code: form.code.value.clone(),
                    version: form.version.value.clone(),
                    template_sha256: digest.clone(),
                });
            changed = true;
            out.outdated.push(Diagnostic {
                rule: "lock-outdated",
                severity: Severity::Error,
                file: crate::load::body_file(id),
                pos: form.version.pos,
                message: format!(
                    "form {} version {} is not in rules/bodies/{id}.lock yet; run `certdoc \
                     build` and commit the lock",
                    form.code.value, form.version.value
                ),
                citations: vec![],
                related: vec![],
            });
        }
        out.changed |= changed;
        out.locks
            .push((lock::form_lock_path(root, id), lock, changed));
    }
    out
}

/// The lock entry of a new revision.
pub fn issued(
    record: &Record,
    fields: fingerprint::Fields,
    sha256: String,
    pages: usize,
) -> Issued {
    let rev = record.revisions.last();
    Issued {
        rev: record.revision.clone(),
        date: record.date,
        change: rev.map(|r| r.change.clone()).unwrap_or_default(),
        by: rev.and_then(|r| r.by.clone()),
        form_code: record.form_code.clone(),
        form_version: record.form_version.clone(),
        fingerprint: fingerprint::fingerprint(&fields),
        pdf_sha256: sha256,
        pages,
        fields,
    }
}
