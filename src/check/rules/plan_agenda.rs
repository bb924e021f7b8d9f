//! The agenda of an audit plan fits the audit: its days, its sites, its team and the
//! standard's clauses (TB-GZ-036 5.4.7 2)⑥; HZL-MSRG-005 4.2.3.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "plan-agenda",
    severity: Severity::Error,
    summary: "agenda dates within the audit, sites among its sites, people in its team, clauses in the catalogue",
    docs: "Each `plan.agenda` item is dated between the audit's start and end, names a site the \
           audit visits, assigns only members of the audit's team, and cites clauses of the \
           scheme's clause catalogue.",
    example: "audits:\n  - id: S2\n    start: 2026-03-17\n    end: 2026-03-19\n    plan:\n      agenda:\n        - { date: 2026-03-20, activity: 末次会议 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        let Some(plan) = &a.plan else { continue };
        for item in &plan.agenda {
            if item.date.value < a.start.value || item.date.value > a.end.value {
                out.push(Finding::new(
                    item.date.pos,
                    format!(
                        "agenda item on {} falls outside audit {} ({} to {})",
                        item.date.value, a.id.value, a.start.value, a.end.value
                    ),
                ));
            }
            if let Some(site) = &item.site
                && !a.sites.iter().any(|s| s.value == site.value)
            {
                out.push(Finding::new(
                    site.pos,
                    format!(
                        "agenda item at site {} but audit {} visits only {}",
                        site.value,
                        a.id.value,
                        a.sites
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            for p in &item.auditors {
                if !a.team.iter().any(|m| m.person.value == p.value) {
                    out.push(Finding::new(
                        p.pos,
                        format!(
                            "agenda item assigns {} who is not on audit {}'s team",
                            p.value, a.id.value
                        ),
                    ));
                }
            }
            if let Some(scheme) = ctx.scheme {
                for c in &item.clauses {
                    if scheme.clause(c.trim()).is_none() {
                        out.push(Finding::new(
                            c.pos,
                            format!(
                                "agenda item cites clause {}, which {} does not have",
                                c.value, scheme.standard.number.value
                            ),
                        ));
                    }
                }
            }
        }
    }
}
