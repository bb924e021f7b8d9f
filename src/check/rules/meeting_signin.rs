//! Every meeting of an on-site audit keeps its sign-in sheet (TB-GZ-036 5.5.2 2), 5.6.4.1 1),
//! 5.6.4.10 1), 13.3 4); HZL-MSRG-005 4.3.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "meeting-signin",
    severity: Severity::Error,
    summary: "each meeting of an on-site audit names its filed sign-in sheet",
    docs: "Each opening and closing meeting of an on-site audit that has started names its \
           filed sign-in sheet (`signin`).",
    example: "meetings:\n  opening: { top_manager_present: true }   # no signin",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.onsite.value && a.start.value <= ctx.as_of)
    {
        for (name, m, _) in a.meetings() {
            if m.signin.is_none() {
                out.push(Finding::new(
                    m.pos,
                    format!(
                        "the {name} meeting of audit {} names no sign-in sheet (`signin`)",
                        a.id.value
                    ),
                ));
            }
        }
    }
}
