//! Document control in `check`: each record's fields against its last issued revision in
//! the lock (`revision-required`), lock entries the case no longer produces
//! (`record-withdrawn`), declared revisions that contradict issued ones, and templates
//! against the form versions they were issued as (`form-version-required`).

use std::collections::BTreeMap;

use crate::control::fingerprint::{self, Change, Fields};
use crate::control::project::Project;
use crate::control::{Origin, Src, revisions};
use crate::diag::node_path::NodePaths;
use crate::diag::{Diagnostic, Severity};
use crate::load::{self, CaseFile, Rules};
use crate::records::{self, Planned, Record};
use crate::source::Pos;

/// One document of a case, with its current revision's record and fields.
pub struct Prepared {
    pub planned: Planned,
    pub record: Record,
    /// What the record says, by field: worked out when there is a lock to compare with, or
    /// by [`fill_fields`] when a build or a diff needs it.
    pub fields: Option<Fields>,
}

/// The document-control diagnostics of one case.
pub fn case(f: &CaseFile, prepared: &[Prepared], paths: &NodePaths) -> Vec<Diagnostic> {
    let Some(case) = f.case.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let Some(lock) = f.lock.as_ref() else {
        return out;
    };
    let file = f.source.path.as_str();
    let diag = |rule: &'static str, severity, pos: Pos, message: String| Diagnostic {
        rule,
        severity,
        file: file.to_string(),
        pos,
        message,
        citations: vec!["TB-GZ-036 13.4".into(), "HZL-MSRG-005 12.2".into()],
        related: vec![],
    };
    if lock.case != case.case.trim() {
        out.push(diag(
            "lock-file",
            Severity::Error,
            case.case.pos,
            format!(
                "the lock file beside this case is for case {}, not {}; a case's lock moves \
                 and is renamed with it",
                lock.case,
                case.case.trim()
            ),
        ));
        return out;
    }
    for (number, locked) in &lock.records {
        if !prepared.iter().any(|p| &p.planned.doc.number == number) {
            let last = locked.revisions.last();
            out.push(diag(
                "record-withdrawn",
                Severity::Warning,
                case.case.pos,
                format!(
                    "{number} ({}) was issued{} but this case no longer produces it; its \
                     issued files and lock entry are kept",
                    locked.form,
                    last.map(|r| format!(" as {} on {}", r.rev, r.date))
                        .unwrap_or_default()
                ),
            ));
        }
    }
    let mut case_pos: BTreeMap<String, Pos> = BTreeMap::new();
    for p in prepared {
        for fact in p.record.facts.iter().filter(|f| f.src == Src::Case) {
            case_pos.entry(paths.at(fact.pos)).or_insert(fact.pos);
        }
    }
    for (number, d) in case
        .revisions
        .iter()
        .flat_map(|(n, revs)| revs.iter().map(move |d| (n.trim(), d)))
    {
        if let Some(issued) = lock.issued(number).iter().find(|i| i.rev == d.rev.trim())
            && issued.date != d.date.value
        {
            out.push(diag(
                "revision-required",
                Severity::Error,
                d.date.pos,
                format!(
                    "{number} {} was issued on {}; an issued revision keeps its date (declare \
                     the next revision for a new change)",
                    issued.rev, issued.date
                ),
            ));
        }
    }
    for Prepared {
        planned: p,
        record,
        fields: now,
    } in prepared
    {
        // Only when the current revision is the last issued one: a newer revision,
        // declared or implied, is what `build` will issue for the change.
        let Some(last) = p.revisions.last() else {
            continue;
        };
        if last.origin != Origin::Issued {
            continue;
        }
        let Some(issued) = lock.issued(&p.doc.number).last() else {
            continue;
        };
        let same_form =
            issued.form_code == record.form_code && issued.form_version == record.form_version;
        let Some(now) = now else { continue };
        let changes = fingerprint::changes(&issued.fields, now, same_form);
        if changes.is_empty() {
            continue;
        }
        let at = changes
            .iter()
            .find_map(|c| case_pos.get(&c.path).copied())
            .unwrap_or(p.doc.pos);
        let mut d = diag(
            "revision-required",
            Severity::Error,
            at,
            message(record, issued.rev.as_str(), issued.date, &changes),
        );
        for c in changes.iter().skip(1) {
            if let Some(pos) = case_pos.get(&c.path) {
                d.related.push((*pos, format!("{} changed here", c.path)));
            }
        }
        out.push(d);
    }
    out
}

fn message(record: &Record, rev: &str, date: crate::load::Date, changes: &[Change]) -> String {
    const SHOWN: usize = 4;
    let mut what: Vec<String> = changes.iter().take(SHOWN).map(Change::describe).collect();
    if changes.len() > SHOWN {
        what.push(format!("and {} more", changes.len() - SHOWN));
    }
    let next = revisions::next(rev);
    format!(
        "{} ({}) has changed since revision {rev} was issued on {date}: {}; an issued \
         revision never changes, so add revision {next}: `certdoc revise {} --change \"…\"`",
        record.number,
        record.form_title,
        what.join("; "),
        record.number
    )
}

/// Templates changed without a new form version, reported once per body at the form's
/// `version:`.
pub fn forms(rules: &Rules, project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, body) in &rules.bodies {
        let Some(lock) = project.form_locks.get(id) else {
            continue;
        };
        for (key, form) in &body.forms {
            let Some(digest) = project.templates.get(key.as_str()) else {
                continue;
            };
            let Some(kept) = lock.version(key, &form.code.value, &form.version.value) else {
                continue;
            };
            if &kept.template_sha256 != digest {
                out.push(Diagnostic {
                    rule: "form-version-required",
                    severity: Severity::Error,
                    file: load::body_file(id),
                    pos: form.version.pos,
                    message: format!(
                        "templates/{key}.typ (or a file under templates/ that every form \
                         shares) has changed since form {} version {} was issued; raise the \
                         version (to {}) so that records issued on {} keep theirs",
                        form.code.value,
                        form.version.value,
                        revisions::next(&form.version.value),
                        form.version.value
                    ),
                    citations: vec!["TB-GZ-036 13.4".into(), "HZL-MSRG-005 12.2".into()],
                    related: vec![],
                });
            }
        }
    }
    out
}

/// A case's documents with their current records, as `check` and `build` both need them,
/// with their fields when the case has a lock.
pub fn prepare_case(f: &CaseFile, rules: &Rules, project: &Project) -> (Vec<Prepared>, NodePaths) {
    let Some(case) = f.case.as_ref() else {
        return (Vec::new(), NodePaths::new(""));
    };
    let mut noted = records::Noted::default();
    let mut prepared: Vec<Prepared> = records::plan(case, rules, f.lock.as_ref())
        .into_iter()
        .filter_map(|planned| {
            let last = planned.revisions.len().checked_sub(1)?;
            let record = records::make(
                &f.source.path,
                case,
                rules,
                &planned,
                last,
                f.lock.is_some(),
                &mut noted,
            )?;
            Some(Prepared {
                planned,
                record,
                fields: None,
            })
        })
        .collect();
    // Paths cost a second parse of the file: only when there is something to compare.
    if f.lock.is_none() {
        return (prepared, NodePaths::new(""));
    }
    let paths = NodePaths::new(&f.source.text);
    fill_with(&paths, f, project, &mut prepared);
    (prepared, paths)
}

/// Work out the fields of records that do not have them yet (made without their facts:
/// they are made again with them).
pub fn fill_fields(f: &CaseFile, rules: &Rules, project: &Project, prepared: &mut [Prepared]) {
    if prepared.iter().all(|p| p.fields.is_some()) {
        return;
    }
    let Some(case) = f.case.as_ref() else { return };
    for p in prepared.iter_mut().filter(|p| p.fields.is_none()) {
        let last = p.planned.revisions.len().saturating_sub(1);
        let mut noted = records::Noted::default();
        if let Some(r) = records::make(
            &f.source.path,
            case,
            rules,
            &p.planned,
            last,
            true,
            &mut noted,
        ) {
            p.record = r;
        }
    }
    let paths = NodePaths::new(&f.source.text);
    fill_with(&paths, f, project, prepared);
}

fn fill_with(paths: &NodePaths, f: &CaseFile, project: &Project, prepared: &mut [Prepared]) {
    let Some(case) = f.case.as_ref() else { return };
    let mut resolver = project.resolver(paths, &case.body, &case.scheme);
    for p in prepared.iter_mut().filter(|p| p.fields.is_none()) {
        p.fields = Some(resolver.fields(&p.record.facts));
    }
}
