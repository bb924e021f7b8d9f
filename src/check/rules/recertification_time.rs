//! A recertification audit takes at least two thirds of the table value at the client's
//! current personnel (TB-GZ-036 7.1.2 1); HZL-MSRG-005 6.2).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, effective_personnel, table_value};
use crate::check::params::Fraction;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "recertification-time",
    severity: Severity::Error,
    summary: "each recertification audit takes at least `min` × the table value at current personnel",
    docs: "The table value is looked up with the effective personnel recorded in \
           `client.personnel` (keep it current). A figure that reaches the minimum only after \
           rounding to the nearest half man-day is a warning.",
    example: "audits:\n  - { id: R1, kind: recertification, mandays: 3.0 }   # table 7: at least 4.67",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The smallest recertification audit time, as a share of the initial audit time.
    pub min: Fraction,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else {
        return;
    };
    let min = p.min.get();
    let people = effective_personnel(ctx.case);
    let Some((table, _)) = table_value(scheme, people) else {
        return;
    };
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Recertification)
    {
        let minimum = table * min;
        if let Some(severity) = below(a.mandays.value, minimum) {
            out.push(
                Finding::new(
                    a.mandays.pos,
                    format!(
                        "recertification {} takes {} man-days; at least {minimum:.2} are required ({:.1} % of the table's {table} for {people} effective personnel)",
                        a.id.value,
                        a.mandays.value,
                        min * 100.0
                    ),
                )
                .severity(severity),
            );
        }
    }
}
