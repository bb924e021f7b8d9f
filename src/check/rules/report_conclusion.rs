//! The team does not recommend certification outright while a major nonconformity of the
//! audit is still open (TB-GZ-036 5.6.4.8; HZL-MSRG-005 4.4.1 (8)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{Conclusion, Grade};

pub static RULE: Rule = Rule {
    id: "report-conclusion",
    severity: Severity::Error,
    summary: "no `recommend` conclusion while a major NC of that audit is open at its end",
    docs: "A major nonconformity is open at the audit's end unless it was verified effective on \
           or before that day. With one open, the conclusion is \
           `recommend-after-verification` or `not-recommend`.",
    example: "audits:\n  - id: S2\n    nonconformities: [{ id: NC02, grade: major, … }]\n    conclusion: recommend",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(c) = a
            .conclusion
            .as_ref()
            .filter(|c| c.value == Conclusion::Recommend)
        else {
            continue;
        };
        for nc in a.nonconformities.iter().filter(|nc| {
            nc.grade.value == Grade::Major
                && !nc
                    .verification
                    .as_ref()
                    .is_some_and(|v| v.effective.value && v.date.value <= a.end.value)
        }) {
            out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "audit {} concludes `recommend` while major nonconformity {} is open; conclude `recommend-after-verification`",
                        a.id.value, nc.id.value
                    ),
                )
                .related(nc.id.pos, "major nonconformity"),
            );
        }
    }
}
