//! A change to a confirmed audit plan is agreed with the client before the audit ends
//! (TB-GZ-036 5.4.7 3); HZL-MSRG-005 4.2.3.4).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::numbering::{self, Form};

pub static RULE: Rule = Rule {
    id: "plan-change-agreed",
    severity: Severity::Error,
    summary: "a revision of a confirmed plan before the audit ends records the client's agreement",
    docs: "A revision of an audit's plan (under `revisions`, keyed by the plan's document \
           number) dated after `plan.confirmed` and on or before the audit's `end` changes an \
           agreed plan: it has `agreed`, the date the client agreed to the change, on or after \
           the revision's date and on or before the audit's `end`. A revision after the audit \
           corrects the record of a plan already carried out and needs no agreement.",
    example: "revisions:\n  TB-PIC-2026-003-PL-S2:\n    - { rev: A/1, date: 2026-03-12, by: zhang-san, change: 调整日程 }   # no agreed",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    let case = ctx.case;
    for doc in numbering::documents(case, body)
        .into_iter()
        .filter(|d| d.form == Form::AuditPlan)
    {
        let Some(a) = case.audit(&doc.subject) else {
            continue;
        };
        let Some(confirmed) = a.plan.as_ref().and_then(|p| p.confirmed.as_ref()) else {
            continue;
        };
        let Some((_, revs)) = case.revisions.iter().find(|(k, _)| k.trim() == doc.number) else {
            continue;
        };
        // After the audit the plan is history: a later revision corrects the record of a
        // plan, it does not change what the client agreed to.
        let changes = revs
            .iter()
            .filter(|r| r.date.value > confirmed.value && r.date.value <= a.end.value);
        for r in changes {
            match &r.agreed {
                None => out.push(
                    Finding::new(
                        r.rev.pos,
                        format!(
                            "revision {} of plan {} changes a plan the client confirmed on {}, without the client's agreement to the change (`agreed`)",
                            r.rev.value, doc.number, confirmed.value
                        ),
                    )
                    .related(confirmed.pos, "confirmed"),
                ),
                Some(g) if g.value < r.date.value || g.value > a.end.value => out.push(
                    Finding::new(
                        g.pos,
                        format!(
                            "the client agreed to revision {} of plan {} on {}: it must be between the revision ({}) and the audit's end ({})",
                            r.rev.value, doc.number, g.value, r.date.value, a.end.value
                        ),
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}
