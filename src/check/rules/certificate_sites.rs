//! The certificate lists every permanent site of the client (TB-GZ-036 10.2.4 1) 注;
//! HZL-MSRG-005 8.1 (2)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-sites",
    severity: Severity::Error,
    summary: "the certificate in force lists every permanent site of the client",
    docs: "The latest certificate issued on or before `--as-of` (a re-issue included) lists \
           every permanent site of `client.sites` in its `sites`; temporary sites may be listed \
           (they are printed as 临时场所).",
    example: "client:\n  sites: [{ id: hq, … }, { id: dc, … }]\ncertificates:\n  - { number: …, sites: [hq] }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let Some(cert) = case
        .certificates
        .iter()
        .filter(|c| c.issued.value <= ctx.as_of)
        .max_by_key(|c| c.issued.value)
    else {
        return;
    };
    let missing: Vec<&str> = case
        .client
        .sites
        .iter()
        .filter(|s| !s.temporary.as_ref().is_some_and(|t| t.value))
        .filter(|s| !cert.sites.iter().any(|c| c.value == s.id.value))
        .map(|s| s.id.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(Finding::new(
            cert.number.pos,
            format!(
                "certificate {} does not list the permanent site(s) {} of the client",
                cert.number.value,
                missing.join(", ")
            ),
        ));
    }
}
