//! At least one surveillance in every calendar year after the year of issue, except the
//! year of recertification (TB-GZ-036 6.1.1 2); HZL-MSRG-005 5.2.1).

use chrono::Datelike;

use crate::check::cycle::cycles;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "surveillance-calendar-year",
    severity: Severity::Error,
    summary: "≥ 1 surveillance each calendar year after the issue year, except the recertification year",
    docs: "Judged for years that have ended by `--as-of`, within each certificate's cycle (up \
           to the next certificate's issue). The recertification year is the year of the \
           cycle's recertification audit, or of the certificate's expiry when none is \
           recorded. A year without surveillance is reported at the next surveillance that \
           was carried out; when none followed, `surveillance-overdue` reports it.",
    example: "certificates:\n  - { issued: 2023-03-15, … }\naudits:\n  - { id: A1, kind: surveillance, start: 2025-01-10 }   # none in 2024",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let all = cycles(ctx.case);
    for (i, cycle) in all.iter().enumerate() {
        let cert = cycle.certificate;
        let issue_year = cert.issued.value.0.year();
        let next_issue = all.get(i + 1).map(|c| c.certificate.issued.value);
        let recert_year = ctx
            .case
            .audits
            .iter()
            .filter(|a| a.kind.value == AuditKind::Recertification)
            .filter(|a| a.start.value >= cert.issued.value)
            .filter(|a| next_issue.is_none_or(|n| a.start.value < n))
            .map(|a| a.start.value.0.year())
            .min()
            .unwrap_or_else(|| cert.expires.value.0.year());
        let last_ended = ctx.as_of.0.year() - 1;
        let last = next_issue.map_or(last_ended, |n| last_ended.min(n.0.year() - 1));
        for year in (issue_year + 1)..=last.min(recert_year - 1) {
            if cycle
                .surveillances
                .iter()
                .any(|s| s.start.value.0.year() == year)
            {
                continue;
            }
            let Some(next) = cycle
                .surveillances
                .iter()
                .find(|s| s.start.value.0.year() > year)
            else {
                continue;
            };
            out.push(
                Finding::new(
                    next.start.pos,
                    format!(
                        "no surveillance of certificate {} (issued {}) was carried out in {year}; the next, {}, is dated {}",
                        cert.number.value,
                        cert.issued.value,
                        next.id.value,
                        next.start.value
                    ),
                )
                .related(cert.issued.pos, "certificate issued"),
            );
        }
    }
}
