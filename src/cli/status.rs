//! `certdoc status`: what is due across all cases, soonest first, overdue items marked.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{Exit, parse_date};
use crate::check::{contexts, schedule};
use crate::dates::days_between;
use crate::driver;
use crate::error::{Error, Result};
use crate::load::Date;
use crate::publish::calendar::{self, Deadline};

#[derive(Args)]
pub struct StatusArgs {
    /// Case files or folders (default: every case under cases/)
    paths: Vec<PathBuf>,
    /// The day to judge from (YYYY-MM-DD); default: today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Parse every file afresh instead of reusing unchanged parses from .certdoc-cache/
    #[arg(long)]
    no_cache: bool,
    /// Only what is overdue or due within this many days
    #[arg(long, value_name = "DAYS")]
    within: Option<i64>,
    /// Output format (`ics`: an iCalendar file of the deadlines)
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    format: StatusFormat,
    /// Also write the deadlines as an iCalendar file to FILE, whatever --format prints
    #[arg(long, value_name = "FILE")]
    ics: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatusFormat {
    Human,
    Json,
    Ics,
}

#[derive(Serialize)]
struct Item {
    case: String,
    file: String,
    line: u32,
    kind: &'static str,
    /// The rule that sets the date (`certdoc explain <rule>`).
    rule: &'static str,
    what: String,
    due: Date,
    /// Days from `as_of` to `due`; negative when overdue.
    days: i64,
    overdue: bool,
    /// What is due, independent of its date (`check::schedule::Due::key`).
    key: String,
    /// The calendar event's UID (`publish::calendar::uid`): the same from run to run.
    uid: String,
}

impl Item {
    fn deadline(&self) -> Deadline {
        Deadline {
            case: self.case.clone(),
            kind: self.kind.to_string(),
            rule: self.rule.to_string(),
            what: self.what.clone(),
            due: self.due,
            file: self.file.clone(),
            line: self.line,
            uid: self.uid.clone(),
            overdue: self.overdue,
        }
    }
}

#[derive(Serialize)]
struct Status {
    as_of: String,
    items: Vec<Item>,
}

pub fn run(args: &StatusArgs, root: &Path) -> Result<Exit> {
    let as_of = args
        .as_of
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    let loading = driver::Loading {
        cache: !args.no_cache,
        ..driver::Loading::default()
    };
    let checked = driver::check_project_with(root, &args.paths, as_of, loading)?;
    let (_, ctxs) = contexts(&checked.cases, &checked.rules, as_of);
    // Keys are unique per case in valid data; an id recorded twice by mistake (which `check`
    // reports), or one case number in two files, must still not give two events one UID, or
    // a calendar would silently show only one of them. Counted before `--within` filters, so
    // the filter never changes a UID.
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    for ctx in &ctxs {
        let case = &ctx.case.case.value;
        for d in schedule::due(ctx) {
            let days = days_between(as_of, d.due);
            let n = seen
                .entry(format!("{case}\n{}\n{}", d.kind, d.key))
                .and_modify(|n| *n += 1)
                .or_insert(1);
            let uid = match *n {
                1 => calendar::uid(case, d.kind, &d.key),
                n => calendar::uid(case, d.kind, &format!("{}#{n}", d.key)),
            };
            items.push(Item {
                case: case.clone(),
                file: ctx.file.to_string(),
                line: d.pos.line,
                kind: d.kind,
                rule: d.rule,
                what: d.what,
                due: d.due,
                days,
                overdue: days < 0,
                key: d.key,
                uid,
            });
        }
    }
    items.retain(|i| args.within.is_none_or(|w| i.days <= w));
    items.sort_by(|a, b| (a.due, &a.case).cmp(&(b.due, &b.case)));
    let ics = (args.format == StatusFormat::Ics || args.ics.is_some()).then(|| {
        let deadlines: Vec<Deadline> = items.iter().map(Item::deadline).collect();
        calendar::ics(as_of, &deadlines)
    });
    if let (Some(path), Some(ics)) = (&args.ics, &ics) {
        crate::atomic::write(path, ics.as_bytes())?;
    }
    let text = match args.format {
        StatusFormat::Json => {
            let status = Status {
                as_of: as_of.to_string(),
                items,
            };
            serde_json::to_string_pretty(&status).unwrap_or_default() + "\n"
        }
        StatusFormat::Human => {
            let mut text = human(as_of, &items, checked.report.errors());
            if let Some(path) = &args.ics {
                let _ = writeln!(
                    text,
                    "calendar of {} event(s) written to {}",
                    items.len(),
                    path.display()
                );
            }
            text
        }
        StatusFormat::Ics => ics.unwrap_or_default(),
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Exit::Clean)
}

fn human(as_of: Date, items: &[Item], errors: usize) -> String {
    let mut out = String::new();
    if items.is_empty() {
        let _ = writeln!(out, "nothing due as of {as_of}");
    }
    let width = items.iter().map(|i| i.case.len()).max().unwrap_or(0);
    for i in items {
        let when = match i.days {
            d if d < 0 => format!("OVERDUE {} d", -d),
            0 => "today".to_string(),
            d => format!("in {d} d"),
        };
        let _ = writeln!(
            out,
            "{}  {:>13}  {:<width$}  {:<24}  {}  ({}:{}; {})",
            i.due, when, i.case, i.kind, i.what, i.file, i.line, i.rule
        );
    }
    let overdue = items.iter().filter(|i| i.overdue).count();
    let _ = writeln!(
        out,
        "\n{} item(s) as of {as_of}, {overdue} overdue",
        items.len()
    );
    if errors > 0 {
        let _ = writeln!(
            out,
            "note: `certdoc check` reports {errors} error(s); dates here come from the data as recorded"
        );
    }
    out
}
