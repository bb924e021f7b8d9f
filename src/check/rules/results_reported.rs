//! Certification results are reported to the regulator in time: TB by the earlier of 30
//! working days after issue and the 10th of the next month (TB-GZ-036 9.4.4 6), 12.3 1)),
//! HZL within 30 working days (HZL-MSRG-005 4.6.6).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::{DayOfMonth, WorkingDays};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams, working_days_after};
use crate::dates::day_of_next_month;
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "results-reported",
    severity: Severity::Error,
    summary: "a certificate's `reported` date is ≤ issue + `working_days` (and ≤ day `by_day_of_next_month` of the next month)",
    docs: "When a certificate records `reported` (the date it was reported to the CNCA \
           information system), it is no later than `working_days` working days after \
           `issued` and, with `by_day_of_next_month`, no later than that day of the month \
           after issue, whichever comes first.",
    example: "certificates:\n  - { number: TB-PIC-2026-0003, issued: 2026-04-22, reported: 2026-05-20, … }   # after 10 May",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Working days after issue by which a certificate is reported to the regulator.
    pub working_days: WorkingDays,
    /// If set, also by this day of the month after issue, whichever is earlier.
    pub by_day_of_next_month: Option<DayOfMonth>,
}

/// The last day to report a certificate issued on `issued`, and how it is counted.
pub fn deadline(
    ctx: &Ctx,
    p: &Params,
    issued: &crate::source::At<crate::load::Date>,
    out: &mut Vec<Finding>,
) -> (crate::load::Date, String) {
    let n = p.working_days.get();
    let mut latest = working_days_after(ctx, issued, n, out);
    let mut how = format!("{n} working days after issue");
    if let Some(day) = p.by_day_of_next_month.map(DayOfMonth::get) {
        let by_month = day_of_next_month(issued.value, day);
        if by_month < latest {
            latest = by_month;
            how = format!("day {day} of the month after issue");
        }
    }
    (latest, how)
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for cert in &ctx.case.certificates {
        let Some(reported) = &cert.reported else {
            continue;
        };
        let (latest, how) = deadline(ctx, p, &cert.issued, out);
        if reported.value > latest {
            out.push(
                Finding::new(
                    reported.pos,
                    format!(
                        "certificate {} issued on {} was reported on {}; the last day was {latest} ({how})",
                        cert.number.value, cert.issued.value, reported.value
                    ),
                )
                .related(cert.issued.pos, "issued"),
            );
        }
    }
}
