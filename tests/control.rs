//! Document control end to end, through the binary as a user runs it: the lock, the
//! `revision-required` check, `revise`, snapshots of progressive records, form versions,
//! reproducible issued revisions, and `build --locked`.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{certdoc, project_with, repo, stdout};
use serde_json::Value;

const CASE: &str = "2026/TB-PIC-2026-003.yaml";
const PLAN: &str = "TB-PIC-2026-003-PL-S2";
const AS_OF: &str = "--as-of=2026-11-21";

fn case_text() -> String {
    std::fs::read_to_string(repo().join("cases").join(CASE)).expect("the bundled case")
}

/// A project holding the example case as `text`, built once, so its lock lists what was
/// issued.
fn built_with(text: &str) -> tempfile::TempDir {
    built_as_of(text, AS_OF)
}

fn built_as_of(text: &str, as_of: &str) -> tempfile::TempDir {
    let dir = project_with(&[(CASE, text)]);
    // The body's form lock comes with the rules; the case starts with no lock of its own.
    let _ = std::fs::remove_file(dir.path().join("cases/2026/TB-PIC-2026-003.lock"));
    let o = certdoc(dir.path(), &["build", as_of]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    dir
}

fn lock(dir: &Path) -> Value {
    let text =
        std::fs::read_to_string(dir.join("cases/2026/TB-PIC-2026-003.lock")).expect("a lock");
    serde_json::from_str(&text).expect("JSON")
}

fn check(dir: &Path) -> (Option<i32>, Vec<Value>) {
    check_as_of(dir, AS_OF)
}

fn check_as_of(dir: &Path, as_of: &str) -> (Option<i32>, Vec<Value>) {
    let o = certdoc(dir, &["check", as_of, "--format=json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    (
        o.status.code(),
        v["diagnostics"].as_array().cloned().unwrap_or_default(),
    )
}

fn of_rule<'a>(diags: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["rule"] == rule).collect()
}

fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("cases").join(CASE);
    let text = std::fs::read_to_string(&path).expect("the case");
    assert!(text.contains(from), "the case has `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("written");
}

/// `certdoc revise NUMBER… --change CHANGE --date DATE`, which must succeed.
fn revise(dir: &Path, numbers: &[&str], change: &str, date: &str) {
    let mut args = vec!["revise"];
    args.extend(numbers);
    args.extend(["--change", change, "--date", date]);
    // A plan changed before its audit ends records the client's agreement.
    if numbers.iter().any(|n| n.contains("-PL-")) && date <= "2026-03-19" {
        args.extend(["--agreed", date]);
    }
    let o = certdoc(dir, &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn pdf(dir: &Path, number: &str, rev: &str) -> PathBuf {
    dir.join("output/TB-PIC-2026-003")
        .join(format!("{number}_{}.pdf", rev.replace('/', "-")))
}

fn text_of(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).expect("the PDF");
    pdf_extract::extract_text_from_mem(&bytes).expect("text extracts")
}

#[test]
fn a_field_the_plan_shows_requires_a_revision_of_the_plan_only_and_revise_clears_it() {
    let dir = built_with(&case_text());
    assert!(pdf(dir.path(), PLAN, "A/2").is_file());
    let (code, diags) = check(dir.path());
    assert_eq!(
        code,
        Some(0),
        "a fresh build leaves the case clean: {diags:?}"
    );

    // The agenda is shown by the plan alone.
    let activity = "数据中心";
    let text = case_text();
    let line = text
        .lines()
        .position(|l| l.contains("activity:") && l.contains(activity))
        .expect("an agenda item at the data centre")
        + 1;
    let original = text.lines().nth(line - 1).expect("the line").to_string();
    let changed = original.replacen(activity, "灾备数据中心", 1);
    edit(dir.path(), &original, &changed);
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let found = of_rule(&diags, "revision-required");
    assert_eq!(found.len(), 1, "the plan only: {found:?}");
    let d = found[0];
    assert_eq!(d["line"], line);
    let message = d["message"].as_str().expect("a message");
    assert!(
        message.contains(PLAN) && message.contains("A/3"),
        "{message}"
    );
    assert!(
        message.contains("灾备数据中心"),
        "names the change: {message}"
    );

    revise(
        dir.path(),
        &[PLAN],
        "审核地点改为灾备数据中心",
        "2026-03-16",
    );
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(0), "{diags:?}");
    let o = certdoc(dir.path(), &["build", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        pdf(dir.path(), PLAN, "A/2").is_file(),
        "the issued A/2 stays"
    );
    let text = text_of(&pdf(dir.path(), PLAN, "A/3"));
    for rev in ["A/0", "A/1", "A/2", "A/3"] {
        assert!(text.contains(rev), "the revision table lists {rev}");
    }
    assert!(text.contains("审核地点改为灾备数据中心"));
    let revs = &lock(dir.path())["records"][PLAN]["revisions"];
    assert_eq!(revs.as_array().map(Vec::len), Some(2), "A/2 and A/3 issued");
}

#[test]
fn an_nc_text_flags_its_report_and_not_the_certificate() {
    let dir = built_with(&case_text());
    edit(
        dir.path(),
        "未按《成文信息控制程序》",
        "未按照《成文信息控制程序》",
    );
    let (_, diags) = check(dir.path());
    let found: Vec<String> = of_rule(&diags, "revision-required")
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        found.iter().any(|m| m.contains("TB-PIC-2026-003-NC01")),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|m| m.contains("certificate")),
        "{found:?}"
    );
    assert!(!found.iter().any(|m| m.contains("NC02")), "{found:?}");
}

/// The case as it stood before the decision: NC01 answered but not yet verified.
fn before_verification() -> (String, String) {
    let text = case_text();
    let cut = text.find("\ndecisions:").expect("decisions");
    let rest = &text[cut..];
    let next = rest[1..]
        .find("\nrevisions:")
        .map(|i| i + 1)
        .unwrap_or(rest.len());
    let with_verification = format!("{}{}", &text[..cut], &rest[next..]);
    // The later revision of the NC report (the leader's review recorded after the
    // verification) goes too: this case stops before it.
    let later = "  TB-PIC-2026-003-NC01:\n    - { rev: A/3, date: 2026-04-15, by: zhang-san, change: 补记组长审核日期 }\n";
    assert!(with_verification.contains(later));
    let with_verification = with_verification.replacen(later, "", 1);
    let verification = "        verification:                      # TB initial: every NC is closed before the decision\n          date: 2026-04-10\n          method: document\n          by: li-si\n          effective: true\n";
    assert!(with_verification.contains(verification));
    (
        with_verification.replacen(verification, "", 1),
        with_verification,
    )
}

#[test]
fn recording_a_verification_issues_a_new_nc_report_revision_and_leaves_the_audit_report() {
    // Before the decision was due.
    const AS_OF: &str = "--as-of=2026-04-20";
    let (before, after) = before_verification();
    let dir = built_as_of(&before, AS_OF);
    let nc = "TB-PIC-2026-003-NC01";
    let first = lock(dir.path());
    let report = first["records"]
        .as_object()
        .expect("records")
        .keys()
        .find(|k| k.ends_with("-RP-S2"))
        .cloned();
    let nc_revs = first["records"][nc]["revisions"]
        .as_array()
        .cloned()
        .expect("the NC report");
    let last = nc_revs.last().expect("a revision")["rev"]
        .as_str()
        .expect("rev")
        .to_string();

    std::fs::write(dir.path().join("cases").join(CASE), &after).expect("written");
    let (code, diags) = check_as_of(dir.path(), AS_OF);
    assert_eq!(code, Some(0), "a stage implies the revision: {diags:?}");
    let o = certdoc(dir.path(), &["build", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let second = lock(dir.path());
    let revs = second["records"][nc]["revisions"]
        .as_array()
        .cloned()
        .expect("revisions");
    assert_eq!(revs.len(), nc_revs.len() + 1);
    let new = revs.last().expect("the new revision");
    assert_ne!(new["rev"], last.as_str());
    assert_eq!(new["date"], "2026-04-10");
    assert_eq!(new["change"], "纠正措施验证");
    let text = text_of(&pdf(dir.path(), nc, new["rev"].as_str().expect("rev")));
    assert!(
        text.contains("纠正措施有效"),
        "the new revision shows the verification"
    );
    let old = text_of(&pdf(dir.path(), nc, &last));
    assert!(!old.contains("纠正措施有效"), "the issued one does not");
    if let Some(report) = report {
        assert_eq!(
            first["records"][&report], second["records"][&report],
            "audit report untouched"
        );
    }
}

#[test]
fn a_template_changed_without_a_new_form_version_is_reported_and_a_new_version_keeps_the_lock() {
    let dir = built_with(&case_text());
    let before = lock(dir.path());
    let template = dir.path().join("templates/audit-plan.typ");
    let t = std::fs::read_to_string(&template).expect("the template");
    assert!(t.contains("lab[受审核方]"));
    std::fs::write(
        &template,
        t.replacen("lab[受审核方]", "lab[受审核方名称]", 1),
    )
    .expect("written");
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let found = of_rule(&diags, "form-version-required");
    // Both bodies issued records on this template.
    let files: Vec<&str> = found.iter().filter_map(|d| d["file"].as_str()).collect();
    assert_eq!(
        files,
        ["rules/bodies/hzl.yaml", "rules/bodies/tb.yaml"],
        "{found:?}"
    );
    let tb = found
        .iter()
        .find(|d| d["file"] == "rules/bodies/tb.yaml")
        .expect("tb");
    assert_eq!(tb["path"], "forms.audit-plan.version");
    assert!(
        tb["message"]
            .as_str()
            .unwrap_or_default()
            .contains("(to B/3)"),
        "{tb}"
    );
    for (body, from, to) in [
        ("tb", "version: B/2", "version: B/3"),
        ("hzl", "version: A/2", "version: A/3"),
    ] {
        let path = dir.path().join(format!("rules/bodies/{body}.yaml"));
        let text = std::fs::read_to_string(&path).expect("the body");
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("audit-plan:"))
            .expect("the plan's form")
            .to_string();
        assert!(line.contains(from), "{line}");
        std::fs::write(&path, text.replacen(&line, &line.replacen(from, to, 1), 1))
            .expect("written");
    }
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(0), "{diags:?}");
    let o = certdoc(dir.path(), &["build", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        lock(dir.path()),
        before,
        "issued records keep their lock entries"
    );
}

#[test]
fn a_fresh_clone_rebuilds_issued_revisions_from_the_lock_and_a_tampered_file_is_found() {
    let dir = built_with(&case_text());
    let out = dir.path().join("output");
    let plan = pdf(dir.path(), PLAN, "A/2");
    let issued = std::fs::read(&plan).expect("the plan");
    std::fs::remove_dir_all(&out).expect("output removed");
    let o = certdoc(dir.path(), &["build", AS_OF, "--locked"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        std::fs::read(&plan).expect("rebuilt"),
        issued,
        "byte for byte"
    );

    let mut tampered = issued.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 1;
    std::fs::write(&plan, &tampered).expect("written");
    let o = certdoc(dir.path(), &["build", AS_OF, "--format=json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let found: Vec<&Value> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "issued-file")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(std::fs::read(&plan).expect("restored"), issued);

    let o = certdoc(dir.path(), &["build", AS_OF, "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        std::fs::read(&plan).expect("the same"),
        issued,
        "--force gives the same bytes"
    );
}

#[test]
fn build_locked_fails_on_a_stale_lock_and_changes_nothing() {
    let dir = built_with(&case_text());
    let before = lock(dir.path());
    revise(dir.path(), &[PLAN], "调整日程", "2026-03-16");
    let o = certdoc(dir.path(), &["build", AS_OF, "--locked", "--format=json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("lock-outdated"));
    assert_eq!(lock(dir.path()), before);
    assert!(!pdf(dir.path(), PLAN, "A/3").exists());
}

#[test]
fn diff_lists_what_a_change_since_a_git_revision_issues() {
    let dir = built_with(&case_text());
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "cases", "rules", "templates"]);
    git(&["commit", "-qm", "base"]);
    let scope = "  scope: 公有云计算服务（IaaS、对象存储）中个人可识别信息的保护";
    edit(
        dir.path(),
        scope,
        "  scope: 公有云计算服务（IaaS、对象存储、云数据库）中个人可识别信息的保护",
    );
    revise(
        dir.path(),
        &[
            PLAN,
            "TB-PIC-2026-003-PL-S1",
            "TB-PIC-2026-003-RP-S1",
            "TB-PIC-2026-003-RP-S2",
            "TB-PIC-2026-003-DC-D1",
        ],
        "认证范围增加云数据库服务",
        "2026-05-06",
    );
    let (code, diags) = check(dir.path());
    assert_eq!(
        code,
        Some(0),
        "every record showing the scope was revised: {diags:?}"
    );

    let o = certdoc(dir.path(), &["diff", "HEAD", AS_OF, "--format=json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let records = v["records"].as_array().expect("records");
    let numbers: Vec<&str> = records
        .iter()
        .filter_map(|r| r["number"].as_str())
        .collect();
    assert_eq!(numbers.len(), 5, "{numbers:?}");
    let plan = records
        .iter()
        .find(|r| r["number"] == PLAN)
        .expect("the plan");
    assert_eq!(plan["what"], "revised");
    assert_eq!(plan["before"], "A/2");
    assert_eq!(plan["after"], "A/3");
    assert!(plan["fields"].to_string().contains("application.scope"));
    let o = certdoc(dir.path(), &["diff", "HEAD", AS_OF, "--format=markdown"]);
    assert!(
        stdout(&o).contains(&format!("| `{PLAN}` | 审核计划 | A/2 → A/3 |")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn superseded_revisions_stay_listed_and_a_lost_record_or_a_broken_lock_is_reported() {
    let dir = built_with(&case_text());
    revise(dir.path(), &[PLAN], "调整日程", "2026-03-16");
    let o = certdoc(dir.path(), &["build", AS_OF]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("output/index.json")).expect("the index"),
    )
    .expect("JSON");
    let status = |rev: &str| {
        index["records"]
            .as_array()
            .expect("records")
            .iter()
            .find(|r| r["number"] == PLAN && r["revision"] == rev)
            .map(|r| r["status"].clone())
    };
    assert_eq!(status("A/2"), Some(Value::from("superseded")));
    assert_eq!(status("A/3"), Some(Value::from("current")));

    // NC02 deleted from the case: its issued report does not vanish silently.
    let text = std::fs::read_to_string(dir.path().join("cases").join(CASE)).expect("the case");
    let start = text.find("      - id: NC02").expect("NC02");
    let end = start + text[start..].find("\n    conclusion:").expect("its end");
    let without = format!("{}{}", &text[..start], &text[end + 1..]);
    std::fs::write(dir.path().join("cases").join(CASE), without).expect("written");
    let (_, diags) = check(dir.path());
    let found = of_rule(&diags, "record-withdrawn");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("TB-PIC-2026-003-NC02")
    );
    assert_eq!(found[0]["severity"], "warning");

    // A merge conflict left in the lock.
    let lock = dir.path().join("cases/2026/TB-PIC-2026-003.lock");
    let text = std::fs::read_to_string(&lock).expect("the lock");
    std::fs::write(&lock, format!("<<<<<<< HEAD\n{text}")).expect("written");
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let found = of_rule(&diags, "lock-file");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["file"], "cases/2026/TB-PIC-2026-003.lock");
    assert_eq!(found[0]["line"], 1);
}

#[test]
fn the_bundled_lock_files_rebuild_every_issued_revision_byte_for_byte() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in ["rules", "templates", "cases"] {
        common::copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let o = certdoc(dir.path(), &["build", "--locked", "--format=json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(o.status.code(), Some(0), "{v}");
    // Only the two confidentiality cases' rule-version warnings (their dates predate the
    // versions the scheme file knows): no file to restore, nothing stale.
    let other: Vec<&Value> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] != "rule-version-unknown")
        .collect();
    assert_eq!(
        other,
        Vec::<&Value>::new(),
        "no file to restore, nothing stale"
    );
    for lock in walkdir::WalkDir::new(dir.path().join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "lock"))
    {
        let locked: Value =
            serde_json::from_str(&std::fs::read_to_string(lock.path()).expect("a lock"))
                .expect("JSON");
        let case = locked["case"].as_str().expect("case");
        for (number, record) in locked["records"].as_object().expect("records") {
            for rev in record["revisions"].as_array().expect("revisions") {
                let r = rev["rev"].as_str().expect("rev");
                let file = dir
                    .path()
                    .join("output")
                    .join(case)
                    .join(format!("{number}_{}.pdf", r.replace('/', "-")));
                let bytes = std::fs::read(&file).expect("the issued file was rebuilt");
                use sha2::Digest;
                let sha: String = sha2::Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                assert_eq!(
                    sha,
                    rev["pdf_sha256"].as_str().expect("sha"),
                    "{}",
                    file.display()
                );
            }
        }
    }
}
