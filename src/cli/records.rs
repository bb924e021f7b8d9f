//! `certdoc records [PATH…]`: the records each case will produce, before building them:
//! form, document number, current revision and whether it is new, a new revision of an
//! issued record (changed), or issued already (unchanged).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{Exit, parse_date, print};
use crate::control::Origin;
use crate::driver;
use crate::error::Result;
use crate::load::Date;

#[derive(Args)]
pub struct RecordsArgs {
    /// Case files or folders (default: every case under cases/)
    paths: Vec<PathBuf>,
    /// The date the check judges at (YYYY-MM-DD); default: today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Where the records would go, to tell whether an issued file is in place (default:
    /// output/ under the root)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// What the next build does with a record.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum State {
    /// Never issued: written for the first time.
    New,
    /// A new revision of an issued record.
    Changed,
    /// Issued at this revision already.
    Unchanged,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::New => "new",
            State::Changed => "changed",
            State::Unchanged => "unchanged",
        }
    }
}

#[derive(Serialize)]
struct Line {
    case: String,
    file: String,
    form: String,
    form_code: String,
    form_version: String,
    number: String,
    revision: String,
    state: State,
    /// The PDF this revision is (or will be) written to, relative to the output folder.
    pdf: String,
    /// For an issued revision: whether its PDF is in the output folder.
    in_place: bool,
    /// The case has errors: `build` will not write it.
    blocked: bool,
}

pub fn run(args: &RecordsArgs, root: &Path) -> Result<Exit> {
    let as_of = args
        .as_of
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    let loading = driver::Loading {
        cache: true,
        ..driver::Loading::default()
    };
    let checked = driver::check_project_with(root, &args.paths, as_of, loading)?;
    let out = args.out.clone().unwrap_or_else(|| root.join("output"));
    let failing = checked.report.files_with_errors();
    let mut lines = Vec::new();
    for (file, prepared) in checked.cases.iter().zip(&checked.records) {
        for p in prepared {
            let r = &p.record;
            let state = if r.issued() {
                State::Unchanged
            } else if r.revisions.iter().any(|v| v.origin == Origin::Issued) {
                State::Changed
            } else {
                State::New
            };
            let pdf =
                crate::output::record_path(&r.case, &r.number, &r.revision).unwrap_or_default();
            lines.push(Line {
                case: r.case.clone(),
                file: file.source.path.clone(),
                form: r.form.to_string(),
                form_code: r.form_code.clone(),
                form_version: r.form_version.clone(),
                number: r.number.clone(),
                revision: r.revision.clone(),
                state,
                in_place: state == State::Unchanged && out.join(&pdf).is_file(),
                pdf,
                blocked: failing.contains(file.source.path.as_str()),
            });
        }
    }
    lines.sort_by(|a, b| (&a.case, &a.number).cmp(&(&b.case, &b.number)));
    let text = match args.format {
        ListFormat::Json => serde_json::to_string_pretty(&lines).unwrap_or_default() + "\n",
        ListFormat::Human => human(&lines),
    };
    print(&text)?;
    Ok(if checked.report.errors() > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn human(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut case = "";
    for l in lines {
        if l.case != case {
            case = &l.case;
            let blocked = if l.blocked {
                "  — has errors: `certdoc check` says which; build writes none of it"
            } else {
                ""
            };
            let _ = writeln!(out, "{} ({}){blocked}", l.case, l.file);
        }
        let note = match (l.state, l.in_place) {
            (State::Unchanged, false) => "  (file not in output/: build writes it again)",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  {:<9}  {:<4}  {:<32}  {:<13}  {} {}{note}",
            l.state.name(),
            l.revision,
            l.number,
            l.form,
            l.form_code,
            l.form_version
        );
    }
    let count = |s: State| lines.iter().filter(|l| l.state == s).count();
    let _ = writeln!(
        out,
        "\n{} record(s): {} new, {} changed (a new revision), {} unchanged",
        lines.len(),
        count(State::New),
        count(State::Changed),
        count(State::Unchanged)
    );
    out
}
