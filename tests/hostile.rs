//! Hostile input and faults, as a user or an attacker would try them through the binary:
//! nothing leaves the project or the output folder, `check` is the whole gate, building
//! one file never damages another case, and the output folder has one writer at a time.

use std::path::Path;
use std::process::{Command, Output};

use crate::common;
use crate::common::{certdoc, project_with, repo, stdout};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example() -> String {
    std::fs::read_to_string(repo().join("cases/2026/TB-PIC-2026-003.yaml")).expect("the example")
}

/// The example as another client: its own case, credit code, certificate and records.
fn other_case() -> String {
    example()
        .replace("TB-PIC-2026-0003", "TB-PIC-2026-0004")
        .replace("TB-PIC-2026-003", "TB-PIC-2026-004")
        .replace("91360100MA39K8T2XY", "91360100MA39K8T3X0")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

const AS_OF: &str = "2026-11-21";

#[test]
fn a_case_number_that_names_no_folder_never_writes_outside_the_output_folder() {
    for bad in ["\"\"", "\".\"", "\"..\"", "\"../../x\"", "\"/etc/x\""] {
        let text = example().replace("case: TB-PIC-2026-003", &format!("case: {bad}"));
        let p = project_with(&[("x.yaml", &text)]);
        let out = p.path().join("out");
        let o = certdoc(
            p.path(),
            &[
                "build",
                "--as-of",
                AS_OF,
                "--out",
                out.to_str().unwrap_or_default(),
            ],
        );
        assert_eq!(
            o.status.code(),
            Some(1),
            "{bad}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        // Nothing but the lock and the index is in the output folder, nothing above it.
        let written: Vec<_> = walkdir::WalkDir::new(p.path())
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
            .collect();
        assert!(written.is_empty(), "{bad}: {written:?}");
        assert!(!Path::new("/-PL-S1_A-0.pdf").exists());
    }
}

#[test]
fn building_one_file_checks_it_against_the_whole_project() {
    // x.yaml reuses the case number (and everything else) of cases/a.yaml.
    let p = project_with(&[("a.yaml", &example()), ("b.yaml", &other_case())]);
    let out = p.path().join("output");
    let o = certdoc(p.path(), &["build", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let index = std::fs::read_to_string(out.join("index.json")).expect("the index");
    let before = index.matches("\"case\": \"TB-PIC-2026-003\"").count();
    assert!(before > 5, "{index}");

    let x = p.path().join("x.yaml");
    std::fs::write(&x, example().replace("刘敏", "王芳")).expect("written");
    let o = certdoc(
        p.path(),
        &["build", "--format", "json", "--as-of", AS_OF, "x.yaml"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let rules = rules_of(&v);
    assert!(rules.iter().any(|r| r == "duplicate-id"), "{rules:?}");
    assert!(rules.iter().any(|r| r == "certificate-number"), "{rules:?}");
    // Only the named file's findings: the bundled cases are context, not subjects.
    for d in v["diagnostics"].as_array().into_iter().flatten() {
        assert_eq!(d["file"], "x.yaml", "{d}");
    }
    let after = std::fs::read_to_string(out.join("index.json")).expect("the index");
    assert_eq!(index, after, "the other case's entries are untouched");
}

#[cfg(unix)]
#[test]
fn links_leading_out_of_the_project_or_nowhere_are_reported_not_followed() {
    let p = project_with(&[("a.yaml", &example())]);
    let cases = p.path().join("cases");
    let secret = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(secret.path(), "root:x:0:0:SECRET-LINE\n").expect("written");
    std::os::unix::fs::symlink(secret.path(), cases.join("passwd.yaml")).expect("a link");
    std::os::unix::fs::symlink(cases.join("gone.txt"), cases.join("dangling.yaml"))
        .expect("a link");
    std::fs::create_dir(cases.join("folder.yaml")).expect("a folder");
    std::fs::write(cases.join("folder.yaml/inner.YAML"), other_case()).expect("written");
    let fifo = cases.join("pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let o = certdoc(p.path(), &["check", "--as-of", AS_OF, "--format", "json"]);
    let out = stdout(&o);
    assert!(!out.contains("SECRET-LINE"), "{out}");
    assert_eq!(o.status.code(), Some(1), "{out}");
    let v = json(&o);
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["rule"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("cases/passwd.yaml".into(), "case-file".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("cases/dangling.yaml".into(), "case-file".into())),
        "{found:?}"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            found.contains(&("cases/pipe.yaml".into(), "case-file".into())),
            "{found:?}"
        );
    }
    // An upper-case extension inside a folder named like a case file is a case too.
    assert_eq!(v["files"], 2, "{out}");

    // Named on the command line, the same link is read: the user asked for it.
    let o = certdoc(p.path(), &["check", "cases/passwd.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("schema"), "{}", stdout(&o));
}

#[test]
fn a_named_folder_without_cases_is_a_tool_error_not_a_silent_pass() {
    let p = project_with(&[("a.yaml", &example())]);
    std::fs::create_dir(p.path().join("empty")).expect("a folder");
    let o = certdoc(p.path(), &["check", "empty"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("no case files"), "{}", stderr(&o));
}

#[test]
fn an_oversized_case_file_is_refused_before_it_is_read() {
    let huge = format!("{}\n# {}\n", example(), "填充".repeat(600 * 1024));
    let p = project_with(&[("a.yaml", &huge)]);
    let o = certdoc(p.path(), &["check", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(rules_of(&json(&o)), ["size-limit"]);
}

#[test]
fn what_build_cannot_typeset_is_reported_by_check() {
    let long_name = "赣".repeat(1_001);
    let text = example()
        .replace("name: 赣云数据科技有限公司", &format!("name: {long_name}"))
        .replace("representative: 刘敏", "representative: 刘敏 😀 🚀 😀");
    let p = project_with(&[("a.yaml", &text)]);
    let o = certdoc(p.path(), &["check", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let mut rules = rules_of(&v);
    rules.sort();
    assert_eq!(rules, ["font-coverage", "size-limit"], "{v}");
    let font = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["rule"] == "font-coverage")
        .cloned()
        .unwrap_or_default();
    let message = font["message"].as_str().unwrap_or_default();
    // Each distinct character once, all of them.
    assert_eq!(message.matches("U+1F600").count(), 1, "{message}");
    assert!(message.contains("U+1F680"), "{message}");
    // And build renders nothing of it.
    let o = certdoc(p.path(), &["build", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!p.path().join("output/TB-PIC-2026-003").exists());
}

#[test]
fn a_forged_index_entry_is_dropped_not_carried_on() {
    let p = project_with(&[("a.yaml", &example())]);
    let out = p.path().join("output");
    std::fs::create_dir_all(&out).expect("output/");
    let forged = r#"{"records":[{"case":"X","form":"certificate","number":"N","revision":"A/0",
        "file":"../../../etc/passwd","sha256":"00","pages":1}]}"#;
    std::fs::write(out.join("index.json"), forged).expect("written");
    let o = certdoc(p.path(), &["build", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("dropped the entry"), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.join("index.json")).expect("the index");
    assert!(!index.contains("etc/passwd"), "{index}");
}

#[test]
fn an_output_path_that_is_a_file_is_a_clear_tool_error() {
    let p = project_with(&[("a.yaml", &example())]);
    std::fs::write(p.path().join("output"), "not a folder").expect("written");
    let o = certdoc(p.path(), &["build", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is a file, not a folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [&["schema"][..], &["rules"], &["explain", "stage-gap"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_certdoc"))
            .current_dir(repo())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        // Close the reading end at once, as `| head -0` would.
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("ends");
        assert_ne!(
            o.status.code(),
            Some(101),
            "{args:?} panicked: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn two_builds_into_one_folder_take_turns_and_never_reissue_a_revision() {
    // Two working copies of one case that differ in a field every record shows, built at
    // the same moment into the same output folder.
    let a = project_with(&[("x.yaml", &example())]);
    let b = project_with(&[("x.yaml", &example().replace("刘敏", "王芳"))]);
    let out = tempfile::tempdir().expect("a temp dir");
    let spawn = |root: &Path| {
        Command::new(env!("CARGO_BIN_EXE_certdoc"))
            .current_dir(root)
            .args(["build", "--as-of", AS_OF, "--out"])
            .arg(out.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs")
    };
    let (first, second) = (spawn(a.path()), spawn(b.path()));
    let mut codes: Vec<Option<i32>> = [first, second]
        .into_iter()
        .map(|c| c.wait_with_output().expect("ends").status.code())
        .collect();
    codes.sort();
    // One issues the records; the other finds them issued with other content and writes none.
    assert_eq!(codes, [Some(0), Some(1)]);
    let index: certdoc::output::Index = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("index.json")).expect("the index"),
    )
    .expect("parses");
    assert!(!index.records.is_empty());
    for r in &index.records {
        let bytes = std::fs::read(out.path().join(&r.file)).expect("listed file exists");
        assert_eq!(certdoc::output::sha256(&bytes), r.sha256, "{}", r.file);
    }
}

#[test]
fn a_body_file_no_font_can_show_stops_its_cases_in_check_not_in_build() {
    let p = project_with(&[("a.yaml", &example())]);
    let body = p.path().join("rules/bodies/tb.yaml");
    let text = std::fs::read_to_string(&body).expect("the body");
    std::fs::write(
        &body,
        text.replacen(
            "name: 江西腾标认证有限公司",
            "name: 江西腾标认证有限公司 ✨",
            1,
        ),
    )
    .expect("written");
    let o = certdoc(p.path(), &["check", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["file"].as_str()),
        (Some("font-coverage"), Some("rules/bodies/tb.yaml")),
        "{v}"
    );
    let o = certdoc(p.path(), &["build", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!p.path().join("output/TB-PIC-2026-003").exists());
}

#[test]
fn a_lock_file_naming_paths_outside_the_output_folder_is_refused_at_its_line() {
    let case = std::fs::read_to_string(common::repo().join("cases/2026/TB-PIC-2026-003.yaml"))
        .expect("the bundled case");
    let dir = common::project_with(&[("2026/TB-PIC-2026-003.yaml", &case)]);
    let lock = std::fs::read_to_string(common::repo().join("cases/2026/TB-PIC-2026-003.lock"))
        .expect("the bundled lock");
    let hostile = lock.replacen("\"rev\": \"A/1\"", "\"rev\": \"../../../../tmp/x\"", 1);
    assert_ne!(hostile, lock);
    std::fs::write(dir.path().join("cases/2026/TB-PIC-2026-003.lock"), &hostile).expect("written");
    let line = hostile
        .lines()
        .position(|l| l.contains("../../../../tmp/x"))
        .expect("the line")
        + 1;
    let o = common::certdoc(dir.path(), &["build", "--format=json"]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&common::stdout(&o)).expect("JSON");
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "lock-file");
    assert_eq!(d["line"], line);
    assert!(!std::path::Path::new("/tmp/x_.pdf").exists());
    let after = std::fs::read_to_string(dir.path().join("cases/2026/TB-PIC-2026-003.lock"))
        .expect("the lock");
    assert_eq!(
        after, hostile,
        "a lock that cannot be read is never written over"
    );
}

#[test]
fn a_case_file_with_old_mac_line_endings_is_refused_at_the_first_one() {
    let case = std::fs::read_to_string(common::repo().join("cases/2026/TB-PIC-2026-003.yaml"))
        .expect("the bundled case");
    // LF up to line 5, then carriage returns alone.
    let mut lines = case.lines();
    let head: Vec<&str> = lines.by_ref().take(5).collect();
    let rest: Vec<&str> = lines.collect();
    let text = format!("{}\n{}\r", head.join("\n"), rest.join("\r"));
    let dir = common::project_with(&[("2026/x.yaml", &text)]);
    let o = common::certdoc(dir.path(), &["check", "--format=json"]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&common::stdout(&o)).expect("JSON");
    let d = v["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["line"], 6);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("carriage return")
    );
}
