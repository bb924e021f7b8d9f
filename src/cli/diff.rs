//! `certdoc diff <git-rev>`: the records a change since that revision issues or adds.

use std::path::Path;

use clap::{Args, ValueEnum};

use super::Exit;
use crate::error::Result;

#[derive(Args)]
pub struct DiffArgs {
    /// The git revision to compare with (a branch, tag or commit, e.g. origin/main)
    rev: String,
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// The date rules that depend on "today" are judged at (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    as_of: Option<crate::load::Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Human,
    /// A table for a pull-request comment
    Markdown,
    Json,
}

pub fn run(args: &DiffArgs, root: &Path) -> Result<Exit> {
    let as_of = args
        .as_of
        .unwrap_or_else(|| crate::load::Date(chrono::Local::now().date_naive()));
    let changes = crate::driver::diff::diff(root, &args.rev, as_of)?;
    let text = match args.format {
        DiffFormat::Human => crate::driver::diff::human(&changes, false),
        DiffFormat::Markdown => crate::driver::diff::human(&changes, true),
        DiffFormat::Json => {
            let mut t = serde_json::to_string_pretty(&serde_json::json!({ "records": changes }))
                .unwrap_or_default();
            t.push('\n');
            t
        }
    };
    super::print(&text)?;
    Ok(Exit::Clean)
}
