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
    /// The records' document numbers (e.g. TB-PIC-2026-003-PL-S2); each gets its next revision
    #[arg(required = true)]
    numbers: Vec<String>,
    /// What changed, as the revision table will say it
    #[arg(long)]
    change: String,
    /// Staff id of who revises it (default: who issued the last revision)
    #[arg(long, value_name = "ID")]
    by: Option<String>,
    /// The revision's date (default: today)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    date: Option<Date>,
    /// A changed audit plan: the date the client agreed to the change
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    agreed: Option<Date>,
}

pub fn run(args: &ReviseArgs, root: &Path) -> Result<Exit> {
    let date = args
        .date
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    if args.change.trim().is_empty() {
        return Err(Error::Usage("--change must say what changed".into()));
    }
    let checked = crate::driver::check_project(root, &[], date)?;
    // Every entry is worked out and applied in memory first: either every record named
    // gets its revision, or no file changes.
    let mut texts: std::collections::BTreeMap<String, String> = Default::default();
    let mut out = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for number in &args.numbers {
        let number = number.trim();
        if !seen.insert(number) {
            continue;
        }
        let next = next_revision(args, &checked, number, date)?;
        let path = root.join(&next.file);
        let text = match texts.remove(&next.file) {
            Some(t) => t,
            None => std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?,
        };
        let date_text = date.to_string();
        let agreed_text = args.agreed.map(|d| d.to_string());
        let entry = edit::NewRevision {
            rev: &next.rev,
            date: &date_text,
            by: Some(&next.by),
            change: args.change.trim(),
            agreed: agreed_text.as_deref(),
        };
        let new = edit::append_revision(&text, number, &entry)
            .map_err(|e| Error::Usage(format!("{}: {e}", next.file)))?;
        texts.insert(next.file.clone(), new);
        out.push_str(&format!(
            "{}: declared {number} {} ({date}, {}): {}\n",
            next.file,
            next.rev,
            next.by,
            args.change.trim()
        ));
    }
    for (file, text) in &texts {
        crate::atomic::write(&root.join(file), text.as_bytes())?;
    }
    out.push_str("next: certdoc check, then certdoc build\n");
    super::print(&out)?;
    Ok(Exit::Clean)
}

/// The revision to declare for one record.
struct Next {
    /// The case file, relative to the root.
    file: String,
    rev: String,
    by: String,
}

fn next_revision(
    args: &ReviseArgs,
    checked: &crate::driver::Checked,
    number: &str,
    date: Date,
) -> Result<Next> {
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
    Ok(Next {
        file: file.source.path.clone(),
        rev: revisions::next(&last.rev),
        by,
    })
}
