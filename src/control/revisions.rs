//! The revisions of one record, in order: those issued (the lock), those declared under
//! `revisions:`, and those implied by a progressive record's stages. The user writes only
//! what the lock and the stages cannot know: a revision for a change of content.

use crate::load::Date;
use crate::load::case::Revision;
use crate::source::{At, Pos};

use super::lock::Issued;
use super::stages::Issue;

/// One revision of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Rev {
    pub rev: String,
    pub date: Date,
    pub change: String,
    /// Staff id of who issued it.
    pub by: Option<String>,
    pub origin: Origin,
}

/// Where a revision comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// Issued: it is in the lock (and may also be declared).
    Issued,
    /// Declared under `revisions:`, not yet issued; where its `rev:` is.
    Declared(Pos),
    /// Implied by the record's first issue or by a completed stage.
    Implied,
}

/// `A/1` → ('A', 1), the body's letter-slash-number style.
pub fn parse(rev: &str) -> Option<(char, u32)> {
    let (letter, number) = rev.trim().split_once('/')?;
    let mut chars = letter.chars();
    let l = chars.next().filter(|c| c.is_ascii_uppercase())?;
    if chars.next().is_some() || number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((l, number.parse().ok()?))
}

/// The revision after `rev` for a change of content: the next number of the same letter.
pub fn next(rev: &str) -> String {
    match parse(rev) {
        Some((l, n)) => format!("{l}/{}", n.saturating_add(1)),
        None => first().to_string(),
    }
}

/// The first issue of every record.
pub fn first() -> &'static str {
    "A/0"
}

/// Every revision of a record, oldest first. Issued revisions come from the lock; a
/// declared entry with the same `rev` is that revision (its issued date, change and author
/// stand: `check` reports a declared entry that contradicts them). The record's first
/// issue and each completed stage imply a revision of their own where none covers them:
/// before the first issued or declared revision they fill the numbers below it (so a
/// history recorded only in the lock reads as it was issued), after the last one they are
/// the next revisions.
pub fn merge(issue: &Issue, issued: &[Issued], declared: &[At<Revision>]) -> Vec<Rev> {
    let mut explicit: Vec<Rev> = issued
        .iter()
        .map(|i| Rev {
            rev: i.rev.clone(),
            date: i.date,
            change: i.change.clone(),
            by: i.by.clone(),
            origin: Origin::Issued,
        })
        .collect();
    for d in declared {
        if explicit.iter().any(|r| r.rev == d.rev.trim()) {
            continue;
        }
        explicit.push(Rev {
            rev: d.rev.trim().to_string(),
            date: d.date.value,
            change: d.change.value.clone(),
            by: Some(d.by.value.clone()),
            origin: Origin::Declared(d.rev.pos),
        });
    }
    // In the order of their numbers; an unparseable one (reported by revision-sequence)
    // keeps its place at the end.
    explicit.sort_by_key(|r| parse(&r.rev).map_or((1, ('Z', u32::MAX)), |p| (0, p)));
    let events: Vec<Rev> = std::iter::once(Rev {
        rev: String::new(),
        date: issue.date,
        change: "首次发布".to_string(),
        by: issue.by.clone(),
        origin: Origin::Implied,
    })
    .chain(issue.stages.iter().map(|s| Rev {
        rev: String::new(),
        date: s.date,
        change: s.change.to_string(),
        by: s.by.clone(),
        origin: Origin::Implied,
    }))
    .collect();
    let mut out: Vec<Rev> = Vec::new();
    let mut pending = events.into_iter().peekable();
    for r in explicit {
        let below = match (out.last().and_then(|p| parse(&p.rev)), parse(&r.rev)) {
            (None, Some(('A', n))) => (0..n).map(|k| format!("A/{k}")).collect(),
            (Some((l, m)), Some((l2, n))) if l == l2 && n > m => {
                (m + 1..n).map(|k| format!("{l}/{k}")).collect()
            }
            _ => Vec::new(),
        };
        let after = out.last().map(|p| p.date);
        let mut free = below.into_iter();
        while let Some(e) = pending.next_if(|e| e.date <= r.date) {
            if e.date < r.date
                && after.is_none_or(|a| e.date > a)
                && let Some(rev) = free.next()
            {
                out.push(Rev { rev, ..e });
            }
        }
        out.push(r);
    }
    for e in pending {
        match out.last() {
            Some(last) if e.date <= last.date => {}
            Some(last) => {
                let rev = next(&last.rev);
                out.push(Rev { rev, ..e });
            }
            None => out.push(Rev {
                rev: first().to_string(),
                ..e
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::stages::Stage;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("bad date {s}"))
    }

    fn issue(stages: &[(&str, &'static str)]) -> Issue {
        Issue {
            date: d("2026-03-10"),
            by: Some("zhang-san".into()),
            stages: stages
                .iter()
                .map(|(date, change)| Stage {
                    date: d(date),
                    change,
                    by: None,
                })
                .collect(),
        }
    }

    fn issued(rev: &str, date: &str) -> Issued {
        Issued {
            rev: rev.into(),
            date: d(date),
            change: "x".into(),
            by: None,
            form_code: String::new(),
            form_version: String::new(),
            fingerprint: String::new(),
            pdf_sha256: String::new(),
            pages: 1,
            fields: Default::default(),
        }
    }

    fn revs(v: &[Rev]) -> Vec<(String, String)> {
        v.iter()
            .map(|r| (r.rev.clone(), r.date.to_string()))
            .collect()
    }

    #[test]
    fn a_record_without_history_is_first_issued_on_its_date() {
        let r = merge(&issue(&[]), &[], &[]);
        assert_eq!(revs(&r), [("A/0".into(), "2026-03-10".into())]);
        assert_eq!(r[0].origin, Origin::Implied);
    }

    #[test]
    fn each_stage_after_the_last_revision_implies_the_next() {
        let stages = [
            ("2026-03-10", "raised"),
            ("2026-03-20", "response"),
            ("2026-04-10", "verified"),
        ];
        let r = merge(&issue(&stages), &[issued("A/0", "2026-03-10")], &[]);
        assert_eq!(
            revs(&r),
            [
                ("A/0".into(), "2026-03-10".into()),
                ("A/1".into(), "2026-03-20".into()),
                ("A/2".into(), "2026-04-10".into())
            ]
        );
        assert_eq!(r[0].origin, Origin::Issued);
        assert_eq!(r[2].change, "verified");
    }

    #[test]
    fn a_later_issued_revision_covers_earlier_stages() {
        let stages = [("2026-03-20", "response")];
        let r = merge(
            &issue(&stages),
            &[issued("A/0", "2026-03-10"), issued("A/1", "2026-03-25")],
            &[],
        );
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn stages_before_the_first_issued_revision_fill_the_numbers_below_it() {
        let stages = [("2026-03-26", "response"), ("2026-04-10", "verified")];
        let r = merge(&issue(&stages), &[issued("A/2", "2026-04-10")], &[]);
        assert_eq!(
            revs(&r),
            [
                ("A/0".into(), "2026-03-10".into()),
                ("A/1".into(), "2026-03-26".into()),
                ("A/2".into(), "2026-04-10".into())
            ]
        );
        assert_eq!(r[2].origin, Origin::Issued);
    }

    #[test]
    fn next_counts_within_the_letter() {
        assert_eq!(next("A/1"), "A/2");
        assert_eq!(next("B/0"), "B/1");
        assert_eq!(parse("a/1"), None);
    }
}
