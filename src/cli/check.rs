use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CheckOpts, Exit};
use crate::diag::emit::{self, Format};
use crate::driver;
use crate::error::{Error, Result};

#[derive(Args)]
pub struct CheckArgs {
    /// Case files or folders (default: every case under cases/)
    paths: Vec<PathBuf>,
    #[command(flatten)]
    opts: CheckOpts,
    /// Report only these rules (comma-separated ids, see `certdoc rules`); problems that
    /// stop a file loading are always reported
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    select: Vec<String>,
}

pub fn run(args: &CheckArgs, root: &Path) -> Result<Exit> {
    for id in &args.select {
        if crate::check::registry::find(id).is_none() {
            return Err(Error::Usage(format!(
                "`--select {id}`: no such rule; {}`certdoc rules` lists them",
                crate::check::registry::did_you_mean(id)
            )));
        }
    }
    let mut checked =
        driver::check_project_with(root, &args.paths, args.opts.as_of(), args.opts.loading())?;
    if !args.select.is_empty() {
        let ids: Vec<&str> = args.select.iter().map(String::as_str).collect();
        checked.report.select(&ids);
    }
    let report = &checked.report;
    let color = args.opts.format == Format::Human && super::color_stdout();
    let text = emit::render(report, args.opts.format, color);
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(if report.errors() > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
