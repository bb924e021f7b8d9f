//! What `build` publishes: nothing but the public fields reaches `output/public/`, and the
//! register export carries the same data as `register.json`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{certdoc, project_with, repo, stdout};
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
