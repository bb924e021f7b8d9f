//! Records the seeds require without a deadline (rules-next.md, "No period in the seeds"):
//! one dated before what it answers is an error; one missing once that lies before
//! `--as-of` is a warning, a reminder `certdoc status` lists too.

use super::{Ctx, Finding};
use crate::diag::Severity;
use crate::load::Date;
use crate::source::{At, Pos};

/// What a record answers and where a missing record is reported.
pub struct Answers<'a> {
    /// The event: "decision D2 (suspend)".
    pub event: &'a str,
    pub on: &'a At<Date>,
    /// The record: "the notice of suspension (`notice`)".
    pub record: &'a str,
    /// Where a missing record is reported.
    pub missing_at: Pos,
}

pub fn check(ctx: &Ctx, a: &Answers, record: Option<&At<Date>>, out: &mut Vec<Finding>) {
    match record {
        Some(r) if r.value < a.on.value => out.push(
            Finding::new(
                r.pos,
                format!(
                    "{} is dated {}, before {} on {}",
                    a.record, r.value, a.event, a.on.value
                ),
            )
            .related(a.on.pos, "this comes first"),
        ),
        None if a.on.value < ctx.as_of => out.push(
            Finding::new(
                a.missing_at,
                format!(
                    "{} on {} has no {} on record",
                    a.event, a.on.value, a.record
                ),
            )
            .severity(Severity::Warning),
        ),
        _ => {}
    }
}
