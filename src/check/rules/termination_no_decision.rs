//! A terminated audit is no basis for certifying (TB-GZ-036 9.3, 9.4.2; HZL-MSRG-005 4.4.4,
//! 4.6.3 (1), implied).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "termination-no-decision",
    severity: Severity::Error,
    summary: "no positive decision rests on a terminated audit",
    docs: "No decision with outcome `grant`, `renew`, `maintain`, `restore` or `extend-scope` \
           names an audit that records `termination`.",
    example: "decisions:\n  - { id: D1, audits: [S1, S2], outcome: grant }   # S2 was terminated",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value.is_positive())
    {
        for id in &d.audits {
            let Some(a) = ctx.case.audit(id) else {
                continue;
            };
            if let Some(t) = &a.termination {
                out.push(
                    Finding::new(
                        d.outcome.pos,
                        format!(
                            "decision {} ({}) rests on audit {}, which was terminated on {}",
                            d.id.value,
                            d.outcome.value.name(),
                            a.id.value,
                            t.date.value
                        ),
                    )
                    .related(t.pos, "terminated"),
                );
            }
        }
    }
}
