//! Every meeting of an on-site audit is photographed or recorded (TB-GZ-036 5.5.2 2),
//! 5.6.4.1 1)②, 5.6.4.10 1)②).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "meeting-evidence",
    severity: Severity::Error,
    summary: "each meeting of an on-site audit lists a photo or audio/video record",
    docs: "Each opening and closing meeting of an on-site audit that has started lists at \
           least one photo or audio/video record (`evidence`).",
    example: "meetings:\n  closing: { top_manager_present: true, signin: SI-02 }   # no evidence",
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
            if m.evidence.is_empty() {
                out.push(Finding::new(
                    m.pos,
                    format!(
                        "the {name} meeting of audit {} lists no photo or audio/video record (`evidence`)",
                        a.id.value
                    ),
                ));
            }
        }
    }
}
