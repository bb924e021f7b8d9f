//! Rule versions by effective date, through the binary: an older version's overrides judge
//! only what is dated in that version; a version with unknown content is warned about;
//! `explain` shows each version's settings where they differ.

use std::path::Path;

use serde_json::Value;

use crate::common::{certdoc, project_with, repo, stdout};

const PIC: &str = "cases/2026/TB-PIC-2026-003.yaml";
const OLD_ENTRY: &str = "    - version: ~                      # label not in the seeds (first issue … 5th modification)\n      effective: 2022-12-20\n      same_as: B/2                    # asserted by the maintainer: the same rules as B/2\n";

fn case() -> String {
    std::fs::read_to_string(repo().join(PIC)).expect("the bundled case")
}

/// Replace text in a rules file of the project.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("the file");
    assert_eq!(text.matches(from).count(), 1, "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("written");
}

fn diagnostics(dir: &Path) -> Vec<Value> {
    let o = certdoc(dir, &["check", "--as-of", "2026-11-21", "--format=json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

fn of<'a>(diags: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["rule"] == rule).collect()
}

/// The old version asked for plans 6 days before the audit; B/2 asks for 3. Stage 1
/// (2026-03-05, plan reported 5 days before) falls in the old version when B/2 takes effect
/// on 2026-03-10, stage 2 (2026-03-17) in B/2: only stage 1's report is late.
#[test]
fn an_older_versions_override_judges_only_what_is_dated_in_it() {
    let dir = project_with(&[(PIC, &case())]);
    let file = "rules/schemes/pii-public-cloud.yaml";
    edit(
        dir.path(),
        file,
        OLD_ENTRY,
        "    - version: B/1\n      effective: 2022-12-20\n      overrides:\n        plan-reported: { days_before: 6 }\n",
    );
    edit(
        dir.path(),
        file,
        "      effective: 2026-04-23",
        "      effective: 2026-03-10",
    );
    let diags = diagnostics(dir.path());
    let late = of(&diags, "plan-reported");
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0]["severity"], "error");
    assert_eq!(late[0]["line"], 75, "stage 1's `reported`: {late:?}");
    assert!(of(&diags, "rule-version-unknown").is_empty(), "{diags:?}");

    // B/2 from 2026-03-01: stage 1 too is judged by its 3 days.
    edit(
        dir.path(),
        file,
        "      effective: 2026-03-10",
        "      effective: 2026-03-01",
    );
    assert!(of(&diagnostics(dir.path()), "plan-reported").is_empty());

    // `explain` shows the version's setting beside the scheme's.
    let o = certdoc(dir.path(), &["explain", "plan-reported"]);
    let text = stdout(&o);
    assert!(
        text.contains("B/1") && text.contains("days_before = 6"),
        "{text}"
    );
}

/// An older version with neither `same_as` nor `overrides`: its content is unknown, once
/// per case at `scheme:`; HZL's 2024–2025 dates fall in it.
#[test]
fn a_version_of_unknown_content_is_warned_once_at_the_scheme() {
    let hzl = "cases/2024/HZL-TS-2024-017.yaml";
    let text = std::fs::read_to_string(repo().join(hzl)).expect("the HZL case");
    let dir = project_with(&[(hzl, &text)]);
    edit(
        dir.path(),
        "rules/schemes/trade-secret.yaml",
        "      same_as: A/1                    # asserted by the maintainer\n",
        "",
    );
    let diags = diagnostics(dir.path());
    let found = of(&diags, "rule-version-unknown");
    assert_eq!(found.len(), 1, "{diags:?}");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(found[0]["line"], 6);
    assert_eq!(found[0]["column"], 9);
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("HZL-MSRG-005") && message.contains("2024-11-04"),
        "{message}"
    );
}
