//! The revision history of each record is in order: the body's revision style, dates that
//! never go back, and who changed what (TB-GZ-036 13.4; HZL-MSRG-005 12.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::body::RevisionStyle;
use crate::load::numbering::documents;

pub static RULE: Rule = Rule {
    id: "revision-sequence",
    severity: Severity::Error,
    summary: "revisions follow the body's style in order (A/0, A/1 … B/0), dates never go back, each says what changed",
    docs: "Each key of `revisions:` is the document number of a record of this case. Its \
           entries start at A/0, or follow the revisions already issued (the case's lock) \
           or implied by the record's stages; each next revision is the next number of the same letter \
           (A/1) or the next letter at 0 (B/0); dates never go back; every entry names who \
           (`by`, a staff id) and what changed (`change`).",
    example: "revisions:\n  TB-PIC-2026-003-PL-S2:\n    - { rev: A/0, date: 2026-03-09, … }\n    - { rev: A/2, date: 2026-03-12, … }   # A/1 skipped",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

use crate::control::{revisions, stages};
use crate::load::numbering::subject;

use revisions::parse;

fn next_ok(prev: (char, u32), next: (char, u32)) -> bool {
    (next.0 == prev.0 && prev.1.checked_add(1) == Some(next.1))
        || (next.1 == 0 && u32::from(next.0) == u32::from(prev.0) + 1)
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    let RevisionStyle::LetterSlashNumber = body.revision_style.value;
    let docs = documents(ctx.case, body);
    for (number, revs) in &ctx.case.revisions {
        let Some(doc) = docs.iter().find(|d| d.number == number.trim()) else {
            out.push(Finding::new(
                number.pos,
                format!(
                    "no record of this case has document number {}; revisions are keyed by a record's number",
                    number.value
                ),
            ));
            continue;
        };
        // What comes before the first declared entry: the issued revisions and those the
        // record's stages imply.
        let issued = ctx.lock.map(|l| l.issued(&doc.number)).unwrap_or_default();
        let before: Vec<(char, u32)> = match (subject(ctx.case, doc), revs.first()) {
            (Some(s), Some(first)) => {
                let issue = stages::issue(ctx.case, doc.form, s);
                revisions::merge(&issue, issued, &[])
                    .iter()
                    .filter(|r| r.date <= first.date.value && r.rev != first.rev.trim())
                    .filter_map(|r| parse(&r.rev))
                    .collect()
            }
            _ => Vec::new(),
        };
        let mut prev: Option<(char, u32)> = None;
        let mut prev_date = None;
        for r in revs {
            match (parse(&r.rev), prev) {
                (None, _) => out.push(Finding::new(
                    r.rev.pos,
                    format!(
                        "revision `{}` is not in {}'s style (A/0, A/1 … B/0)",
                        r.rev.value, body.id.value
                    ),
                )),
                (Some(first), None)
                    if first != ('A', 0)
                        && issued.iter().all(|i| i.rev != r.rev.trim())
                        && !before.iter().any(|b| next_ok(*b, first)) =>
                {
                    let expected = before.last().map_or("A/0".to_string(), |b| {
                        format!("{}/{}", b.0, b.1.saturating_add(1))
                    });
                    out.push(Finding::new(
                        r.rev.pos,
                        format!(
                            "the first revision of {} declared here would be {expected}, not {}",
                            number.value, r.rev.value
                        ),
                    ))
                }
                (Some(next), Some(p)) if !next_ok(p, next) => out.push(Finding::new(
                    r.rev.pos,
                    format!(
                        "revision {} does not follow {}/{}; the next is {}/{} or {}/0",
                        r.rev.value,
                        p.0,
                        p.1,
                        p.0,
                        p.1.saturating_add(1),
                        char::from_u32(u32::from(p.0) + 1).unwrap_or('?')
                    ),
                )),
                _ => {}
            }
            prev = parse(&r.rev).or(prev);
            if let Some((d, pos)) = prev_date
                && r.date.value < d
            {
                out.push(
                    Finding::new(
                        r.date.pos,
                        format!(
                            "revision {} is dated {}, before the previous revision's {d}",
                            r.rev.value, r.date.value
                        ),
                    )
                    .related(pos, "previous revision dated here"),
                );
            }
            prev_date = Some((r.date.value, r.date.pos));
            if r.change.value.trim().is_empty() {
                out.push(Finding::new(
                    r.change.pos,
                    format!("revision {} does not say what changed", r.rev.value),
                ));
            }
        }
    }
}
