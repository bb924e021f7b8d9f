//! Every fixture under `tests/fixtures/<rule-id>/` is checked against the repository's
//! rules. A fixture states what it must produce in its header:
//!
//! ```yaml
//! # what this fixture shows
//! # expect: credit-code error 14:16
//! ```
//!
//! The diagnostics of the fixture's rule (its folder) and of the rules its `expect` lines
//! name must be exactly the expected ones (rule, severity, line, column); a fixture without
//! `expect` lines must give none of its rule. A fixture may be a folder of case files (for
//! rules across cases).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use certdoc::check::registry;
use certdoc::driver::check_project;
use certdoc::load::Date;

use crate::common::{fixture_root, repo};

type Expectation = (String, String, String, u32, u32);

/// Rules found outside a case file's content, tested where they arise instead: `case-file`
/// (links, pipes; tests/cli.rs) and `revision-required` (raised by `build`; tests/cli.rs).
/// Rules about lock files, templates and `output/`, tested in `tests/control.rs`.
const NOT_BY_FIXTURE: &[&str] = &[
    "case-file",
    "revision-required",
    "record-withdrawn",
    "form-version-required",
    "lock-file",
    "issued-file",
    "lock-outdated",
];

/// Rules a family's shipped scheme file cannot make fail, with where they are failed
/// instead.
const FAMILY_EXEMPT: &[(&str, &str)] = &[
    // HZL's versions cover every date (an open first entry, `same_as: A/1`);
    // tests/versions.rs fails it under a scheme whose older entry has unknown content.
    ("rule-version-unknown", "HZL"),
    // HZL plans need no agenda (`agenda_required: false`); the TB fixtures fail it.
    ("plan-content", "HZL"),
];

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = fixture_root().join("tests/fixtures");
    let mut out = Vec::new();
    for rule in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
        if !rule.is_dir() {
            continue;
        }
        let id = rule.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&rule).unwrap().map(|e| e.unwrap().path()) {
            out.push((id.clone(), f));
        }
    }
    out.sort();
    out
}

fn expectations(fixture: &Path) -> BTreeSet<Expectation> {
    let files: Vec<PathBuf> = if fixture.is_dir() {
        std::fs::read_dir(fixture)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    } else {
        vec![fixture.to_path_buf()]
    };
    let mut out = BTreeSet::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let rel = f
            .strip_prefix(fixture_root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for line in text.lines().take_while(|l| l.starts_with('#')) {
            if let Some(rest) = line.strip_prefix("# expect: ") {
                let parts: Vec<&str> = rest.split_whitespace().collect();
                let (l, c) = parts[2].split_once(':').unwrap();
                out.insert((
                    rel.clone(),
                    parts[0].to_string(),
                    parts[1].to_string(),
                    l.parse().unwrap(),
                    c.parse().unwrap(),
                ));
            }
        }
    }
    out
}

/// The fixture's `# as-of: YYYY-MM-DD` header (for rules that depend on the date), else
/// the day these fixtures were written against.
fn as_of(fixture: &Path) -> String {
    let file = if fixture.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(fixture)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files[0].clone()
    } else {
        fixture.to_path_buf()
    };
    let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# as-of: ").map(|d| d.trim().to_string()))
        .unwrap_or_else(|| "2026-11-21".to_string())
}

/// The rules a fixture is judged by, one rule at a time as ruff's fixtures are: its own
/// and those its `expect` lines name (and, always, what stops a file loading). A fixture
/// copies a bundled case as it was when written; rules added later judge the bundled cases
/// themselves (they check clean, see cli.rs), not every copy.
fn selected(rule: &str, expected: &BTreeSet<Expectation>) -> Vec<String> {
    let mut ids: BTreeSet<String> = expected.iter().map(|e| e.1.clone()).collect();
    ids.insert(rule.to_string());
    ids.into_iter().collect()
}

fn actual(fixture: &Path, rules: &[String]) -> BTreeSet<Expectation> {
    let as_of = Date::parse(&as_of(fixture)).unwrap();
    let mut checked = check_project(fixture_root(), &[fixture.to_path_buf()], as_of).unwrap();
    let ids: Vec<&str> = rules.iter().map(String::as_str).collect();
    checked.report.select(&ids);
    checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file.clone(),
                d.rule.to_string(),
                d.severity.to_string(),
                d.pos.line,
                d.pos.col,
            )
        })
        .collect()
}

#[test]
fn every_fixture_gives_exactly_its_expected_diagnostics() {
    let mut failures = Vec::new();
    for (rule, fixture) in fixtures() {
        let expected = expectations(&fixture);
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("fail") && !expected.iter().any(|e| e.1 == rule) {
            failures.push(format!(
                "{}: a fail fixture expects no `{rule}`",
                fixture.display()
            ));
        }
        if name.starts_with("pass") && !expected.is_empty() {
            failures.push(format!(
                "{}: a pass fixture expects findings",
                fixture.display()
            ));
        }
        let got = actual(&fixture, &selected(&rule, &expected));
        if got != expected {
            failures.push(format!(
                "{}\n  expected: {expected:?}\n  got:      {got:?}",
                fixture.display()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// What CI sees: `certdoc check` on a fixture exits 1 when it expects an error, else 0.
#[test]
fn fixtures_give_the_exit_code_of_their_findings() {
    let mut failures = Vec::new();
    for (rule, fixture) in fixtures() {
        let expected = expectations(&fixture);
        let errors = expected.iter().any(|e| e.2 == "error");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_certdoc"))
            .arg("--root")
            .arg(fixture_root())
            .args(["check", "--format", "json", "--as-of", &as_of(&fixture)])
            .arg("--select")
            .arg(selected(&rule, &expected).join(","))
            .arg(&fixture)
            .output()
            .unwrap()
            .status;
        let want = if errors { 1 } else { 0 };
        if status.code() != Some(want) {
            failures.push(format!(
                "{}: exit {:?}, expected {want}",
                fixture.display(),
                status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    let all = fixtures();
    let mut missing = Vec::new();
    for rule in registry::documented().filter(|r| !NOT_BY_FIXTURE.contains(&r.id)) {
        let names: Vec<String> = all
            .iter()
            .filter(|(id, _)| id == rule.id)
            .map(|(_, p)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for kind in ["pass", "fail"] {
            if !names.iter().any(|n| n.starts_with(kind)) {
                missing.push(format!("{}: no {kind} fixture", rule.id));
            }
        }
    }
    for (id, p) in &all {
        if registry::find(id).is_none() {
            missing.push(format!("{}: no rule `{id}`", p.display()));
        }
    }
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

/// The scheme a fixture's case(s) use.
fn scheme_of(fixture: &Path) -> Option<String> {
    let file = if fixture.is_dir() {
        std::fs::read_dir(fixture)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|e| e == "yaml"))?
    } else {
        fixture.to_path_buf()
    };
    let text = std::fs::read(&file).ok()?;
    String::from_utf8_lossy(&text)
        .lines()
        .find_map(|l| l.strip_prefix("scheme:"))
        .map(|s| s.split('#').next().unwrap_or_default().trim().to_string())
}

/// Where TB and HZL both apply a rule, each has a failing fixture, and a passing one: a
/// fixture, or a bundled case of that family (the bundled cases check clean, see cli.rs).
#[test]
fn every_rule_passes_and_fails_under_each_family_that_applies_it() {
    let rules = certdoc::load::load_rules(&repo()).unwrap();
    let family_of = |scheme: &str| -> String {
        rules.schemes[scheme]
            .rule_document
            .number
            .split('-')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let all = fixtures();
    let mut bundled = BTreeSet::new();
    for e in walkdir::WalkDir::new(repo().join("cases")) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "yaml") {
            bundled.insert(family_of(&scheme_of(e.path()).unwrap()));
        }
    }
    let mut missing = Vec::new();
    for (scheme_id, scheme) in &rules.schemes {
        let family = family_of(scheme_id);
        for rule in scheme.rules.keys() {
            if registry::find(rule).is_none() || NOT_BY_FIXTURE.contains(&rule.as_str()) {
                continue; // planned, or not a property of a case file's content
            }
            let of_family = |kind: &str| {
                all.iter().any(|(id, p)| {
                    id == rule
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(kind))
                        && scheme_of(p).is_some_and(|s| {
                            rules.schemes.contains_key(&s) && family_of(&s) == family
                        })
                })
            };
            if !of_family("fail") && !FAMILY_EXEMPT.contains(&(rule.as_str(), family.as_str())) {
                missing.push(format!("{rule}: no failing {family} fixture"));
            }
            if !of_family("pass") && !bundled.contains(&family) {
                missing.push(format!(
                    "{rule}: no passing {family} fixture or bundled case"
                ));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

/// One rule of the catalogue's part A and what checks it (`rules/catalogue.yaml`).
#[derive(serde::Deserialize)]
struct CatalogueRule {
    section: String,
    rule: String,
    status: String,
    by: Vec<String>,
    note: String,
    later: String,
}

#[derive(serde::Deserialize)]
struct Catalogue {
    rules: Vec<CatalogueRule>,
}

/// The README's coverage section as the catalogue data makes it.
fn coverage_markdown(c: &Catalogue) -> String {
    use std::collections::BTreeMap;
    use std::fmt::Write;
    let statuses = ["covered", "build", "partly", "not-yet"];
    let mut by_section: BTreeMap<(usize, &str), [usize; 4]> = BTreeMap::new();
    for r in &c.rules {
        let n: usize = r.section[1..].parse().unwrap_or(0);
        let i = statuses.iter().position(|s| *s == r.status).unwrap_or(3);
        by_section.entry((n, &r.section)).or_default()[i] += 1;
    }
    let mut out = String::new();
    let _ = writeln!(out, "| § | covered | by build | partly | not yet | total |");
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    let mut all = [0; 4];
    for ((_, section), n) in &by_section {
        for i in 0..4 {
            all[i] += n[i];
        }
        let total: usize = n.iter().sum();
        let _ = writeln!(
            out,
            "| {section} | {} | {} | {} | {} | {total} |",
            n[0], n[1], n[2], n[3]
        );
    }
    let total: usize = all.iter().sum();
    let _ = writeln!(
        out,
        "| **all** | **{}** | **{}** | **{}** | **{}** | **{total}** |",
        all[0], all[1], all[2], all[3]
    );
    let pct = |x: usize| (x * 100 + total / 2) / total.max(1);
    let _ = writeln!(
        out,
        "\nFully covered: **{} / {total}** ({} by a rule, {} by build, {} %); at least partly: **{} / {total}** ({} %).\n",
        all[0] + all[1],
        all[0],
        all[1],
        pct(all[0] + all[1]),
        all[0] + all[1] + all[2],
        pct(all[0] + all[1] + all[2])
    );
    let _ = writeln!(
        out,
        "| § | catalogue rule | status | checked by | what is missing, and what is next |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for r in &c.rules {
        let by: Vec<String> = r.by.iter().map(|b| format!("`{b}`")).collect();
        let rest: Vec<&str> = [r.note.as_str(), r.later.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            r.section,
            r.rule,
            r.status,
            by.join(", "),
            rest.join("; next: ")
        );
    }
    out
}

#[test]
fn the_readme_coverage_table_is_the_catalogue_data_and_names_real_rules() {
    let text = std::fs::read_to_string(repo().join("rules/catalogue.yaml")).unwrap();
    let c: Catalogue = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(
        c.rules.len(),
        203,
        "rule-catalogue.md part A has 203 per-case rules"
    );
    let mut ids = BTreeSet::new();
    for r in &c.rules {
        assert!(ids.insert(&r.rule), "{} listed twice", r.rule);
        assert!(
            ["covered", "build", "partly", "not-yet"].contains(&r.status.as_str()),
            "{}: status {}",
            r.rule,
            r.status
        );
        // Partly by build names no rule: what the records print is its note.
        let by_build = r.status == "partly" && r.note.starts_with("build");
        if (r.status == "covered" || r.status == "partly") && !by_build {
            assert!(!r.by.is_empty(), "{}: {} by which rule?", r.rule, r.status);
        }
        for id in &r.by {
            assert!(registry::find(id).is_some(), "{}: no rule `{id}`", r.rule);
        }
    }
    let table = coverage_markdown(&c);
    let readme_path = repo().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (begin, end) = ("<!-- coverage:begin -->\n", "<!-- coverage:end -->");
    let (Some(a), Some(b)) = (readme.find(begin), readme.find(end)) else {
        panic!("README.md has no {begin:?} … {end:?} section");
    };
    let current = &readme[a + begin.len()..b];
    if current != table && std::env::var_os("CERTDOC_WRITE_README").is_some() {
        let updated = format!("{}{table}{}", &readme[..a + begin.len()], &readme[b..]);
        std::fs::write(&readme_path, updated).unwrap();
        return;
    }
    assert_eq!(
        current, table,
        "the README's coverage table differs from rules/catalogue.yaml: run \
         `CERTDOC_WRITE_README=1 cargo test --release --test integration fixtures::coverage` and commit"
    );
}
