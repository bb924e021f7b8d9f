//! Appeals and complaints are handled by someone not involved in what they concern
//! (TB-GZ-036 11 2); HZL-MSRG-005 11).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::Date;
use crate::load::case::{Decision, Text};
use crate::source::{At, Pos};

pub static RULE: Rule = Rule {
    id: "appeal-handler-independent",
    severity: Severity::Error,
    summary: "an answered appeal or complaint is handled by someone who neither decided nor audited what it concerns",
    docs: "The `handled_by` of an answered appeal or complaint is neither the decider of, nor on \
           the team of an audit named by, a decision it `concerns` (default: every decision \
           dated on or before `received`). With `handler_required`, an answered one without \
           `handled_by` is an error.",
    example: "appeals:\n  - { id: AP1, received: 2026-05-04, answered: 2026-06-01, handled_by: zhang-san }   # led the audit",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// An answered appeal or complaint names who handled it.
    pub handler_required: bool,
}

struct Handled<'a> {
    what: String,
    received: Date,
    answered: bool,
    handled_by: Option<&'a Text>,
    concerns: &'a [Text],
    pos: Pos,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let items = case
        .appeals
        .iter()
        .map(|a| Handled {
            what: format!("appeal {}", a.id.value),
            received: a.received.value,
            answered: a.answered.is_some(),
            handled_by: a.handled_by.as_ref(),
            concerns: &a.concerns,
            pos: a.id.pos,
        })
        .chain(case.complaints.iter().map(|c| Handled {
            what: format!("complaint {}", c.id.value),
            received: c.received.value,
            answered: c.answered.is_some(),
            handled_by: c.handled_by.as_ref(),
            concerns: &c.concerns,
            pos: c.id.pos,
        }));
    for h in items.filter(|h| h.answered) {
        let Some(by) = h.handled_by else {
            if p.handler_required {
                out.push(Finding::new(
                    h.pos,
                    format!(
                        "{} is answered without who handled it (`handled_by`)",
                        h.what
                    ),
                ));
            }
            continue;
        };
        let decisions: Vec<&At<Decision>> = if h.concerns.is_empty() {
            case.decisions
                .iter()
                .filter(|d| d.date.value <= h.received)
                .collect()
        } else {
            case.decisions
                .iter()
                .filter(|d| h.concerns.iter().any(|c| c.value == d.id.value))
                .collect()
        };
        for d in decisions {
            let role = if d.decided_by.value == by.value {
                Some(format!("took decision {}", d.id.value))
            } else {
                d.audits
                    .iter()
                    .filter_map(|id| case.audit(id))
                    .find(|a| a.team.iter().any(|m| m.person.value == by.value))
                    .map(|a| format!("audited {} for decision {}", a.id.value, d.id.value))
            };
            if let Some(role) = role {
                out.push(Finding::new(
                    by.pos,
                    format!("{} is handled by {}, who {role}", h.what, by.value),
                ));
                break;
            }
        }
    }
}
