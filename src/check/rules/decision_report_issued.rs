//! A decision reads the issued reports of the audits it rests on (TB-GZ-036 9.4.1 1);
//! HZL-MSRG-005 4.6.1, 4.6.3 (1)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "decision-report-issued",
    severity: Severity::Error,
    summary: "every audit a decision names has its report issued on or before the decision",
    docs: "Every audit a decision names has `report.issued` (a terminated audit: \
           `termination.report.issued`) on or before the decision's `date`.",
    example: "decisions:\n  - { id: D1, audits: [S1, S2], date: 2026-04-20 }\n# S2's report issued 2026-04-21",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in &case.decisions {
        for id in &d.audits {
            let Some(a) = case.audit(id) else { continue };
            let issued = match &a.termination {
                Some(t) => t.report.as_ref().and_then(|r| r.issued.as_ref()),
                None => a.report.as_ref().and_then(|r| r.issued.as_ref()),
            };
            match issued {
                None => out.push(Finding::new(
                    id.pos,
                    format!(
                        "decision {} rests on audit {}, whose report is not issued",
                        d.id.value, a.id.value
                    ),
                )),
                Some(i) if i.value > d.date.value => out.push(
                    Finding::new(
                        id.pos,
                        format!(
                            "decision {} of {} rests on audit {}, whose report was issued later, on {}",
                            d.id.value, d.date.value, a.id.value, i.value
                        ),
                    )
                    .related(i.pos, "report issued"),
                ),
                Some(_) => {}
            }
        }
    }
}
