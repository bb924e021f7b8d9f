//! Records are kept in Chinese (TB-GZ-036 13.4, 5.5.2 1); HZL-MSRG-005 12.2).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Text;

pub static RULE: Rule = Rule {
    id: "records-chinese",
    severity: Severity::Warning,
    summary: "every free text a record prints is written in Chinese",
    docs: "Every free-text field a record prints contains at least one CJK ideograph \
           (U+4E00–U+9FFF): nonconformities' `description`, `cause`, `correction`, \
           `corrective_action`; `report.summary`, the reports' findings and `deviations`; \
           decisions' `reason`, `deviation.reason`, `cycle_review`; meetings' \
           `delegation_reason`; `reductions[].reason`; `offsite.reason`; \
           `stage1_skipped.reason`; `shifts_reason`; `team_changes[].reason`.",
    example: "description: The access log is not reviewed.",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn chinese(t: &str) -> bool {
    t.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut texts: Vec<(&str, &Text)> = Vec::new();
    for a in &ctx.case.audits {
        for nc in &a.nonconformities {
            texts.push(("description", &nc.description));
            for (k, t) in [
                ("cause", &nc.cause),
                ("correction", &nc.correction),
                ("corrective_action", &nc.corrective_action),
            ] {
                texts.extend(t.iter().map(|t| (k, t)));
            }
        }
        if let Some(r) = &a.report {
            texts.extend(r.summary.iter().map(|t| ("report.summary", t)));
            texts.extend(r.deviations.iter().map(|t| ("report.deviations", t)));
            texts.extend(
                r.findings
                    .iter()
                    .map(|f| ("report.findings[].evidence", &f.evidence)),
            );
        }
        for (_, m, _) in a.meetings() {
            texts.extend(m.delegation_reason.iter().map(|t| ("delegation_reason", t)));
        }
        texts.extend(
            a.reductions
                .iter()
                .flat_map(|r| &r.reason)
                .map(|t| ("reductions[].reason", t)),
        );
        texts.extend(a.offsite.iter().map(|o| ("offsite.reason", &o.reason)));
        texts.extend(
            a.stage1_skipped
                .iter()
                .map(|o| ("stage1_skipped.reason", &o.reason)),
        );
        texts.extend(a.shifts_reason.iter().map(|t| ("shifts_reason", t)));
        texts.extend(
            a.team_changes
                .iter()
                .flat_map(|c| &c.reason)
                .map(|t| ("team_changes[].reason", t)),
        );
    }
    for d in &ctx.case.decisions {
        texts.extend(d.reason.iter().map(|t| ("reason", t)));
        texts.extend(d.deviation.iter().map(|x| ("deviation.reason", &x.reason)));
        texts.extend(d.cycle_review.iter().map(|t| ("cycle_review", t)));
    }
    for (field, t) in texts {
        if !chinese(t) {
            out.push(Finding::new(
                t.pos,
                format!("`{field}` is printed on a record and is not written in Chinese"),
            ));
        }
    }
}
