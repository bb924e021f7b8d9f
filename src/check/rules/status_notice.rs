//! A suspension and a restoration are notified to the client in writing (TB-GZ-036 10.3.4
//! 1), 10.3.4 2)④).

use crate::check::answer::{self, Answers};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "status-notice",
    severity: Severity::Error,
    summary: "each suspension and restoration has its notice (`notice`) on or after the decision",
    docs: "Each suspension and restoration decision has `notice`, the date the 暂停（恢复）认证证书\
           和标志通知书 was issued, on or after the decision's date: before it is an error, \
           missing once the decision lies before `--as-of` a warning (the seeds give no \
           deadline).",
    example: "- { id: D2, outcome: suspend, date: 2026-06-01, notice: 2026-05-30 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| matches!(d.outcome.value, Outcome::Suspend | Outcome::Restore))
    {
        let event = format!("decision {} ({})", d.id.value, d.outcome.value.name());
        answer::check(
            ctx,
            &Answers {
                event: &event,
                on: &d.date,
                record: "notice to the client (`notice`)",
                missing_at: d.outcome.pos,
            },
            d.notice.as_ref(),
            out,
        );
    }
}
