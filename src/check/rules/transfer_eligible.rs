//! Only a valid, unexpired certificate is transferred, and the reason is recorded
//! (HZL-MSRG-005 10.2, 10.3). TB has no transfer: a request is an initial application
//! (F-48).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::TransferStatus;

pub static RULE: Rule = Rule {
    id: "transfer-eligible",
    severity: Severity::Error,
    summary: "a transferred certificate is valid, unexpired on receipt, and the reason recorded",
    docs: "An application with `application.transfer` concerns a certificate with `status: \
           valid` whose `expires` is on or after `application.received`, and records the \
           transfer's `reason`.",
    example: "application:\n  transfer: { body: 某认证公司, certificate: X-1, status: suspended, expires: 2027-01-01 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let app = &ctx.case.application;
    let Some(t) = &app.transfer else { return };
    if t.status.value != TransferStatus::Valid {
        out.push(Finding::new(
            t.status.pos,
            format!(
                "certificate {} is not valid (`status`); only a valid certificate may be transferred",
                t.certificate.value
            ),
        ));
    }
    if t.expires.value < app.received.value {
        out.push(
            Finding::new(
                t.expires.pos,
                format!(
                    "certificate {} expired on {}, before the application was received on {}",
                    t.certificate.value, t.expires.value, app.received.value
                ),
            )
            .related(app.received.pos, "received"),
        );
    }
    if t.reason.is_none() {
        out.push(Finding::new(
            t.pos,
            format!(
                "the transfer of certificate {} records no reason (`reason`)",
                t.certificate.value
            ),
        ));
    }
}
