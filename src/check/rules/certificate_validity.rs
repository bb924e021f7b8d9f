//! Certificates run at most three years.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Years;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, cycle};
use crate::dates::{add_months, expiry};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-validity",
    severity: Severity::Error,
    summary: "an initial certificate expires no later than the day before the third anniversary; a renewal no later than the previous expiry + 3 years",
    docs: "Initial: `expires ≤ issued + years − 1 day` (2024-02-29 → 2027-02-28); an earlier \
           expiry is a warning where `shorter_is_warning`. Renewal: `expires ≤ previous expiry + \
           years`, so the cycle keeps its anniversary.",
    example: "certificates:\n  - { issued: 2026-04-22, expires: 2029-04-22 }   # one day too long",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How many years a certificate is valid (it expires the day before that anniversary of issue).
    pub years: Years,
    /// Whether a certificate expiring earlier than that is a warning (true) or passes (false).
    pub shorter_is_warning: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let years = p.years.get();
    let cycles = cycle::cycles(ctx.case);
    for (i, cy) in cycles.iter().enumerate() {
        let c = cy.certificate;
        let previous = i.checked_sub(1).and_then(|j| cycles.get(j));
        match previous.filter(|_| cy.renewal) {
            Some(prev) => {
                let latest = add_months(prev.certificate.expires.value, years * 12);
                if c.expires.value > latest {
                    out.push(
                        Finding::new(
                            c.expires.pos,
                            format!(
                                "renewed certificate {} expires on {}, after the previous expiry {} + {years} years ({latest})",
                                c.number.value, c.expires.value, prev.certificate.expires.value
                            ),
                        )
                        .related(prev.certificate.expires.pos, "previous expiry"),
                    );
                }
            }
            None => {
                let latest = expiry(c.issued.value, years);
                if c.expires.value > latest {
                    out.push(Finding::new(
                        c.expires.pos,
                        format!(
                            "certificate {} issued on {} expires on {}; it may run at most until {latest}, the day before the {years}-year anniversary",
                            c.number.value, c.issued.value, c.expires.value
                        ),
                    ));
                } else if c.expires.value < latest && p.shorter_is_warning {
                    out.push(
                        Finding::new(
                            c.expires.pos,
                            format!(
                                "certificate {} expires on {}, earlier than the usual {latest}; record why",
                                c.number.value, c.expires.value
                            ),
                        )
                        .severity(Severity::Warning),
                    );
                }
            }
        }
    }
}
