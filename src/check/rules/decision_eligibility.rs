//! No certificate is granted, renewed or extended while the client is under a business
//! suspension order or on the serious-dishonesty list (TB-GZ-036 9.4.2 1) → 5.1.2 4) 5)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{ClientFlag, Outcome};

pub static RULE: Rule = Rule {
    id: "decision-eligibility",
    severity: Severity::Error,
    summary: "no grant, renewal or scope extension is dated within a sanction of the client",
    docs: "No `grant`, `renew` or `extend-scope` decision is dated within a `client.sanctions` \
           period (`from ≤ date ≤ until`; no `until`: still in force).",
    example: "client:\n  sanctions: [{ kind: serious-dishonesty-list, from: 2026-04-01 }]\ndecisions:\n  - { id: D1, outcome: grant, date: 2026-04-20 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case.decisions.iter().filter(|d| {
        matches!(
            d.outcome.value,
            Outcome::Grant | Outcome::Renew | Outcome::ExtendScope
        )
    }) {
        for s in &case.client.sanctions {
            let within = s.from.value <= d.date.value
                && s.until.as_ref().is_none_or(|u| d.date.value <= u.value);
            if within {
                let what = match s.kind.value {
                    ClientFlag::BusinessSuspensionOrder => {
                        "under a regulator's order to suspend business"
                    }
                    ClientFlag::SeriousDishonestyList => "on the serious-dishonesty list",
                };
                out.push(
                    Finding::new(
                        d.outcome.pos,
                        format!(
                            "decision {} ({}) on {} while the client is {what} (since {})",
                            d.id.value,
                            d.outcome.value.name(),
                            d.date.value,
                            s.from.value
                        ),
                    )
                    .related(s.from.pos, "sanction"),
                );
            }
        }
    }
}
