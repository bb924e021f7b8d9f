//! The reference date of each part of a case (`rules-next.md`, "Which version applies"):
//! the application's receipt for the application and the client, the contract's signature,
//! an audit's first day for all the audit holds, a decision's date (a suspension's or
//! withdrawal's trigger), a certificate's issue, an appeal's receipt. A finding is dated by
//! the part of the file it points into.

use crate::load::case::{Case, DecisionKind};
use crate::load::{Date, Scheme, versions};
use crate::source::Pos;

/// Reference dates by the line where each part of the case starts.
pub struct Dates {
    /// (first line, date), in line order.
    starts: Vec<(u32, Date)>,
    /// Before the first part: the application's receipt.
    default: Date,
}

impl Dates {
    pub fn of(case: &Case) -> Dates {
        let received = case.application.received.value;
        let mut starts = vec![
            (case.client.pos.line, received),
            (case.application.pos.line, received),
        ];
        if let Some(c) = &case.contract {
            starts.push((c.pos.line, c.signed.value));
        }
        for a in &case.audits {
            starts.push((a.pos.line, a.start.value));
        }
        for d in &case.decisions {
            let day = match (d.kind.value, &d.trigger) {
                (DecisionKind::Suspension | DecisionKind::Withdrawal, Some(t)) => t.value,
                _ => d.date.value,
            };
            starts.push((d.pos.line, day));
        }
        for c in &case.certificates {
            starts.push((c.pos.line, c.issued.value));
        }
        for a in &case.appeals {
            starts.push((a.pos.line, a.received.value));
        }
        starts.sort_by_key(|(line, _)| *line);
        Dates {
            starts,
            default: received,
        }
    }

    /// The reference date of whatever is at `pos`.
    pub fn at(&self, pos: Pos) -> Date {
        self.starts
            .iter()
            .take_while(|(line, _)| *line <= pos.line)
            .last()
            .map_or(self.default, |(_, d)| *d)
    }

    /// Every reference date of the case.
    pub fn all(&self) -> impl Iterator<Item = Date> + '_ {
        self.starts.iter().map(|(_, d)| *d)
    }
}

/// The schemes (the newest and older versions with other rules) a case's dates fall in,
/// when more than one: the rules that differ between them run once per version.
pub fn versions_in_play<'s>(scheme: &'s Scheme, dates: &Dates) -> Vec<&'s Scheme> {
    if scheme.variants.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut out: Vec<&Scheme> = Vec::new();
    for day in dates.all() {
        let s = versions::scheme_on(scheme, day);
        if !out.iter().any(|o| std::ptr::eq(*o, s)) {
            out.push(s);
        }
    }
    if out.len() == 1 && std::ptr::eq(out[0], scheme) {
        out.clear();
    }
    out
}
