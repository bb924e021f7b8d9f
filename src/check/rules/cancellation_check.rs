//! A certificate is cancelled only at the client's written request, and not to escape a
//! suspension or withdrawal (TB-GZ-036 10.3.3, 10.3.1 7) 13)).

use crate::check::cycle::cycles;
use crate::check::rules::major_nc_verification_deadline;
use crate::check::schedule::{next_surveillance, under_suspension};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::{Grade, Outcome};

pub static RULE: Rule = Rule {
    id: "cancellation-check",
    severity: Severity::Error,
    summary: "a cancellation rests on the client's request, and not while a ground of suspension or withdrawal stands",
    docs: "A decision with outcome `cancel` has `request.received` on or before its date, and on \
           that date the certificate is not suspended, no surveillance deadline of its cycle \
           has passed without a surveillance, and no major nonconformity's verification \
           deadline has passed unverified: those call for suspension or withdrawal, not \
           cancellation.",
    example: "- { id: D5, kind: cancellation, outcome: cancel, date: 2026-10-01 }   # no request",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let case = ctx.case;
    for d in case
        .decisions
        .iter()
        .filter(|d| d.outcome.value == Outcome::Cancel)
    {
        let day = d.date.value;
        let mut refuse = |why: String| {
            out.push(Finding::new(
                d.outcome.pos,
                format!("cancellation {} on {day}: {why}", d.id.value),
            ))
        };
        match &d.request {
            None => {
                refuse("no written request of the client is recorded (`request.received`)".into())
            }
            Some(r) if r.received.value > day => refuse(format!(
                "the client's request came later, on {}",
                r.received.value
            )),
            Some(_) => {}
        }
        if under_suspension(ctx, day) {
            refuse(
                "the certificate is suspended; it is restored or withdrawn, not cancelled".into(),
            );
        }
        if let Some(c) = cycles(case)
            .into_iter()
            .rfind(|c| c.certificate.issued.value <= day)
            && let Some((due, how)) = next_surveillance(ctx, &c)
            && due < day
        {
            refuse(format!(
                "the surveillance due by {due} ({how}) was not held"
            ));
        }
        for (a, nc) in case
            .nonconformities()
            .filter(|(_, n)| n.grade.value == Grade::Major)
        {
            let verified = nc
                .verification
                .as_ref()
                .is_some_and(|v| v.date.value <= day);
            if let Some((due, _, _)) = major_nc_verification_deadline::deadline(ctx, a, nc)
                && due < day
                && !verified
            {
                refuse(format!(
                    "major nonconformity {} was not verified by its deadline {due}",
                    nc.id.value
                ));
            }
        }
    }
}
