//! The audit-time table of a scheme: effective personnel to man-days, extended past its
//! last row as the scheme file says, and the comparison of a figure with a minimum.

use crate::diag::Severity;
use crate::load::case::{Audit, AuditKind, Personnel, Risk};
use crate::load::{Case, Scheme};
use crate::source::At;

/// Effective personnel of the client as confirmed: full-time plus part-time equivalents,
/// rounded up.
pub fn effective_personnel(case: &Case) -> u32 {
    effective(&case.client.personnel)
}

/// Effective personnel of one figure: full-time plus part-time equivalents, rounded up.
pub fn effective(p: &Personnel) -> u32 {
    let extra = p
        .part_time_equivalent
        .as_ref()
        .map_or(0.0, |x| x.value.max(0.0));
    let total = f64::from(p.full_time.value) + extra;
    // Finite and bounded by the schema rule; saturate rather than wrap.
    if total >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        total.ceil() as u32
    }
}

/// The table value for `people`, and whether the table had to be extended past its last row.
pub fn table_value(scheme: &Scheme, people: u32) -> Option<(f64, bool)> {
    let table = &scheme.audit_time.table;
    if let Some(band) = table.iter().find(|b| people <= b.up_to.value) {
        return Some((band.mandays.value, false));
    }
    let last = table.last()?;
    let ratio = scheme.audit_time.extrapolation.ratio.value;
    if ratio <= 1.0 {
        return None;
    }
    let mut upper = f64::from(last.up_to.value);
    let mut mandays = last.mandays.value;
    while f64::from(people) > upper {
        upper = (upper * ratio).round();
        mandays += 1.0;
    }
    Some((mandays, true))
}

/// The initial audit: the man-days of stage 1 and stage 2 together, and the stage 2 audit
/// (where findings about the total point).
pub fn initial(case: &Case) -> Option<(f64, &At<Audit>)> {
    let stage2 = case
        .audits
        .iter()
        .find(|a| a.kind.value == AuditKind::Stage2)?;
    let total = case
        .audits
        .iter()
        .filter(|a| matches!(a.kind.value, AuditKind::Stage1 | AuditKind::Stage2))
        .map(|a| a.mandays.value)
        .sum();
    Some((total, stage2))
}

/// The scheme's risk adjustment for the client's risk level (0 when the scheme has none).
pub fn risk_adjustment(case: &Case, scheme: &Scheme) -> f64 {
    scheme
        .audit_time
        .risk
        .as_ref()
        .map_or(0.0, |r| match case.client.risk.value {
            Risk::Low => r.low.value,
            Risk::Medium => r.medium.value,
            Risk::High => r.high.value,
        })
}

/// The nearest multiple of 0.5, ties upward (`rules.md`: TB 5.4.4 2)).
pub fn round_half(x: f64) -> f64 {
    (x * 2.0 + 0.5).floor() / 2.0
}

/// How a figure compares with a minimum: `None` when it meets it, a warning when it meets
/// it only after rounding the minimum to the nearest half man-day, an error otherwise.
pub fn below(value: f64, minimum: f64) -> Option<Severity> {
    const EPS: f64 = 1e-9;
    if value + EPS >= minimum {
        None
    } else if value + EPS >= round_half(minimum) {
        Some(Severity::Warning)
    } else {
        Some(Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_tolerance() {
        assert_eq!(round_half(4.667), 4.5);
        assert_eq!(round_half(7.7), 7.5);
        assert_eq!(round_half(6.25), 6.5);
        assert_eq!(below(5.0, 4.667), None);
        assert_eq!(below(4.5, 4.667), Some(Severity::Warning));
        assert_eq!(below(4.0, 4.667), Some(Severity::Error));
    }
}
