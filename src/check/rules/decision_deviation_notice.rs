//! A decision that departs from the team's conclusion says why and tells the client in
//! writing (TB-GZ-036 9.4.4 3)).

use crate::check::answer::{self, Answers};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{Audit, AuditKind, Conclusion, Outcome, Recommendation};

pub static RULE: Rule = Rule {
    id: "decision-deviation-notice",
    severity: Severity::Error,
    summary: "a decision that differs from a named audit's conclusion has its reason and the written notice",
    docs: "A decision whose outcome differs from what a named audit concluded — `recommend` and \
           `recommend-after-verification` (a surveillance: `report.recommendation: maintain`, \
           the default) expect `grant`, `renew`, `maintain`, `restore`, `extend-scope`; \
           `not-recommend` expects `refuse`, `suspend`, `withdraw`, `reduce-scope` (a \
           surveillance: its `recommendation`) — has `deviation.reason` (error) and \
           `deviation.notified`, the written notice (a warning while missing; no deadline).",
    example: "conclusion: recommend\n…\ndecisions:\n  - { id: D1, outcome: refuse, audits: [S1, S2] }   # no deviation",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

/// Whether `outcome` is what `a` recommended; `None` when it concluded nothing a decision
/// follows (stage 1, no conclusion).
fn follows(a: &Audit, outcome: Outcome) -> Option<bool> {
    let c = a.conclusion.as_ref()?.value;
    let recommendation = a
        .report
        .as_ref()
        .and_then(|r| r.recommendation.as_ref())
        .map(|r| r.value);
    Some(match c {
        Conclusion::Ready | Conclusion::NotReady => return None,
        Conclusion::Recommend | Conclusion::RecommendAfterVerification => outcome.is_positive(),
        Conclusion::NotRecommend if a.kind.value == AuditKind::Surveillance => match recommendation
        {
            Some(Recommendation::Suspend) => outcome == Outcome::Suspend,
            Some(Recommendation::Withdraw) => outcome == Outcome::Withdraw,
            Some(Recommendation::ReduceScope) => outcome == Outcome::ReduceScope,
            _ => !outcome.is_positive(),
        },
        Conclusion::NotRecommend => matches!(
            outcome,
            Outcome::Refuse | Outcome::Suspend | Outcome::Withdraw | Outcome::ReduceScope
        ),
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in &case.decisions {
        let Some(a) = d
            .audits
            .iter()
            .filter_map(|id| case.audit(id))
            .find(|a| follows(a, d.outcome.value) == Some(false))
        else {
            continue;
        };
        let Some(dev) = &d.deviation else {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "decision {} ({}) departs from what audit {} concluded and records no reason (`deviation.reason`)",
                    d.id.value,
                    d.outcome.value.name(),
                    a.id.value
                ),
            ));
            continue;
        };
        let event = format!(
            "decision {}, which departs from audit {}'s conclusion,",
            d.id.value, a.id.value
        );
        answer::check(
            ctx,
            &Answers {
                event: &event,
                on: &d.date,
                record: "written notice of the deviation (`deviation.notified`)",
                missing_at: dev.pos,
            },
            dev.notified.as_ref(),
            out,
        );
    }
}
