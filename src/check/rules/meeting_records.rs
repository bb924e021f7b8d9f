//! Every meeting of an on-site audit keeps its sign-in sheet and a photo or audio/video
//! record (TB-GZ-036 5.5.2 2), 5.6.4.1 1)②, 5.6.4.10 1)②, 13.3 4); HZL-MSRG-005 4.3.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Meeting;

pub static SIGNIN: Rule = Rule {
    id: "meeting-signin",
    severity: Severity::Error,
    summary: "each meeting of an on-site audit names its filed sign-in sheet",
    docs: "Each opening and closing meeting of an on-site audit that has started names its \
           filed sign-in sheet (`signin`).",
    example: "meetings:\n  opening: { top_manager_present: true }   # no signin",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(signin),
};

pub static EVIDENCE: Rule = Rule {
    id: "meeting-evidence",
    severity: Severity::Error,
    summary: "each meeting of an on-site audit lists a photo or audio/video record",
    docs: "Each opening and closing meeting of an on-site audit that has started lists at \
           least one photo or audio/video record (`evidence`).",
    example: "meetings:\n  closing: { top_manager_present: true, signin: SI-02 }   # no evidence",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(evidence),
};

fn signin(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_meeting(
        ctx,
        out,
        |m| m.signin.is_none(),
        "names no sign-in sheet (`signin`)",
    );
}

fn evidence(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_meeting(
        ctx,
        out,
        |m| m.evidence.is_empty(),
        "lists no photo or audio/video record (`evidence`)",
    );
}

/// Every meeting of an on-site audit that has started and `lacks` the record.
fn each_meeting(ctx: &Ctx, out: &mut Vec<Finding>, lacks: impl Fn(&Meeting) -> bool, what: &str) {
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.onsite.value && a.start.value <= ctx.as_of)
    {
        for (name, m, _) in a.meetings() {
            if lacks(m) {
                out.push(Finding::new(
                    m.pos,
                    format!("the {name} meeting of audit {} {what}", a.id.value),
                ));
            }
        }
    }
}
