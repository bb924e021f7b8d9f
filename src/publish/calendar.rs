//! The deadline calendar (iCalendar, RFC 5545).
//!
//! `certdoc status --format ics` / `--ics FILE`: one all-day event per item `status` lists,
//! for staff to subscribe to or import. The output is a function of the data and the as-of
//! date alone (no clock, no host name), and each event's UID is derived from what is due
//! rather than from when, so re-importing a refreshed file updates events in place instead
//! of duplicating them.

use crate::dates::add_days;
use crate::load::Date;

/// One deadline, as `certdoc status` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The case number.
    pub case: String,
    /// `surveillance`, `nc-verification`, … (`check::schedule::Due::kind`).
    pub kind: String,
    /// The rule that sets the date (`certdoc explain <rule>`).
    pub rule: String,
    pub what: String,
    pub due: Date,
    /// The case file and the line of the node the deadline is about.
    pub file: String,
    pub line: u32,
    /// See [`uid`].
    pub uid: String,
    pub overdue: bool,
}

/// The UID of a deadline: 128 bits of SHA-256 over what identifies it (case, kind and the
/// schedule's key), so it survives changes of date, wording and line numbers.
pub fn uid(case: &str, kind: &str, key: &str) -> String {
    let hex = crate::output::sha256(format!("{case}\n{kind}\n{key}").as_bytes());
    format!("{}@certdoc", hex.get(..32).unwrap_or(&hex))
}

/// The calendar of `deadlines` as seen on `as_of`, with CRLF line endings.
pub fn ics(as_of: Date, deadlines: &[Deadline]) -> String {
    let mut out = String::new();
    let mut line = |s: &str| push_line(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//certdoc//certdoc {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:certdoc deadlines");
    // DTSTAMP is required; the as-of date rather than the clock keeps a re-run byte for byte
    // the same, and still rises when a later refresh changes an event.
    let stamp = format!("DTSTAMP:{}T000000Z", ymd(as_of));
    for d in deadlines {
        let summary = format!(
            "{}{}: {}",
            if d.overdue { "OVERDUE " } else { "" },
            d.case,
            d.what
        );
        let description = format!(
            "{}\nrule: {} (certdoc explain {})\n{}:{}",
            d.what, d.rule, d.rule, d.file, d.line
        );
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", text(&d.uid)));
        line(&stamp);
        line(&format!("DTSTART;VALUE=DATE:{}", ymd(d.due)));
        // DTEND of an all-day event is exclusive: the next day.
        line(&format!("DTEND;VALUE=DATE:{}", ymd(add_days(d.due, 1))));
        line(&format!("SUMMARY:{}", text(&summary)));
        line(&format!("DESCRIPTION:{}", text(&description)));
        line(&format!("CATEGORIES:{}", text(&d.kind)));
        // A deadline is not a meeting: it must not show the whole day as busy.
        line("TRANSP:TRANSPARENT");
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("TRIGGER:-P7D");
        line(&format!("DESCRIPTION:{}", text(&summary)));
        line("END:VALARM");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

fn ymd(d: Date) -> String {
    d.0.format("%Y%m%d").to_string()
}

/// A TEXT value escaped per RFC 5545 3.3.11. Control characters other than tab are not
/// allowed in TEXT at all, so they are dropped; a CR LF pair is one line break.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append one content line with its CRLF, folded (RFC 5545 3.1) so that no physical line
/// exceeds 75 octets, the leading space of a continuation included.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        // Octets, not characters: back up to the start of a UTF-8 character, so the
        // Chinese in the data is never cut in half.
        let mut end = limit;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        // Some readers (the `ical` crate among them) trim each physical line before
        // unfolding; a space at the end of a segment would be lost, so it starts the next.
        let kept = rest[..end].trim_end_matches([' ', '\t']).len();
        if kept > 0 {
            end = kept;
        }
        out.push_str(&rest[..end]);
        out.push_str("\r\n ");
        rest = &rest[end..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
    }

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn calendar_text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(
            text("a\\b;c,d\ne\r\nf\rg\th\u{7}i"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\thi"
        );
        assert_eq!(text("监督审核，第一次；"), "监督审核，第一次；");
    }

    #[test]
    fn calendar_folds_long_chinese_lines_at_character_boundaries() {
        let value: String = "证书暂停期满前须完成恢复审核否则撤销认证证书".repeat(5);
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{value}"));
        assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 3, "{out}");
        for (i, l) in physical.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets: {l}", l.len());
            if i > 0 {
                assert!(l.starts_with(' '), "{l}");
            }
        }
        // "SUMMARY:" is 8 octets and each character 3, so the first line holds 22 of them
        // (74 octets): the 23rd would cross 75.
        assert_eq!(physical[0].len(), 74);
        assert_eq!(unfold(&out), format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn calendar_folds_ascii_at_75_octets_and_never_ends_a_segment_in_a_space() {
        let mut out = String::new();
        push_line(&mut out, &"x".repeat(200));
        let lens: Vec<usize> = out.split("\r\n").map(str::len).collect();
        assert_eq!(lens, [75, 75, 52, 0]);

        let spaced = format!("DESCRIPTION:{} tail", "y".repeat(62));
        assert_eq!(spaced.len(), 79);
        let mut out = String::new();
        push_line(&mut out, &spaced);
        assert_eq!(out, format!("DESCRIPTION:{}\r\n  tail\r\n", "y".repeat(62)));
        assert_eq!(unfold(&out), format!("{spaced}\r\n"));

        let mut out = String::new();
        push_line(&mut out, "BEGIN:VEVENT");
        assert_eq!(out, "BEGIN:VEVENT\r\n");
    }

    #[test]
    fn calendar_has_one_all_day_event_per_deadline_with_crlf_lines() {
        let d = Deadline {
            case: "TB-CMS-2022-008".into(),
            kind: "surveillance".into(),
            rule: "surveillance-overdue".into(),
            what: "first surveillance of TB-CMS-2026-0002 (12 months, after issue)".into(),
            due: date(2026, 12, 31),
            file: "cases/2022/TB-CMS-2022-008.yaml".into(),
            line: 540,
            uid: uid(
                "TB-CMS-2022-008",
                "surveillance",
                "surveillance/TB-CMS-2026-0002/1",
            ),
            overdue: true,
        };
        let cal = ics(date(2027, 2, 1), std::slice::from_ref(&d));
        assert!(!cal.replace("\r\n", "").contains('\n'), "bare LF in {cal}");
        let lines: Vec<String> = unfold(&cal).lines().map(str::to_string).collect();
        let has = |l: &str| lines.iter().any(|x| x == l);
        for l in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!(
                "PRODID:-//certdoc//certdoc {}//EN",
                env!("CARGO_PKG_VERSION")
            ),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:certdoc deadlines",
            &format!("UID:{}", d.uid),
            "DTSTAMP:20270201T000000Z",
            "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101",
            "SUMMARY:OVERDUE TB-CMS-2022-008: first surveillance of TB-CMS-2026-0002 (12 months\\, after issue)",
            "DESCRIPTION:first surveillance of TB-CMS-2026-0002 (12 months\\, after issue)\\nrule: surveillance-overdue (certdoc explain surveillance-overdue)\\ncases/2022/TB-CMS-2022-008.yaml:540",
            "CATEGORIES:surveillance",
            "TRIGGER:-P7D",
            "END:VCALENDAR",
        ] {
            assert!(has(l), "no `{l}` in\n{cal}");
        }
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    }

    #[test]
    fn calendar_uid_is_32_hex_digits_of_sha256_at_certdoc() {
        let u = uid("C", "notice", "notice/D1");
        let want = crate::output::sha256(b"C\nnotice\nnotice/D1");
        assert_eq!(u, format!("{}@certdoc", &want[..32]));
        assert_ne!(u, uid("C", "notice", "notice/D2"));
    }
}
