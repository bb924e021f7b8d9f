//! `cargo bench --bench check`: load and check 1,000 case files on one thread.
//!
//! The cases are the bundled examples, each copied under a new case and certificate
//! number, so every rule has realistic work to do.

use std::path::Path;
use std::time::{Duration, Instant};

use certdoc::driver::check_project_with;
use certdoc::load::Date;

const CASES: usize = 1000;
const RUNS: usize = 7;

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let p = e?.path();
        let target = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_dir(&p, &target)?;
        } else {
            std::fs::copy(&p, &target)?;
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir()?;
    copy_dir(&repo.join("rules"), &dir.path().join("rules"))?;
    // Templates too: `check` reads the fonts to find characters no record could show.
    copy_dir(&repo.join("templates"), &dir.path().join("templates"))?;
    let examples = [
        (
            "cases/2026/TB-PIC-2026-003.yaml",
            "TB-PIC-2026-003",
            "TB-PIC-2026-0003",
        ),
        (
            "cases/2024/HZL-TS-2024-017.yaml",
            "HZL-TS-2024-017",
            "HZL2025TS0017",
        ),
        (
            "cases/2022/TB-CMS-2022-008.yaml",
            "TB-CMS-2022-008",
            "TB-CMS-2023-0008",
        ),
    ];
    // Certificate numbers other than the first, renumbered the same way.
    let more_certificates = ["TB-CMS-2026-0002"];
    let texts: Vec<String> = examples
        .iter()
        .map(|(p, _, _)| std::fs::read_to_string(repo.join(p)))
        .collect::<Result<_, _>>()?;
    let mut bytes = 0;
    for i in 0..CASES {
        let k = i % examples.len();
        let (_, case, cert) = examples[k];
        let mut text = texts[k]
            .replace(case, &format!("{case}-{i:04}"))
            .replace(cert, &format!("{cert}{i:04}"));
        for other in more_certificates {
            text = text.replace(other, &format!("{other}{i:04}"));
        }
        bytes += text.len();
        let folder = dir.path().join(format!("cases/{:02}", i / 100));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join(format!("case-{i:04}.yaml")), text)?;
    }

    let as_of = Date::parse("2026-11-21").ok_or("date")?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Cold: every file parsed. Warm: unchanged files come from the parse cache, as on a
    // user's second run (the first warm run fills it and is not timed).
    let runs = [(1, false), (cores, false), (1, true), (cores, true)];
    for (threads, cache) in runs {
        let loading = certdoc::driver::Loading { threads, cache };
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
            assert_eq!(diagnostics, 0, "the generated cases check clean");
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
        cache: false,
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
