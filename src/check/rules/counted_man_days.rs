//! On-site man-days cannot exceed what the counted members (leader and auditors) can give
//! on the audit's days; technical experts and trainees never count (TB-GZ-036 5.4.6.2 3);
//! HZL-MSRG-005 4.2.2.2, 4.2.2.3).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::dates::days_between;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "counted-man-days",
    severity: Severity::Error,
    summary: "`onsite_mandays` ≤ counted members (leader, auditors) × the audit's days",
    docs: "The audit's days are `end − start + 1`. Only team members with the role `leader` or \
           `auditor` count; experts and trainees add nothing, so a team of one auditor and an \
           expert on a two-day audit gives at most 2 on-site man-days.",
    example: "audits:\n  - id: S2\n    start: 2026-03-17\n    end: 2026-03-17\n    onsite_mandays: 3.0\n    team:\n      - { person: zhang-san, role: leader }\n      - { person: wang-expert, role: technical-expert }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let days = days_between(a.start.value, a.end.value) + 1;
        if days < 1 {
            continue; // date-order reports it
        }
        let counted = a.team.iter().filter(|m| m.role.value.counts()).count();
        let most = counted as f64 * days as f64;
        if a.onsite_mandays.value > most + 1e-9 {
            out.push(Finding::new(
                a.onsite_mandays.pos,
                format!(
                    "audit {} records {} on-site man-days, but its {counted} counted member(s) (leader, auditors) over {days} day(s) give at most {most}; experts and trainees do not count",
                    a.id.value, a.onsite_mandays.value
                ),
            ));
        }
    }
}
