//! Each visited site of a multi-site client gets its share of on-site time (TB-GZ-036
//! 5.4.5 5); HZL-MSRG-005 4.2.4.5; F-20).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, table_value};
use crate::check::params::Fraction;
use crate::check::rules::{recertification_time, surveillance_time};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::{Audit, AuditKind};
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "site-onsite-time",
    severity: Severity::Error,
    summary: "each visited site of a multi-site client gets its minimum on-site time",
    docs: "For a client with more than one permanent site, an audit visiting several sites \
           records `site_mandays` (error if not), summing to its `onsite_mandays`; an audit \
           visiting one site spends all its on-site time there. Each visited site gets at \
           least `share` × `onsite_share` × f × the table value for the site's personnel, \
           f = 1 for the initial audit (stage 1 and stage 2 summed per site), the `min` of \
           `surveillance-time` for a surveillance, that of `recertification-time` for a \
           recertification. Meeting a minimum only after rounding to the half man-day is a \
           warning.",
    example: "sites: [hq, dc]\nonsite_mandays: 4.0\nsite_mandays: { hq: 3.5, dc: 0.5 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The share of a site's own table value it gets at least.
    pub share: Fraction,
    /// The on-site share of that time.
    pub onsite_share: Fraction,
}

/// On-site man-days spent at each visited site, with where the figure is written (none for
/// an audit of one site, which spends all its on-site time there).
type PerSite<'a> = BTreeMap<&'a str, (f64, Option<&'a At<f64>>)>;

/// On-site man-days per visited site, or `None` when an audit of several sites does not
/// say (reported once).
fn per_site(a: &Audit) -> Option<PerSite<'_>> {
    if a.sites.len() == 1 {
        let only = a.sites[0].as_str();
        return Some(BTreeMap::from([(only, (a.onsite_mandays.value, None))]));
    }
    if a.site_mandays.is_empty() {
        return None;
    }
    Some(
        a.site_mandays
            .iter()
            .map(|(k, v)| (k.as_str(), (v.value, Some(v))))
            .collect(),
    )
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let (case, Some(scheme)) = (ctx.case, ctx.scheme) else {
        return;
    };
    let permanent = case
        .client
        .sites
        .iter()
        .filter(|s| !s.temporary.as_ref().is_some_and(|t| t.value))
        .count();
    if permanent <= 1 {
        return;
    }
    let factor = |kind: AuditKind| -> Option<f64> {
        Some(match kind {
            AuditKind::Stage1 | AuditKind::Stage2 => 1.0,
            AuditKind::Surveillance => ctx
                .params::<surveillance_time::Params>(&surveillance_time::RULE)?
                .min
                .get(),
            AuditKind::Recertification => ctx
                .params::<recertification_time::Params>(&recertification_time::RULE)?
                .min
                .get(),
            AuditKind::Special => return None,
        })
    };
    let mut initial: BTreeMap<&str, f64> = BTreeMap::new();
    for a in &case.audits {
        if a.termination.is_some() || !a.onsite.value || a.sites.is_empty() {
            continue;
        }
        let Some(sites) = per_site(a) else {
            out.push(Finding::new(
                a.onsite_mandays.pos,
                format!(
                    "audit {} visits {} sites and does not record the on-site man-days spent at each (`site_mandays`)",
                    a.id.value,
                    a.sites.len()
                ),
            ));
            continue;
        };
        let sum: f64 = sites.values().map(|(v, _)| v).sum();
        if a.sites.len() > 1 && (sum - a.onsite_mandays.value).abs() > 1e-9 {
            out.push(Finding::new(
                a.onsite_mandays.pos,
                format!(
                    "the man-days per site of audit {} add up to {sum}, not its {} on-site man-days",
                    a.id.value, a.onsite_mandays.value
                ),
            ));
        }
        if a.kind.value == AuditKind::Stage1 {
            for (site, (v, _)) in &sites {
                *initial.entry(site).or_default() += v;
            }
            continue;
        }
        let Some(f) = factor(a.kind.value) else {
            continue;
        };
        for site_id in &a.sites {
            let Some(site) = case.site(site_id) else {
                continue;
            };
            let Some((table, _)) = table_value(scheme, site.personnel.value) else {
                continue;
            };
            let minimum = p.share.get() * p.onsite_share.get() * f * table;
            let (spent, at) = sites.get(site_id.as_str()).copied().unwrap_or((0.0, None));
            let spent = if a.kind.value == AuditKind::Stage2 {
                spent + initial.get(site_id.as_str()).copied().unwrap_or(0.0)
            } else {
                spent
            };
            if let Some(sev) = below(spent, minimum) {
                let pos = at.map_or(site_id.pos, |x| x.pos);
                let what = if a.kind.value == AuditKind::Stage2 {
                    "with stage 1, "
                } else {
                    ""
                };
                out.push(
                    Finding::new(
                        pos,
                        format!(
                            "site {} gets {what}{spent} on-site man-days at audit {}, less than {minimum:.2} ({} × {} × {f:.2} × {table} for its {} people)",
                            site_id.value,
                            a.id.value,
                            p.share,
                            p.onsite_share,
                            site.personnel.value
                        ),
                    )
                    .severity(sev),
                );
            }
        }
    }
}
