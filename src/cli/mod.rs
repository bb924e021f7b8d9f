//! The command line: argument parsing and one small driver per subcommand.

mod build;
mod check;
mod diff;
mod explain;
mod export;
mod index;
mod new;
mod records;
mod revise;
mod rules;
mod schema;
mod status;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diag::emit::{self, Format};
use crate::error::{Error, Result};
use crate::load::{self, Date};

/// Exit status per the contract: 0 no errors, 1 errors in the data, 2 the tool failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Clean = 0,
    Findings = 1,
    Failure = 2,
}

#[derive(Parser)]
#[command(
    name = "certdoc",
    version,
    about = "Check certification cases against the scheme rules and render their controlled records"
)]
pub struct Cli {
    /// Project root (the folder holding rules/); default: the first such folder at or above the working directory
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new case from a commented skeleton (every required field, FILL-IN values)
    New(new::NewArgs),
    /// Validate case files against the schema, the body and the scheme rules
    Check(check::CheckArgs),
    /// Check, then render every controlled record of every valid case to PDF under output/
    Build(build::BuildArgs),
    /// List rule ids with severity and citations
    Rules(rules::RulesArgs),
    /// What a rule checks, its parameters per scheme, and the clauses it cites
    Explain(explain::ExplainArgs),
    /// Print the JSON Schema of case files (for editors)
    Schema,
    /// Declare the next revision of a record in its case file
    Revise(revise::ReviseArgs),
    /// List the records a change since a git revision issues anew or adds, with the changed fields
    Diff(diff::DiffArgs),
    /// What is due across all cases (surveillance, recertification, NC verification, report delivery, suspension end), soonest first
    Status(status::StatusArgs),
    /// The records each case will produce (form, number, revision), new, changed or unchanged, before building
    Records(records::RecordsArgs),
    /// Join the parts of the index that `build --shard I/N` wrote, once every case was built
    Index(index::IndexArgs),
    /// Export the public register for upload to other registers (IAF CertSearch's template)
    Export(export::ExportArgs),
}

/// Options of every checking command.
#[derive(Args, Clone)]
pub struct CheckOpts {
    /// The date rules that depend on "today" are judged at (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Parse every file afresh instead of reusing unchanged parses from .certdoc-cache/
    #[arg(long)]
    no_cache: bool,
}

impl CheckOpts {
    fn loading(&self) -> crate::driver::Loading {
        crate::driver::Loading {
            cache: !self.no_cache,
            ..crate::driver::Loading::default()
        }
    }

    fn as_of(&self) -> Date {
        self.as_of
            .unwrap_or_else(|| Date(chrono::Local::now().date_naive()))
    }
}

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

fn root(cli_root: Option<&Path>) -> Result<PathBuf> {
    match cli_root {
        Some(r) => {
            if r.join("rules").is_dir() {
                r.canonicalize().map_err(|e| Error::io(r, e))
            } else {
                Err(Error::Usage(format!(
                    "--root {}: that folder has no rules/ folder",
                    r.display()
                )))
            }
        }
        None => {
            let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
            load::find_root(&cwd)
        }
    }
}

pub(crate) fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Parse arguments, run the command, print a tool failure, and return the exit status.
pub fn main() -> i32 {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let code = if e.use_stderr() {
                Exit::Failure
            } else {
                Exit::Clean
            };
            let _ = e.print();
            return code as i32;
        }
    };
    match run(cli) {
        Ok(exit) => exit as i32,
        // `certdoc schema | head`: the reader closed the pipe. Stop quietly with the status
        // a Unix tool ended by SIGPIPE has (128 + 13), so `set -o pipefail` still notices.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 141,
        Err(e) => {
            eprintln!("error: {e}");
            // CI parsing stdout as JSON or SARIF must get a document saying why, not nothing.
            if let Some(doc) = emit::tool_error(&(&e).into(), requested_format(&matches)) {
                let _ = print(&doc);
            }
            Exit::Failure as i32
        }
    }
}

/// Write a command's output to stdout. A closed pipe is an error the caller returns, so
/// that `main` can end quietly instead of panicking as `print!` would.
pub(crate) fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// The `--format` of the subcommand, when it takes one of the diagnostic formats.
fn requested_format(matches: &clap::ArgMatches) -> Format {
    matches
        .subcommand()
        .and_then(|(_, m)| m.try_get_one::<Format>("format").ok().flatten().copied())
        .unwrap_or_default()
}

fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Schema => schema::run(),
        Command::Explain(args) => explain::run(&args, &root(cli.root.as_deref())?),
        Command::Rules(args) => rules::run(&args, &root(cli.root.as_deref())?),
        Command::Check(args) => check::run(&args, &root(cli.root.as_deref())?),
        Command::Build(args) => build::run(&args, &root(cli.root.as_deref())?),
        Command::Status(args) => status::run(&args, &root(cli.root.as_deref())?),
        Command::Revise(args) => revise::run(&args, &root(cli.root.as_deref())?),
        Command::Diff(args) => diff::run(&args, &root(cli.root.as_deref())?),
        Command::New(args) => new::run(&args, &root(cli.root.as_deref())?),
        Command::Records(args) => records::run(&args, &root(cli.root.as_deref())?),
        Command::Index(args) => index::run(&args, &root(cli.root.as_deref())?),
        Command::Export(args) => export::run(&args, &root(cli.root.as_deref())?),
    }
}
