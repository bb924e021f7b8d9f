//! Client information goes to a third party only with the client's consent, or by law with
//! the client told (TB-GZ-036 11 1); ZBT-TP-046 5.2.3, 5.2.4; F-22).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "disclosure-consent",
    severity: Severity::Warning,
    summary: "a disclosure to a third party has the client's consent, or a legal basis and the client told",
    docs: "Each `disclosures` entry (client information given to a third party) has `consent` \
           on or before its date, or a `legal_basis` and `client_notified` on or before its \
           date unless the law forbids telling the client (`notice_forbidden`).",
    example: "disclosures:\n  - { date: 2026-07-01, recipient: 某咨询公司, information: 审核报告 }   # no consent",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for x in &ctx.case.disclosures {
        let day = x.date.value;
        if x.consent.as_ref().is_some_and(|c| c.value <= day) {
            continue;
        }
        let forbidden = x.notice_forbidden.as_ref().is_some_and(|f| f.value);
        let told = x.client_notified.as_ref().is_some_and(|n| n.value <= day);
        if x.legal_basis.is_some() && (forbidden || told) {
            continue;
        }
        let why = if x.legal_basis.is_some() {
            "the client was not told beforehand (`client_notified`)"
        } else {
            "neither the client's consent beforehand (`consent`) nor a legal basis (`legal_basis`)"
        };
        out.push(Finding::new(
            x.date.pos,
            format!(
                "client information ({}) was given to {} on {day} with {why}",
                x.information.value, x.recipient.value
            ),
        ));
    }
}
