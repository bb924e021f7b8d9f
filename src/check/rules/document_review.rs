//! Stage 1 reviews the client's documents in a report the client confirms before stage 2
//! (TB-GZ-036 5.5.4 3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "document-review",
    severity: Severity::Error,
    summary: "stage 1 records the document review, signed by its team, confirmed by the client before stage 2",
    docs: "The stage 1 audit records `document_review`: `date` on or before stage 1's `end`; \
           `by` the stage 1 leader or a leader or auditor of its team (delegated by the \
           leader); `confirmed`, the client's confirmation of the 文件审核报告, on or before \
           stage 2's `start`.",
    example: "document_review: { date: 2026-03-06, by: zhang-san }   # after stage 1 ended",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for s1 in case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Stage1)
    {
        if s1.start.value > ctx.as_of || s1.termination.is_some() {
            continue;
        }
        let Some(r) = &s1.document_review else {
            out.push(Finding::new(
                s1.id.pos,
                format!(
                    "stage 1 audit {} records no document review report (`document_review`)",
                    s1.id.value
                ),
            ));
            continue;
        };
        if r.date.value > s1.end.value {
            out.push(Finding::new(
                r.date.pos,
                format!(
                    "the document review of {} is dated {}, after stage 1 ended on {}",
                    s1.id.value, r.date.value, s1.end.value
                ),
            ));
        }
        let on_team = s1
            .team
            .iter()
            .any(|m| m.person.value == r.by.value && m.role.value.counts());
        if !on_team {
            out.push(Finding::new(
                r.by.pos,
                format!(
                    "the document review of {} is signed by {}, who is not a leader or auditor of its team",
                    s1.id.value, r.by.value
                ),
            ));
        }
        let stage2 = case
            .audits
            .iter()
            .filter(|a| a.kind.value == AuditKind::Stage2 && a.start.value >= s1.end.value)
            .min_by_key(|a| a.start.value);
        let Some(s2) = stage2 else { continue };
        match &r.confirmed {
            Some(c) if c.value > s2.start.value => out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "the client confirmed the document review on {}, after stage 2 began on {}",
                        c.value, s2.start.value
                    ),
                )
                .related(s2.start.pos, "stage 2"),
            ),
            None if s2.start.value <= ctx.as_of => out.push(Finding::new(
                r.pos,
                format!(
                    "stage 2 began on {} without the client's confirmation of the document review (`confirmed`)",
                    s2.start.value
                ),
            )),
            _ => {}
        }
    }
}
