//! An application comes with the documents the rule document lists (TB-GZ-036 5.1.3 1)–5);
//! HZL-MSRG-005 4.1.2 (1)–(3)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "application-documents",
    severity: Severity::Error,
    summary: "`application.documents` holds every kind of document the scheme requires",
    docs: "`application.documents` lists what came with the application. Every key of \
           `required` must be there; a key ending in `*` only when its condition holds: \
           `site-list*` when the client has more than one permanent site, `licences*` when \
           `client.licences` is not empty.",
    example: "application:\n  documents: [application-form]   # no legal-status",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Document kinds an application needs; `*` marks one needed only when its condition
    /// holds (`site-list*`, `licences*`).
    pub required: Vec<String>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let app = &case.application;
    let permanent = case
        .client
        .sites
        .iter()
        .filter(|s| !s.temporary.as_ref().is_some_and(|t| t.value))
        .count();
    let missing: Vec<&str> = p
        .required
        .iter()
        .filter_map(|k| match k.strip_suffix('*') {
            Some("site-list") if permanent <= 1 => None,
            Some("licences") if case.client.licences.is_empty() => None,
            Some(k) => Some(k),
            None => Some(k.as_str()),
        })
        .filter(|k| {
            !app.documents
                .iter()
                .flat_map(|d| d.iter())
                .any(|d| d.value == *k)
        })
        .collect();
    if !missing.is_empty() {
        let at = app.documents.as_ref().map_or(app.pos, |d| d.pos);
        out.push(Finding::new(
            at,
            format!(
                "the application lacks {} (`application.documents`)",
                missing.join(", ")
            ),
        ));
    }
}
