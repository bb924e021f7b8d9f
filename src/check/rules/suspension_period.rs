//! A suspension lasts at most `months`.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "suspension-period",
    severity: Severity::Error,
    summary: "a suspension's `until` is at most `months` after it starts",
    docs: "A suspension decision states the end of the suspension period (`until`), no later \
           than the decision's date + `months`. A suspension whose `ground` is one of \
           `exempt_grounds` is not judged (HZL: `licence-pending`, which may run to the \
           licensing decision).",
    example: "decisions:\n  - { id: D2, outcome: suspend, date: 2026-06-05, until: 2026-12-31, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The longest suspension, in months from the suspension decision.
    pub months: Months,
    /// Grounds whose suspension may run past `months` (HZL-MSRG-005 7.2.1 (4): until the
    /// licensing decision).
    #[serde(default)]
    pub exempt_grounds: Vec<String>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let months = p.months.get();
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Suspend)
        .filter(|d| {
            !d.ground
                .as_ref()
                .is_some_and(|g| p.exempt_grounds.contains(&g.value))
        })
    {
        let latest = add_months(d.date.value, months);
        match &d.until {
            None => out.push(Finding::new(
                d.outcome.pos,
                format!("suspension {} has no `until` (the end of the suspension period)", d.id.value),
            )),
            Some(u) if u.value > latest => out.push(
                Finding::new(
                    u.pos,
                    format!(
                        "suspension {} runs until {}, more than {months} months after it started on {}; at most until {latest}",
                        d.id.value, u.value, d.date.value
                    ),
                )
                .related(d.date.pos, "suspended"),
            ),
            Some(_) => {}
        }
    }
}
