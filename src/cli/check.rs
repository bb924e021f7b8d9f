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
}

pub fn run(args: &CheckArgs, root: &Path) -> Result<Exit> {
    let checked =
        driver::check_project_with(root, &args.paths, args.opts.as_of(), args.opts.loading())?;
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
