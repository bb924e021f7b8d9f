//! Where top management is absent from a meeting, its delegate is authorised in writing
//! beforehand, and its absence from the closing meeting explained in writing (TB-GZ-036
//! 5.5.2 2), 5.6.4.1 1)①, 5.6.4.10 1)①).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "top-management-delegation",
    severity: Severity::Error,
    summary: "a delegate's written authorisation, and for the closing meeting top management's explanation, precede the meeting",
    docs: "Where top management was absent from a meeting, the delegate's written \
           authorisation is dated on or before the meeting (`authorised`); for the closing \
           meeting the top manager's written explanation is too (`absence_note`). The \
           meeting's day is its `date`, else the audit's `start` (opening) or `end` (closing).",
    example: "closing: { top_manager_present: false, delegate: 王经理, delegation_reason: 出差 }   # no authorised",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for (name, m, day) in a.meetings() {
            if m.top_manager_present.value {
                continue;
            }
            let mut need = vec![(
                "the delegate's written authorisation",
                "authorised",
                &m.authorised,
            )];
            if name == "closing" {
                need.push((
                    "top management's written explanation of its absence",
                    "absence_note",
                    &m.absence_note,
                ));
            }
            for (what, field, date) in need {
                match date {
                    None => out.push(Finding::new(
                        m.top_manager_present.pos,
                        format!(
                            "top management was absent from the {name} meeting of audit {} and {what} is not recorded (`{field}`)",
                            a.id.value
                        ),
                    )),
                    Some(d) if d.value > day => out.push(Finding::new(
                        d.pos,
                        format!(
                            "{what} is dated {}, after the {name} meeting of audit {} on {day}",
                            d.value, a.id.value
                        ),
                    )),
                    Some(_) => {}
                }
            }
        }
    }
}
