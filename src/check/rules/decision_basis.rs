//! A decision rests on the audits that justify it: a grant on stage 1 (or its allowed skip)
//! and stage 2, a renewal on a recertification audit, and nothing positive on an audit that
//! did not recommend (TB-GZ-036 9.4.1 1); HZL-MSRG-005 4.6.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Conclusion, Outcome};

pub static RULE: Rule = Rule {
    id: "decision-basis",
    severity: Severity::Error,
    summary: "a grant rests on stage 1 and stage 2, a renewal on a recertification audit, nothing positive on `not-recommend`",
    docs: "`grant` names a stage 2 audit and a stage 1 audit (or a stage 2 that records \
           `stage1_skipped`); `renew` names a recertification audit; no `grant`, `renew`, \
           `maintain`, `restore` or `extend-scope` names an audit that concluded \
           `not-recommend` or `not-ready`.",
    example: "decisions:\n  - { id: D1, outcome: grant, audits: [S2] }   # stage 1 missing",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for d in &ctx.case.decisions {
        let audits: Vec<_> = d
            .audits
            .iter()
            .filter_map(|id| ctx.case.audit(id).map(|a| (id, a)))
            .collect();
        let has = |k: AuditKind| audits.iter().any(|(_, a)| a.kind.value == k);
        let mut missing = Vec::new();
        match d.outcome.value {
            Outcome::Grant => {
                if !has(AuditKind::Stage2) {
                    missing.push("a stage 2 audit");
                }
                let skipped = audits
                    .iter()
                    .any(|(_, a)| a.kind.value == AuditKind::Stage2 && a.stage1_skipped.is_some());
                if !has(AuditKind::Stage1) && !skipped {
                    missing.push("a stage 1 audit");
                }
            }
            Outcome::Renew if !has(AuditKind::Recertification) => {
                missing.push("a recertification audit");
            }
            _ => {}
        }
        if !missing.is_empty() {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "decision {} ({}) does not name {} among its `audits`",
                    d.id.value,
                    d.outcome.value.name(),
                    missing.join(" or ")
                ),
            ));
        }
        if !d.outcome.value.is_positive() {
            continue;
        }
        for (id, a) in &audits {
            if let Some(c) = a
                .conclusion
                .as_ref()
                .filter(|c| matches!(c.value, Conclusion::NotRecommend | Conclusion::NotReady))
            {
                out.push(
                    Finding::new(
                        id.pos,
                        format!(
                            "decision {} ({}) rests on audit {}, which concluded against it",
                            d.id.value,
                            d.outcome.value.name(),
                            a.id.value,
                        ),
                    )
                    .related(c.pos, "audit conclusion"),
                );
            }
        }
    }
}
