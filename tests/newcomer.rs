//! What a newcomer meets first: `certdoc records` before a build, "did you mean" for a
//! mistyped rule or id, ids printed as written, paths never printed with `//`.

use crate::common::{certdoc, copy_tree, repo, stdout};
use serde_json::Value;

type Res = Result<(), Box<dyn std::error::Error>>;

fn bundled() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    Ok(dir)
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn records_lists_each_record_as_new_changed_or_unchanged_before_a_build() -> Res {
    let dir = bundled()?;
    let list = |dir: &std::path::Path| -> Result<Vec<Value>, Box<dyn std::error::Error>> {
        let o = certdoc(
            dir,
            &["records", "--as-of", "2026-12-02", "--format", "json"],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        Ok(serde_json::from_str::<Vec<Value>>(&stdout(&o))?)
    };
    // Every bundled record is issued (the locks list them), none built yet.
    let before = list(dir.path())?;
    assert_eq!(before.len(), 70);
    assert!(
        before
            .iter()
            .all(|r| r["state"] == "unchanged" && r["in_place"] == false)
    );
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(list(dir.path())?.iter().all(|r| r["in_place"] == true));

    // A new revision declared: that record is `changed`, and build writes exactly it.
    let o = certdoc(
        dir.path(),
        &[
            "revise",
            "TB-PIC-2026-003-RP-S2",
            "--change",
            "更正笔误",
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = list(dir.path())?;
    let changed: Vec<&Value> = after.iter().filter(|r| r["state"] != "unchanged").collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert_eq!(changed[0]["number"], "TB-PIC-2026-003-RP-S2");
    assert_eq!(changed[0]["state"], "changed");
    let human = stdout(&certdoc(
        dir.path(),
        &[
            "records",
            "cases/2026/TB-PIC-2026-003.yaml",
            "--as-of",
            "2026-12-02",
        ],
    ));
    assert!(human.contains("  changed  "), "{human}");
    assert!(human.contains("1 changed (a new revision)"), "{human}");

    // A new case's records are `new`.
    let text = std::fs::read_to_string(dir.path().join("cases/2026/TB-PIC-2026-003.yaml"))?;
    std::fs::write(
        dir.path().join("cases/2026/TB-PIC-2026-004.yaml"),
        text.replace("TB-PIC-2026-003", "TB-PIC-2026-004")
            .replace("TB-PIC-2026-0003", "TB-PIC-2026-0004"),
    )?;
    let o = certdoc(
        dir.path(),
        &[
            "records",
            "cases/2026/TB-PIC-2026-004.yaml",
            "--as-of",
            "2026-12-02",
            "--format",
            "json",
        ],
    );
    let new: Vec<Value> = serde_json::from_str(&stdout(&o))?;
    assert!(
        !new.is_empty() && new.iter().all(|r| r["state"] == "new"),
        "{new:#?}"
    );
    Ok(())
}

#[test]
fn a_mistyped_rule_or_id_gets_a_did_you_mean() -> Res {
    let dir = bundled()?;
    let o = certdoc(dir.path(), &["explain", "surveilance-overdue"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `surveillance-overdue`?"),
        "{}",
        stderr(&o)
    );
    let o = certdoc(dir.path(), &["check", "--select", "stage-gapp"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `stage-gap`?"),
        "{}",
        stderr(&o)
    );

    // A decision naming an audit id with a typo.
    let path = dir.path().join("cases/2023/TB-CMS-2023-011.yaml");
    let text = std::fs::read_to_string(&path)?;
    std::fs::write(&path, text.replacen("audits: [A1]", "audits: [A11]", 1))?;
    let o = certdoc(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2026-12-02",
            "--select",
            "unknown-reference",
        ],
    );
    assert!(
        stdout(&o).contains("no audit `A11` (did you mean `A1`?)"),
        "{}",
        stdout(&o)
    );
    Ok(())
}

#[test]
fn ids_are_printed_as_written_and_paths_never_with_a_double_slash() -> Res {
    let dir = bundled()?;
    let path = dir.path().join("cases/2023/TB-CMS-2023-011.yaml");
    let text = std::fs::read_to_string(&path)?;
    let edited = text.replacen("    approved_by: ", "    # approved_by: ", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, &edited)?;
    let o = certdoc(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2026-12-02",
            "--select",
            "decision-approval",
        ],
    );
    let out = stdout(&o);
    assert!(out.contains("decision D"), "{out}");
    assert!(!out.contains("decision d"), "{out}");

    // A case file outside the project, named by its absolute path.
    let outside = tempfile::tempdir()?;
    let file = outside.path().join("elsewhere.yaml");
    std::fs::write(&file, edited)?;
    let shown = file.canonicalize()?.display().to_string();
    for format in ["human", "json", "github", "sarif"] {
        let o = certdoc(
            dir.path(),
            &[
                "check",
                "--as-of",
                "2026-12-02",
                "--format",
                format,
                file.to_str().unwrap_or(""),
            ],
        );
        let out = stdout(&o);
        assert!(out.contains("elsewhere.yaml"), "{format}: {out}");
        assert!(!out.contains(&format!("/{shown}")), "{format}: {out}");
    }
    Ok(())
}

/// Every property of the case schema, with its path, and every enum value's entry.
fn walk<'a>(node: &'a Value, path: String, props: &mut Vec<(String, &'a Value)>) {
    match node {
        Value::Object(o) => {
            for (key, value) in o {
                if key == "properties" {
                    for (name, prop) in value.as_object().into_iter().flatten() {
                        props.push((format!("{path}.{name}"), prop));
                        walk(prop, format!("{path}.{name}"), props);
                    }
                } else {
                    walk(value, format!("{path}/{key}"), props);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| walk(v, path.clone(), props)),
        _ => {}
    }
}

#[test]
fn the_schema_describes_every_field_with_its_unit_and_an_example_and_every_enum_value() -> Res {
    let o = certdoc(&repo(), &["schema"]);
    let schema: Value = serde_json::from_str(&stdout(&o))?;
    let mut props = Vec::new();
    walk(&schema, String::new(), &mut props);
    assert!(props.len() > 250, "{}", props.len());
    let described = |v: &Value| v["description"].as_str().is_some_and(|d| d.len() > 10);
    let mut missing = Vec::new();
    for (path, prop) in &props {
        let text = prop["description"].as_str().unwrap_or_default();
        if !described(prop) {
            missing.push(format!("{path}: no description"));
            continue;
        }
        // A value typed in by hand (not an object or a list of objects) shows an example.
        let composite = prop.get("allOf").is_some()
            || prop["anyOf"]
                .as_array()
                .is_some_and(|a| a.iter().any(|v| v.get("$ref").is_some()))
            || prop.get("$ref").is_some()
            || prop["items"].get("$ref").is_some()
            || prop
                .get("additionalProperties")
                .is_some_and(Value::is_object);
        if !composite && !text.contains("Example: `") {
            missing.push(format!("{path}: no example"));
        }
        let number = ["number", "integer"].iter().any(|t| {
            prop["type"] == *t
                || prop["type"]
                    .as_array()
                    .is_some_and(|a| a.contains(&(*t).into()))
        });
        let units = ["man-days", "percent", "people", "whole number", "(1, 2"];
        if number && !units.iter().any(|u| text.contains(u)) {
            missing.push(format!("{path}: a number without its unit: {text}"));
        }
    }
    // Every enum value says what it means.
    for (name, def) in schema["definitions"].as_object().into_iter().flatten() {
        for value in def["oneOf"].as_array().into_iter().flatten() {
            if value.get("const").is_some() && !described(value) {
                missing.push(format!("{name}: {} has no meaning", value["const"]));
            }
        }
        if def.get("enum").is_some() {
            missing.push(format!("{name}: an enum whose values say nothing"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // The percent question the issue asked.
    let percent = props
        .iter()
        .find(|(p, _)| p.ends_with("Reduction.percent"))
        .ok_or("percent")?;
    assert!(
        percent.1["description"]
            .as_str()
            .unwrap_or_default()
            .contains("`25` means 25 %")
    );
    Ok(())
}
