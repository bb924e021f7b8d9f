//! `certdoc new CASE --scheme S --body B`: start a case from a commented skeleton.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Exit;
use crate::error::{Error, Result};
use crate::load::{self, formats, skeleton};

#[derive(Args)]
pub struct NewArgs {
    /// The case number (e.g. TB-PIC-2027-001)
    case: String,
    /// The scheme: a file under rules/schemes/
    #[arg(long)]
    scheme: String,
    /// The certification body: a file under rules/bodies/
    #[arg(long)]
    body: String,
    /// Where to write it (default: cases/<case>.yaml)
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: &NewArgs, root: &Path) -> Result<Exit> {
    if !(formats::CASE_NUMBER.check)(&args.case) {
        return Err(Error::Usage(format!(
            "`{}` is not a case number: {}",
            args.case,
            formats::CASE_NUMBER.rule
        )));
    }
    let rules = load::load_rules(root)?;
    let scheme = rules.schemes.get(&args.scheme).ok_or_else(|| {
        unknown(
            "scheme",
            &args.scheme,
            rules.schemes.keys(),
            "rules/schemes/",
        )
    })?;
    let body = rules
        .bodies
        .get(&args.body)
        .ok_or_else(|| unknown("body", &args.body, rules.bodies.keys(), "rules/bodies/"))?;
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("cases").join(format!("{}.yaml", args.case)));
    if path.exists() {
        return Err(Error::Usage(format!(
            "{} exists already; certdoc new never overwrites a case file",
            path.display()
        )));
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let schema = schema_path(root, folder);
    let text = skeleton::text(&args.case, &args.scheme, scheme, body, &schema);
    crate::atomic::write(&path, text.as_bytes())?;
    let shown = load::display_path(root, &path);
    let holes = load::placeholder::find(&text).len();
    println!(
        "wrote {shown}: replace its {holes} {} values (`certdoc check {shown}` lists them), then \
         add audits as the case goes on",
        load::placeholder::MARK
    );
    Ok(Exit::Clean)
}

/// `schema/case.schema.json` as seen from `folder`, for the editor modeline.
fn schema_path(root: &Path, folder: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    match folder.strip_prefix(&root) {
        Ok(rel) => {
            let up = "../".repeat(rel.components().count());
            format!("{up}schema/case.schema.json")
        }
        Err(_) => root.join("schema/case.schema.json").display().to_string(),
    }
}

fn unknown<'a>(
    what: &str,
    given: &str,
    known: impl Iterator<Item = &'a String>,
    folder: &str,
) -> Error {
    let known: Vec<&str> = known.map(String::as_str).collect();
    let hint = crate::diag::suggest::closest(given, known.iter().copied())
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    Error::Usage(format!(
        "no {what} `{given}` under {folder}{hint}; known: {}",
        known.join(", ")
    ))
}
