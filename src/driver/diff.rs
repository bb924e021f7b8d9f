//! `certdoc diff <git-rev>`: which records a change since that git revision issues anew or
//! adds, and which fields changed. The project at the revision is read from git into a
//! temporary folder and checked as it was; both sides' records are compared by document
//! number and fields.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::check::control::Prepared;
use crate::control::{Origin, fingerprint};
use crate::error::{Error, Result};
use crate::load::Date;

/// What a change does to one record.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RecordChange {
    pub case: String,
    pub number: String,
    pub form: String,
    /// The form's title, as the body names it.
    pub title: String,
    /// `added`, `revised` (a new revision), `changed` (fields changed under the same
    /// revision: `revision-required`), `removed`.
    pub what: &'static str,
    /// The current revision before and after.
    pub before: Option<String>,
    pub after: Option<String>,
    /// New revisions after the change note.
    pub notes: Vec<String>,
    /// Changed fields, `path: "old" → "new"` where short.
    pub fields: Vec<String>,
}

/// Compare the project at `rev` with the working tree.
pub fn diff(root: &Path, rev: &str, as_of: Date) -> Result<Vec<RecordChange>> {
    let old_root = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    export(root, rev, old_root.path())?;
    let before = super::check_project(old_root.path(), &[], as_of)?;
    let after = super::check_project(root, &[], as_of)?;
    Ok(compare(&flatten(before), &flatten(after)))
}

fn flatten(checked: super::Checked) -> Vec<Prepared> {
    let mut out = Vec::new();
    for (f, mut prepared) in checked.cases.iter().zip(checked.records) {
        crate::check::control::fill_fields(f, &checked.rules, &checked.project, &mut prepared);
        out.extend(prepared);
    }
    out
}

/// Write the files of `rules/`, `cases/` and `templates/` (without fonts, which records'
/// fields do not depend on) at `rev` under `to`.
fn export(root: &Path, rev: &str, to: &Path) -> Result<()> {
    let git = |args: &[&str]| -> Result<Vec<u8>> {
        let out = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .map_err(|e| Error::io(PathBuf::from("git"), e))?;
        if !out.status.success() {
            return Err(Error::Usage(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(out.stdout)
    };
    if rev.starts_with('-') {
        return Err(Error::Usage(format!("`{rev}` is not a git revision")));
    }
    let listed = git(&[
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        "--full-name",
        rev,
        "--",
        "rules",
        "cases",
        "templates",
    ])?;
    for name in listed.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        if name.starts_with("templates/fonts/") {
            continue;
        }
        // Names come from git; each must stay inside the temporary folder.
        if name
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
        {
            continue;
        }
        let bytes = git(&["show", &format!("{rev}:{name}")])?;
        let path = to.join(&name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    if !to.join("rules").is_dir() {
        return Err(Error::Usage(format!("{rev} has no rules/ folder")));
    }
    Ok(())
}

/// Records of `after` that are new or say something else than in `before`.
pub fn compare(before: &[Prepared], after: &[Prepared]) -> Vec<RecordChange> {
    let mut out = Vec::new();
    for a in after {
        let number = &a.planned.doc.number;
        let old = before.iter().find(|b| &b.planned.doc.number == number);
        let rev_after = a.record.revision.clone();
        let base = RecordChange {
            case: a.record.case.clone(),
            number: number.clone(),
            form: a.record.form.to_string(),
            title: a.record.form_title.clone(),
            what: "added",
            before: None,
            after: Some(rev_after.clone()),
            notes: Vec::new(),
            fields: Vec::new(),
        };
        let Some(old) = old else {
            out.push(RecordChange {
                notes: a
                    .planned
                    .revisions
                    .iter()
                    .map(|r| format!("{} {}", r.rev, r.change))
                    .collect(),
                ..base
            });
            continue;
        };
        let same_form = old.record.form_code == a.record.form_code
            && old.record.form_version == a.record.form_version;
        let none = fingerprint::Fields::new();
        let (was, now) = (
            old.fields.as_ref().unwrap_or(&none),
            a.fields.as_ref().unwrap_or(&none),
        );
        let fields: Vec<String> = fingerprint::changes(was, now, same_form)
            .iter()
            .map(fingerprint::Change::describe)
            .collect();
        let revised = old.record.revision != rev_after;
        if !revised && fields.is_empty() {
            continue;
        }
        let notes = a
            .planned
            .revisions
            .iter()
            .skip_while(|r| r.rev != old.record.revision)
            .skip(1)
            .map(|r| {
                let how = if r.origin == Origin::Implied {
                    " (implied by a stage)"
                } else {
                    ""
                };
                format!("{} {}{how}", r.rev, r.change)
            })
            .collect();
        out.push(RecordChange {
            what: if revised { "revised" } else { "changed" },
            before: Some(old.record.revision.clone()),
            notes,
            fields,
            ..base
        });
    }
    for b in before {
        if !after
            .iter()
            .any(|a| a.planned.doc.number == b.planned.doc.number)
        {
            out.push(RecordChange {
                case: b.record.case.clone(),
                number: b.planned.doc.number.clone(),
                form: b.record.form.to_string(),
                title: b.record.form_title.clone(),
                what: "removed",
                before: Some(b.record.revision.clone()),
                after: None,
                notes: Vec::new(),
                fields: Vec::new(),
            });
        }
    }
    out.sort_by(|x, y| (&x.case, &x.number).cmp(&(&y.case, &y.number)));
    out
}

/// The changes as a reader of a terminal or a pull request wants them.
pub fn human(changes: &[RecordChange], markdown: bool) -> String {
    let mut s = String::new();
    if changes.is_empty() {
        s.push_str("no record is added or re-issued by this change\n");
        return s;
    }
    if markdown {
        s.push_str("### Records this change issues\n\n| record | form | revision | what changed |\n|---|---|---|---|\n");
    }
    for c in changes {
        let revs = match (&c.before, &c.after) {
            (None, Some(a)) => format!("new, {a}"),
            (Some(b), Some(a)) if b != a => format!("{b} → {a}"),
            (Some(b), Some(_)) => format!("{b}, no new revision (revision-required)"),
            (Some(b), None) => format!("{b}, no longer produced"),
            (None, None) => String::new(),
        };
        let mut what: Vec<String> = c.notes.clone();
        what.extend(c.fields.iter().cloned());
        if markdown {
            let cell = |t: &str| t.replace('|', "\\|").replace('\n', " ");
            s.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                c.number,
                c.title,
                cell(&revs),
                what.iter()
                    .map(|w| cell(w))
                    .collect::<Vec<_>>()
                    .join("<br>")
            ));
        } else {
            s.push_str(&format!("{} ({}): {}\n", c.number, c.title, revs));
            for w in what {
                s.push_str(&format!("    {w}\n"));
            }
        }
    }
    s
}
