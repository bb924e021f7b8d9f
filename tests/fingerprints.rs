//! Fingerprints identify a finding across commits: inserting lines above it, or above the
//! nodes it refers to, moves its line and column but keeps its fingerprint and YAML path.
//! Checked on every failing fixture (each file of a folder fixture on its own).

use std::path::{Path, PathBuf};

use certdoc::diag::emit::{Format, render};
use certdoc::driver::check_project;
use certdoc::load::Date;

use crate::common;
use crate::common::repo;

/// Every failing fixture: single files, and folders (checked together, as in fixtures.rs).
fn fail_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for rule in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let rule = rule.unwrap().path();
        if !rule.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&rule).unwrap() {
            let f = f.unwrap().path();
            if f.file_name().unwrap().to_string_lossy().starts_with("fail") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

fn as_of(text: &str) -> Date {
    let day = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# as-of: "))
        .unwrap_or("2026-11-21");
    Date::parse(day.trim()).unwrap()
}

/// What the JSON output says of one diagnostic, with the lines it points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Seen {
    file: String,
    rule: String,
    fingerprint: String,
    path: String,
    line: u64,
    related: Vec<u64>,
}

fn check(root: &Path, files: &[PathBuf], as_of: Date) -> Vec<Seen> {
    let checked = check_project(root, files, as_of).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&render(&checked.report, Format::Json, false)).unwrap();
    let mut seen: Vec<Seen> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Seen {
            file: d["file"].as_str().unwrap().to_string(),
            rule: d["rule"].as_str().unwrap().to_string(),
            fingerprint: d["fingerprint"].as_str().unwrap().to_string(),
            path: d["path"].as_str().unwrap().to_string(),
            line: d["line"].as_u64().unwrap(),
            related: d["related"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["line"].as_u64().unwrap())
                .collect(),
        })
        .collect();
    seen.sort();
    seen
}

fn parsed(text: &str) -> Option<serde_json::Value> {
    serde_saphyr::from_str::<serde_json::Value>(text).ok()
}

/// `text` with a comment line inserted before each of `before` (1-based lines), and two at
/// the top; a line inside a multi-line scalar moves up until the data is unchanged. Returns
/// the new text and the 1-based lines inserted before (each shifts every line at or below).
fn insert_above(text: &str, before: &[u64]) -> (String, Vec<u64>) {
    let original = parsed(text);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut at: Vec<u64> = before.to_vec();
    at.sort_unstable();
    at.dedup();
    let mut done: Vec<u64> = Vec::new();
    for &target in at.iter().rev() {
        let mut t = target;
        loop {
            let mut trial = lines.clone();
            let i = usize::try_from(t - 1).unwrap();
            trial.insert(i, "# a line inserted above (fingerprint test)".to_string());
            if t == 1 || parsed(&(trial.join("\n") + "\n")) == original {
                lines = trial;
                done.push(t);
                break;
            }
            t -= 1;
        }
    }
    lines.insert(0, String::new());
    lines.insert(0, "# two lines added at the top".to_string());
    done.push(1);
    done.push(1);
    (lines.join("\n") + "\n", done)
}

fn shifted(line: u64, inserted: &[u64]) -> u64 {
    line + inserted.iter().filter(|&&t| t <= line).count() as u64
}

#[test]
fn fingerprints_and_paths_survive_lines_inserted_above() {
    let project = tempfile::tempdir().unwrap();
    common::copy_tree(&repo().join("rules"), &project.path().join("rules"));
    let cases = project.path().join("cases");
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut with_related = 0;
    for fixture in fail_fixtures() {
        let sources: Vec<PathBuf> = if fixture.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&fixture)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            v.sort();
            v
        } else {
            vec![fixture.clone()]
        };
        // A fixture that is not UTF-8 (the loader's own test) has no lines to insert.
        let Ok(texts) = sources
            .iter()
            .map(std::fs::read_to_string)
            .collect::<Result<Vec<String>, _>>()
        else {
            continue;
        };
        let as_of = as_of(&texts[0]);
        let _ = std::fs::remove_dir_all(&cases);
        std::fs::create_dir_all(&cases).unwrap();
        let names: Vec<PathBuf> = sources
            .iter()
            .map(|s| cases.join(s.file_name().unwrap()))
            .collect();
        for (name, text) in names.iter().zip(&texts) {
            std::fs::write(name, text).unwrap();
        }
        let before = check(project.path(), &names, as_of);
        // Insert above every finding and every related node, in each file.
        let mut inserted = Vec::new();
        for (name, text) in names.iter().zip(&texts) {
            let rel = format!("cases/{}", name.file_name().unwrap().to_string_lossy());
            let targets: Vec<u64> = before
                .iter()
                .filter(|s| s.file == rel)
                .flat_map(|s| std::iter::once(s.line).chain(s.related.iter().copied()))
                .collect();
            let (moved, at) = insert_above(text, &targets);
            std::fs::write(name, moved).unwrap();
            inserted.push((rel, at));
        }
        let after = check(project.path(), &names, as_of);
        let key = |s: &Seen| {
            (
                s.file.clone(),
                s.rule.clone(),
                s.fingerprint.clone(),
                s.path.clone(),
            )
        };
        let mut a: Vec<_> = before.iter().map(key).collect();
        let mut b: Vec<_> = after.iter().map(key).collect();
        a.sort();
        b.sort();
        if a != b {
            failures.push(format!(
                "{}: fingerprints changed\n  before: {before:?}\n  after:  {after:?}",
                fixture.display()
            ));
            continue;
        }
        for s in &before {
            let at = &inserted.iter().find(|(f, _)| *f == s.file).unwrap().1;
            let want = Seen {
                line: shifted(s.line, at),
                related: s.related.iter().map(|&l| shifted(l, at)).collect(),
                ..s.clone()
            };
            if !after.contains(&want) {
                failures.push(format!(
                    "{}: expected {want:?} after the insertions, got {after:?}",
                    fixture.display()
                ));
            }
            compared += 1;
            with_related += usize::from(!s.related.is_empty());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(compared > 150, "only {compared} diagnostics compared");
    assert!(
        with_related > 40,
        "only {with_related} with related positions"
    );
}
