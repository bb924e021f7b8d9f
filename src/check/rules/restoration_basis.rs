//! A certificate is restored on the evidence of an audit after the suspension, or of the
//! licence or payment the suspension waited for (TB-GZ-036 10.3.1 last paragraph, 10.3.4
//! 2)①–④; HZL-MSRG-005 7.3.1 (7), 7.2.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{AuditKind, AuditPurpose, Outcome};

pub static RULE: Rule = Rule {
    id: "restoration-basis",
    severity: Severity::Error,
    summary: "a restoration rests on an audit after the suspension, or on the licence or payment it waited for",
    docs: "A `restore` decision names an audit that started on or after the suspension it lifts \
           (a special audit with `purpose: restoration`, a surveillance or a recertification). \
           Except: a suspension on one of `licence_grounds` may rest on a licence in \
           `client.licences` valid on the restoration date; one on one of `evidence_grounds` \
           (TB: unpaid fees) on the decision's `evidence`.",
    example: "- { id: D3, kind: restoration, outcome: restore, audits: [], date: 2026-08-01 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Suspension grounds lifted by a valid licence without an audit.
    pub licence_grounds: Vec<String>,
    /// Suspension grounds lifted on documentary evidence (`evidence`) without an audit.
    pub evidence_grounds: Vec<String>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for r in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Restore)
    {
        let Some(s) = case
            .decisions
            .iter()
            .filter(|d| d.outcome.value == Outcome::Suspend && d.date.value <= r.date.value)
            .max_by_key(|d| d.date.value)
        else {
            continue;
        };
        let audited = r.audits.iter().filter_map(|id| case.audit(id)).any(|a| {
            a.start.value >= s.date.value
                && a.termination.is_none()
                && (matches!(
                    a.kind.value,
                    AuditKind::Surveillance | AuditKind::Recertification
                ) || a
                    .purpose
                    .as_ref()
                    .is_some_and(|x| x.value == AuditPurpose::Restoration))
        });
        if audited {
            continue;
        }
        let ground = s.ground.as_ref().map(|g| g.value.as_str());
        let by_licence = ground.is_some_and(|g| p.licence_grounds.iter().any(|x| x == g))
            && case
                .client
                .licences
                .iter()
                .any(|l| l.valid_until.value >= r.date.value);
        let by_evidence = ground.is_some_and(|g| p.evidence_grounds.iter().any(|x| x == g))
            && r.evidence.is_some();
        if !by_licence && !by_evidence {
            out.push(
                Finding::new(
                    r.outcome.pos,
                    format!(
                        "restoration {} lifts suspension {} of {} but names no audit held since (a restoration, surveillance or recertification audit){}",
                        r.id.value,
                        s.id.value,
                        s.date.value,
                        match ground {
                            Some(g) if p.licence_grounds.iter().any(|x| x == g) => ", nor does the client hold a licence valid on that day",
                            Some(g) if p.evidence_grounds.iter().any(|x| x == g) => ", nor records the evidence it rests on (`evidence`)",
                            _ => "",
                        }
                    ),
                )
                .related(s.date.pos, "suspended"),
            );
        }
    }
}
