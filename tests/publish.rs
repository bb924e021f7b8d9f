//! What `build` publishes: nothing but the public fields reaches `output/public/`, and the
//! register export carries the same data as `register.json`.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{certdoc, project_with, repo, stdout};
use serde_json::Value;

type Res = Result<(), Box<dyn std::error::Error>>;

/// The paths whose values rules.md makes public (client name, sites, the certificate's
/// scope); `*` stands for any list index.
const PUBLIC: &[&str] = &[
    "client.name",
    "client.name_en",
    "client.sites.*.name",
    "client.sites.*.address",
    "client.sites.*.scope",
    "certificates.*.scope",
    "certificates.*.scope_en",
];

/// The body's public fields: its name and where to verify a certificate.
const BODY_PUBLIC: &[&str] = &["name", "name_en", "website", "verify_at.*", "verify_url"];

/// Replace every free-text value (any text with a space or a non-ASCII character: names,
/// reasons, findings, addresses, notes) and every personnel figure, fee or audit time
/// outside `public` with a unique marker, keeping the file's structure so that it still
/// loads. Ids, dates and keywords stay: they hold the case together.
fn plant(v: &mut Value, path: &mut Vec<String>, public: &[&str], markers: &mut Vec<String>) {
    let here = path.join(".");
    let is_public = public.iter().any(|p| {
        let parts: Vec<&str> = p.split('.').collect();
        parts.len() == path.len()
            && parts
                .iter()
                .zip(path.iter())
                .all(|(p, s)| *p == "*" || p == s)
    });
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                path.push(k.clone());
                plant(child, path, public, markers);
                path.pop();
            }
        }
        Value::Array(items) => {
            for child in items.iter_mut() {
                path.push("*".into());
                plant(child, path, public, markers);
                path.pop();
            }
        }
        Value::String(s) if !is_public => {
            let free = s.chars().any(|c| !c.is_ascii() || c == ' ');
            let date = s.len() == 10 && s.as_bytes().get(4) == Some(&b'-');
            if free && !date {
                let m = format!("ZQMARK{}QZ", markers.len() + 1000);
                *s = format!("{m} 保密");
                markers.push(m);
            }
        }
        Value::Number(n) if !is_public => {
            let figure = [
                "personnel",
                "effective",
                "total",
                "mandays",
                "onsite_mandays",
                "fee",
            ]
            .iter()
            .any(|k| here.contains(k));
            if figure && n.is_u64() {
                let m = 7_300_001 + markers.len() as u64;
                *v = Value::from(m);
                markers.push(m.to_string());
            } else if figure {
                let m = format!("{}.75", 8_300_001 + markers.len());
                *v = serde_json::from_str(&m).unwrap_or(Value::Null);
                markers.push(m);
            }
        }
        _ => {}
    }
}

fn marked(
    yaml: &str,
    public: &[&str],
) -> Result<(String, Vec<String>), Box<dyn std::error::Error>> {
    let mut v: Value = serde_saphyr::from_str(yaml)?;
    let mut markers = Vec::new();
    plant(&mut v, &mut Vec::new(), public, &mut markers);
    // JSON is YAML: the marked file loads as the original does.
    Ok((serde_json::to_string_pretty(&v)?, markers))
}

fn public_files(out: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out.join("public"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap_or_default()).into_owned(),
            )
        })
        .collect()
}

fn assert_confidential(name: &str, case_text: &str) -> Res {
    let (case, mut markers) = marked(case_text, PUBLIC)?;
    let dir = project_with(&[(name, &case)]);
    for body in ["tb", "hzl"] {
        let path = dir.path().join(format!("rules/bodies/{body}.yaml"));
        let (text, body_markers) = marked(&std::fs::read_to_string(&path)?, BODY_PUBLIC)?;
        std::fs::write(&path, text)?;
        markers.extend(body_markers);
    }
    assert!(
        markers.len() > 50,
        "{name}: only {} markers planted",
        markers.len()
    );
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert!(o.status.code() != Some(2), "{name}: {}", stdout(&o));

    // The marked case is in the register: the test is not passing on an empty page.
    let register: Value = serde_json::from_str(&std::fs::read_to_string(
        dir.path().join("output/public/register.json"),
    )?)?;
    let original: Value = serde_saphyr::from_str(case_text)?;
    let numbers: BTreeSet<&str> = original["certificates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["number"].as_str())
        .collect();
    assert!(!numbers.is_empty(), "{name} has no certificate");
    let listed: BTreeSet<&str> = register["certificates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["number"].as_str())
        .collect();
    assert_eq!(
        listed, numbers,
        "{name}: the register lists other certificates"
    );

    let files = public_files(&dir.path().join("output"));
    assert!(files.len() >= 2, "{files:?}");
    for (file, text) in &files {
        for m in &markers {
            assert!(
                !text.contains(m.as_str()),
                "{name}: {file} publishes the non-public value {m}"
            );
        }
        let client = original["client"]["name"].as_str().unwrap_or("?");
        assert!(text.contains(client), "{file} lacks the client's name");
    }
    Ok(())
}

#[test]
fn the_public_register_holds_no_value_that_is_not_public() -> Res {
    for e in walkdir::WalkDir::new(repo().join("cases"))
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "yaml") {
            let name = e
                .path()
                .strip_prefix(repo().join("cases"))?
                .display()
                .to_string();
            assert_confidential(&name, &std::fs::read_to_string(e.path())?)?;
        }
    }
    let example = std::fs::read_to_string(repo().join("tests/fixtures/schema/pass-example.yaml"))?;
    assert_confidential("TB-PIC-2026-003.yaml", &example)
}

/// The rows the register's certificates should give in CertSearch's layout.
fn expected_rows(register: &Value) -> Vec<Vec<String>> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let ymd = |v: &Value| s(v).replace('-', "");
    let mut rows = Vec::new();
    for c in register["certificates"].as_array().into_iter().flatten() {
        let status = match c["status"].as_str() {
            Some("valid" | "scope-reduced") => "Active",
            Some("suspended") => "Suspended",
            Some("withdrawn") => "Withdrawn",
            Some("cancelled") => "Cancelled",
            Some("expired") => "Expired",
            other => panic!("unknown status {other:?}"),
        };
        for site in c["sites"].as_array().into_iter().flatten() {
            rows.push(vec![
                s(&c["id"]),
                s(&c["number"]),
                status.to_string(),
                "Accredited".to_string(),
                "Management System".to_string(),
                s(&c["scope"]),
                ymd(&c["first_issued"]),
                ymd(&c["issued"]),
                ymd(&c["expires"]),
                s(&c["client"]),
                s(&c["client_en"]),
                s(&site["name"]),
                s(&site["address"]),
                s(&site["scope"]),
                "China".to_string(),
                s(&c["standard"]),
            ]);
        }
    }
    rows
}

#[test]
fn the_register_export_matches_register_json_in_xlsx_csv_and_json() -> Res {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases"] {
        common::copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let json_file = std::fs::read_to_string(dir.path().join("output/public/register.json"))?;
    let register: Value = serde_json::from_str(&json_file)?;
    let expected = expected_rows(&register);
    // Every bundled status that CertSearch distinguishes is there.
    let statuses: BTreeSet<&str> = expected.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        statuses,
        BTreeSet::from(["Active", "Expired", "Withdrawn"]),
        "{expected:?}"
    );

    let xlsx = dir.path().join("register.xlsx");
    let args = ["export", "register", "--as-of", "2026-12-02", "-o"];
    let o = certdoc(
        dir.path(),
        &[&args[..], &[xlsx.to_str().unwrap_or("")]].concat(),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let first = std::fs::read(&xlsx)?;
    let mut book: Xlsx<_> = open_workbook(&xlsx)?;
    assert_eq!(book.sheet_names(), ["Certifications"]);
    let range = book.worksheet_range("Certifications")?;
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(cells[0][0], "Certification Identity Number");
    assert_eq!(cells[0].len(), 16);
    assert_eq!(&cells[1..], &expected[..]);
    // The same register gives the same bytes.
    certdoc(
        dir.path(),
        &[&args[..], &[xlsx.to_str().unwrap_or("")]].concat(),
    );
    assert_eq!(std::fs::read(&xlsx)?, first);

    let csv = certdoc(
        dir.path(),
        &[
            "export",
            "register",
            "--as-of",
            "2026-12-02",
            "--format",
            "csv",
        ],
    );
    let text = stdout(&csv);
    let body = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), expected.len() + 1);
    assert!(lines[1].starts_with(&format!("{},{},", expected[0][0], expected[0][1])));

    let json = certdoc(
        dir.path(),
        &[
            "export",
            "register",
            "--as-of",
            "2026-12-02",
            "--format",
            "json",
        ],
    );
    assert_eq!(stdout(&json), json_file);
    Ok(())
}

/// Markup in a case's values stays text on every page.
#[test]
fn markup_in_case_values_stays_text_on_every_page() -> Res {
    let text = std::fs::read_to_string(repo().join("cases/2026/TB-PIC-2026-003.yaml"))?;
    let hostile = "<img src=x onerror=alert(1)>\"'&";
    let mut v: Value = serde_saphyr::from_str(&text)?;
    v["client"]["name"] = Value::from(format!("赣云{hostile}"));
    v["client"]["sites"][0]["address"] =
        Value::from(format!("</dd><script>alert(2)</script>{hostile}"));
    v["certificates"][0]["scope"] = Value::from(format!("范围{hostile}"));
    let dir = project_with(&[("TB-PIC-2026-003.yaml", &serde_json::to_string(&v)?)]);
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert!(o.status.code() != Some(2), "{}", stdout(&o));
    let out = dir.path().join("output");
    for page in [
        "public/index.html",
        "index.html",
        "cases/TB-PIC-2026-003.html",
    ] {
        let html = std::fs::read_to_string(out.join(page))?;
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"),
            "{page}"
        );
    }
    let register: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("public/register.json"))?)?;
    assert_eq!(
        register["certificates"][0]["client"],
        format!("赣云{hostile}")
    );
    Ok(())
}
