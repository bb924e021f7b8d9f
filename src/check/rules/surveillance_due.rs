//! The n-th surveillance of a certificate's cycle starts within `months` of its issue. The
//! first and second surveillance deadlines are the same check with a different n.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Months;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, cycle};
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
    check: Check::Configured(&WithParams::<FirstParams>(first)),
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
    check: Check::Configured(&WithParams::<Params>(second)),
};

/// `first-surveillance-due`'s settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstParams {
    /// Months after the certificate's issue by which the first surveillance starts.
    pub months: Months,
    /// Whether the deadline applies after a renewal too (else only after an initial certificate).
    pub after_renewal: bool,
}

fn first(ctx: &Ctx, p: &FirstParams, out: &mut Vec<Finding>) {
    run(ctx, 0, p.after_renewal, p.months.get(), out);
}

/// `second-surveillance-due`'s settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after the certificate's issue by which the second surveillance starts.
    pub months: Months,
}

fn second(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    run(ctx, 1, true, p.months.get(), out);
}

fn run(ctx: &Ctx, index: usize, after_renewal: bool, months: u32, out: &mut Vec<Finding>) {
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
