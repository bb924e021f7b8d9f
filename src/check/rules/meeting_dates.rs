//! The opening meeting is held on the audit's first day, the closing on its last
//! (TB-GZ-036 5.6.4.1, 5.6.4.10; HZL-MSRG-005 4.3.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "meeting-dates",
    severity: Severity::Warning,
    summary: "a meeting's date is the audit's start (opening) or end (closing)",
    docs: "A meeting's `date`, when given, is the audit's `start` for the opening meeting and \
           its `end` for the closing meeting.",
    example: "start: 2026-03-17\nmeetings:\n  opening: { date: 2026-03-18, top_manager_present: true }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for (name, m, _) in a.meetings() {
            let Some(d) = &m.date else { continue };
            let want = if name == "opening" {
                a.start.value
            } else {
                a.end.value
            };
            if d.value != want {
                out.push(Finding::new(
                    d.pos,
                    format!(
                        "the {name} meeting of audit {} is dated {}, not on the audit's {} ({want})",
                        a.id.value,
                        d.value,
                        if name == "opening" { "first day" } else { "last day" }
                    ),
                ));
            }
        }
    }
}
