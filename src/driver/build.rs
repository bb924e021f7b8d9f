//! `build`: check every case, then render each valid case's records in parallel and write
//! them. A case with an error (from the rules, or a character no font has) is skipped as a
//! whole and the others go on; a template that fails is a tool failure reported at the end.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::diag::{Report, RuleMeta, Severity, SourceText};
use crate::error::Result;
use crate::load::Date;
use crate::output::{self, Entry, Outcome, WriteError};
use crate::records::{self, Record};
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
    /// The check's diagnostics, plus font coverage and refused overwrites.
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
    let setup = start.elapsed();

    let failing: BTreeSet<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    let mut skipped = Vec::new();
    let mut work: Vec<Record> = Vec::new();
    let mut extra = Vec::new();
    let mut cases = 0;
    let mut built_cases = Vec::new();
    let mut failures = Vec::new();
    for file in &checked.cases {
        let Some(case) = file.case.as_ref() else {
            continue;
        };
        cases += 1;
        if failing.contains(file.source.path.as_str()) {
            skipped.push(case.case.value.clone());
            continue;
        }
        let recs = records::of_case(&file.source.path, case, &checked.rules);
        let missing: Vec<_> = recs
            .iter()
            .flat_map(|r| render::coverage(&shared.fonts, r))
            .collect();
        if !missing.is_empty() {
            extra.extend(dedup(missing));
            skipped.push(case.case.value.clone());
            continue;
        }
        for r in &recs {
            if !templates.has(r.form) {
                failures.push(format!(
                    "{}: no template templates/{}.typ for {}",
                    r.case, r.form, r.number
                ));
            }
        }
        built_cases.push(case.case.value.clone());
        work.extend(recs.into_iter().filter(|r| templates.has(r.form)));
    }

    // Each record is written as soon as it is rendered, so no PDF waits in memory.
    let done = AtomicUsize::new(0);
    let results = render_each(
        &templates,
        &shared,
        &work,
        opts.threads,
        |record, result| {
            let finished = write(&opts.out, record, result);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(progress) = &opts.progress {
                progress(n, work.len());
            }
            finished
        },
    );
    let mut entries = Vec::new();
    let (mut written, mut unchanged, mut pages) = (0, 0, 0);
    for finished in results {
        match finished {
            Finished::Written(entry, outcome) => {
                match outcome {
                    Outcome::Written => written += 1,
                    Outcome::Unchanged => unchanged += 1,
                }
                pages += entry.pages;
                entries.push(entry);
            }
            Finished::Refused(d) => extra.push(*d),
            Finished::Failed(f) => failures.push(f),
        }
    }
    output::write_index(&opts.out, &built_cases, &entries)?;

    add_sources(root, &mut report, &extra);
    report.diagnostics.extend(extra);
    report.sort();
    report.rules.push(RuleMeta {
        id: render::FONT_COVERAGE,
        summary: "every character of a record's text must be in one of the fonts under templates/fonts",
        docs: "",
        severity: Severity::Error,
    });
    Ok(Built {
        report,
        entries,
        cases,
        skipped,
        written,
        unchanged,
        pages,
        failures,
        elapsed: start.elapsed(),
        setup,
    })
}

/// The same character in the same field is reported once, not once per record.
fn dedup(mut diags: Vec<crate::diag::Diagnostic>) -> Vec<crate::diag::Diagnostic> {
    let mut seen = BTreeSet::new();
    diags.retain(|d| seen.insert((d.file.clone(), d.pos, d.message.clone())));
    diags
}

/// Diagnostics may point into rule files (a body's name with a missing glyph); give the
/// emitters their text too.
fn add_sources(root: &Path, report: &mut Report, diags: &[crate::diag::Diagnostic]) {
    for d in diags {
        if report.source(&d.file).is_none()
            && let Ok(text) = std::fs::read_to_string(root.join(&d.file))
        {
            report.files.push(SourceText {
                path: d.file.clone(),
                text: text.into(),
            });
        }
    }
}

/// What became of one record.
enum Finished {
    Written(Entry, Outcome),
    /// An issued revision would have been overwritten.
    Refused(Box<crate::diag::Diagnostic>),
    /// The template, typesetting or the disk failed.
    Failed(String),
}

fn write(
    out: &Path,
    record: &Record,
    result: Result<render::pdf::Pdf, render::RenderError>,
) -> Finished {
    let pdf = match result {
        Ok(pdf) => pdf,
        Err(e) => return Finished::Failed(format!("{}: {e}", record.case)),
    };
    let rel = output::record_path(&record.case, &record.number, &record.revision);
    match output::write_record(out, &rel, &pdf.bytes) {
        Ok(outcome) => Finished::Written(
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
        ),
        Err(WriteError::Issued(path)) => Finished::Refused(Box::new(crate::diag::Diagnostic {
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
        })),
        Err(WriteError::Io(e)) => Finished::Failed(e.to_string()),
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
