//! Top management that fails to show leadership means no certification (TB-GZ-036 5.5.2 3);
//! F-45).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Conclusion;

pub static RULE: Rule = Rule {
    id: "top-management-leadership",
    severity: Severity::Error,
    summary: "an audit finding top management's leadership failed concludes not-recommend, and nothing is granted on it",
    docs: "An audit with `top_manager_interview.leadership_failed: true` has conclusion \
           `not-recommend`, and no decision with outcome `grant`, `renew`, `maintain`, \
           `restore` or `extend-scope` names it.",
    example: "top_manager_interview: { date: 2026-03-17, evidence: [访谈记录], leadership_failed: true }\nconclusion: recommend",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(i) = &a.top_manager_interview else {
            continue;
        };
        let Some(failed) = i.leadership_failed.as_ref().filter(|f| f.value) else {
            continue;
        };
        if let Some(c) = a
            .conclusion
            .as_ref()
            .filter(|c| c.value != Conclusion::NotRecommend)
        {
            out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "audit {} found top management's leadership failed, so it concludes `not-recommend`",
                        a.id.value
                    ),
                )
                .related(failed.pos, "leadership failed"),
            );
        }
        for d in ctx
            .case
            .decisions
            .iter()
            .filter(|d| d.outcome.value.is_positive())
        {
            if let Some(r) = d.audits.iter().find(|x| x.value == a.id.value) {
                out.push(
                    Finding::new(
                        r.pos,
                        format!(
                            "decision {} ({}) rests on audit {}, which found top management's leadership failed",
                            d.id.value,
                            d.outcome.value.name(),
                            a.id.value
                        ),
                    )
                    .related(failed.pos, "leadership failed"),
                );
            }
        }
    }
}
