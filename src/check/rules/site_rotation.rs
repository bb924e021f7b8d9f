//! The second surveillance of a cycle samples sites the first did not visit
//! (TB-GZ-036 5.4.5 4); HZL-MSRG-005 4.2.4.4).

use crate::check::cycle::cycles;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "site-rotation",
    severity: Severity::Warning,
    summary: "the second surveillance samples other sites than the first",
    docs: "When the first surveillance of a certificate cycle left permanent, non-central sites \
           unvisited, the second surveillance visits at least one of them, so that every site \
           is seen within the cycle.",
    example: "audits:\n  - { id: A1, kind: surveillance, sites: [hq] }\n  - { id: A2, kind: surveillance, sites: [hq] }   # dc never visited",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for cycle in cycles(ctx.case) {
        let [first, second, ..] = cycle.surveillances.as_slice() else {
            continue;
        };
        let unvisited: Vec<&str> = ctx
            .case
            .client
            .sites
            .iter()
            .filter(|s| !s.central.as_ref().is_some_and(|c| c.value))
            .filter(|s| !s.temporary.as_ref().is_some_and(|t| t.value))
            .map(|s| s.id.as_str())
            .filter(|id| !first.sites.iter().any(|v| v.value == *id))
            .collect();
        if unvisited.is_empty() || second.sites.iter().any(|v| unvisited.contains(&v.as_str())) {
            continue;
        }
        let pos = second.sites.first().map_or(second.id.pos, |s| s.pos);
        out.push(
            Finding::new(
                pos,
                format!(
                    "surveillance {} visits none of {}, which surveillance {} did not visit either; rotate the sample",
                    second.id.value,
                    unvisited.join(", "),
                    first.id.value
                ),
            )
            .related(first.id.pos, "first surveillance"),
        );
    }
}
