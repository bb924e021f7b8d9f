//! `cargo bench --bench build`: document control's cost on about 500 records. A full
//! build (every record typeset and locked), a no-op rebuild (every issued file in place:
//! nothing typeset), and a rebuild after one case changed (one record revised).

use std::time::{Duration, Instant};

use certdoc::driver::build::build_project;
use certdoc::load::Date;
use certdoc::load::edit::{NewRevision, append_revision};

mod common;

/// Copies of three bundled cases in turn (`common::EXAMPLES`); 32 copies make about 520 records.
const CASES: usize = 32;
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (paths, _) = common::generate(dir.path(), CASES)?;
    let as_of = Date::parse("2026-11-21").ok_or("date")?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let out = dir.path().join("output");
    let opts = common::build_options(&out, None);
    let clear = || -> std::io::Result<()> {
        let _ = std::fs::remove_dir_all(&out);
        for p in &paths {
            let _ = std::fs::remove_file(p.with_extension("lock"));
        }
        let _ = std::fs::remove_file(dir.path().join("rules/bodies/tb.lock"));
        let _ = std::fs::remove_file(dir.path().join("rules/bodies/hzl.lock"));
        Ok(())
    };

    let mut full = Vec::new();
    let mut site = Vec::new();
    let mut records = 0;
    for _ in 0..RUNS {
        clear()?;
        let t = Instant::now();
        let built = build_project(dir.path(), &[], as_of, &opts)?;
        full.push(t.elapsed());
        site.push(built.site_time);
        assert!(
            built.failures.is_empty() && built.report.errors() == 0,
            "{:?} {:?}",
            built.failures,
            built
                .report
                .diagnostics
                .iter()
                .map(|d| &d.message)
                .collect::<Vec<_>>()
        );
        records = built.written;
    }

    let mut noop = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let built = build_project(dir.path(), &[], as_of, &opts)?;
        noop.push(t.elapsed());
        site.push(built.site_time);
        assert_eq!(built.written, 0, "nothing to typeset");
    }

    // One case gains a revision of its stage 2 plan, as `certdoc revise` writes it.
    let mut one = Vec::new();
    let first = &paths[0];
    let number = "TB-PIC-2026-003-0000-PL-S2";
    for run in 0..RUNS {
        let text = std::fs::read_to_string(first)?;
        // After A/2 of 2026-03-13; dated before the audit ends, so the client agrees.
        let rev = format!("A/{}", run + 3);
        let date = format!("2026-03-{:02}", 14 + run);
        let entry = NewRevision {
            rev: &rev,
            date: &date,
            by: Some("zhang-san"),
            change: "调整审核日程",
            agreed: Some(&date),
        };
        std::fs::write(first, append_revision(&text, number, &entry)?)?;
        let t = Instant::now();
        let built = build_project(dir.path(), &[], as_of, &opts)?;
        one.push(t.elapsed());
        assert!(built.report.errors() == 0, "{:?}", built.report.diagnostics);
        assert_eq!(built.written, 1, "one record revised");
    }

    let pages = std::fs::read_dir(out.join("cases"))?.count();
    let (m, lo, hi) = median(site);
    println!(
        "of each build above, the public register and the HTML index ({pages} case pages): \
         median {m:.1} ms (min {lo:.1}, max {hi:.1})"
    );
    for (what, times) in [
        ("full build", full),
        ("no-op rebuild", noop),
        ("rebuild after one case changed", one),
    ] {
        let (m, lo, hi) = median(times);
        println!(
            "{what}: {records} records, {cores} thread(s): median {m:.0} ms over {RUNS} runs (min {lo:.0}, max {hi:.0})"
        );
    }
    Ok(())
}
