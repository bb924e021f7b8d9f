//! Write what `build` publishes beside the records: `public/register.json` and
//! `public/index.html` (the public register), `index.html` and `cases/<case>.html` (the
//! internal index). All of it is made again from the whole project at every build, each
//! file through a temporary file and a rename.

use std::collections::BTreeMap;
use std::path::Path;

use super::{case_page, index_page, public_page, register, summary};
use crate::check::{Ctx, contexts, schedule};
use crate::diag::{Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::load::{CaseFile, Date, Rules};
use crate::output::{self, Entry, paths};

/// What was written, for the build's summary.
pub struct Written {
    pub certificates: usize,
    pub pages: usize,
}

pub fn write(
    out: &Path,
    files: &[&[CaseFile]],
    findings: &[&Diagnostic],
    rules: &Rules,
    as_of: Date,
    records: &[Entry],
) -> Result<Written> {
    let ctxs: Vec<Ctx> = files
        .iter()
        .flat_map(|f| contexts(f, rules, as_of).1)
        .collect();
    let register = register::register(ctxs.iter().map(|c| c.case), rules, as_of);
    let json = serde_json::to_string_pretty(&register)
        .map_err(|e| Error::io(out.join("public/register.json"), std::io::Error::other(e)))?;
    put(out, "public/register.json", &(json + "\n"))?;
    put(out, "public/index.html", &public_page::page(&register))?;

    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in findings {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }
    let mut by_case: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in records {
        by_case.entry(e.case.as_str()).or_default().push(e);
    }
    let mut lines = Vec::new();
    let mut pages = Vec::new();
    for ctx in &ctxs {
        let case = &ctx.case.case.value;
        let Ok(name) = paths::component(case) else {
            continue;
        };
        let page = format!("cases/{name}.html");
        let mut due = schedule::due(ctx);
        due.sort_by_key(|d| d.due);
        let summary = summary::of(ctx.case, as_of);
        let found = by_file.get(ctx.file).map(Vec::as_slice).unwrap_or_default();
        let recs = by_case
            .get(case.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        put(
            out,
            &page,
            &case_page::page(ctx, &summary, &due, recs, found),
        )?;
        lines.push(index_page::Line {
            case: case.clone(),
            page: page.clone(),
            client: ctx.case.client.name.value.clone(),
            scheme: ctx
                .scheme
                .map_or_else(|| ctx.case.scheme.value.clone(), |s| s.name.value.clone()),
            status: summary.status,
            class: summary.class,
            next: due
                .first()
                .map(|d| (d.due.to_string(), d.what.clone(), d.due < as_of)),
            records: recs.len(),
            errors: found
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count(),
            warnings: found
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
            numbers: crate::check::standing::numbers(ctx.case)
                .into_iter()
                .map(str::to_string)
                .collect(),
        });
        pages.push(name + ".html");
    }
    lines.sort_by(|a, b| a.case.cmp(&b.case));
    put(
        out,
        "index.html",
        &index_page::page(&lines, &as_of.to_string()),
    )?;
    remove_stale(&out.join("cases"), &pages)?;
    Ok(Written {
        certificates: register.certificates.len(),
        pages: pages.len() + 2,
    })
}

fn put(out: &Path, rel: &str, text: &str) -> Result<()> {
    let path = paths::under(out, rel)
        .map_err(|e| Error::io(out.join(rel), std::io::Error::other(e.to_string())))?;
    output::write_atomic(&path, text.as_bytes())
}

/// A case page whose case is gone (renamed, deleted) would link to records that no longer
/// exist; the pages are made from the cases, so an old one is simply removed.
fn remove_stale(dir: &Path, keep: &[String]) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") && !keep.contains(&name) && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}
