//! `cargo bench --bench check`: load and check 1,000 case files on one thread.
//!
//! The cases are the bundled examples, each copied under a new case and certificate
//! number, so every rule has realistic work to do.

use std::time::{Duration, Instant};

use certdoc::driver::check_project_with;
use certdoc::load::Date;

mod common;

const CASES: usize = 1000;
const RUNS: usize = 7;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (_, bytes) = common::generate(dir.path(), CASES)?;

    let as_of = Date::parse("2026-11-21").ok_or("date")?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Cold: every file parsed. Warm: unchanged files come from the parse cache, as on a
    // user's second run (the first warm run fills it and is not timed).
    let runs = [(1, false), (cores, false), (1, true), (cores, true)];
    for (threads, cache) in runs {
        let loading = certdoc::driver::Loading {
            threads,
            cache,
            ..Default::default()
        };
        if cache {
            check_project_with(dir.path(), &[], as_of, loading)?;
        }
        let mut times: Vec<Duration> = Vec::new();
        let mut diagnostics = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let checked = check_project_with(dir.path(), &[], as_of, loading)?;
            times.push(t.elapsed());
            diagnostics = checked.report.diagnostics.len();
            // The copies of the 2022 confidentiality case rightly warn that their dates
            // predate the rule versions the scheme file knows; nothing else is reported.
            let other = checked
                .report
                .diagnostics
                .iter()
                .filter(|d| d.rule != "rule-version-unknown")
                .count();
            assert_eq!(other, 0, "the generated cases check clean");
            assert_eq!(checked.cases.len(), CASES);
        }
        times.sort();
        let median = times[RUNS / 2];
        println!(
            "check, {}, {threads} thread(s): {CASES} case files ({:.1} MB), {diagnostics} diagnostics: median {:.0} ms over {RUNS} runs (min {:.0}, max {:.0}), {:.0} files/s",
            if cache { "warm cache" } else { "cold" },
            bytes as f64 / 1e6,
            median.as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3,
            CASES as f64 / median.as_secs_f64()
        );
    }

    // The rules alone, on cases already loaded: what every rule costs beside the parsing.
    let one = certdoc::driver::Loading {
        threads: 1,
        ..Default::default()
    };
    let checked = check_project_with(dir.path(), &[], as_of, one)?;
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let found = certdoc::check::check(&checked.cases, &checked.rules, as_of);
        times.push(t.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    println!(
        "rules only, 1 thread: {} rules over {CASES} loaded cases: median {:.1} ms (min {:.1}, max {:.1})",
        certdoc::check::registry::documented().count(),
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3
    );
    Ok(())
}
