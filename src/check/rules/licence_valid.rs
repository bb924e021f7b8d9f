//! Every administrative licence the client holds is valid when the application is received
//! and at each decision that grants or renews certification (TB-GZ-036 5.1.2 2), 9.4.2 1);
//! HZL-MSRG-005 4.1.2 (3)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::Outcome;

pub static RULE: Rule = Rule {
    id: "licence-valid",
    severity: Severity::Error,
    summary: "every licence is valid at application and at each granting decision",
    docs: "Each `client.licences[].valid_until` is on or after `application.received` and on \
           or after the date of every decision with outcome `grant`, `renew` or \
           `extend-scope`. Record the renewed licence when the client renews it.",
    example: "client:\n  licences:\n    - { name: 增值电信业务经营许可证, valid_until: 2026-03-31 }\ndecisions:\n  - { id: D1, outcome: grant, date: 2026-04-20, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    let received = &case.application.received;
    for lic in &case.client.licences {
        let until = &lic.valid_until;
        if until.value < received.value {
            out.push(
                Finding::new(
                    until.pos,
                    format!(
                        "licence {} expired on {}, before the application was received on {}",
                        lic.name.value, until.value, received.value
                    ),
                )
                .related(received.pos, "application received"),
            );
            continue;
        }
        if let Some(d) = case
            .decisions
            .iter()
            .filter(|d| {
                matches!(
                    d.outcome.value,
                    Outcome::Grant | Outcome::Renew | Outcome::ExtendScope
                )
            })
            .find(|d| until.value < d.date.value)
        {
            out.push(
                Finding::new(
                    until.pos,
                    format!(
                        "licence {} expired on {}, before decision {} on {}; certification cannot be granted on an expired licence",
                        lic.name.value, until.value, d.id.value, d.date.value
                    ),
                )
                .related(d.date.pos, "decision"),
            );
        }
    }
}
