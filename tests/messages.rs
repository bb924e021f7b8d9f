//! What users read: every diagnostic of every fixture, and of a list of hostile or broken
//! case and rules files, is in words a document controller understands, at the node it is
//! about. serde's and Rust's vocabulary (`invalid type`, `Option<String>`, `u32`, …) in a
//! message is a bug, and so is a broken file that gives no diagnostic or a panic.

use std::path::{Path, PathBuf};

use certdoc::driver::check_project;
use certdoc::load::Date;

/// Phrases of serde, serde-saphyr and Rust types.
const INTERNAL: &[&str] = &[
    "invalid u32",
    "invalid u64",
    "invalid i",
    "invalid type",
    "invalid value",
    "cannot deserialize",
    "deserializ",
    "use Option<",
    "use from_str_multiple",
    "expected mapping start",
    "expected sequence",
    "missing field",
    "unknown field",
    "unknown variant",
    "expected one of",
    "Option<",
    "Vec<",
    "String>",
    "u32",
    "u64",
    "i64",
    "f64",
    "struct",
    "enum",
    "serde",
    "panicked",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The internal words a message uses, as words: `struct` is Rust, `obstruction` (a
/// ground of suspension) is not.
fn internal_words(message: &str) -> Vec<&'static str> {
    INTERNAL
        .iter()
        .copied()
        .filter(|w| {
            message.match_indices(w).any(|(i, _)| {
                let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                // A word that starts (ends) with a letter must not continue another word.
                let glued_before =
                    letter(w.chars().next()) && letter(message[..i].chars().next_back());
                let glued_after =
                    letter(w.chars().last()) && letter(message[i + w.len()..].chars().next());
                !glued_before && !glued_after
            })
        })
        .collect()
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if e.is_dir() {
            fixtures(&e, out);
        } else if e.extension().is_some_and(|x| x == "yaml") {
            out.push(e);
        }
    }
}

#[test]
fn no_fixture_message_speaks_serde_or_rust() {
    let mut files = Vec::new();
    fixtures(&repo().join("tests/fixtures"), &mut files);
    files.sort();
    assert!(files.len() > 100, "{} fixtures", files.len());
    let as_of = Date::parse("2026-11-21").unwrap();
    let mut bad = Vec::new();
    let mut messages = 0;
    for chunk in files.chunks(64) {
        let checked = check_project(&repo(), chunk, as_of).unwrap();
        for d in &checked.report.diagnostics {
            messages += 1;
            let words = internal_words(&d.message);
            if !words.is_empty() || d.message.trim().is_empty() {
                bad.push(format!("{}:{}: {} {words:?}", d.file, d.pos, d.message));
            }
        }
    }
    assert!(messages > 100, "{messages} messages");
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

fn base() -> String {
    std::fs::read_to_string(repo().join("cases/2026/TB-PIC-2026-003.yaml")).unwrap()
}

fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = base();
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old:?}");
        text = text.replacen(old, new, 1);
    }
    text
}

/// The schema diagnostics of one case file: (line, col, message).
fn diagnose(text: &str) -> Vec<(u32, u32, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, diags) = certdoc::load::load_case(dir.path(), &path, None).unwrap();
    diags
        .into_iter()
        .map(|d| (d.pos.line, d.pos.col, d.message))
        .collect()
}

/// Each bad input, where its first diagnostic must be (0:0 when any place will do), and a
/// phrase its message must hold.
fn bad_inputs() -> Vec<(&'static str, String, (u32, u32), &'static str)> {
    let deep = format!("case: {}1{}\n", "[".repeat(300), "]".repeat(300));
    let mut bomb = String::from("case: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e")] {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    vec![
        (
            "null for a string",
            edited(&[("name: 赣云数据科技有限公司", "name: ~")]),
            (10, 9),
            "no value",
        ),
        (
            "empty value",
            edited(&[("name: 赣云数据科技有限公司", "name:")]),
            (10, 3),
            "no value",
        ),
        (
            "blank string",
            edited(&[("name: 赣云数据科技有限公司", "name: \"   \"")]),
            (10, 9),
            "blank",
        ),
        (
            "blank scope",
            edited(&[(
                "  scope: 公有云计算服务（IaaS、对象存储）中个人可识别信息的保护\n  specialty",
                "  scope: ' '\n  specialty",
            )]),
            (44, 10),
            "blank",
        ),
        (
            "string for a number",
            edited(&[("full_time: 118", "full_time: abc")]),
            (18, 16),
            "not a whole number",
        ),
        (
            "fraction for a count",
            edited(&[("full_time: 118", "full_time: 4.5")]),
            (18, 16),
            "not a whole number",
        ),
        (
            "negative count",
            edited(&[("full_time: 118", "full_time: -5")]),
            (18, 16),
            "negative",
        ),
        (
            "count too large",
            edited(&[("full_time: 118", "full_time: 99999999999")]),
            (18, 16),
            "too large",
        ),
        (
            "huge number",
            edited(&[(
                "full_time: 118",
                "full_time: 123456789012345678901234567890123456789012345",
            )]),
            (18, 16),
            "too large",
        ),
        (
            "word for man-days",
            edited(&[(
                "mandays: 1.5                       # total",
                "mandays: one                       # total",
            )]),
            (64, 14),
            "not a number",
        ),
        (
            "infinite man-days",
            edited(&[(
                "mandays: 1.5                       # total",
                "mandays: .inf                       # total",
            )]),
            (64, 14),
            "not a usable number",
        ),
        (
            "mapping for a list",
            edited(&[(
                "    sites: [hq]\n    shifts_audited: 1",
                "    sites: {hq: 1}\n    shifts_audited: 1",
            )]),
            (66, 12),
            "must be a list",
        ),
        (
            "text for a list",
            edited(&[(
                "    sites: [hq]\n    shifts_audited: 1",
                "    sites: hq\n    shifts_audited: 1",
            )]),
            (66, 12),
            "must be a list",
        ),
        (
            "list for a mapping",
            edited(&[(
                "contract:\n  number: TB-HT-2026-0031\n  signed: 2026-02-10\n  signed_by: sun-ba\n  payer: { kind: client }",
                "contract:\n  - TB-HT-2026-0031",
            )]),
            (53, 3),
            "mapping of fields",
        ),
        (
            "mapping for text",
            edited(&[("name: 赣云数据科技有限公司", "name: {zh: 赣云}")]),
            (10, 9),
            "must be text",
        ),
        (
            "empty list item",
            edited(&[(
                "    sites: [hq]\n    shifts_audited: 1",
                "    sites:\n      - \n    shifts_audited: 1",
            )]),
            (0, 0),
            "empty",
        ),
        (
            "bad enum value",
            edited(&[("risk: medium", "risk: meduim")]),
            (21, 9),
            "did you mean `medium`",
        ),
        (
            "no for a boolean",
            edited(&[("  accepted: true", "  accepted: no")]),
            (48, 13),
            "true or false",
        ),
        (
            "unknown field",
            edited(&[("  sites:\n    - id: hq", "  sities:\n    - id: hq")]),
            (27, 3),
            "did you mean `sites`",
        ),
        (
            "missing field in a list item",
            edited(&[("    - id: dc\n      name: 新余数据中心\n", "    - id: dc\n")]),
            (35, 7),
            "`name`",
        ),
        (
            "missing top-level field",
            edited(&[(
                "body: tb                         # rules/bodies/tb.yaml\n",
                "",
            )]),
            (0, 0),
            "`body`",
        ),
        (
            "bad date",
            edited(&[("received: 2026-02-02", "received: 2026-02-30")]),
            (43, 13),
            "not a date",
        ),
        (
            "year 0000",
            edited(&[("received: 2026-02-02", "received: 0000-02-02")]),
            (43, 13),
            "0000",
        ),
        (
            "implausible year",
            edited(&[("received: 2026-02-02", "received: 0226-02-02")]),
            (43, 13),
            "year",
        ),
        (
            "case number with a path",
            edited(&[("case: TB-PIC-2026-003 ", "case: ../../etc ")]),
            (5, 7),
            "case number",
        ),
        (
            "case number too long",
            edited(&[(
                "case: TB-PIC-2026-003 ",
                &format!("case: {} ", "A".repeat(65)),
            )]),
            (5, 7),
            "case number",
        ),
        (
            "id with a slash",
            edited(&[("  - id: S1\n", "  - id: S1/x\n")]),
            (59, 9),
            "an id",
        ),
        (
            "binary tag",
            edited(&[("name: 赣云数据科技有限公司", "name: !!binary 6LWj5LqR")]),
            (10, 9),
            "tag",
        ),
        (
            "custom tag",
            edited(&[("risk: medium", "risk: !risk medium")]),
            (21, 9),
            "tag",
        ),
        (
            "duplicate key",
            edited(&[("  risk: medium", "  risk: medium\n  risk: low")]),
            (22, 3),
            "twice",
        ),
        (
            "tab indentation",
            edited(&[("  risk: medium", "\trisk: medium")]),
            (21, 1),
            "tab",
        ),
        (
            "syntax",
            edited(&[("  risk: medium", "  risk: medium: high")]),
            (0, 0),
            "quotes",
        ),
        (
            "unclosed bracket",
            edited(&[(
                "    sites: [hq]\n    shifts_audited: 1",
                "    sites: [hq\n    shifts_audited: 1",
            )]),
            (0, 0),
            "",
        ),
        ("empty mapping file", "{}\n".to_string(), (1, 1), "missing"),
        ("empty file", String::new(), (1, 1), "empty"),
        (
            "only comments",
            "# nothing yet\n".to_string(),
            (0, 0),
            "no content",
        ),
        (
            "list as root",
            "- case: TB-1\n- case: TB-2\n".to_string(),
            (1, 1),
            "mapping of fields",
        ),
        (
            "text as root",
            "hello\n".to_string(),
            (1, 1),
            "mapping of fields",
        ),
        (
            "two documents",
            format!("{}---\ncase: x\n", base()),
            (0, 0),
            "second YAML document",
        ),
        ("alias bomb", bomb, (0, 0), "alias"),
        ("deep nesting", deep, (0, 0), "nested"),
        ("recursive alias", "case: &a [*a]\n".to_string(), (0, 0), ""),
        (
            "merge key",
            format!("{}\nx: &x {{a: 1}}\ny:\n  <<: *x\n", base()),
            (0, 0),
            "merge",
        ),
    ]
}

#[test]
fn bad_inputs_give_plain_diagnostics_at_their_node() {
    let mut failures = Vec::new();
    for (name, text, at, phrase) in bad_inputs() {
        let diags = diagnose(&text);
        let Some((line, col, message)) = diags.first() else {
            failures.push(format!("{name}: no diagnostic"));
            continue;
        };
        if at != (0, 0) && (*line, *col) != at {
            failures.push(format!(
                "{name}: at {line}:{col}, not {}:{}: {message}",
                at.0, at.1
            ));
        }
        if !diags.iter().any(|d| d.2.contains(phrase)) {
            failures.push(format!("{name}: no message says `{phrase}`: {diags:?}"));
        }
        for (l, c, m) in &diags {
            let words = internal_words(m);
            if !words.is_empty() || m.trim().is_empty() || *l == 0 || *c == 0 {
                failures.push(format!("{name}: {l}:{c}: {m} {words:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn three_errors_in_one_file_give_three_diagnostics() {
    let text = edited(&[
        ("full_time: 118", "full_time: abc"),
        ("risk: medium", "risk: extreme"),
        ("received: 2026-02-02", "received: 2026-13-01"),
    ]);
    let at: Vec<(u32, u32)> = diagnose(&text).iter().map(|d| (d.0, d.1)).collect();
    assert_eq!(at, vec![(18, 16), (21, 9), (43, 13)]);
}

#[test]
fn the_bundled_cases_and_the_spec_example_are_clean() {
    let mut files = Vec::new();
    fixtures(&repo().join("cases"), &mut files);
    files.push(repo().join("tests/fixtures/schema/pass-example.yaml"));
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert_eq!(diagnose(&text), vec![], "{}", f.display());
    }
}

/// A project whose rules are the repository's with one file replaced.
fn project_with(file: &str, text: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().map(|e| e.unwrap().path()) {
            let target = to.join(e.file_name().unwrap());
            if e.is_dir() {
                copy(&e, &target);
            } else {
                std::fs::copy(&e, &target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&repo().join("rules"), &dir.path().join("rules"));
    std::fs::write(dir.path().join(file), text).unwrap();
    dir
}

fn rules_error(file: &str, edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(repo().join(file)).unwrap();
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old:?}");
        text = text.replacen(old, new, 1);
    }
    let dir = project_with(file, &text);
    let as_of = Date::parse("2026-11-21").unwrap();
    let said = match check_project(dir.path(), &[], as_of) {
        Ok(_) => String::from("accepted"),
        Err(e) => e.to_string(),
    };
    assert!(internal_words(&said).is_empty(), "{said}");
    said
}

#[test]
fn rules_files_report_every_problem_with_its_line() {
    let scheme = "rules/schemes/pii-public-cloud.yaml";
    let e = rules_error(
        scheme,
        &[
            (
                "code: PIC                    # {scheme} in certificate numbers\n",
                "",
            ),
            (
                "    - { up_to: 25, mandays: 3 }",
                "    - { up_to: 25, mandays: three }",
            ),
            (
                "extrapolation: { ratio: 1.25,",
                "extrapolation: { ratio: 0.8,",
            ),
        ],
    );
    assert!(
        e.contains("rules/schemes/pii-public-cloud.yaml:2:1: the scheme file is missing the required field `code`"),
        "{e}"
    );
    assert!(e.contains(":29:29: `three` is not a number"), "{e}");
    assert!(!e.contains("ratio"), "schema errors come first, alone: {e}");

    let e = rules_error(
        scheme,
        &[
            (
                "    - { up_to: 45, mandays: 4 }",
                "    - { up_to: 20, mandays: 4 }",
            ),
            (
                "extrapolation: { ratio: 1.25,",
                "extrapolation: { ratio: 0.8,",
            ),
            ("high: 0.10,", "high: 2,"),
        ],
    );
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(
        lines[0].starts_with("rules/schemes/pii-public-cloud.yaml:31:"),
        "{e}"
    );
    assert!(e.contains("increasing order"), "{e}");
    assert!(e.contains("greater than 1"), "{e}");
    assert!(e.contains("high-risk"), "{e}");

    let body = "rules/bodies/tb.yaml";
    let e = rules_error(
        body,
        &[
            (
                "number: \"{case}-PL-{audit}\"",
                "number: \"{case}-PL-{audti}\"",
            ),
            ("  - id: li-si", "  - id: zhang-san"),
        ],
    );
    assert!(e.contains("`{audti}` is not a placeholder"), "{e}");
    assert!(e.contains("used twice"), "{e}");
    let e = rules_error(body, &[("  audit-plan:   {", "  audit-plans:  {")]);
    assert!(e.contains("did you mean `audit-plan`"), "{e}");

    let e = rules_error("rules/calendar.yaml", &[("  2005:", "  0205:")]);
    assert!(
        e.contains("rules/calendar.yaml:") && e.contains("a year"),
        "{e}"
    );
}

#[test]
fn a_scheme_file_id_must_match_its_name() {
    let e = rules_error(
        "rules/schemes/trade-secret.yaml",
        &[("id: trade-secret", "id: trade-secrets")],
    );
    assert!(
        e.contains("rules/schemes/trade-secret.yaml:2:5: the file's `id` is `trade-secrets`"),
        "{e}"
    );
}
