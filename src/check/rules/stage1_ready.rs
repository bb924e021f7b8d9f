//! Stage 2 only after a stage 1 that concluded the client was ready, and whose written
//! result reached the client before stage 2 (TB-GZ-036 5.6.2 3); HZL-MSRG-005 4.3.3.2 (5),
//! 4.3.3.4).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Conclusion};

pub static RULE: Rule = Rule {
    id: "stage1-ready",
    severity: Severity::Error,
    summary: "stage 2 follows a stage 1 concluded `ready` whose report was delivered before stage 2 began",
    docs: "The latest stage 1 before each stage 2 has `conclusion: ready` and a report \
           `delivered` before the stage 2 start date. A skipped stage 1 (`stage1_skipped`) \
           is judged by `stage1-required` instead.",
    example: "audits:\n  - { id: S1, kind: stage1, conclusion: not-ready, … }\n  - { id: S2, kind: stage2, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s2 in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage2 && a.stage1_skipped.is_none())
    {
        let Some(s1) = ctx.case.stage1_before(s2) else {
            continue;
        };
        match &s1.conclusion {
            Some(c) if c.value == Conclusion::Ready => {}
            other => {
                let (pos, said) = match other {
                    Some(c) => (c.pos, "does not conclude `ready`"),
                    None => (s1.id.pos, "records no conclusion"),
                };
                out.push(
                    Finding::new(
                        s2.start.pos,
                        format!(
                            "stage 2 audit {} starts on {} but stage 1 audit {} {said}",
                            s2.id.value, s2.start.value, s1.id.value
                        ),
                    )
                    .related(pos, "stage 1 conclusion"),
                );
                continue;
            }
        }
        let delivered = s1.report.as_ref().and_then(|r| r.delivered.as_ref());
        match delivered {
            Some(d) if d.value < s2.start.value => {}
            Some(d) => out.push(
                Finding::new(
                    s2.start.pos,
                    format!(
                        "stage 2 audit {} starts on {}, but stage 1's written result reached the client only on {}",
                        s2.id.value, s2.start.value, d.value
                    ),
                )
                .related(d.pos, "stage 1 report delivered"),
            ),
            None => out.push(
                Finding::new(
                    s2.start.pos,
                    format!(
                        "stage 2 audit {} starts on {}, but stage 1 audit {} records no delivered report (`report.delivered`)",
                        s2.id.value, s2.start.value, s1.id.value
                    ),
                )
                .related(s1.id.pos, "stage 1"),
            ),
        }
    }
}
