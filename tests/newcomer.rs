//! What a newcomer meets first: `certdoc records` before a build, "did you mean" for a
//! mistyped rule or id, ids printed as written, paths never printed with `//`.

mod common;

use common::{certdoc, copy_tree, repo, stdout};
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
