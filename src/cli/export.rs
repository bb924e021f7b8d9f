//! `certdoc export register`: the public register for upload to other registers (IAF
//! CertSearch's certification template) as xlsx, csv, or the JSON of `register.json`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};

use super::{Exit, parse_date, print};
use crate::driver;
use crate::error::{Error, Result};
use crate::load::Date;
use crate::publish::{export, register};

#[derive(Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Every certificate with its status, one row per certificate and site
    Register(RegisterArgs),
}

#[derive(Args)]
struct RegisterArgs {
    /// The day the statuses are as of (YYYY-MM-DD); default: today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    #[arg(long, value_enum, default_value_t = ExportFormat::Xlsx)]
    format: ExportFormat,
    /// Where to write it (default: stdout for csv and json; xlsx needs a file)
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// IAF CertSearch's Excel upload template
    Xlsx,
    /// The same columns as CSV (UTF-8 with a byte-order mark)
    Csv,
    /// The same data as output/public/register.json
    Json,
}

pub fn run(args: &ExportArgs, root: &Path) -> Result<Exit> {
    let What::Register(args) = &args.what;
    let as_of = args
        .as_of
        .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
    if args.format == ExportFormat::Xlsx && args.out.is_none() {
        return Err(Error::Usage(
            "an xlsx file is binary: name the file to write with -o FILE".into(),
        ));
    }
    let checked = driver::check_project_with(root, &[], as_of, driver::Loading::default())?;
    let cases = checked.cases.iter().filter_map(|f| f.case.as_ref());
    let register = register::register(cases, &checked.rules, as_of);
    let failed = |e: export::ExportError| Error::Usage(e.to_string());
    let bytes = match args.format {
        ExportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&register)
                .map_err(|e| Error::io("<register>", std::io::Error::other(e)))?;
            text.push('\n');
            text.into_bytes()
        }
        ExportFormat::Csv => {
            export::csv(&export::rows(&register, &checked.rules).map_err(failed)?).into_bytes()
        }
        ExportFormat::Xlsx => export::xlsx(
            &export::rows(&register, &checked.rules).map_err(failed)?,
            as_of,
        )
        .map_err(failed)?,
    };
    match &args.out {
        Some(path) => crate::atomic::write(path, &bytes)?,
        None => print(&String::from_utf8_lossy(&bytes))?,
    }
    let errors = checked.report.errors();
    if errors > 0 {
        eprintln!(
            "note: `certdoc check` reports {errors} error(s); the register shows the data as \
             recorded: correct it before uploading"
        );
        return Ok(Exit::Findings);
    }
    Ok(Exit::Clean)
}
