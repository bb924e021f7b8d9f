use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CheckOpts, Exit};
use crate::diag::emit::{self, Format};
use crate::driver::build::{self, Built, Options};
use crate::error::{Error, Result};

#[derive(Args)]
pub struct BuildArgs {
    /// Case files or folders (default: every case under cases/)
    paths: Vec<PathBuf>,
    #[command(flatten)]
    opts: CheckOpts,
    /// Where to write the records (default: output/ under the root)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Worker threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Fail (exit 1) instead of changing any lock file: for CI, where the locks in git
    /// must already list every issued revision
    #[arg(long)]
    locked: bool,
    /// Typeset every record again, even issued ones whose file is in place (the output
    /// must come out byte for byte the same)
    #[arg(long)]
    force: bool,
    /// Build only the cases of shard I of N (by a hash of the case number) and write this
    /// shard's part of the index to output/index.d/; `certdoc index` joins the parts
    #[arg(long, value_name = "I/N", value_parser = crate::output::shard::Shard::parse)]
    shard: Option<crate::output::shard::Shard>,
    /// Build, then build again whenever a case, rules or template file is saved (until
    /// interrupted), printing the check's result each time
    #[arg(long, conflicts_with_all = ["locked", "shard"])]
    watch: bool,
}

pub fn run(args: &BuildArgs, root: &Path) -> Result<Exit> {
    if !args.watch {
        return once(args, root);
    }
    let mut seen = snapshot(root);
    if let Err(e) = once(args, root) {
        eprintln!("error: {e}");
    }
    eprintln!("watching cases/, rules/ and templates/ for changes (Ctrl-C stops)");
    loop {
        std::thread::sleep(std::time::Duration::from_millis(250));
        let now = snapshot(root);
        if now == seen {
            continue;
        }
        // An editor may write a file in more than one step: wait until it settles.
        std::thread::sleep(std::time::Duration::from_millis(150));
        let settled = snapshot(root);
        let changed: Vec<String> = settled
            .iter()
            .filter(|f| !seen.contains(f))
            .map(|(p, _, _)| crate::load::display_path(root, p))
            .take(5)
            .collect();
        seen = settled;
        eprintln!(
            "\n{} changed: {}; building again",
            chrono::Local::now().format("%H:%M:%S"),
            if changed.is_empty() {
                "a file was removed".to_string()
            } else {
                changed.join(", ")
            }
        );
        // A failure (a template that does not parse) is shown and the watch goes on.
        if let Err(e) = once(args, root) {
            eprintln!("error: {e}");
        }
    }
}

/// Every file a build reads, with its modification time and length.
fn snapshot(root: &Path) -> Vec<(std::path::PathBuf, Option<std::time::SystemTime>, u64)> {
    let mut files: Vec<_> = ["cases", "rules", "templates"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)).into_iter().flatten())
        .filter(|e| e.file_type().is_file())
        // The lock files are what a build writes: a change of theirs is not a cause.
        .filter(|e| e.path().extension().is_none_or(|x| x != "lock"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.into_path(), meta.modified().ok(), meta.len()))
        })
        .collect();
    files.sort();
    files
}

fn once(args: &BuildArgs, root: &Path) -> Result<Exit> {
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // A bar on a terminal only: CI logs and pipes get the summary alone.
    let show = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let progress: Option<Box<dyn Fn(usize, usize) + Sync>> = show.then(|| {
        Box::new(|done: usize, total: usize| {
            let width = 30;
            let filled = (done * width)
                .checked_div(total)
                .unwrap_or(width)
                .min(width);
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r  rendering [{}{}] {done}/{total}",
                "=".repeat(filled),
                " ".repeat(width - filled)
            );
            if done == total {
                let _ = write!(err, "\r{}\r", " ".repeat(width + 40));
            }
            let _ = err.flush();
        }) as Box<dyn Fn(usize, usize) + Sync>
    });
    let options = Options {
        out: args.out.clone().unwrap_or_else(|| root.join("output")),
        threads,
        progress,
        loading: args.opts.loading(),
        locked: args.locked,
        force: args.force,
        shard: args.shard,
    };
    let built = build::build_project(root, &args.paths, args.opts.as_of(), &options)?;
    let report = &built.report;
    let human = args.opts.format == Format::Human;
    let text = emit::render(report, args.opts.format, human && super::color_stdout());
    let summary = summary(&built);
    let mut stdout = std::io::stdout().lock();
    let printed = stdout.write_all(text.as_bytes()).and_then(|()| {
        if human {
            writeln!(stdout, "{summary}")
        } else {
            Ok(())
        }
    });
    printed
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    if !human {
        eprintln!("{summary}");
    }
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    for f in &built.failures {
        eprintln!("error: {f}");
    }
    Ok(if !built.failures.is_empty() {
        Exit::Failure
    } else if report.errors() > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn summary(b: &Built) -> String {
    let records = b.entries.len();
    let secs = b.elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        records as f64 / secs
    } else {
        0.0
    };
    let mut s = format!(
        "built {records} records ({} pages) of {} cases in {secs:.2} s ({rate:.0} records/s; \
         {} written, {} unchanged; templates and fonts loaded in {} ms)",
        b.pages,
        b.cases - b.skipped.len(),
        b.written,
        b.unchanged,
        b.setup.as_millis()
    );
    match &b.site {
        Some(site) => s.push_str(&format!(
            "\npublished {} certificate(s) to public/ and {} HTML page(s) in {} ms",
            site.certificates,
            site.pages,
            b.site_time.as_millis()
        )),
        None => s.push_str(
            "\nwrote this shard's part of the index to index.d/: `certdoc index` joins the \
             parts once every shard is built",
        ),
    }
    if !b.skipped.is_empty() {
        s.push_str(&format!(
            "\nnot built (errors above): {}",
            b.skipped.join(", ")
        ));
    }
    s
}
