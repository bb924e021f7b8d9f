//! `certdoc new`: a skeleton that checks with only its placeholders, and builds once they
//! are filled in as the README says.

use crate::common::{certdoc, copy_tree, repo, stdout};
use serde_json::Value;

type Res = Result<(), Box<dyn std::error::Error>>;

/// The lines the README's "Writing a case" fills the placeholders with.
fn readme_values() -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let readme = std::fs::read_to_string(repo().join("README.md"))?;
    let start = readme
        .find("<!-- filled-in skeleton")
        .ok_or("README has no filled-in skeleton")?;
    let block = readme[start..]
        .split("```yaml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .ok_or("no yaml block")?;
    Ok(block
        .lines()
        .filter_map(|l| {
            let l = l.split("  #").next()?.trim();
            let (k, v) = l.split_once(": ")?;
            Some((k.to_string(), v.trim().to_string()))
        })
        .collect())
}

#[test]
fn a_new_case_checks_with_only_placeholders_and_builds_once_they_are_filled_in() -> Res {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases", "schema"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let o = certdoc(
        dir.path(),
        &[
            "new",
            "TB-CMS-2027-001",
            "--scheme",
            "confidentiality",
            "--body",
            "tb",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = dir.path().join("cases/TB-CMS-2027-001.yaml");
    let text = std::fs::read_to_string(&file)?;
    assert!(text.starts_with("# yaml-language-server: $schema=../schema/case.schema.json\n"));

    // Only placeholders, each pointing at its FILL-IN.
    let o = certdoc(
        dir.path(),
        &["check", "cases/TB-CMS-2027-001.yaml", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&o))?;
    let diags = report["diagnostics"].as_array().ok_or("no diagnostics")?;
    let lines: Vec<&str> = text.lines().collect();
    let holes: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("FILL-IN") && !l.trim_start().starts_with('#'))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(diags.len(), holes.len(), "{diags:#?}");
    for (d, line) in diags.iter().zip(&holes) {
        assert_eq!(d["rule"], "placeholder", "{d}");
        assert_eq!(d["line"].as_u64(), Some(*line as u64), "{d}");
        let col = d["column"].as_u64().ok_or("no column")? as usize;
        let at: String = lines[line - 1].chars().skip(col - 1).take(7).collect();
        assert_eq!(at, "FILL-IN", "{d}");
        assert!(
            d["message"].as_str().unwrap_or("").starts_with("fill in "),
            "{d}"
        );
    }

    // Filled in as the README says: clean, and it builds.
    let values = readme_values()?;
    assert_eq!(
        values.len(),
        holes.len(),
        "the README fills every placeholder"
    );
    let mut filled = Vec::new();
    let mut next = values.iter();
    for l in &lines {
        if l.contains("FILL-IN") && !l.trim_start().starts_with('#') {
            let (key, value) = next.next().ok_or("too few values")?;
            let (before, _) = l.split_once("FILL-IN").ok_or("no marker")?;
            assert_eq!(
                before.trim().trim_start_matches("- ").trim_end_matches(':'),
                key
            );
            filled.push(format!("{before}{value}"));
        } else {
            filled.push((*l).to_string());
        }
    }
    std::fs::write(&file, filled.join("\n") + "\n")?;
    let o = certdoc(
        dir.path(),
        &[
            "check",
            "cases/TB-CMS-2027-001.yaml",
            "--as-of",
            "2026-12-02",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("no problems found"), "{}", stdout(&o));
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let index = std::fs::read_to_string(dir.path().join("output/index.html"))?;
    assert!(index.contains("TB-CMS-2027-001") && index.contains("赣江精密制造有限公司"));
    Ok(())
}

#[test]
fn new_refuses_an_existing_file_an_unknown_scheme_and_a_bad_number() -> Res {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let new = |args: &[&str]| certdoc(dir.path(), &[&["new"][..], args].concat());
    let o = new(&[
        "TB-CMS-2027-002",
        "--scheme",
        "confidentialty",
        "--body",
        "tb",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `confidentiality`?"));
    let o = new(&["../escape", "--scheme", "confidentiality", "--body", "tb"]);
    assert_eq!(o.status.code(), Some(2));
    let args = [
        "TB-CMS-2027-002",
        "--scheme",
        "confidentiality",
        "--body",
        "tb",
        "-o",
    ];
    let o = new(&[&args[..], &["cases/2027/deep/new.yaml"]].concat());
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("cases/2027/deep/new.yaml"))?;
    assert!(text.starts_with("# yaml-language-server: $schema=../../../schema/case.schema.json"));
    let o = new(&[&args[..], &["cases/2027/deep/new.yaml"]].concat());
    assert_eq!(o.status.code(), Some(2), "never overwrites");
    Ok(())
}

/// The annotated example users are pointed to is the spec's example the fixtures use.
#[test]
fn the_annotated_example_in_docs_is_the_spec_example() -> Res {
    let docs = std::fs::read_to_string(repo().join("docs/example-case.yaml"))?;
    let fixture = std::fs::read_to_string(repo().join("tests/fixtures/schema/pass-example.yaml"))?;
    let body = |t: &str, skip: usize| t.lines().skip(skip).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&docs, 2), body(&fixture, 1));
    Ok(())
}
