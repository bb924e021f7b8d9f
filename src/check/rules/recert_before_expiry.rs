//! The recertification audit is completed before the certificate expires
//! (TB-GZ-036 7.1.1 1); HZL-MSRG-005 6.1).

use crate::check::cycle::in_force;
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::AuditKind;

pub static RULE: Rule = Rule {
    id: "recert-before-expiry",
    severity: Severity::Error,
    summary: "the recertification audit ends on or before the expiry of the certificate in force",
    docs: "The certificate in force is the latest one issued on or before the audit's start.",
    example: "certificates:\n  - { number: TB-CMS-2023-0008, expires: 2026-03-14 }\naudits:\n  - { id: R1, kind: recertification, end: 2026-03-20 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.kind.value == AuditKind::Recertification)
    {
        let Some(cert) = in_force(ctx.case, a.start.value) else {
            continue;
        };
        if a.end.value > cert.expires.value {
            out.push(
                Finding::new(
                    a.end.pos,
                    format!(
                        "recertification audit {} ends on {}, after certificate {} expired on {}",
                        a.id.value, a.end.value, cert.number.value, cert.expires.value
                    ),
                )
                .related(cert.expires.pos, "expiry"),
            );
        }
    }
}
