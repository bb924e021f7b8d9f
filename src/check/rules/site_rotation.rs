//! The second surveillance of a cycle samples sites the first did not visit
//! (TB-GZ-036 5.4.5 4); HZL-MSRG-005 4.2.4.4).

use std::collections::BTreeMap;

use crate::check::cycle::cycles;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Audit;

pub static RULE: Rule = Rule {
    id: "site-rotation",
    severity: Severity::Warning,
    summary: "the second surveillance samples other sites than the first",
    docs: "Within each group of similar sites, and within the permanent sites without a group \
           (the central site aside): let U be those the cycle's first surveillance did not \
           visit and k the number of that set's sites the second visits; the second visits \
           min(k, |U|) sites of U, so it repeats a site of the first only once it visits \
           every site of U. Nothing to judge when U is empty.",
    example: "audits:\n  - { id: A1, kind: surveillance, sites: [hq] }\n  - { id: A2, kind: surveillance, sites: [hq] }   # dc never visited",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // The sets rotated within: each group of similar sites, and the sites without a group;
    // permanent sites only, the central site (visited every time) in none.
    let mut sets: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    for s in ctx.case.client.sites.iter().filter(|s| {
        !s.central.as_ref().is_some_and(|c| c.value)
            && !s.temporary.as_ref().is_some_and(|t| t.value)
    }) {
        sets.entry(s.group.as_ref().map(|g| g.as_str()))
            .or_default()
            .push(s.id.as_str());
    }
    for cycle in cycles(ctx.case) {
        let [first, second, ..] = cycle.surveillances.as_slice() else {
            continue;
        };
        let in_audit = |a: &Audit, id: &str| a.sites.iter().any(|v| v.value == id);
        for members in sets.values() {
            let unvisited: Vec<&str> = members
                .iter()
                .copied()
                .filter(|id| !in_audit(first, id))
                .collect();
            let k = members.iter().filter(|id| in_audit(second, id)).count();
            let fresh = unvisited.iter().filter(|id| in_audit(second, id)).count();
            // A site of the first is repeated only once every unvisited one is visited too.
            if fresh >= k.min(unvisited.len()) {
                continue;
            }
            let pos = second.sites.first().map_or(second.id.pos, |s| s.pos);
            out.push(
                Finding::new(
                    pos,
                    format!(
                        "surveillance {} repeats sites surveillance {} visited while {} of {} were not visited in this cycle; visit {} of them",
                        second.id.value,
                        first.id.value,
                        unvisited.len() - fresh,
                        unvisited.join(", "),
                        k.min(unvisited.len())
                    ),
                )
                .related(first.id.pos, "first surveillance"),
            );
        }
    }
}
