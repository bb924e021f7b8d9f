//! The command line as users and CI run it: exit codes, output formats, commands.

use crate::common;
use crate::common::{certdoc, repo, stdout};

/// A project with the repository's rules and one case file.
fn project(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&repo().join("rules"), &dir.path().join("rules"));
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases/x.yaml"), case).unwrap();
    dir
}

fn example() -> String {
    std::fs::read_to_string(repo().join("cases/2026/TB-PIC-2026-003.yaml")).unwrap()
}

#[test]
fn bundled_cases_check_clean_and_say_what_was_checked() {
    let o = certdoc(&repo(), &["check", "--as-of", "2026-11-21"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("checked 4 files (4 cases: "), "{out}");
    // The two confidentiality cases predate the versions of TB-GZ-036 and CTS TBGL-24-2026
    // the scheme file knows: rightly warned, nothing else (rules-next.md, shipped data).
    assert!(out.contains("0 errors, 2 warnings"), "{out}");
    assert_eq!(
        out.matches("warning[rule-version-unknown]").count(),
        2,
        "{out}"
    );
}

#[test]
fn the_root_is_found_from_a_subfolder() {
    let o = certdoc(
        &repo().join("cases/2026"),
        &["check", "--as-of", "2026-11-21"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn one_changed_credit_code_character_is_one_error_in_every_format() {
    let p = project(&example().replace("91360100MA39K8T2XY", "91360100MA39K8T2XA"));
    let check = |format: &str| {
        let o = certdoc(
            p.path(),
            &["check", "--as-of", "2026-11-21", "--format", format],
        );
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stdout(&o));
        stdout(&o)
    };

    let human = check("human");
    assert_eq!(human.matches("error[").count(), 1, "{human}");
    assert!(human.contains("error[credit-code]: 统一社会信用代码 `91360100MA39K8T2XA`"));
    assert!(human.contains("--> cases/x.yaml:12:16"), "{human}");
    assert!(
        human.contains("                ^^^^^^^^^^^^^^^^^^"),
        "{human}"
    );
    assert!(
        human.contains("= note: GB 32100-2015 4; TB-GZ-036 10.2.4 1)"),
        "{human}"
    );
    assert!(human.contains("1 error, 0 warnings"), "{human}");

    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    assert_eq!(json["files"], 1);
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 0);
    let d = &json["diagnostics"][0];
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(d["rule"], "credit-code");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "cases/x.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(12), Some(16))
    );
    assert_eq!(d["citations"][1], "TB-GZ-036 10.2.4 1)");

    let github = check("github");
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(
        github.starts_with(
            "::error file=cases/x.yaml,line=12,col=16,title=credit-code::统一社会信用代码"
        ),
        "{github}"
    );

    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "credit-code");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let index = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "credit-code");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(12), Some(16))
    );
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "cases/x.yaml"
    );
    assert!(
        r["partialFingerprints"]["certdoc/v2"]
            .as_str()
            .unwrap()
            .len()
            == 16
    );
}

#[test]
fn sarif_fingerprints_survive_lines_moving() {
    let bad = example().replace("91360100MA39K8T2XY", "91360100MA39K8T2XA");
    let fingerprint = |text: &str| {
        let p = project(text);
        let o = certdoc(p.path(), &["check", "--format", "sarif"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["runs"][0]["results"][0]["partialFingerprints"]["certdoc/v2"].clone()
    };
    let moved = format!("# a comment added above\n\n{bad}");
    assert_eq!(fingerprint(&bad), fingerprint(&moved));
}

#[test]
fn bad_files_give_a_diagnostic_and_exit_1_never_a_panic() {
    let dir = repo().join("tests/fixtures/schema");
    let mut n = 0;
    for f in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
        if !f.file_name().unwrap().to_string_lossy().starts_with("fail") {
            continue;
        }
        n += 1;
        let o = certdoc(&repo(), &["check", f.to_str().unwrap()]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{}: {out}", f.display());
        assert!(out.contains("error[schema]"), "{}: {out}", f.display());
        assert!(
            o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert!(n >= 10);
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let p = project(&example());
    std::fs::write(p.path().join("cases/broken.yaml"), "case: [\n").unwrap();
    let other = example()
        .replace("TB-PIC-2026-0003", "TB-PIC-2026-0004")
        .replace("TB-PIC-2026-003", "TB-PIC-2026-004")
        .replace("91360100MA39K8T2XY", "91360100MA39K8T2XA");
    std::fs::write(p.path().join("cases/y.yaml"), other).unwrap();
    let o = certdoc(p.path(), &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(v["files"], 3);
    assert_eq!(rules, ["schema", "credit-code"]);
}

#[test]
fn tool_failures_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let o = certdoc(empty.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no `rules/` folder"));

    let o = certdoc(&repo(), &["check", "--as-of", "2026-13-01"]);
    assert_eq!(o.status.code(), Some(2));

    let o = certdoc(&repo(), &["check", "cases/nowhere"]);
    assert_eq!(o.status.code(), Some(2));

    let o = certdoc(&repo(), &["explain", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));

    let p = project(&example());
    let scheme = p.path().join("rules/schemes/trade-secret.yaml");
    let text = std::fs::read_to_string(&scheme).unwrap();
    std::fs::write(&scheme, text.replace("code: TS", "code: TS\ncode: TT")).unwrap();
    let o = certdoc(p.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: rules/schemes/trade-secret.yaml:4:1: the key `code` appears twice"),
        "{err}"
    );
}

#[test]
fn schema_is_draft_07_and_matches_the_committed_copy() {
    let o = certdoc(&repo(), &["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        printed["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    assert_eq!(printed["additionalProperties"], false);
    assert!(
        printed["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "client")
    );
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/case.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        printed, committed,
        "run `certdoc schema > schema/case.schema.json`"
    );
}

#[test]
fn rules_and_explain_print_citations_per_scheme() {
    let o = certdoc(&repo(), &["rules"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0));
    for id in [
        "schema",
        "duplicate-id",
        "unknown-reference",
        "date-order",
        "credit-code",
    ] {
        assert!(out.contains(id), "{id}: {out}");
    }
    let o = certdoc(&repo(), &["rules", "--scheme", "trade-secret"]);
    assert!(
        stdout(&o).contains("HZL-MSRG-005 8.1 (1)"),
        "{}",
        stdout(&o)
    );
    let o = certdoc(&repo(), &["rules", "--scheme", "nope"]);
    assert_eq!(o.status.code(), Some(2));

    let o = certdoc(&repo(), &["explain", "credit-code"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out.contains("pii-public-cloud (TB-GZ-036 B/2): error"),
        "{out}"
    );
    assert!(
        out.contains("cites: GB 32100-2015 4; HZL-MSRG-005 8.1 (1)"),
        "{out}"
    );
    assert!(out.contains("Example of a violation"), "{out}");
}

#[test]
fn a_scheme_file_with_a_bad_rule_setting_is_refused_with_its_line() {
    let p = project(&example());
    let scheme = p.path().join("rules/schemes/pii-public-cloud.yaml");
    let text = std::fs::read_to_string(&scheme).unwrap();
    std::fs::write(&scheme, text.replace("min_days: 5,", "min_dayz: 5,")).unwrap();
    let o = certdoc(p.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("rules/schemes/pii-public-cloud.yaml:"),
        "{err}"
    );
    assert!(
        err.contains("rule `stage-gap` has no parameter `min_dayz`"),
        "{err}"
    );
}

#[test]
fn status_lists_what_is_due_soonest_first_and_marks_overdue() {
    let o = certdoc(
        &repo(),
        &["status", "--as-of", "2027-02-01", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = v["items"].as_array().unwrap();
    let dues: Vec<&str> = items.iter().map(|i| i["due"].as_str().unwrap()).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
    // The renewed confidentiality certificate's first surveillance was due 12 months after
    // its issue on 2026-01-15; nothing is recorded, so it is overdue.
    let first = &items[0];
    assert_eq!(first["case"], "TB-CMS-2022-008");
    assert_eq!(first["kind"], "surveillance");
    assert_eq!(first["due"], "2027-01-15");
    assert_eq!(first["overdue"], true);
    assert_eq!(first["days"], -17);
    assert!(items.iter().any(|i| i["case"] == "TB-PIC-2026-003"
        && i["kind"] == "recertification-audit"
        && i["due"] == "2029-04-21"
        && i["overdue"] == false));

    let human = stdout(&certdoc(
        &repo(),
        &["status", "--as-of", "2027-02-01", "--within", "90"],
    ));
    assert!(human.contains("OVERDUE 17 d  TB-CMS-2022-008"), "{human}");
    assert!(human.contains("in 80 d  TB-PIC-2026-003"), "{human}");
    assert!(!human.contains("recertification-audit"), "{human}");
}

/// A project with the repository's rules and templates (fonts included) and these cases.
fn build_project(cases: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&repo().join("rules"), &dir.path().join("rules"));
    common::copy_tree(&repo().join("templates"), &dir.path().join("templates"));
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    for (name, text) in cases {
        std::fs::write(dir.path().join("cases").join(name), text).unwrap();
    }
    dir
}

#[test]
fn build_renders_valid_cases_and_skips_a_failing_one_with_exit_1() {
    let broken = example()
        .replace("case: TB-PIC-2026-003 ", "case: TB-PIC-2026-004 ")
        .replace("TB-PIC-2026-003-PL-S2:", "TB-PIC-2026-004-PL-S2:")
        .replace("TB-PIC-2026-0003", "TB-PIC-2026-0004")
        .replace("91360100MA39K8T2XY", "91360100MA39K8T2XZ");
    let dir = build_project(&[("ok.yaml", example()), ("broken.yaml", broken)]);
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-11-21"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[credit-code]"), "{out}");
    assert!(
        out.contains("not built (errors above): TB-PIC-2026-004"),
        "{out}"
    );
    let index = std::fs::read_to_string(dir.path().join("output/index.json")).unwrap();
    assert!(index.contains("TB-PIC-2026-003-PL-S2_A-2.pdf"), "{index}");
    assert!(!index.contains("TB-PIC-2026-004"), "{index}");
    assert!(
        dir.path()
            .join("output/TB-PIC-2026-003/TB-PIC-2026-0003_A-0.pdf")
            .is_file()
    );
    assert!(!dir.path().join("output/TB-PIC-2026-004").exists());

    // A second build writes nothing new and exits the same way.
    let again = certdoc(dir.path(), &["build", "--as-of", "2026-11-21"]);
    assert!(
        stdout(&again).contains("0 written, 10 unchanged"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn build_never_overwrites_an_issued_revision() {
    let dir = build_project(&[("ok.yaml", example())]);
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-11-21"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // The data of an issued record changes without a new revision.
    let changed = example().replace("department: 综合管理部", "department: 综合办公室");
    std::fs::write(dir.path().join("cases/ok.yaml"), changed).unwrap();
    let file = dir
        .path()
        .join("output/TB-PIC-2026-003/TB-PIC-2026-003-NC01_A-3.pdf");
    let before = std::fs::read(&file).unwrap();
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-11-21"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[revision-required]"), "{out}");
    assert!(out.contains("TB-PIC-2026-003-NC01"), "{out}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the issued file is untouched"
    );
}

#[test]
fn a_broken_template_is_a_tool_failure_with_exit_2() {
    let dir = build_project(&[("ok.yaml", example())]);
    // A body whose forms were never issued: its templates are not locked yet (a changed
    // locked template is `form-version-required`, in `tests/control.rs`).
    for body in ["tb", "hzl"] {
        std::fs::remove_file(dir.path().join(format!("rules/bodies/{body}.lock"))).unwrap();
    }
    std::fs::write(
        dir.path().join("templates/nc-report.typ"),
        "{% extends \"_record.typ\" %}{% block content %}#table(columns: {% endblock %}",
    )
    .unwrap();
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-11-21"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("nc-report.typ"), "{err}");
    // A case is written whole or not at all: none of its records is there.
    assert!(!dir.path().join("output/TB-PIC-2026-003").exists());
}

#[test]
fn the_parse_cache_gives_the_same_diagnostics_and_follows_edits() {
    let bad = example().replace("91360100MA39K8T2XY", "91360100MA39K8T2XZ");
    let dir = project(&bad);
    let args = ["check", "--format", "json", "--as-of", "2026-11-21"];
    let first = stdout(&certdoc(dir.path(), &args));
    assert!(dir.path().join(".certdoc-cache/.gitignore").is_file());
    let cached = stdout(&certdoc(dir.path(), &args));
    assert_eq!(first, cached);
    let fresh = stdout(&certdoc(dir.path(), &[&args[..], &["--no-cache"]].concat()));
    assert_eq!(first, fresh);
    // An edit is a different text: parsed afresh, positions follow it.
    let line = |out: &str| -> u64 {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["diagnostics"][0]["line"].as_u64().unwrap()
    };
    std::fs::write(dir.path().join("cases/x.yaml"), format!("# moved\n{bad}")).unwrap();
    let moved = stdout(&certdoc(dir.path(), &args));
    assert_eq!(line(&moved), line(&first) + 1);
}

/// A project whose pii-public-cloud scheme writes a share as a percentage, and the line
/// of that setting.
fn project_with_a_percentage_for_a_fraction() -> (tempfile::TempDir, usize) {
    let p = project(&example());
    let scheme = p.path().join("rules/schemes/pii-public-cloud.yaml");
    let text = std::fs::read_to_string(&scheme).unwrap();
    assert!(text.contains("min: 0.8 }"));
    // Only the on-site ratio's share is written as a percentage.
    let edited: Vec<String> = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("onsite-ratio:") {
                l.replace("min: 0.8 }", "min: 80 }")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(&scheme, edited.join("\n") + "\n").unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("onsite-ratio:"))
        .unwrap()
        + 1;
    (p, line)
}

#[test]
fn a_share_written_as_a_percentage_is_refused_at_its_line() {
    let (p, line) = project_with_a_percentage_for_a_fraction();
    let o = certdoc(p.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("rules/schemes/pii-public-cloud.yaml:{line}:")),
        "{err}"
    );
    assert!(
        err.contains("`min` of rule `onsite-ratio` must be a fraction")
            && err.contains("0.8 for 80 %, not 80"),
        "{err}"
    );
}

#[test]
fn tool_errors_are_still_documents_in_the_machine_formats() {
    let (p, line) = project_with_a_percentage_for_a_fraction();
    let run = |format: &str| {
        let o = certdoc(p.path(), &["check", "--format", format]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        stdout(&o)
    };

    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["files"], 0);
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(0));
    let e = &json["tool_error"];
    assert_eq!(e["file"], "rules/schemes/pii-public-cloud.yaml");
    assert_eq!(e["line"].as_u64(), Some(line as u64));
    assert!(e["message"].as_str().unwrap().contains("fraction"), "{e}");

    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["results"].as_array().map(Vec::len), Some(0));
    let inv = &run0["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("fraction")
    );
    let loc = &note["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "rules/schemes/pii-public-cloud.yaml"
    );
    assert_eq!(loc["region"]["startLine"].as_u64(), Some(line as u64));

    let github = run("github");
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(
        github.starts_with(&format!(
            "::error file=rules/schemes/pii-public-cloud.yaml,line={line},"
        )),
        "{github}"
    );

    // Without a project there is no file to point at, but still a document.
    let empty = tempfile::tempdir().unwrap();
    let o = certdoc(empty.path(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        json["tool_error"]["message"]
            .as_str()
            .unwrap()
            .contains("no `rules/` folder")
    );
    assert_eq!(json["tool_error"]["file"], serde_json::Value::Null);
}

#[test]
fn related_positions_and_paths_reach_json_and_sarif() {
    let fixture = "tests/fixtures/stage-gap/fail-tb-3-days.yaml";
    let run = |format: &str| {
        let o = certdoc(
            common::fixture_root(),
            &[
                "check",
                "--as-of",
                "2026-11-21",
                "--format",
                format,
                fixture,
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let json = run("json");
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "stage-gap")
        .unwrap();
    assert_eq!(d["path"], "audits[S2].start");
    assert!(
        !d["message"].as_str().unwrap().contains("line"),
        "{}",
        d["message"]
    );
    let related = &d["related"][0];
    assert_eq!(related["message"], "stage 1 ended here");
    assert!(related["line"].as_u64().unwrap() < 83);

    let sarif = run("sarif");
    let r = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "stage-gap")
        .unwrap();
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(83), Some(12), Some(22))
    );
    let rel = &r["relatedLocations"][0];
    assert_eq!(rel["id"], 1);
    assert_eq!(rel["message"]["text"], "stage 1 ended here");
    assert_eq!(
        rel["physicalLocation"]["region"]["startLine"],
        related["line"]
    );
    assert_eq!(r["properties"]["path"], "audits[S2].start");
    assert_eq!(r["partialFingerprints"]["certdoc/v2"], d["fingerprint"]);
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn explain_lists_each_parameter_with_its_meaning_and_value_per_scheme() {
    let o = certdoc(&repo(), &["explain", "stage-gap"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("min_days (a whole number of days from 0 to 3660)"),
        "{out}"
    );
    assert!(
        out.contains("The fewest calendar days from the end of stage 1"),
        "{out}"
    );
    assert!(out.contains("min_days = 5"), "{out}");
    assert!(out.contains("max_months = 6"), "{out}");
    let o = certdoc(&repo(), &["explain", "previous-certificate-wait"]);
    let out = stdout(&o);
    assert!(out.contains("months not set"), "{out}");
}

/// `status` lists the records the rules of issue 13 expect after an event, each with the
/// rule behind its date: the notice, report to the regulator and publication of a
/// suspension, the certificate's recovery after a withdrawal, a complaint's answer and the
/// audit after a regulator's notice.
#[test]
fn status_lists_notices_reports_answers_and_audits_due_with_their_rule() {
    let case = std::fs::read_to_string(repo().join("cases/2023/TB-CMS-2023-011.yaml")).unwrap();
    let mut text: String = case
        .lines()
        .filter(|l| {
            !(l.starts_with("    notice: ")
                || l.starts_with("    reported: 2025-06-03")
                || l.starts_with("    recovered: "))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let cut = text.find("\npublications:").expect("publications");
    text.truncate(cut + 1);
    text.push_str(
        "complaints:\n  - { id: C1, received: 2026-11-02 }\nevents:\n  - { id: E1, kind: regulator-notice, date: 2026-11-20 }\n",
    );
    let dir = project(&text);
    let o = certdoc(
        dir.path(),
        &["status", "--as-of", "2026-12-03", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = v["items"].as_array().unwrap();
    let find = |kind: &str, rule: &str| {
        items
            .iter()
            .find(|i| i["kind"] == kind && i["rule"] == rule)
            .unwrap_or_else(|| panic!("no {kind} ({rule}) in {items:#?}"))
    };
    assert_eq!(find("notice", "status-notice")["due"], "2025-05-30");
    // Two working days after Friday 30 May 2025; 31 May to 2 June is the Dragon Boat holiday.
    let report = find("regulator-report", "status-reported");
    assert_eq!(report["due"], "2025-06-04");
    assert_eq!(report["overdue"], true);
    assert_eq!(find("publication", "status-published")["due"], "2025-05-30");
    assert_eq!(
        find("certificate-recovery", "withdrawal-recovery")["due"],
        "2025-11-28"
    );
    let answer = find("complaint-answer", "complaint-response");
    assert_eq!(answer["due"], "2027-01-01");
    assert_eq!(answer["overdue"], false);
    assert_eq!(
        find("special-audit", "special-audit-after-notice")["due"],
        "2026-12-20"
    );
    let human = stdout(&certdoc(dir.path(), &["status", "--as-of", "2026-12-03"]));
    assert!(human.contains("; status-reported)"), "{human}");
}

/// The rules of rules-next.md judge a body's cases only when the body keeps the records they
/// read (`evidence_records: true`): a body file without it (the spec's example body) keeps
/// case files of the earlier format valid.
#[test]
fn the_newer_rules_run_only_for_a_body_that_keeps_their_records() {
    let case = example().replacen(", signin: S1-首次会议签到表", "", 1);
    let dir = project(&case);
    let o = certdoc(dir.path(), &["check", "--as-of", "2026-11-21"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("error[meeting-signin]"),
        "{}",
        stdout(&o)
    );

    let body = dir.path().join("rules/bodies/tb.yaml");
    let text = std::fs::read_to_string(&body).unwrap();
    assert!(text.contains("\nevidence_records: true\n"));
    std::fs::write(&body, text.replace("\nevidence_records: true\n", "\n")).unwrap();
    let o = certdoc(dir.path(), &["check", "--as-of", "2026-11-21"]);
    assert!(!stdout(&o).contains("meeting-signin"), "{}", stdout(&o));
}
