//! `build`: check every case, then render each valid case's records in parallel and write
//! them. A case with an error (from the rules, or a character no font has) is skipped as a
//! whole and the others go on; a template that fails is a tool failure reported at the end.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::diag::{Report, Severity};
use crate::error::Result;
use crate::load::{self, Date};
use crate::output::{self, Entry, Outcome, WriteError};
use crate::records::Record;
use crate::render::{self, templates::Templates, world::Shared};

pub struct Options {
    /// Where records go (`<root>/output` by default).
    pub out: PathBuf,
    pub threads: usize,
    /// Called after each record with (done, total).
    pub progress: Option<Box<dyn Fn(usize, usize) + Sync>>,
    pub loading: super::Loading,
}

/// What a build did.
pub struct Built {
    /// The check's diagnostics, plus refused overwrites.
    pub report: Report,
    pub entries: Vec<Entry>,
    pub cases: usize,
    /// Cases not rendered because of errors in their data.
    pub skipped: Vec<String>,
    pub written: usize,
    pub unchanged: usize,
    pub pages: usize,
    /// Template, typesetting and I/O failures: the tool could not do its job.
    pub failures: Vec<String>,
    /// What the build noticed but could go on with (an untrustworthy `index.json` entry).
    pub warnings: Vec<String>,
    pub elapsed: Duration,
    /// Time spent loading templates and fonts.
    pub setup: Duration,
}

pub fn build_project(root: &Path, paths: &[PathBuf], as_of: Date, opts: &Options) -> Result<Built> {
    let start = Instant::now();
    let checked = super::check_project_with(root, paths, as_of, opts.loading)?;
    let mut report = checked.report;
    let templates_dir = root.join("templates");
    let templates = Templates::load(&templates_dir)?;
    let shared = Shared::load(&templates_dir)?;
    let _lock = output::lock::acquire(&opts.out, || {
        eprintln!(
            "waiting for another certdoc build to finish writing {} …",
            opts.out.display()
        );
    })?;
    let setup = start.elapsed();

    // `check` is the gate: a case with any error (rules, fonts, Markdown, sizes) is not
    // rendered at all.
    let failing: BTreeSet<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    let mut skipped = Vec::new();
    let mut work: Vec<Record> = Vec::new();
    let mut cases = 0;
    let mut failures = Vec::new();
    let mut per_case: HashMap<String, usize> = HashMap::new();
    for (file, recs) in checked.cases.iter().zip(checked.records) {
        let Some(case) = file.case.as_ref() else {
            continue;
        };
        cases += 1;
        // An error in the body or scheme file a case uses (a body name no font has) stops
        // that case as surely as one in its own file.
        let uses = [
            file.source.path.clone(),
            load::body_file(&case.body.value),
            load::scheme_file(&case.scheme.value),
        ];
        if uses.iter().any(|f| failing.contains(f.as_str())) {
            skipped.push(case.case.value.clone());
            continue;
        }
        let missing: Vec<String> = recs
            .iter()
            .filter(|r| !templates.has(r.form))
            .map(|r| {
                format!(
                    "{}: no template templates/{}.typ for {}",
                    r.case, r.form, r.number
                )
            })
            .collect();
        if !missing.is_empty() {
            failures.extend(missing);
            skipped.push(case.case.value.clone());
            continue;
        }
        per_case.insert(case.case.value.clone(), recs.len());
        work.extend(recs);
    }

    // A case's PDFs wait in memory until its last record is rendered, then are written
    // together: a case is written whole or not at all.
    let pending: Mutex<HashMap<String, Pending>> = Mutex::new(
        per_case
            .iter()
            .map(|(case, &n)| {
                (
                    case.clone(),
                    Pending {
                        remaining: n,
                        done: Vec::new(),
                    },
                )
            })
            .collect(),
    );
    let done = AtomicUsize::new(0);
    let finished: Vec<CaseResult> = render_each(
        &templates,
        &shared,
        &work,
        opts.threads,
        |record, result| {
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(progress) = &opts.progress {
                progress(n, work.len());
            }
            let complete = {
                let Ok(mut pending) = pending.lock() else {
                    return None;
                };
                let p = pending.get_mut(&record.case)?;
                p.done.push((record.clone(), result));
                p.remaining -= 1;
                (p.remaining == 0).then(|| std::mem::take(&mut p.done))
            };
            complete.map(|rendered| write_case(&opts.out, rendered))
        },
    )
    .into_iter()
    .flatten()
    .collect();

    let mut entries = Vec::new();
    let mut built_cases = Vec::new();
    let mut extra = Vec::new();
    let (mut written, mut unchanged, mut pages) = (0, 0, 0);
    for case in finished {
        if case.refused.is_empty() && case.failures.is_empty() {
            built_cases.push(case.case.clone());
        } else {
            skipped.push(case.case.clone());
        }
        for (entry, outcome) in case.entries {
            match outcome {
                Outcome::Written => written += 1,
                Outcome::Unchanged => unchanged += 1,
            }
            pages += entry.pages;
            entries.push(entry);
        }
        extra.extend(case.refused);
        failures.extend(case.failures);
    }
    // A case rendered without records (none of its forms defined) is built, and empty.
    for (case, &n) in &per_case {
        if n == 0 {
            built_cases.push(case.clone());
        }
    }
    built_cases.sort();
    let dropped = output::write_index(&opts.out, &built_cases, &entries)?;
    report.diagnostics.extend(extra);
    report.sort();
    skipped.sort();
    Ok(Built {
        report,
        entries,
        cases,
        skipped,
        written,
        unchanged,
        pages,
        failures,
        warnings: dropped,
        elapsed: start.elapsed(),
        setup,
    })
}

/// A case's records rendered so far.
struct Pending {
    remaining: usize,
    done: Vec<(Record, Result<render::pdf::Pdf, render::RenderError>)>,
}

/// What became of one case's records.
struct CaseResult {
    case: String,
    /// Every record of the case, when the case was written; none otherwise.
    entries: Vec<(Entry, Outcome)>,
    /// Issued revisions the build would have overwritten with other bytes.
    refused: Vec<crate::diag::Diagnostic>,
    /// The template, typesetting or the disk failed.
    failures: Vec<String>,
}

/// Write one case's records, all or none. Nothing is written when a record failed to
/// render or would overwrite an issued revision; a write that fails takes back the files
/// this call wrote before it.
fn write_case(
    out: &Path,
    mut rendered: Vec<(Record, Result<render::pdf::Pdf, render::RenderError>)>,
) -> CaseResult {
    rendered.sort_by(|a, b| (&a.0.number, &a.0.revision).cmp(&(&b.0.number, &b.0.revision)));
    let case = rendered
        .first()
        .map(|(r, _)| r.case.clone())
        .unwrap_or_default();
    let mut result = CaseResult {
        case: case.clone(),
        entries: Vec::new(),
        refused: Vec::new(),
        failures: Vec::new(),
    };
    let mut planned = Vec::new();
    for (record, pdf) in rendered {
        let pdf = match pdf {
            Ok(pdf) => pdf,
            Err(e) => {
                result.failures.push(format!("{case}: {e}"));
                continue;
            }
        };
        let rel = match output::record_path(&record.case, &record.number, &record.revision) {
            Ok(rel) => rel,
            Err(e) => {
                result.failures.push(format!("{case}: {e}"));
                continue;
            }
        };
        match output::existing(out, &rel, &pdf.bytes) {
            Ok(Some(Outcome::Unchanged)) => planned.push((record, rel, pdf, Outcome::Unchanged)),
            Ok(_) => planned.push((record, rel, pdf, Outcome::Written)),
            Err(WriteError::Issued(path)) => result.refused.push(refused(&record, &path)),
            Err(e) => result.failures.push(format!("{case}: {e}")),
        }
    }
    if !result.refused.is_empty() || !result.failures.is_empty() {
        return result;
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for (record, rel, pdf, outcome) in planned {
        if outcome == Outcome::Written {
            match output::write_record(out, &rel, &pdf.bytes) {
                Ok(_) => {
                    if let Ok(path) = output::paths::under(out, &rel) {
                        written.push(path);
                    }
                }
                Err(e) => {
                    for path in &written {
                        let _ = std::fs::remove_file(path);
                    }
                    result.entries.clear();
                    result.failures.push(format!(
                        "{case}: {e}; none of the case's new records were kept"
                    ));
                    return result;
                }
            }
        }
        result.entries.push((
            Entry {
                case: record.case.clone(),
                form: record.form.to_string(),
                number: record.number.clone(),
                revision: record.revision.clone(),
                file: rel,
                sha256: output::sha256(&pdf.bytes),
                pages: pdf.pages,
            },
            outcome,
        ));
    }
    result
}

fn refused(record: &Record, path: &str) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic {
        rule: "revision-required",
        severity: Severity::Error,
        file: record.file.clone(),
        pos: record.pos,
        message: format!(
            "{} {}: output/{path} already holds revision {} with different content; \
             an issued revision is never overwritten, so declare a new revision of {} \
             under `revisions:` with its change",
            record.form, record.number, record.revision, record.number
        ),
        citations: vec![],
        related: vec![],
    }
}

/// Render every record on `threads` threads and hand each PDF to `each` on the thread that
/// made it; `each`'s results come back in the records' order. Workers take the next record
/// from a shared counter, so a slow record never idles the others.
pub fn render_each<T: Send>(
    templates: &Templates,
    shared: &Shared,
    work: &[Record],
    threads: usize,
    each: impl Fn(&Record, Result<render::pdf::Pdf, render::RenderError>) -> T + Sync,
) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..work.len()).map(|_| None).collect());
    let threads = threads.clamp(1, 64).min(work.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(record) = work.get(i) else { break };
                    let value = each(record, render::record(templates, shared, record));
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(value);
                    }
                }
            });
        }
    });
    // A worker that panicked leaves its slot empty; a panic in a scoped thread is re-raised
    // by `scope` itself, so every slot is filled here.
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}
