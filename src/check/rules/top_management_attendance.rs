//! Top management attends the opening and closing meetings, or delegates with a recorded
//! reason (TB-GZ-036 5.5.2 2), 5.6.4.10 1); HZL-MSRG-005 4.3.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "top-management-attendance",
    severity: Severity::Error,
    summary: "top management at opening and closing meetings, or a delegate with a recorded reason",
    docs: "Every on-site audit records `meetings.opening` and `meetings.closing`. Where \
           `top_manager_present` is false, the meeting names the `delegate` and the \
           `delegation_reason`, unless the audit was terminated with the ground \
           `top-management-absent` (TB-GZ-036 5.5.3 2)), which the termination rules judge.",
    example: "meetings:\n  closing: { top_manager_present: false }   # no delegate, no reason",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in ctx.case.audits.iter().filter(|a| a.onsite.value) {
        // An audit still ahead has no meetings to record yet.
        if a.start.value > ctx.as_of {
            continue;
        }
        let Some(meetings) = &a.meetings else {
            out.push(Finding::new(
                a.id.pos,
                format!(
                    "on-site audit {} records no `meetings` (who of top management attended the opening and closing meetings)",
                    a.id.value
                ),
            ));
            continue;
        };
        // TB 5.5.3 2): an audit ended because top management would not attend is judged
        // by the termination rules, not here.
        let terminated_for_it = a
            .termination
            .as_ref()
            .is_some_and(|t| t.ground.value == "top-management-absent");
        for (name, m) in [
            ("opening", &meetings.opening),
            ("closing", &meetings.closing),
        ] {
            let Some(m) = m else {
                out.push(Finding::new(
                    meetings.pos,
                    format!("audit {} records no {name} meeting", a.id.value),
                ));
                continue;
            };
            if m.top_manager_present.value || terminated_for_it {
                continue;
            }
            let blank = |t: &Option<crate::load::case::Text>| {
                t.as_ref().is_none_or(|x| x.value.trim().is_empty())
            };
            if blank(&m.delegate) || blank(&m.delegation_reason) {
                out.push(Finding::new(
                    m.top_manager_present.pos,
                    format!(
                        "top management ({}) was absent from the {name} meeting of audit {} and no `delegate` with a `delegation_reason` is recorded",
                        ctx.case.client.top_manager.value, a.id.value
                    ),
                ));
            }
        }
    }
}
