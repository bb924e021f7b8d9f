//! The second surveillance comes within `months` of the certificate's issue (TB).

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule, cycle};
use crate::dates::add_months;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "second-surveillance-due",
    severity: Severity::Error,
    summary: "the second surveillance starts within `months` of the certificate's issue",
    docs: "TB-GZ-036 10.3.1 7)②: a certificate whose second surveillance is not carried out \
           within 24 months of issue is suspended. Judged on what is recorded.",
    example: "certificates: [{ issued: 2026-04-22, … }]\naudits:\n  - { id: A2, kind: surveillance, start: 2028-05-02, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    params: &[("months", Param::Int, true)],
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(months) = ctx.config(RULE.id).and_then(|c| c.int("months")) else {
        return;
    };
    for cy in cycle::cycles(ctx.case) {
        let Some(second) = cy.surveillances.get(1) else {
            continue;
        };
        let due = add_months(cy.certificate.issued.value, months);
        if second.start.value > due {
            out.push(
                Finding::new(
                    second.start.pos,
                    format!(
                        "the second surveillance {} starts on {}, after its deadline {due} ({months} months after certificate {} was issued on {})",
                        second.id.value, second.start.value, cy.certificate.number.value, cy.certificate.issued.value
                    ),
                )
                .related(cy.certificate.issued.pos, "issued"),
            );
        }
    }
}
