//! Render throughput: 500 records of the bundled mix (each bundled record repeated with its
//! own document number, so no two are the same), compiled in process on 1 and 2 threads,
//! with the process's peak memory; then the baseline users would otherwise script: one
//! process per record through the PyPI `typst` package (same Typst version, same fonts,
//! same PDF/A-2b), on a sample of records.
//!
//! `cargo bench --bench render`; `CERTDOC_BASELINE=0` skips the baseline, `=N` sets its
//! sample size (default 40).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use certdoc::driver::build::render_each;
use certdoc::driver::check_project;
use certdoc::load::Date;
use certdoc::records::{self, Record};
use certdoc::render::{self, templates::Templates, world::Shared};

const RECORDS: usize = 500;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let as_of = Date::parse("2026-11-21").expect("a date");
    let checked = check_project(&root, &[], as_of).expect("the bundled cases load");
    let mut mix: Vec<Record> = Vec::new();
    for f in &checked.cases {
        if let Some(case) = &f.case {
            mix.extend(records::of_case(
                &f.source.path,
                case,
                &checked.rules,
                f.lock.as_ref(),
            ));
        }
    }
    let work: Vec<Record> = (0..RECORDS)
        .map(|i| {
            let mut r = mix[i % mix.len()].clone();
            r.number = format!("{}-{}", r.number, i / mix.len());
            r.context.doc.number = r.number.clone();
            r
        })
        .collect();
    let setup = Instant::now();
    let templates = Templates::load(&root.join("templates")).expect("templates");
    let shared = Shared::load(&root.join("templates")).expect("fonts");
    println!(
        "setup: templates and {} fonts loaded in {:.0} ms",
        shared.fonts.fonts.len(),
        setup.elapsed().as_secs_f64() * 1e3
    );

    for threads in [1, 2] {
        let start = Instant::now();
        let pages = render_all(&templates, &shared, &work, threads);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "in process, {threads} thread(s): {RECORDS} records ({pages} pages) in {secs:.2} s = {:.0} records/s; peak memory so far {} MB",
            RECORDS as f64 / secs,
            peak_mb()
        );
    }

    let sample: usize = std::env::var("CERTDOC_BASELINE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    if sample > 0 {
        baseline(&root, &templates, &work[..sample.min(work.len())]);
    }
}

fn render_all(templates: &Templates, shared: &Shared, work: &[Record], threads: usize) -> usize {
    render_each(templates, shared, work, threads, |_, _, pdf| {
        pdf.expect("renders").pages
    })
    .into_iter()
    .sum()
}

/// Peak resident memory of this process (VmHWM), in MB.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// One `python3 -c "typst.compile(…)"` process per record, sequentially, as a script
/// around the typst package would do it.
fn baseline(root: &Path, templates: &Templates, work: &[Record]) {
    let ok = Command::new("python3")
        .args(["-c", "import typst"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        println!("baseline skipped: `pip install typst` to compare with one process per record");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::copy(
        root.join("templates/layout.typ"),
        dir.path().join("layout.typ"),
    )
    .expect("layout copied");
    let sources: Vec<PathBuf> = work
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = dir.path().join(format!("r{i}.typ"));
            std::fs::write(&p, render::source(templates, r).expect("source")).expect("written");
            p
        })
        .collect();
    let script = "import sys, typst\n\
        typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[sys.argv[4]],\n\
        ignore_system_fonts=True, pdf_standards='a-2b', timestamp=0)";
    let fonts = root.join("templates/fonts");
    let start = Instant::now();
    for src in &sources {
        let status = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(src)
            .arg(src.with_extension("pdf"))
            .arg(dir.path())
            .arg(&fonts)
            .status()
            .expect("python runs");
        assert!(status.success(), "the baseline failed on {}", src.display());
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "baseline, one python3 + typst process per record: {} records in {secs:.2} s = {:.1} records/s",
        sources.len(),
        sources.len() as f64 / secs
    );
}
