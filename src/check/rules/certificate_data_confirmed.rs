//! The client confirms the certificate's data before it is issued (TB-GZ-036 5.6.4.11 1),
//! 10.2.4 1)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-data-confirmed",
    severity: Severity::Error,
    summary: "every certificate has the client's sealed data confirmation on or before its issue",
    docs: "Every certificate, re-issues included, has `confirmed`: the date of the 认证证书信息确认表 \
           filled in and sealed by the client (its Chinese part checked by the team leader), on \
           or before `issued`.",
    example: "certificates:\n  - { number: TB-PIC-2026-0003, issued: 2026-04-22 }   # no confirmed",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for cert in &ctx.case.certificates {
        match &cert.confirmed {
            None => out.push(Finding::new(
                cert.number.pos,
                format!(
                    "certificate {} has no client confirmation of its data (`confirmed`, the 认证证书信息确认表)",
                    cert.number.value
                ),
            )),
            Some(c) if c.value > cert.issued.value => out.push(
                Finding::new(
                    c.pos,
                    format!(
                        "the client confirmed the data of certificate {} on {}, after it was issued on {}",
                        cert.number.value, c.value, cert.issued.value
                    ),
                )
                .related(cert.issued.pos, "issued"),
            ),
            Some(_) => {}
        }
    }
}
