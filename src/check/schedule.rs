//! What a case has due next: the dates the cycle rules enforce, computed forward from what
//! is recorded. `surveillance-overdue` and `certdoc status` share this one reading.

use crate::check::cycle::{Cycle, cycles};
use crate::check::rules::{
    major_nc_verification_deadline, recert_decision_deadline, report_delivery, surveillance_due,
    surveillance_interval,
};
use crate::check::{Ctx, Finding};
use crate::dates::add_months;
use crate::load::Date;
use crate::load::case::{AuditKind, Outcome};
use crate::source::Pos;

/// One thing due in a case.
#[derive(Debug, Clone)]
pub struct Due {
    /// `surveillance`, `recertification-audit`, `recertification-decision`,
    /// `nc-verification`, `report-delivery`, `suspension-end`, `restoration-audit`, or a
    /// record due after an event (`notice`, `regulator-report`, `publication`, …).
    pub kind: &'static str,
    /// What is due, named by the records it is about (`surveillance/<certificate>/<1|2>`,
    /// `nc-verification/<audit>/<nc>`, …): unique per kind within the case and free of the
    /// date, positions and wording, so that a calendar event made from it (`certdoc status
    /// --format ics`) keeps its UID when the date moves or the case file is edited.
    pub key: String,
    /// The rule that sets the date.
    pub rule: &'static str,
    pub what: String,
    pub due: Date,
    /// The node the item is about (for a pointer into the case file).
    pub pos: Pos,
}

/// The deadline of the next surveillance of a cycle and how it was set, when one is due:
/// none once two surveillances or a recertification audit are recorded, or when the
/// certificate expires first.
pub fn next_surveillance(ctx: &Ctx, cycle: &Cycle) -> Option<(Date, String)> {
    let cert = cycle.certificate;
    let issued = cert.issued.value;
    let recertified = ctx
        .case
        .audits
        .iter()
        .any(|a| a.kind.value == AuditKind::Recertification && a.start.value >= issued);
    if recertified {
        return None;
    }
    let interval = ctx
        .params::<surveillance_interval::Params>(&surveillance_interval::RULE)
        .map(|p| p.months.get());
    let mut candidates: Vec<(Date, String)> = Vec::new();
    match cycle.surveillances.as_slice() {
        [] => {
            let first = ctx
                .params::<surveillance_due::FirstParams>(&surveillance_due::FIRST)
                .filter(|p| !cycle.renewal || p.after_renewal)
                .map(|p| p.months.get());
            if let Some(m) = first.or(interval) {
                candidates.push((
                    add_months(issued, m),
                    format!(
                        "first surveillance of {} ({m} months after issue on {issued})",
                        cert.number.value
                    ),
                ));
            }
        }
        [only] => {
            if let Some(m) = interval {
                candidates.push((
                    add_months(only.start.value, m),
                    format!(
                        "second surveillance of {} ({m} months after surveillance {} on {})",
                        cert.number.value, only.id.value, only.start.value
                    ),
                ));
            }
            if let Some(m) = ctx
                .params::<surveillance_due::Params>(&surveillance_due::SECOND)
                .map(|p| p.months.get())
            {
                candidates.push((
                    add_months(issued, m),
                    format!(
                        "second surveillance of {} ({m} months after issue on {issued})",
                        cert.number.value
                    ),
                ));
            }
        }
        _ => return None,
    }
    candidates
        .into_iter()
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= cert.expires.value)
}

/// The cycle whose certificate is current: the last one, unless it was withdrawn.
pub fn current_cycle<'a>(ctx: &Ctx<'a>) -> Option<Cycle<'a>> {
    let cycle = cycles(ctx.case).pop()?;
    let withdrawn = ctx.case.decisions.iter().any(|d| {
        d.outcome.value == Outcome::Withdraw && d.date.value >= cycle.certificate.issued.value
    });
    (!withdrawn).then_some(cycle)
}

/// Whether the certificate is under suspension on `day`: a suspension dated on or before
/// it that no restoration or withdrawal followed by then. A suspension lifted by `day` is
/// no longer one.
pub fn under_suspension(ctx: &Ctx, day: Date) -> bool {
    let decisions = &ctx.case.decisions;
    decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Suspend && d.date.value <= day)
        .max_by_key(|d| d.date.value)
        .is_some_and(|s| {
            !decisions.iter().any(|d| {
                matches!(d.outcome.value, Outcome::Restore | Outcome::Withdraw)
                    && d.date.value > s.date.value
                    && d.date.value <= day
            })
        })
}

/// Whether the certificate was withdrawn after `since`, on or before `day`.
pub fn withdrawn_between(ctx: &Ctx, since: Date, day: Date) -> bool {
    ctx.case.decisions.iter().any(|d| {
        d.outcome.value == Outcome::Withdraw && d.date.value >= since && d.date.value <= day
    })
}

/// Everything the case has open, with its deadline.
pub fn due(ctx: &Ctx) -> Vec<Due> {
    let case = ctx.case;
    let mut out = Vec::new();
    if let Some(cycle) = current_cycle(ctx) {
        let cert = cycle.certificate;
        if let Some((date, what)) = next_surveillance(ctx, &cycle) {
            // `next_surveillance` gives nothing once two are recorded, so this is 1 or 2.
            let nth = cycle.surveillances.len() + 1;
            out.push(Due {
                kind: "surveillance",
                key: format!("surveillance/{}/{nth}", cert.number.value),
                rule: "surveillance-overdue",
                what,
                due: date,
                pos: cert.number.pos,
            });
        }
        let recert_audit = case.audits.iter().any(|a| {
            a.kind.value == AuditKind::Recertification && a.start.value >= cert.issued.value
        });
        if !recert_audit {
            out.push(Due {
                kind: "recertification-audit",
                key: format!("recertification-audit/{}", cert.number.value),
                rule: "recert-before-expiry",
                what: format!("recertification audit before {} expires", cert.number.value),
                due: cert.expires.value,
                pos: cert.expires.pos,
            });
        }
        let renewed = case
            .decisions
            .iter()
            .any(|d| d.outcome.value == Outcome::Renew && d.date.value > cert.issued.value);
        if let (false, Some(m)) = (
            renewed,
            ctx.params::<recert_decision_deadline::Params>(&recert_decision_deadline::RULE)
                .map(|p| p.months.get()),
        ) {
            out.push(Due {
                kind: "recertification-decision",
                key: format!("recertification-decision/{}", cert.number.value),
                rule: recert_decision_deadline::RULE.id,
                what: format!(
                    "renewal decision ({m} months after {} expires on {})",
                    cert.number.value, cert.expires.value
                ),
                due: add_months(cert.expires.value, m),
                pos: cert.expires.pos,
            });
        }
    }
    for (audit, nc) in case.nonconformities() {
        let settled = nc.verification.as_ref().is_some_and(|v| v.effective.value);
        if settled {
            continue;
        }
        if let Some((date, how, _)) = major_nc_verification_deadline::deadline(ctx, audit, nc) {
            out.push(Due {
                kind: "nc-verification",
                key: format!("nc-verification/{}/{}", audit.id.value, nc.id.value),
                rule: major_nc_verification_deadline::RULE.id,
                what: format!(
                    "verify nonconformity {} of audit {} ({how})",
                    nc.id.value, audit.id.value
                ),
                due: date,
                pos: nc.id.pos,
            });
        }
    }
    if let Some(n) = ctx
        .params::<report_delivery::Params>(&report_delivery::RULE)
        .map(|p| p.working_days.get())
    {
        for audit in &case.audits {
            if audit.report.as_ref().is_some_and(|r| r.delivered.is_some()) {
                continue;
            }
            if let Some(d) = case.deciding(audit) {
                let mut ignored: Vec<Finding> = Vec::new();
                let date = crate::check::working_days_after(ctx, &d.date, n, &mut ignored);
                out.push(Due {
                    kind: "report-delivery",
                    key: format!("report-delivery/{}", audit.id.value),
                    rule: report_delivery::RULE.id,
                    what: format!(
                        "delivery of the report of audit {} ({n} working days after decision {})",
                        audit.id.value, d.id.value
                    ),
                    due: date,
                    pos: audit.id.pos,
                });
            }
        }
    }
    for s in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Suspend)
    {
        let Some(until) = &s.until else { continue };
        let resolved = case.decisions.iter().any(|d| {
            matches!(d.outcome.value, Outcome::Restore | Outcome::Withdraw)
                && d.date.value >= s.date.value
        });
        if !resolved {
            // Restoring needs an audit held since the suspension (`restoration-basis`),
            // before the suspension ends.
            let audited = case.audits.iter().any(|a| a.start.value >= s.date.value);
            out.push(if audited {
                Due {
                    kind: "suspension-end",
                    key: format!("suspension-end/{}", s.id.value),
                    rule: "suspension-period",
                    what: format!("end of suspension {}: restore or withdraw", s.id.value),
                    due: until.value,
                    pos: until.pos,
                }
            } else {
                Due {
                    kind: "restoration-audit",
                    key: format!("restoration-audit/{}", s.id.value),
                    rule: "restoration-basis",
                    what: format!(
                        "restoration audit before suspension {} ends (else withdraw)",
                        s.id.value
                    ),
                    due: until.value,
                    pos: until.pos,
                }
            });
        }
    }
    out.extend(super::reminders::due(ctx));
    out.sort_by_key(|d| d.due);
    out
}
