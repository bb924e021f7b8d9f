//! A certificate not yet reported to the regulator after its deadline is a reminder
//! (TB-GZ-036 9.4.4 6), 12.3 1); HZL-MSRG-005 4.6.6).

use crate::check::rules::results_reported;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "results-report-overdue",
    severity: Severity::Warning,
    summary: "a certificate whose reporting deadline has passed is reported (`reported`)",
    docs: "As of `--as-of`, a certificate without `reported` whose deadline under \
           `results-reported` (its parameters) has passed. `results-reported` judges a date \
           once recorded.",
    example: "certificates:\n  - { number: TB-PIC-2026-0003, issued: 2026-04-22 }   # no reported, as of June",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = ctx.params::<results_reported::Params>(&results_reported::RULE) else {
        return;
    };
    for cert in ctx
        .case
        .certificates
        .iter()
        .filter(|c| c.reported.is_none())
    {
        let mut ignored = Vec::new();
        let (latest, how) = results_reported::deadline(ctx, p, &cert.issued, &mut ignored);
        if latest < ctx.as_of {
            out.push(Finding::new(
                cert.number.pos,
                format!(
                    "certificate {} issued on {} is not reported to the regulator (`reported`); the last day was {latest} ({how})",
                    cert.number.value, cert.issued.value
                ),
            ));
        }
    }
}
