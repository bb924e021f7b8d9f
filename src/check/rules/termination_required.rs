//! Falsified application information found at stage 1 ends the certification (TB-GZ-036
//! 5.6.2 4)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "termination-required",
    severity: Severity::Error,
    summary: "a stage 1 that found false information is terminated on that ground, and no stage 2 follows",
    docs: "A stage 1 with `false_information: true` (falsified application information or \
           documents) records `termination` with ground `false-information`, and no stage 2 \
           of the case starts after it.",
    example: "audits:\n  - id: S1\n    kind: stage1\n    false_information: true   # no termination",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s1 in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage1)
    {
        let Some(f) = s1.false_information.as_ref().filter(|f| f.value) else {
            continue;
        };
        match &s1.termination {
            None => out.push(Finding::new(
                f.pos,
                format!(
                    "stage 1 audit {} found false information but is not terminated (`termination` with ground `false-information`)",
                    s1.id.value
                ),
            )),
            Some(t) if t.ground.value != "false-information" => out.push(Finding::new(
                t.ground.pos,
                format!(
                    "stage 1 audit {} found false information: the termination's ground is `false-information`",
                    s1.id.value
                ),
            )),
            Some(_) => {}
        }
        for s2 in ctx
            .case
            .audits
            .iter()
            .filter(|a| a.kind.value == AuditKind::Stage2 && a.start.value >= s1.start.value)
        {
            out.push(
                Finding::new(
                    s2.start.pos,
                    format!(
                        "stage 2 audit {} follows stage 1 {}, which found false information",
                        s2.id.value, s1.id.value
                    ),
                )
                .related(f.pos, "false information"),
            );
        }
    }
}
