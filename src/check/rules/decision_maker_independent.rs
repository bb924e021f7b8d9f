//! The decider took no part in the audits decided on.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Graded;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{AuditKind, Conclusion, Decision, DecisionKind, Grade, Outcome};

pub static RULE: Rule = Rule {
    id: "decision-maker-independent",
    severity: Severity::Error,
    summary: "the decider is not on any team (experts included) of the audits decided on",
    docs: "Whoever decides must not have been on the team of any audit the decision rests on, \
           technical experts and trainees included. Where the scheme has the monitoring \
           mechanism of a simplified surveillance decision (`simplified_surveillance`), a \
           decision with `simplified: true` may be taken by the surveillance's team leader \
           (no other member) when it is a surveillance decision to maintain, every audit it \
           names is a surveillance concluding positively without a major nonconformity, and \
           neither the scope nor the certificate changed since the previous decision. \
           `simplified: true` on any other decision is an error. With `surveillance: \
           warning`, a surveillance decision taken by a team member is a warning.",
    example: "decisions:\n  - { id: D1, audits: [S1, S2], decided_by: zhang-san }   # zhang-san led S2",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether the scheme has the monitoring mechanism under which a surveillance decision may
    /// be the team leader's own positive conclusion (TB-GZ-036 9.4.3).
    pub simplified_surveillance: bool,
    /// How a surveillance decision taken by a team member is reported where the rule
    /// document states no independence for it (HZL-MSRG-005 5.9, F-13); an error if absent.
    #[serde(default)]
    pub surveillance: Option<Graded>,
}

/// Why a decision marked `simplified` may not be one, if it may not (TB-GZ-036 9.4.3 1)–3)).
fn simplified_problem(ctx: &Ctx, d: &Decision) -> Option<String> {
    if d.kind.value != DecisionKind::Surveillance || d.outcome.value != Outcome::Maintain {
        return Some(format!(
            "decision {} is simplified, but only a surveillance decision to maintain may be",
            d.id.value
        ));
    }
    for id in &d.audits {
        let a = ctx.case.audit(id)?;
        if a.kind.value != AuditKind::Surveillance {
            return Some(format!(
                "decision {} is simplified, but audit {} is not a surveillance",
                d.id.value, a.id.value
            ));
        }
        if !matches!(
            a.conclusion.as_ref().map(|c| c.value),
            Some(Conclusion::Recommend | Conclusion::RecommendAfterVerification)
        ) {
            return Some(format!(
                "decision {} is simplified, but surveillance {} did not conclude positively",
                d.id.value, a.id.value
            ));
        }
        if a.nonconformities
            .iter()
            .any(|n| n.grade.value == Grade::Major)
        {
            return Some(format!(
                "decision {} is simplified, but surveillance {} raised a major nonconformity",
                d.id.value, a.id.value
            ));
        }
    }
    // No change of scope or certificate since the cycle's previous decision (9.4.3 2)).
    let previous = ctx
        .case
        .decisions
        .iter()
        .filter(|o| o.date.value < d.date.value)
        .map(|o| o.date.value)
        .max()?;
    let changed = ctx.case.decisions.iter().any(|o| {
        matches!(o.outcome.value, Outcome::ExtendScope | Outcome::ReduceScope)
            && o.date.value > previous
            && o.date.value <= d.date.value
    }) || ctx.case.certificates.iter().any(|c| {
        c.reissue_of.is_some() && c.issued.value > previous && c.issued.value <= d.date.value
    });
    changed.then(|| {
        format!(
            "decision {} is simplified, but the scope or the certificate changed since the previous decision",
            d.id.value
        )
    })
}

/// The team leader who may take a simplified surveillance decision `d`, when the scheme
/// allows one and `d` meets its conditions: the waiver covers the leader only.
pub fn simplified_leader<'c>(ctx: &Ctx<'c>, d: &'c Decision) -> Option<&'c str> {
    let p = crate::check::scheme_params::<Params>(ctx.scheme?, &RULE)?;
    if !p.simplified_surveillance || !d.simplified.as_ref().is_some_and(|s| s.value) {
        return None;
    }
    if simplified_problem(ctx, d).is_some() {
        return None;
    }
    let a = ctx.case.audit(d.audits.first()?)?;
    a.leader().map(|p| p.value.as_str())
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for d in &ctx.case.decisions {
        let waived = simplified_leader(ctx, d);
        for id in &d.audits {
            let Some(a) = ctx.case.audit(id) else {
                continue;
            };
            let Some(m) = a.team.iter().find(|m| m.person.value == d.decided_by.value) else {
                continue;
            };
            if waived == Some(m.person.value.as_str()) {
                continue;
            }
            let finding = Finding::new(
                d.decided_by.pos,
                format!(
                    "{} decides {} but was on the team of audit {}",
                    d.decided_by.value, d.id.value, a.id.value
                ),
            )
            .related(m.pos, "on the team here");
            let simplified = d.simplified.as_ref().is_some_and(|s| s.value);
            out.push(match p.surveillance {
                Some(Graded::Warning)
                    if d.kind.value == DecisionKind::Surveillance && !simplified =>
                {
                    finding.severity(Severity::Warning)
                }
                _ => finding,
            });
        }
        if let Some(s) = d.simplified.as_ref().filter(|s| s.value) {
            if !p.simplified_surveillance {
                out.push(Finding::new(
                    s.pos,
                    "this scheme has no simplified decisions",
                ));
            } else if let Some(problem) = simplified_problem(ctx, d) {
                out.push(Finding::new(s.pos, problem));
            }
        }
    }
}
