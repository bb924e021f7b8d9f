//! The n-th surveillance of a certificate's cycle starts within `months` of its issue. The
//! first and second surveillance deadlines are the same check with a different n.

use crate::check::{Applies, Check, Ctx, Finding, Param, Rule, cycle};
use crate::dates::add_months;
use crate::diag::Severity;

pub static FIRST: Rule = Rule {
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
    check: Check::Case(first),
};

pub static SECOND: Rule = Rule {
    id: "second-surveillance-due",
    severity: Severity::Error,
    summary: "the second surveillance starts within `months` of the certificate's issue",
    docs: "TB-GZ-036 10.3.1 7)②: a certificate whose second surveillance is not carried out \
           within 24 months of issue is suspended. Judged on what is recorded.",
    example: "certificates: [{ issued: 2026-04-22, … }]\naudits:\n  - { id: A2, kind: surveillance, start: 2028-05-02, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    params: &[("months", Param::Int, true)],
    check: Check::Case(second),
};

fn first(ctx: &Ctx, out: &mut Vec<Finding>) {
    let after_renewal = ctx
        .config(FIRST.id)
        .is_some_and(|c| c.flag("after_renewal"));
    run(ctx, &FIRST, 0, after_renewal, out);
}

fn second(ctx: &Ctx, out: &mut Vec<Finding>) {
    run(ctx, &SECOND, 1, true, out);
}

fn run(ctx: &Ctx, rule: &Rule, index: usize, after_renewal: bool, out: &mut Vec<Finding>) {
    let Some(months) = ctx.config(rule.id).and_then(|c| c.int("months")) else {
        return;
    };
    let ordinal = if index == 0 { "first" } else { "second" };
    for cy in cycle::cycles(ctx.case) {
        if cy.renewal && !after_renewal {
            continue;
        }
        let Some(audit) = cy.surveillances.get(index) else {
            continue;
        };
        let issued = &cy.certificate.issued;
        let due = add_months(issued.value, months);
        if audit.start.value > due {
            out.push(
                Finding::new(
                    audit.start.pos,
                    format!(
                        "the {ordinal} surveillance {} starts on {}, after its deadline {due} ({months} months after certificate {} was issued on {})",
                        audit.id.value,
                        audit.start.value,
                        cy.certificate.number.value,
                        issued.value
                    ),
                )
                .related(issued.pos, "issued"),
            );
        }
    }
}
