//! The decider took no part in the audits decided on.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{DecisionKind, Grade};

pub static RULE: Rule = Rule {
    id: "decision-maker-independent",
    severity: Severity::Error,
    summary: "the decider is not on any team (experts included) of the audits decided on",
    docs: "Whoever decides must not have been on the team of any audit the decision rests on, \
           technical experts included. Where the scheme allows a simplified surveillance decision \
           (`simplified_surveillance`), `simplified: true` is allowed only on a surveillance \
           decision whose audits raised no major nonconformity.",
    example: "decisions:\n  - { id: D1, audits: [S1, S2], decided_by: zhang-san }   # zhang-san led S2",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Whether a simplified surveillance decision may be taken by a member of the audit team.
    pub simplified_surveillance: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for d in &ctx.case.decisions {
        for id in &d.audits {
            let Some(a) = ctx.case.audit(id) else {
                continue;
            };
            if let Some(m) = a.team.iter().find(|m| m.person.value == d.decided_by.value) {
                out.push(
                    Finding::new(
                        d.decided_by.pos,
                        format!(
                            "{} decides {} but was on the team of audit {}",
                            d.decided_by.value, d.id.value, a.id.value
                        ),
                    )
                    .related(m.pos, "on the team here"),
                );
            }
        }
        if let Some(s) = d.simplified.as_ref().filter(|s| s.value) {
            let majors = d
                .audits
                .iter()
                .filter_map(|id| ctx.case.audit(id))
                .flat_map(|a| a.nonconformities.iter())
                .any(|n| n.grade.value == Grade::Major);
            if !p.simplified_surveillance {
                out.push(Finding::new(
                    s.pos,
                    "this scheme has no simplified decisions",
                ));
            } else if d.kind.value != DecisionKind::Surveillance {
                out.push(Finding::new(
                    s.pos,
                    format!(
                        "decision {} is simplified, but only surveillance decisions may be",
                        d.id.value
                    ),
                ));
            } else if majors {
                out.push(Finding::new(
                    s.pos,
                    format!(
                        "decision {} is simplified, but its audits raised a major nonconformity",
                        d.id.value
                    ),
                ));
            }
        }
    }
}
