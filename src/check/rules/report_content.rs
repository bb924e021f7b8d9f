//! An issued report has its summary, a conclusion of its kind and, where the team changed,
//! the deviation explained (TB-GZ-036 9.1.3 6) 8) 19), 5.6.4.8, 6.2.7; HZL-MSRG-005 4.4.1
//! (5) (8)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Conclusion, Recommendation};

pub static RULE: Rule = Rule {
    id: "report-content",
    severity: Severity::Error,
    summary: "an issued report has a summary, a conclusion of its kind and the deviations; TB also whether objectives were met",
    docs: "An audit with `report.issued` has `report.summary` and a `conclusion` of its kind \
           (stage 1: `ready`, `not-ready`; others: `recommend`, `recommend-after-verification`, \
           `not-recommend`), and `report.deviations` when the team changed during the audit \
           (`team_changes`). With `objectives_required`: `report.objectives_met`, never \
           `false` with a recommending conclusion, and a surveillance concluding \
           `not-recommend` says what it recommends instead (`report.recommendation`: \
           `suspend`, `withdraw` or `reduce-scope`).",
    example: "conclusion: recommend\nreport: { issued: 2026-03-19 }   # no summary",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Reports state whether the audit objectives were met (`report.objectives_met`).
    pub objectives_required: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(r) = &a.report else { continue };
        let Some(issued) = &r.issued else { continue };
        if a.termination.is_some() {
            continue;
        }
        let mut miss = |what: String| out.push(Finding::new(issued.pos, what));
        if r.summary.is_none() {
            miss(format!(
                "the report of audit {} has no summary (`report.summary`)",
                a.id.value
            ));
        }
        let stage1 = a.kind.value == AuditKind::Stage1;
        match a.conclusion.as_ref().map(|c| c.value) {
            None => miss(format!(
                "the report of audit {} has no conclusion (`conclusion`)",
                a.id.value
            )),
            Some(c) => {
                let fits = matches!(c, Conclusion::Ready | Conclusion::NotReady) == stage1;
                if !fits {
                    miss(format!(
                        "audit {} is a {} audit: its conclusion is {}",
                        a.id.value,
                        a.kind.value.name(),
                        if stage1 {
                            "`ready` or `not-ready`"
                        } else {
                            "`recommend`, `recommend-after-verification` or `not-recommend`"
                        }
                    ));
                }
            }
        }
        let changed = a
            .team_changes
            .iter()
            .any(|c| c.date.value >= a.start.value && c.date.value <= a.end.value);
        if changed && r.deviations.is_none() {
            miss(format!(
                "the team of audit {} changed during the audit and the report does not explain the deviation (`report.deviations`)",
                a.id.value
            ));
        }
        if !p.objectives_required {
            continue;
        }
        let recommends = matches!(
            a.conclusion.as_ref().map(|c| c.value),
            Some(
                Conclusion::Recommend | Conclusion::RecommendAfterVerification | Conclusion::Ready
            )
        );
        match &r.objectives_met {
            None => miss(format!(
                "the report of audit {} does not say whether the audit objectives were met (`report.objectives_met`)",
                a.id.value
            )),
            Some(m) if !m.value && recommends => out.push(Finding::new(
                m.pos,
                format!(
                    "the report of audit {} says the objectives were not met but recommends",
                    a.id.value
                ),
            )),
            Some(_) => {}
        }
        let not_recommend = a
            .conclusion
            .as_ref()
            .is_some_and(|c| c.value == Conclusion::NotRecommend);
        if a.kind.value == AuditKind::Surveillance && not_recommend {
            let rec = r.recommendation.as_ref().map(|x| x.value);
            if !matches!(
                rec,
                Some(
                    Recommendation::Suspend
                        | Recommendation::Withdraw
                        | Recommendation::ReduceScope
                )
            ) {
                out.push(Finding::new(
                    r.recommendation.as_ref().map_or(issued.pos, |x| x.pos),
                    format!(
                        "surveillance {} does not recommend maintaining the certificate: its report recommends `suspend`, `withdraw` or `reduce-scope` (`report.recommendation`)",
                        a.id.value
                    ),
                ));
            }
        }
    }
}
