//! `certdoc index`: join the parts of the index that sharded builds wrote (`build --shard
//! I/N`), once every case was built by exactly one shard, into `index.json`, the public
//! register and the HTML index, as an unsharded build writes them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{Exit, parse_date};
use crate::driver;
use crate::error::Result;
use crate::load::Date;
use crate::output::{self, shard};
use crate::publish::site;

#[derive(Args)]
pub struct IndexArgs {
    /// The output folder holding every shard's records and index.d/ (default: output/)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The day statuses and deadlines are as of (YYYY-MM-DD); default: today. Give the
    /// shards' --as-of.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
}

pub fn run(args: &IndexArgs, root: &Path) -> Result<Exit> {
    let out = args.out.clone().unwrap_or_else(|| root.join("output"));
    let as_of = args
        .as_of
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    let loading = driver::Loading {
        context_findings: true,
        cache: true,
        ..driver::Loading::default()
    };
    let checked = driver::check_project_with(root, &[], as_of, loading)?;
    let cases: BTreeSet<String> = checked
        .cases
        .iter()
        .filter_map(|f| f.case.as_ref().map(|c| c.case.value.clone()))
        .collect();
    let entries = match shard::join(&out, &cases) {
        Ok(entries) => entries,
        Err(problems) => return Ok(failed(&problems)),
    };
    let missing: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            e.validate(&out).err().map(|why| {
                format!(
                    "{} (case {}): {why}; put every shard's output into one folder",
                    e.file, e.case
                )
            })
        })
        .collect();
    if !missing.is_empty() {
        return Ok(failed(&missing));
    }
    let all: Vec<String> = cases.into_iter().collect();
    for w in output::write_index(&out, &all, &entries)? {
        eprintln!("warning: {w}");
    }
    let findings: Vec<&crate::diag::Diagnostic> = checked.report.diagnostics.iter().collect();
    let written = site::write(
        &out,
        &[&checked.cases],
        &findings,
        &checked.rules,
        as_of,
        &output::read_index(&out),
    )?;
    shard::remove_parts(&out)?;
    println!(
        "joined {} records of {} cases into index.json; published {} certificate(s) and {} HTML \
         page(s)",
        entries.len(),
        all.len(),
        written.certificates,
        written.pages
    );
    let errors = checked.report.errors();
    if errors > 0 {
        eprintln!("note: `certdoc check` reports {errors} error(s); those cases were not built");
        return Ok(Exit::Findings);
    }
    Ok(Exit::Clean)
}

fn failed(problems: &[String]) -> Exit {
    for p in problems {
        eprintln!("error: {p}");
    }
    eprintln!("error: the index was not written; the parts stay in index.d/");
    Exit::Failure
}
