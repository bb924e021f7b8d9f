//! `certdoc index`: join the parts of the index that sharded builds wrote (`build --shard
//! I/N`), once every case was built by exactly one shard, into `index.json`, the public
//! register and the HTML index, as an unsharded build writes them.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Exit, parse_date};
use crate::driver;
use crate::error::Result;
use crate::load::Date;

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
    let joined = match driver::index::join(root, &out, as_of)? {
        Ok(joined) => joined,
        Err(problems) => {
            for p in &problems {
                eprintln!("error: {p}");
            }
            eprintln!("error: the index was not written; the parts stay in index.d/");
            return Ok(Exit::Failure);
        }
    };
    for w in &joined.warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "joined {} records of {} cases into index.json; published {} certificate(s) and {} HTML \
         page(s)",
        joined.records, joined.cases, joined.site.certificates, joined.site.pages
    );
    if joined.errors > 0 {
        eprintln!(
            "note: `certdoc check` reports {} error(s); those cases were not built",
            joined.errors
        );
        return Ok(Exit::Findings);
    }
    Ok(Exit::Clean)
}
