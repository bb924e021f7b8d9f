//! A certificate re-issued after a change keeps the number and the expiry of the one it
//! replaces (TB-GZ-036 10.2.5).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "certificate-reissue",
    severity: Severity::Error,
    summary: "a re-issue keeps the number and expiry of the certificate it replaces",
    docs: "A certificate with `reissue_of: N` replaces the certificate numbered N of the same \
           case: its own number is N, its expiry is that certificate's, and it is issued on or \
           after it.",
    example: "certificates:\n  - { number: TB-PIC-2026-0003, expires: 2029-04-21, … }\n  - { number: TB-PIC-2026-0003, reissue_of: TB-PIC-2026-0003, expires: 2029-06-30, … }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let certs = &ctx.case.certificates;
    for cert in certs {
        let Some(of) = &cert.reissue_of else { continue };
        let Some(orig) = certs
            .iter()
            .find(|c| c.reissue_of.is_none() && c.number.trim() == of.trim())
        else {
            out.push(Finding::new(
                of.pos,
                format!(
                    "`reissue_of: {}` names no certificate of this case",
                    of.value
                ),
            ));
            continue;
        };
        if cert.number.trim() != of.trim() {
            out.push(
                Finding::new(
                    cert.number.pos,
                    format!(
                        "the re-issue of {} is numbered {}; a re-issue keeps the number",
                        of.value, cert.number.value
                    ),
                )
                .related(orig.number.pos, "original certificate"),
            );
        }
        if cert.expires.value != orig.expires.value {
            out.push(
                Finding::new(
                    cert.expires.pos,
                    format!(
                        "the re-issue of {} expires on {}, but the original expires on {}; a re-issue keeps the expiry",
                        of.value, cert.expires.value, orig.expires.value
                    ),
                )
                .related(orig.expires.pos, "original expiry"),
            );
        }
        if cert.issued.value < orig.issued.value {
            out.push(
                Finding::new(
                    cert.issued.pos,
                    format!(
                        "the re-issue of {} is dated {}, before the original was issued on {}",
                        of.value, cert.issued.value, orig.issued.value
                    ),
                )
                .related(orig.issued.pos, "original issued"),
            );
        }
    }
}
