//! The audit time rests on the personnel confirmed at stage 1; a figure that moves the
//! client to another band of the table is recorded as such (TB-GZ-036 5.6.2 2)⑥,
//! 5.6.4.2 2); HZL-MSRG-005 4.3.3.2 (3); F-44).

use crate::check::audit_time::{effective, table_value};
use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "personnel-band-change",
    severity: Severity::Warning,
    summary: "the personnel confirmed at stage 1 falls in the same audit-time band as the application's",
    docs: "When `application.personnel` (as declared) is recorded, its effective personnel \
           (full-time plus part-time equivalents, rounded up) falls in the same band of the \
           audit-time table as `client.personnel` (as confirmed at stage 1). Otherwise the \
           audit time rests on the confirmed figure and the change must be recorded.",
    example: "application:\n  personnel: { full_time: 40 }\nclient:\n  personnel: { full_time: 90 }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(scheme), Some(declared)) = (ctx.scheme, &ctx.case.application.personnel) else {
        return;
    };
    let confirmed = &ctx.case.client.personnel;
    let (a, b) = (effective(declared), effective(confirmed));
    let (Some((ta, _)), Some((tb, _))) = (table_value(scheme, a), table_value(scheme, b)) else {
        return;
    };
    if ta != tb {
        out.push(
            Finding::new(
                confirmed.pos,
                format!(
                    "the confirmed personnel ({b}) is in another audit-time band than the application's ({a}): {tb} instead of {ta} man-days; plan the audit time on {b} and record the change"
                ),
            )
            .related(declared.pos, "as declared"),
        );
    }
}
