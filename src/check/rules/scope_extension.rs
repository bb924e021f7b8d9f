//! A scope is extended on the client's application, a supplementary agreement and an audit
//! after it (TB-GZ-036 5.7.1 1) 2), 5.3.1.3).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{AuditKind, AuditPurpose, Outcome};

pub static RULE: Rule = Rule {
    id: "scope-extension",
    severity: Severity::Error,
    summary: "a scope extension rests on the client's request, a signed supplement and an audit after it",
    docs: "An `extend-scope` decision has `request.received` (the client's written application) \
           and `request.supplement`, the number of a `contract.supplements` entry signed on or \
           after `request.received`; it names at least one audit (a special audit with \
           `purpose: scope-extension`, a surveillance or a recertification) that started on \
           or after that signature.",
    example: "- { id: D5, kind: special, outcome: extend-scope, audits: [X1] }   # no request",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::ExtendScope)
    {
        let Some(r) = &d.request else {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "scope extension {} records no written application of the client (`request.received`)",
                    d.id.value
                ),
            ));
            continue;
        };
        let Some(number) = &r.supplement else {
            out.push(Finding::new(
                r.pos,
                format!(
                    "scope extension {} names no supplementary agreement (`request.supplement`)",
                    d.id.value
                ),
            ));
            continue;
        };
        let Some(sup) = case
            .contract
            .iter()
            .flat_map(|c| &c.supplements)
            .find(|s| s.number.value == number.value)
        else {
            continue; // unknown-reference
        };
        if sup.signed.value < r.received.value {
            out.push(
                Finding::new(
                    sup.signed.pos,
                    format!(
                        "supplementary agreement {} is signed on {}, before the client applied on {}",
                        sup.number.value, sup.signed.value, r.received.value
                    ),
                )
                .related(r.received.pos, "applied"),
            );
        }
        let audited = d.audits.iter().filter_map(|id| case.audit(id)).any(|a| {
            a.start.value >= sup.signed.value
                && (matches!(
                    a.kind.value,
                    AuditKind::Surveillance | AuditKind::Recertification
                ) || a
                    .purpose
                    .as_ref()
                    .is_some_and(|p| p.value == AuditPurpose::ScopeExtension))
        });
        if !audited {
            out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "scope extension {} names no audit held since supplement {} was signed on {} (a scope-extension, surveillance or recertification audit)",
                    d.id.value, sup.number.value, sup.signed.value
                ),
            ));
        }
    }
}
