//! `build`: check every case, then render each valid case's records in parallel and write
//! them. A case with an error (from the rules, or a character no font has) is skipped as a
//! whole and the others go on; a template that fails is a tool failure reported at the end.
//! What to render is decided per case by `plan` (new revisions, issued ones missing from
//! `output/`); what to write and how the lock grows by `write`.

mod plan;
mod write;

use plan::CasePlan;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::diag::Report;
use crate::error::Result;
use crate::load::{self, Date};
use crate::output::{self, Entry};
use crate::records::Record;
use crate::render::{self, templates::Templates, world::Shared};

pub struct Options {
    /// Where records go (`<root>/output` by default).
    pub out: PathBuf,
    pub threads: usize,
    /// Called after each record with (done, total).
    pub progress: Option<Box<dyn Fn(usize, usize) + Sync>>,
    pub loading: super::Loading,
    /// Fail instead of changing any lock file (CI).
    pub locked: bool,
    /// Typeset every record again, even those whose issued file is in place.
    pub force: bool,
    /// Build only this shard's cases and write its part of the index (`index.d/`) instead
    /// of the index and the pages, which `certdoc index` writes from all parts.
    pub shard: Option<output::shard::Shard>,
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
    /// The public register and the HTML index written beside the records.
    pub site: Option<crate::publish::site::Written>,
    pub site_time: Duration,
}

pub fn build_project(root: &Path, paths: &[PathBuf], as_of: Date, opts: &Options) -> Result<Built> {
    let start = Instant::now();
    // The pages beside the records show every case's findings, not only the named ones'.
    let loading = super::Loading {
        context_findings: true,
        ..opts.loading
    };
    let checked = super::check_project_with(root, paths, as_of, loading)?;
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

    // `check` is the gate: a case with any error (rules, fonts, Markdown, sizes, document
    // control) is not rendered at all.
    let failing = report.files_with_errors();
    let mut skipped = Vec::new();
    let mut failures = Vec::new();
    let mut plans: Vec<CasePlan> = Vec::new();
    let mut cases = 0;
    let mut shard_cases = Vec::new();
    for (file, prepared) in checked.cases.iter().zip(checked.records) {
        let Some(case) = file.case.as_ref() else {
            continue;
        };
        if opts.shard.is_some_and(|s| !s.has(&case.case.value)) {
            continue;
        }
        shard_cases.push(case.case.value.clone());
        cases += 1;
        // An error in the body or scheme file a case uses (a body name no font has, a
        // template changed without a new form version) stops that case as surely as one
        // in its own file.
        // A lock that cannot be read is never written over: the issued history it holds
        // would be lost.
        let lock_file = std::path::Path::new(&file.source.path).with_extension("lock");
        let uses = [
            file.source.path.clone(),
            load::body_file(&case.body.value),
            load::scheme_file(&case.scheme.value),
            lock_file.to_string_lossy().replace('\\', "/"),
            format!("rules/bodies/{}.lock", case.body.value),
        ];
        if uses.iter().any(|f| failing.contains(f.as_str())) {
            skipped.push(case.case.value.clone());
            continue;
        }
        let missing: Vec<String> = prepared
            .iter()
            .filter(|p| !templates.has(p.record.form))
            .map(|p| {
                format!(
                    "{}: no template templates/{}.typ for {}",
                    p.record.case, p.record.form, p.record.number
                )
            })
            .collect();
        if !missing.is_empty() {
            failures.extend(missing);
            skipped.push(case.case.value.clone());
            continue;
        }
        match plan::case(
            root,
            &opts.out,
            file,
            &checked.rules,
            &checked.project,
            prepared,
            opts,
        ) {
            Ok(p) => plans.push(p),
            Err(e) => {
                failures.push(format!("{}: {e}", case.case.value));
                skipped.push(case.case.value.clone());
            }
        }
    }
    let forms = plan::forms(root, &checked.rules, &checked.project, &plans);
    if opts.locked && forms.changed {
        report.diagnostics.extend(forms.outdated.iter().cloned());
    }

    // The records to render, and the plan (case) each belongs to.
    let (owner, records): (Vec<usize>, Vec<Record>) = plans
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.jobs.iter().map(move |j| (i, j.record.clone())))
        .unzip();
    // A case's PDFs wait in memory until its last record is rendered, then are written
    // together by the thread that rendered it: a case is written whole or not at all, and
    // memory holds the PDFs of the few cases being rendered, not of the whole build.
    let pending: Vec<Mutex<Pending>> = plans
        .into_iter()
        .map(|p| {
            Mutex::new(Pending {
                remaining: p.jobs.len(),
                done: Vec::new(),
                case: p.case.clone(),
                plan: Some(p),
            })
        })
        .collect();
    let write = |p: &mut Pending| {
        let rendered = std::mem::take(&mut p.done);
        p.plan
            .take()
            .map(|plan| write::case(&opts.out, plan, rendered, opts.locked))
    };
    let done = AtomicUsize::new(0);
    let mut by_case: Vec<Option<write::Written>> = (0..pending.len()).map(|_| None).collect();
    let rendered: Vec<Option<(usize, write::Written)>> = render_each(
        &templates,
        &shared,
        &records,
        opts.threads,
        |k, record, result| {
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(progress) = &opts.progress {
                progress(n, records.len());
            }
            let i = *owner.get(k)?;
            let Ok(mut p) = pending.get(i)?.lock() else {
                return None;
            };
            p.done.push((record.clone(), result));
            p.remaining -= 1;
            if p.remaining > 0 {
                return None;
            }
            write(&mut p).map(|w| (i, w))
        },
    );
    for (i, w) in rendered.into_iter().flatten() {
        by_case[i] = Some(w);
    }
    // Cases with nothing to typeset (every record issued and in place) still have their
    // lock and index entries to keep.
    for (slot, p) in by_case.iter_mut().zip(&pending) {
        if slot.is_none()
            && let Ok(mut p) = p.lock()
        {
            *slot = write(&mut p);
        }
    }

    let mut entries = Vec::new();
    let mut built_cases = Vec::new();
    let mut warnings = Vec::new();
    let (mut written, mut unchanged, mut pages) = (0, 0, 0);
    for (p, result) in pending.into_iter().zip(by_case) {
        let case = match p.into_inner() {
            Ok(p) => p.case,
            Err(poisoned) => poisoned.into_inner().case,
        };
        let Some(result) = result else {
            failures.push(format!("{case}: not written"));
            skipped.push(case);
            continue;
        };
        report.diagnostics.extend(result.diagnostics);
        failures.extend(result.failures.iter().map(|f| format!("{case}: {f}")));
        if result.written_whole {
            built_cases.push(case);
        } else {
            skipped.push(case);
        }
        written += result.written;
        unchanged += result.unchanged;
        for e in result.entries {
            pages += e.pages;
            entries.push(e);
        }
    }
    if !opts.locked && failures.is_empty() {
        forms.write()?;
    }
    built_cases.sort();
    skipped.sort();
    let site_start = Instant::now();
    let site = if let Some(shard) = opts.shard {
        shard_cases.sort();
        let part = output::shard::Part {
            shard,
            skipped: skipped.clone(),
            cases: shard_cases,
            records: entries.clone(),
        };
        output::shard::write_part(&opts.out, &part)?;
        None
    } else {
        warnings.extend(output::write_index(&opts.out, &built_cases, &entries)?);
        let findings: Vec<&crate::diag::Diagnostic> = report
            .diagnostics
            .iter()
            .chain(&checked.context_findings)
            .collect();
        Some(crate::publish::site::write(
            &opts.out,
            &[&checked.context, &checked.cases],
            &findings,
            &checked.rules,
            as_of,
            &output::read_index(&opts.out),
        )?)
    };
    let site_time = site_start.elapsed();
    report.sort();
    Ok(Built {
        report,
        entries,
        cases,
        skipped,
        written,
        unchanged,
        pages,
        failures,
        warnings,
        elapsed: start.elapsed(),
        setup,
        site,
        site_time,
    })
}

/// One rendered record and what the renderer said.
pub(super) type Rendered = (Record, Result<render::pdf::Pdf, render::RenderError>);

/// A case's records rendered so far, and its plan until the case is written.
struct Pending {
    remaining: usize,
    done: Vec<Rendered>,
    plan: Option<CasePlan>,
    case: String,
}

/// Render every record on `threads` threads and hand each PDF to `each` on the thread that
/// made it, with its index; `each`'s results come back in the records' order. Workers take the next record
/// from a shared counter, so a slow record never idles the others.
pub fn render_each<T: Send>(
    templates: &Templates,
    shared: &Shared,
    work: &[Record],
    threads: usize,
    each: impl Fn(usize, &Record, Result<render::pdf::Pdf, render::RenderError>) -> T + Sync,
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
                    let value = each(i, record, render::record(templates, shared, record));
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
