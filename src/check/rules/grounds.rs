//! A suspension or withdrawal states its ground, one the rule document gives (TB-GZ-036
//! 10.3.1, 10.3.2; HZL-MSRG-005 7.2.1, 7.3.1).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static SUSPENSION: Rule = Rule {
    id: "suspension-ground",
    severity: Severity::Error,
    summary: "a suspension decision has `ground`, one of `grounds`",
    docs: "A suspension decision records `ground`, the key of one of the grounds of suspension \
           the rule document lists (`grounds`, numbered as there).",
    example: "- { id: D2, kind: suspension, outcome: suspend, ground: late-fees }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(suspension)),
};

pub static WITHDRAWAL: Rule = Rule {
    id: "withdrawal-ground",
    severity: Severity::Error,
    summary: "a withdrawal decision has `ground`, one of `grounds`",
    docs: "A withdrawal decision records `ground`, the key of one of the grounds of withdrawal \
           the rule document lists (`grounds`, numbered as there).",
    example: "- { id: D3, kind: withdrawal, outcome: withdraw }   # no ground",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(withdrawal)),
};

/// The scheme's settings for these rules.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The keys of the grounds, in the rule document's order.
    pub grounds: Vec<String>,
    /// How the rule document numbers a ground, `{n}` standing for its place in `grounds`
    /// (e.g. `10.3.1 {n})`); notices and decision forms cite it.
    #[serde(deserialize_with = "item")]
    #[schemars(with = "String")]
    pub item: String,
}

fn item<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.contains("{n}") {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format!(
            "`item` must contain `{{n}}` for the ground's number, e.g. `10.3.1 {{n}})`, not `{s}`"
        )))
    }
}

/// The clause a suspension's or withdrawal's ground stands for under `scheme`: the rule
/// document's number and the item (`TB-GZ-036 10.3.1 7)`); `None` when the scheme does not
/// list the ground.
pub fn clause(scheme: &crate::load::Scheme, outcome: Outcome, ground: &str) -> Option<String> {
    let rule = match outcome {
        Outcome::Suspend => &SUSPENSION,
        Outcome::Withdraw => &WITHDRAWAL,
        _ => return None,
    };
    let p = crate::check::scheme_params::<Params>(scheme, rule)?;
    let n = p.grounds.iter().position(|g| g == ground)? + 1;
    Some(format!(
        "{} {}",
        scheme.rule_document.number.value,
        p.item.replace("{n}", &n.to_string())
    ))
}

fn suspension(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    judge(ctx, p, Outcome::Suspend, "suspension", out);
}

fn withdrawal(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    judge(ctx, p, Outcome::Withdraw, "withdrawal", out);
}

fn judge(ctx: &Ctx, p: &Params, outcome: Outcome, what: &str, out: &mut Vec<Finding>) {
    for d in ctx
        .case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == outcome)
    {
        match &d.ground {
            None => out.push(Finding::new(
                d.outcome.pos,
                format!(
                    "{what} {} records no ground (`ground`: one of {})",
                    d.id.value,
                    p.grounds.join(", ")
                ),
            )),
            Some(g) if !p.grounds.contains(&g.value) => out.push(Finding::new(
                g.pos,
                format!(
                    "`{}` is not a ground of {what} under this scheme; the grounds are {}",
                    g.value,
                    p.grounds.join(", ")
                ),
            )),
            Some(_) => {}
        }
    }
}
