//! The certification cycle of a case: which certificate was in force when, and which
//! surveillance audits belong to it. Rules about the cycle share this one reading.

use crate::load::case::{AuditKind, Certificate, DecisionKind, Outcome};
use crate::load::{Case, Date};
use crate::source::At;

/// A certificate that starts a cycle (not a re-issue), with its surveillances in order.
pub struct Cycle<'a> {
    pub certificate: &'a At<Certificate>,
    /// Granted by an initial decision (`grant`) or a renewal (`renew`).
    pub renewal: bool,
    pub surveillances: Vec<&'a At<crate::load::case::Audit>>,
}

pub fn cycles(case: &Case) -> Vec<Cycle<'_>> {
    let mut certs: Vec<&At<Certificate>> = case
        .certificates
        .iter()
        .filter(|c| c.reissue_of.is_none())
        .collect();
    certs.sort_by_key(|c| c.issued.value);
    let mut out = Vec::new();
    for (i, cert) in certs.iter().enumerate() {
        let until: Option<Date> = certs.get(i + 1).map(|n| n.issued.value);
        let renewal = case.decision(&cert.decision).is_some_and(|d| {
            d.outcome.value == Outcome::Renew || d.kind.value == DecisionKind::Recertification
        });
        let mut surveillances: Vec<_> = case
            .audits
            .iter()
            .filter(|a| a.kind.value == AuditKind::Surveillance)
            .filter(|a| {
                a.start.value >= cert.issued.value && until.is_none_or(|u| a.start.value < u)
            })
            .collect();
        surveillances.sort_by_key(|a| a.start.value);
        out.push(Cycle {
            certificate: cert,
            renewal,
            surveillances,
        });
    }
    out
}

/// The certificate in force on a date: the latest one issued on or before it.
pub fn in_force(case: &Case, on: Date) -> Option<&At<Certificate>> {
    case.certificates
        .iter()
        .filter(|c| c.reissue_of.is_none() && c.issued.value <= on)
        .max_by_key(|c| c.issued.value)
}
