//! The first surveillance of a cycle comes within `months` of the certificate's issue.

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule, cycle};
use crate::dates::add_months;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "first-surveillance-due",
    severity: Severity::Error,
    summary: "the first surveillance starts within `months` of the certificate's issue",
    docs: "Judged on what is recorded: the first surveillance after an initial certificate (and, \
           where `after_renewal`, after a renewed one) starts no later than `issued + months`. \
           A deadline that passed with no surveillance recorded is `surveillance-overdue`.",
    example: "certificates: [{ issued: 2026-04-22, … }]\naudits:\n  - { id: A1, kind: surveillance, start: 2027-05-10, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    params: &[
        ("months", Param::Int, true),
        ("after_renewal", Param::Flag, true),
    ],
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(cfg) = ctx.config(RULE.id) else {
        return;
    };
    let Some(months) = cfg.int("months") else {
        return;
    };
    for cy in cycle::cycles(ctx.case) {
        if cy.renewal && !cfg.flag("after_renewal") {
            continue;
        }
        let Some(first) = cy.surveillances.first() else {
            continue;
        };
        let due = add_months(cy.certificate.issued.value, months);
        if first.start.value > due {
            out.push(
                Finding::new(
                    first.start.pos,
                    format!(
                        "the first surveillance {} starts on {}, after its deadline {due} ({months} months after certificate {} was issued on {}, line {})",
                        first.id.value,
                        first.start.value,
                        cy.certificate.number.value,
                        cy.certificate.issued.value,
                        cy.certificate.issued.pos.line
                    ),
                )
                .related(cy.certificate.issued.pos, "issued"),
            );
        }
    }
}
