//! Which sites each audit must visit (TB-GZ-036 5.4.5 3) 4); HZL-MSRG-005 4.2.4.3, 4.2.4.4).
//! Similar sites (same `group`) are sampled; every other site is visited at the initial and
//! the recertification audit, and surveillance samples them plus the central site.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{Audit, AuditKind, Site};
use crate::source::{At, Pos};

pub static RULE: Rule = Rule {
    id: "site-coverage",
    severity: Severity::Error,
    summary: "each audit visits enough sites: every site (or the similar-site sample) and the central site",
    docs: "Permanent sites (not `temporary`) with the same `group` are similar; of a group of X \
           the initial audit (judged on stage 2) visits ⌈similar_initial × X⌉, a surveillance \
           ⌈similar_surveillance × X⌉, a recertification ⌈similar_recertification × X⌉. Sites \
           without a group, and the central site (which never counts in a group), are the N \
           sites visited at stage 2 and recertification; a surveillance visits \
           ⌈other_surveillance × N⌉ of them, the central site among them and counted in that \
           number (N = 10: the central site and 2 others; N = 7: ⌈2.1⌉ = 3).",
    example: "client:\n  sites: [{ id: hq, central: true, … }, { id: dc, … }]\naudits:\n  - { id: S2, kind: stage2, sites: [hq] }   # dc not visited",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

fn need(share: f64, of: usize) -> usize {
    (share * of as f64 - 1e-9).ceil().max(0.0) as usize
}

fn at(audit: &Audit) -> Pos {
    audit.sites.first().map_or(audit.id.pos, |s| s.pos)
}

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Share of each group of similar sites the initial audit (stage 2) visits.
    pub similar_initial: Fraction,
    /// Share of each group of similar sites a surveillance visits.
    pub similar_surveillance: Fraction,
    /// Share of each group of similar sites a recertification visits.
    pub similar_recertification: Fraction,
    /// Share of the sites outside groups a surveillance visits.
    pub other_surveillance: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let sites: Vec<&At<Site>> = ctx
        .case
        .client
        .sites
        .iter()
        .filter(|s| !s.temporary.as_ref().is_some_and(|t| t.value))
        .collect();
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut others: Vec<&str> = Vec::new();
    // The central site never counts in a group: it is one of the N sites outside groups,
    // visited at every surveillance and counted in its ⌈0.3 N⌉ (F-19).
    for s in &sites {
        let central = s.central.as_ref().is_some_and(|c| c.value);
        match &s.group {
            Some(g) if !central => groups.entry(g.as_str()).or_default().push(s.id.as_str()),
            _ => others.push(s.id.as_str()),
        }
    }
    for audit in &ctx.case.audits {
        let (similar, all_others, name) = match audit.kind.value {
            AuditKind::Stage2 => (p.similar_initial.get(), true, "the initial audit"),
            AuditKind::Surveillance => (p.similar_surveillance.get(), false, "a surveillance"),
            AuditKind::Recertification => {
                (p.similar_recertification.get(), true, "a recertification")
            }
            _ => continue,
        };
        let visited = |id: &str| audit.sites.iter().any(|s| s.value == id);
        for (group, members) in &groups {
            let required = need(similar, members.len());
            let seen = members.iter().filter(|m| visited(m)).count();
            if seen < required {
                out.push(Finding::new(
                    at(audit),
                    format!(
                        "audit {} visits {seen} of the {} similar sites of group `{group}` ({}); {name} visits at least {required}",
                        audit.id.value,
                        members.len(),
                        members.join(", ")
                    ),
                ));
            }
        }
        if all_others {
            let missing: Vec<&str> = others.iter().copied().filter(|s| !visited(s)).collect();
            if !missing.is_empty() {
                out.push(Finding::new(
                    at(audit),
                    format!(
                        "audit {} does not visit {}; {name} visits every site that is not in a group of similar sites",
                        audit.id.value,
                        missing.join(", ")
                    ),
                ));
            }
        } else {
            let share = p.other_surveillance.get();
            let required = need(share, others.len());
            let seen = others.iter().filter(|s| visited(s)).count();
            if seen < required {
                out.push(Finding::new(
                    at(audit),
                    format!(
                        "surveillance {} visits {seen} of the {} sites outside groups; at least {required} ({:.0} %) are required",
                        audit.id.value,
                        others.len(),
                        share * 100.0
                    ),
                ));
            }
            for central in sites
                .iter()
                .filter(|s| s.central.as_ref().is_some_and(|c| c.value))
                .filter(|s| !visited(&s.id))
            {
                out.push(
                    Finding::new(
                        at(audit),
                        format!(
                            "surveillance {} does not visit the central site {}; every surveillance does",
                            audit.id.value, central.id.value
                        ),
                    )
                    .related(central.id.pos, "central site"),
                );
            }
        }
    }
}
