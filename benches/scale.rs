//! A body's whole archive over a CI matrix, one machine standing in for the jobs: 2,000
//! generated cases (`CERTDOC_SCALE_CASES` to change) built as 4 shards one after another
//! into one output folder, as the jobs' artifacts would be put together, then joined.
//! Reports each shard's time, checks the joined index, and extrapolates to 100,000 records
//! on a 20-job matrix.
//!
//! `cargo bench --bench scale --profile release`

mod common;

use std::collections::BTreeSet;
use std::time::Instant;

use certdoc::driver::Loading;
use certdoc::driver::build::build_project;
use certdoc::load::Date;
use certdoc::output::shard::Shard;

const SHARDS: u32 = 4;

/// The process's peak resident memory, from Linux's /proc.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases: usize = std::env::var("CERTDOC_SCALE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    // `CERTDOC_SCALE_GENERATE=DIR` only writes the project there, to time the command line
    // on it (one shard's memory, say) with the tools of one's choice.
    if let Some(dir) = std::env::var_os("CERTDOC_SCALE_GENERATE") {
        common::generate(std::path::Path::new(&dir), cases)?;
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let (_, bytes) = common::generate(dir.path(), cases)?;
    let as_of = Date::parse("2026-11-21").ok_or("date")?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let out = dir.path().join("output");
    println!(
        "{cases} cases ({:.1} MB of YAML), {SHARDS} shards one after another, {cores} thread(s) each",
        bytes as f64 / 1e6
    );
    // What every job pays whatever its shard: loading and checking the whole project, cold
    // (a fresh CI checkout has no parse cache).
    let t = Instant::now();
    let cold = Loading {
        threads: cores,
        cache: false,
        ..Loading::default()
    };
    let checked = certdoc::driver::check_project_with(dir.path(), &[], as_of, cold)?;
    let check_secs = t.elapsed().as_secs_f64();
    assert_eq!(checked.report.errors(), 0);
    println!("check of all {cases} cases, cold: {check_secs:.1} s");
    let mut records = 0;
    let mut shard_secs = Vec::new();
    for index in 1..=SHARDS {
        let opts = common::build_options(&out, Some(Shard { index, of: SHARDS }));
        let t = Instant::now();
        let built = build_project(dir.path(), &[], as_of, &opts)?;
        let secs = t.elapsed().as_secs_f64();
        assert!(built.failures.is_empty() && built.report.errors() == 0);
        records += built.written;
        println!(
            "shard {index}/{SHARDS}: {} cases, {} records in {secs:.1} s ({:.0} records/s; \
             setup and check of all {cases} cases included)",
            built.cases,
            built.written,
            built.written as f64 / secs
        );
        shard_secs.push((secs, built.written));
    }
    let t = Instant::now();
    let joined = certdoc::driver::index::join(dir.path(), &out, as_of)?
        .map_err(|problems| problems.join("\n"))?;
    let join_secs = t.elapsed().as_secs_f64();
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json"))?)?;
    let listed = index["records"].as_array().map_or(0, Vec::len);
    let listed_cases: BTreeSet<&str> = index["records"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["case"].as_str())
        .collect();
    assert_eq!(
        listed, records,
        "the joined index lists every record written"
    );
    assert_eq!(listed_cases.len(), cases, "every case in the joined index");
    assert_eq!(joined.cases, cases);
    println!(
        "joined: {listed} records of {} cases in {join_secs:.1} s (every case built exactly once; \
         {} HTML pages, {} certificates in the public register)",
        listed_cases.len(),
        joined.site.pages,
        joined.site.certificates
    );
    if let Some(mb) = peak_mb() {
        println!("peak memory of the process: {mb:.0} MB");
    }
    // Each shard's time is a check of the whole project plus its own records: the building
    // rate is what remains once the checks are taken out.
    let total: f64 = shard_secs.iter().map(|(s, _)| s).sum();
    let building = (total - f64::from(SHARDS) * check_secs).max(total / 10.0);
    let rate = records as f64 / building;
    let target = 100_000.0;
    let jobs = 20.0;
    let per_job = target / jobs;
    let scale = target / records.max(1) as f64;
    let job = check_secs * scale + per_job / rate;
    println!(
        "extrapolated: 100,000 records ({:.0} cases) on a 20-job matrix of such machines: \
         {per_job:.0} records a job, {:.0} s building them at {rate:.0} records/s, plus {:.0} s \
         checking the whole project: about {:.1} min a job, then the join (about {:.0} s); one \
         machine alone: about {:.0} min",
        cases as f64 * scale,
        per_job / rate,
        check_secs * scale,
        job / 60.0,
        join_secs * scale,
        (check_secs * scale + target / rate) / 60.0
    );
    Ok(())
}
