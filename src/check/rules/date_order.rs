//! Dates that must not run backwards.

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::Date;
use crate::source::At;

pub static RULE: Rule = Rule {
    id: "date-order",
    severity: Severity::Error,
    summary: "an end before its start, an NC raised outside its audit's dates, a verification before the NC was raised",
    docs: "Checks the order of dates that belong together: an audit's `end` is on or after its \
           `start`; a nonconformity is `raised` between its audit's start and end; its \
           verification is not before it was raised; a certificate does not expire before it is \
           issued, nor is it reported to the regulator before; a plan is not confirmed or \
           reported before it is issued, nor a report delivered before it is issued; a suspension's `until` is after its decision; an application is not reviewed \
           before it is received; an appeal is not answered before it is received.",
    example: "audits:\n  - id: S2\n    start: 2026-03-17\n    end: 2026-03-15     # before start",
    default_citations: &[],
    applies: Applies::Always,
    check: Check::Case(check),
};

/// `later` must not be before `earlier`.
fn not_before(
    later: &At<Date>,
    later_name: &str,
    earlier: &At<Date>,
    earlier_name: &str,
    out: &mut Vec<Finding>,
) {
    if later.value < earlier.value {
        out.push(
            Finding::new(
                later.pos,
                format!(
                    "{later_name} {} is before {earlier_name} {}",
                    later.value, earlier.value
                ),
            )
            .related(earlier.pos, earlier_name),
        );
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let c = ctx.case;
    records_before_their_use(c, out);
    if let Some(reviewed) = &c.application.reviewed {
        not_before(
            reviewed,
            "the application review",
            &c.application.received,
            "its receipt",
            out,
        );
    }
    for a in &c.audits {
        not_before(&a.end, "the audit's end", &a.start, "its start", out);
        for nc in &a.nonconformities {
            let id = &nc.id.value;
            if nc.raised.value < a.start.value || nc.raised.value > a.end.value {
                out.push(
                    Finding::new(
                        nc.raised.pos,
                        format!(
                            "nonconformity {id} is raised on {}, outside its audit {} ({} to {})",
                            nc.raised.value, a.id.value, a.start.value, a.end.value
                        ),
                    )
                    .related(a.start.pos, "the audit's dates"),
                );
            }
            if let Some(v) = &nc.verification {
                not_before(
                    &v.date,
                    &format!("the verification of {id}"),
                    &nc.raised,
                    "the date it was raised",
                    out,
                );
            }
            if let Some(p) = &nc.plan_accepted {
                not_before(
                    p,
                    &format!("the acceptance of {id}'s plan"),
                    &nc.raised,
                    "the date it was raised",
                    out,
                );
            }
        }
    }
    for d in &c.decisions {
        if let Some(until) = &d.until {
            not_before(until, "the suspension's end", &d.date, "its decision", out);
        }
    }
    for cert in &c.certificates {
        not_before(
            &cert.expires,
            &format!("certificate {}'s expiry", cert.number.value),
            &cert.issued,
            "its issue",
            out,
        );
    }
    for appeal in &c.appeals {
        if let Some(answered) = &appeal.answered {
            not_before(
                answered,
                &format!("the answer to appeal {}", appeal.id.value),
                &appeal.received,
                "its receipt",
                out,
            );
        }
    }
}

/// A record is issued before anything is done with it: a plan before the client confirms
/// it or it is reported, a report before it is delivered, a certificate before it is
/// reported to the regulator.
fn records_before_their_use(c: &crate::load::Case, out: &mut Vec<Finding>) {
    for a in &c.audits {
        let id = &a.id.value;
        if let Some(plan) = &a.plan
            && let Some(issued) = &plan.issued
        {
            for (done, what) in [(&plan.confirmed, "confirmed"), (&plan.reported, "reported")] {
                if let Some(done) = done {
                    not_before(
                        done,
                        &format!("the plan of {id} {what} on"),
                        issued,
                        "the plan's issue",
                        out,
                    );
                }
            }
        }
        if let Some(report) = &a.report
            && let (Some(issued), Some(delivered)) = (&report.issued, &report.delivered)
        {
            not_before(
                delivered,
                &format!("the report of {id} delivered on"),
                issued,
                "the report's issue",
                out,
            );
        }
    }
    for cert in &c.certificates {
        if let Some(reported) = &cert.reported {
            not_before(
                reported,
                &format!("certificate {} reported on", cert.number.value),
                &cert.issued,
                "its issue",
                out,
            );
        }
    }
}
