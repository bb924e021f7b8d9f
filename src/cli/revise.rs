//! `certdoc revise <number> --change "…"`: declare the next revision of a record in its
//! case file, leaving every other line and comment as it was.

use std::path::Path;

use clap::Args;

use super::Exit;
use crate::control::{Origin, revisions};
use crate::error::{Error, Result};
use crate::load::{Date, edit};

#[derive(Args)]
pub struct ReviseArgs {
    /// The record's document number (e.g. TB-PIC-2026-003-PL-S2)
    number: String,
    /// What changed, as the revision table will say it
    #[arg(long)]
    change: String,
    /// Staff id of who revises it (default: who issued the last revision)
    #[arg(long, value_name = "ID")]
    by: Option<String>,
    /// The revision's date (default: today)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    date: Option<Date>,
}

pub fn run(args: &ReviseArgs, root: &Path) -> Result<Exit> {
    let date = args
        .date
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    let checked = crate::driver::check_project(root, &[], date)?;
    let number = args.number.trim();
    let found = checked
        .cases
        .iter()
        .zip(&checked.records)
        .find_map(|(f, prepared)| {
            prepared
                .iter()
                .find(|p| p.planned.doc.number == number)
                .map(|p| (f, p))
        });
    let Some((file, prepared)) = found else {
        return Err(Error::Usage(format!(
            "no case under cases/ has a record numbered {number} (`certdoc build` lists them in output/index.json)"
        )));
    };
    let revs = &prepared.planned.revisions;
    let Some(last) = revs.last() else {
        return Err(Error::Usage(format!("{number} has no revision yet")));
    };
    if let Origin::Declared(_) = last.origin {
        return Err(Error::Usage(format!(
            "{number} {} is declared in {} and not issued yet: change its entry instead of adding another",
            last.rev, file.source.path
        )));
    }
    if date < last.date {
        return Err(Error::Usage(format!(
            "{number} {} is dated {}; a new revision cannot be dated earlier ({date})",
            last.rev, last.date
        )));
    }
    let by = match args.by.clone().or_else(|| last.by.clone()) {
        Some(by) => by,
        None => {
            return Err(Error::Usage(format!(
                "say who revises {number}: --by <staff id>"
            )));
        }
    };
    if args.change.trim().is_empty() {
        return Err(Error::Usage("--change must say what changed".into()));
    }
    let rev = revisions::next(&last.rev);
    let path = root.join(&file.source.path);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let date_text = date.to_string();
    let entry = edit::NewRevision {
        rev: &rev,
        date: &date_text,
        by: Some(&by),
        change: args.change.trim(),
    };
    let new = edit::append_revision(&text, number, &entry)
        .map_err(|e| Error::Usage(format!("{}: {e}", file.source.path)))?;
    crate::atomic::write(&path, new.as_bytes())?;
    super::print(&format!(
        "{}: declared {number} {rev} ({date}, {by}): {}\nnext: certdoc check, then certdoc build\n",
        file.source.path,
        args.change.trim()
    ))?;
    Ok(Exit::Clean)
}
