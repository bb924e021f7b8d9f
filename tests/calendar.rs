//! `certdoc status --format ics` and `--ics FILE`: the deadline calendar, read back with the
//! `ical` crate and held against what `--format json` lists.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::io::BufReader;
use std::path::Path;

use crate::common::{certdoc, copy_tree, repo};
use chrono::NaiveDate;
use ical::parser::ical::component::IcalEvent;
use serde_json::Value;
use sha2::{Digest, Sha256};

type Res<T = ()> = Result<T, Box<dyn Error>>;

const AS_OF: &str = "2026-12-02";

/// The bundled project in a temporary folder, so that the parse cache and `--ics` files
/// land there and not in the repository.
fn bundled() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in ["rules", "cases"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    dir
}

/// As [`bundled`], with TB-CMS-2023-011 missing the records due after its suspension and
/// withdrawal and gaining an open complaint and a regulator's notice: the items of
/// `check::reminders` beside those of the schedule. `prefix` goes before the case text.
fn with_reminders(prefix: &str, complaint_received: &str) -> Res<tempfile::TempDir> {
    let dir = bundled();
    let path = dir.path().join("cases/2023/TB-CMS-2023-011.yaml");
    let case = std::fs::read_to_string(&path)?;
    let mut text: String = prefix.to_string();
    text.extend(
        case.lines()
            .filter(|l| {
                !(l.starts_with("    notice: ")
                    || l.starts_with("    reported: 2025-06-03")
                    || l.starts_with("    recovered: "))
            })
            .map(|l| format!("{l}\n")),
    );
    let cut = text
        .find("\npublications:")
        .ok_or("no publications in the case")?;
    text.truncate(cut + 1);
    text.push_str(&format!(
        "complaints:\n  - {{ id: C1, received: {complaint_received} }}\nevents:\n  - {{ id: E1, kind: regulator-notice, date: 2026-11-20 }}\n"
    ));
    std::fs::write(&path, text)?;
    Ok(dir)
}

fn run(dir: &Path, args: &[&str]) -> Res<Vec<u8>> {
    let o = certdoc(dir, args);
    if o.status.code() != Some(0) {
        return Err(format!(
            "certdoc {args:?} exited {:?}: {}",
            o.status.code(),
            String::from_utf8_lossy(&o.stderr)
        )
        .into());
    }
    Ok(o.stdout)
}

fn json_items(dir: &Path, as_of: &str) -> Res<Vec<Value>> {
    let out = run(dir, &["status", "--as-of", as_of, "--format", "json"])?;
    let v: Value = serde_json::from_slice(&out)?;
    Ok(v["items"].as_array().ok_or("no items array")?.clone())
}

fn ics(dir: &Path, as_of: &str) -> Res<Vec<u8>> {
    run(dir, &["status", "--as-of", as_of, "--format", "ics"])
}

fn field<'a>(item: &'a Value, name: &str) -> Res<&'a str> {
    item[name]
        .as_str()
        .ok_or_else(|| format!("no string `{name}` in {item}").into())
}

/// The events of the one calendar in `bytes`.
fn events(bytes: &[u8]) -> Res<Vec<IcalEvent>> {
    let cals = ical::IcalParser::new(BufReader::new(bytes)).collect::<Result<Vec<_>, _>>()?;
    match <[_; 1]>::try_from(cals) {
        Ok([cal]) => Ok(cal.events),
        Err(cals) => Err(format!("{} calendars, not 1", cals.len()).into()),
    }
}

/// A property's value and parameters (`NAME=VALUE`, each value joined by `,`).
fn prop(e: &IcalEvent, name: &str) -> Res<(String, Vec<String>)> {
    let p = e
        .properties
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| format!("no {name} in {e:?}"))?;
    let params = p
        .params
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={}", v.join(",")))
        .collect();
    Ok((p.value.clone().unwrap_or_default(), params))
}

/// A TEXT value read back (RFC 5545 3.3.11); the `ical` crate leaves escapes in place.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(x) => out.push(x),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn uid_of(item: &Value) -> Res<String> {
    let input = format!(
        "{}\n{}\n{}",
        field(item, "case")?,
        field(item, "kind")?,
        field(item, "key")?
    );
    let hex: String = Sha256::digest(input.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(format!("{}@certdoc", &hex[..32]))
}

/// Holds the calendar against the JSON listing of the same run: one event per item, matched
/// by UID, with the item's date, text and kind.
fn assert_calendar_matches(items: &[Value], bytes: &[u8]) -> Res {
    let text = std::str::from_utf8(bytes)?;
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    for header in [
        &format!(
            "\r\nPRODID:-//certdoc//certdoc {}//EN\r\n",
            env!("CARGO_PKG_VERSION")
        ),
        "\r\nCALSCALE:GREGORIAN\r\n",
        "\r\nMETHOD:PUBLISH\r\n",
        "\r\nX-WR-CALNAME:certdoc deadlines\r\n",
    ] {
        assert!(text.contains(header), "no {header:?} in {text}");
    }
    let physical: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    for l in &physical {
        assert!(!l.contains('\n'), "bare LF in {l:?}");
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
    }

    let events = events(bytes)?;
    assert_eq!(events.len(), items.len(), "{text}");
    let mut by_uid = BTreeMap::new();
    for e in &events {
        let (uid, _) = prop(e, "UID")?;
        assert!(by_uid.insert(uid.clone(), e).is_none(), "UID {uid} twice");
    }
    for item in items {
        let uid = field(item, "uid")?;
        let e = by_uid
            .get(uid)
            .ok_or_else(|| format!("no event for {item}"))?;
        let due = NaiveDate::parse_from_str(field(item, "due")?, "%Y-%m-%d")?;
        let next = due.succ_opt().ok_or("no next day")?;
        assert_eq!(
            prop(e, "DTSTART")?,
            (due.format("%Y%m%d").to_string(), vec!["VALUE=DATE".into()])
        );
        assert_eq!(
            prop(e, "DTEND")?,
            (next.format("%Y%m%d").to_string(), vec!["VALUE=DATE".into()])
        );
        let stamp = format!("{}T000000Z", AS_OF.replace('-', ""));
        assert_eq!(prop(e, "DTSTAMP")?.0, stamp);
        let summary = unescape(&prop(e, "SUMMARY")?.0);
        let (case, what) = (field(item, "case")?, field(item, "what")?);
        assert!(summary.contains(case), "{summary} / {item}");
        assert!(summary.contains(what), "{summary} / {item}");
        assert_eq!(
            summary.starts_with("OVERDUE "),
            item["overdue"] == true,
            "{summary}"
        );
        let description = unescape(&prop(e, "DESCRIPTION")?.0);
        let at = format!("{}:{}", field(item, "file")?, item["line"]);
        let explain = format!("certdoc explain {}", field(item, "rule")?);
        for part in [what, &at, &explain] {
            assert!(description.contains(part), "no {part} in {description}");
        }
        assert_eq!(prop(e, "CATEGORIES")?.0, field(item, "kind")?);
        assert_eq!(e.alarms.len(), 1, "{e:?}");
    }
    Ok(())
}

/// Within one case no two items share (kind, key); the UID is the one the README states.
fn assert_keys_unique_and_uids_derived(items: &[Value]) -> Res {
    let mut seen = BTreeSet::new();
    for item in items {
        let id = (
            field(item, "case")?,
            field(item, "kind")?,
            field(item, "key")?,
        );
        assert!(seen.insert(id), "{id:?} twice");
        assert_eq!(field(item, "uid")?, uid_of(item)?, "{item}");
    }
    Ok(())
}

#[test]
fn calendar_has_one_event_per_status_item_matched_by_uid() -> Res {
    let dir = bundled();
    let items = json_items(dir.path(), AS_OF)?;
    assert!(items.len() >= 9, "{items:#?}");
    assert_keys_unique_and_uids_derived(&items)?;
    assert_calendar_matches(&items, &ics(dir.path(), AS_OF)?)?;

    // The filters of `status` apply to the calendar alike.
    let out = run(
        dir.path(),
        &[
            "status", "--as-of", AS_OF, "--within", "200", "--format", "json",
        ],
    )?;
    let within: Value = serde_json::from_slice(&out)?;
    let within = within["items"].as_array().ok_or("no items")?.clone();
    assert!(!within.is_empty() && within.len() < items.len());
    let cal = run(
        dir.path(),
        &[
            "status", "--as-of", AS_OF, "--within", "200", "--format", "ics",
        ],
    )?;
    assert_calendar_matches(&within, &cal)
}

#[test]
fn calendar_covers_notices_reports_answers_and_overdue_items() -> Res {
    let dir = with_reminders("", "2026-11-02")?;
    let items = json_items(dir.path(), AS_OF)?;
    assert_keys_unique_and_uids_derived(&items)?;
    let kinds: BTreeSet<&str> = items.iter().filter_map(|i| i["kind"].as_str()).collect();
    for k in [
        "notice",
        "publication",
        "regulator-report",
        "certificate-recovery",
        "special-audit",
        "complaint-answer",
        "surveillance",
    ] {
        assert!(kinds.contains(k), "no {k} in {kinds:?}");
    }
    assert!(items.iter().any(|i| i["overdue"] == true));
    assert_calendar_matches(&items, &ics(dir.path(), AS_OF)?)
}

#[test]
fn calendar_is_byte_identical_across_runs_and_the_ics_file_matches_stdout() -> Res {
    let dir = with_reminders("", "2026-11-02")?;
    let first = ics(dir.path(), AS_OF)?;
    let second = ics(dir.path(), AS_OF)?;
    assert_eq!(first, second);
    let uids = |b: &[u8]| -> Res<Vec<String>> {
        events(b)?.iter().map(|e| Ok(prop(e, "UID")?.0)).collect()
    };
    assert_eq!(uids(&first)?, uids(&second)?);

    // Human output on stdout and the calendar refreshed in one run.
    let file = dir.path().join("out/deadlines.ics");
    let file_arg = file.to_str().ok_or("a UTF-8 temp path")?;
    let human = run(dir.path(), &["status", "--as-of", AS_OF, "--ics", file_arg])?;
    let human = String::from_utf8(human)?;
    assert!(human.contains("item(s) as of 2026-12-02"), "{human}");
    assert!(!human.contains("BEGIN:VCALENDAR"), "{human}");
    assert_eq!(std::fs::read(&file)?, first);

    // Both at once: the file and stdout agree.
    std::fs::remove_file(&file)?;
    let printed = run(
        dir.path(),
        &[
            "status", "--as-of", AS_OF, "--format", "ics", "--ics", file_arg,
        ],
    )?;
    assert_eq!(printed, first);
    assert_eq!(std::fs::read(&file)?, first);
    Ok(())
}

#[test]
fn calendar_uids_survive_a_new_as_of_a_moved_date_and_shifted_lines() -> Res {
    let uid_by_key = |items: &[Value]| -> Res<BTreeMap<(String, String, String), String>> {
        items
            .iter()
            .map(|i| {
                let id = (
                    field(i, "case")?.to_string(),
                    field(i, "kind")?.to_string(),
                    field(i, "key")?.to_string(),
                );
                Ok((id, field(i, "uid")?.to_string()))
            })
            .collect()
    };
    let before_dir = with_reminders("", "2026-11-02")?;
    let before = json_items(before_dir.path(), AS_OF)?;
    let later = json_items(before_dir.path(), "2028-06-30")?;
    assert_eq!(uid_by_key(&before)?, uid_by_key(&later)?);
    let uids_in_ics = |b: &[u8]| -> Res<BTreeSet<String>> {
        events(b)?.iter().map(|e| Ok(prop(e, "UID")?.0)).collect()
    };
    assert_eq!(
        uids_in_ics(&ics(before_dir.path(), AS_OF)?)?,
        uids_in_ics(&ics(before_dir.path(), "2028-06-30")?)?
    );

    // The complaint arrives a week later and the file gains three lines at its top: its
    // answer is due on another day at another line, and is still the same event.
    let after_dir = with_reminders("# a\n# b\n# c\n", "2026-11-09")?;
    let after = json_items(after_dir.path(), AS_OF)?;
    assert_eq!(uid_by_key(&before)?, uid_by_key(&after)?);
    let answer = |items: &[Value]| -> Res<Value> {
        Ok(items
            .iter()
            .find(|i| i["kind"] == "complaint-answer")
            .ok_or("no complaint-answer")?
            .clone())
    };
    let (a, b) = (answer(&before)?, answer(&after)?);
    assert_eq!(
        (field(&a, "due")?, field(&b, "due")?),
        ("2027-01-01", "2027-01-08")
    );
    assert_eq!(b["line"].as_u64(), a["line"].as_u64().map(|l| l + 3));
    assert_eq!(a["uid"], b["uid"]);
    Ok(())
}
