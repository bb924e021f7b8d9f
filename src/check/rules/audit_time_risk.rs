//! A high-risk client gets at least 10 % more than the table (TB-GZ-036 附录A 注④). A
//! low-risk client's −10 % is a reduction like any other: `audit-time-reduction` keeps the
//! whole initial audit at 70 % of the table or more, and `audit-time-reason` asks for
//! reasons below the risk-adjusted value.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::audit_time::{below, effective_personnel, initial, table_value};
use crate::check::params::Factor;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Risk;

pub static RULE: Rule = Rule {
    id: "audit-time-risk",
    severity: Severity::Error,
    summary: "a high-risk client's initial audit takes at least `high_min` × the table value",
    docs: "With `client.risk: high`, stage 1 + stage 2 man-days are at least `high_min` times \
           the table value for the effective personnel. A figure that reaches it only after \
           rounding to the nearest half man-day is a warning.",
    example: "client:\n  risk: high        # 122 people: table 7 man-days, so at least 7.7\naudits:\n  - { id: S1, kind: stage1, mandays: 1.5, … }\n  - { id: S2, kind: stage2, mandays: 5.5, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The initial audit time of a high-risk client, as a multiple of the table value.
    pub high_min: Factor,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(scheme) = ctx.scheme else {
        return;
    };
    let min = p.high_min.get();
    if ctx.case.client.risk.value != Risk::High {
        return;
    }
    let people = effective_personnel(ctx.case);
    let (Some((table, _)), Some((total, stage2))) =
        (table_value(scheme, people), initial(ctx.case))
    else {
        return;
    };
    let minimum = table * min;
    if let Some(severity) = below(total, minimum) {
        out.push(
            Finding::new(
                stage2.mandays.pos,
                format!(
                    "the client is high-risk: the initial audit needs at least {minimum:.2} man-days ({min} × the table's {table} for {people} effective personnel), but stage 1 + stage 2 take {total}"
                ),
            )
            .related(ctx.case.client.risk.pos, "risk level")
            .severity(severity),
        );
    }
}
