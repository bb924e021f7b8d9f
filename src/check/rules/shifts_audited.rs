//! Every shift is audited, or the reason recorded (TB-GZ-036 5.4.2 5)①②).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "shifts-audited",
    severity: Severity::Error,
    summary: "for a client working shifts, each audit records how many it covered, and why not all",
    docs: "When `client.personnel.shifts` is more than 1, each audit that has started records \
           `shifts_audited` (at least 1), and `shifts_reason` when it covered fewer shifts \
           than the client works.",
    example: "client:\n  personnel: { full_time: 80, shifts: 2 }\naudits:\n  - id: S2   # no shifts_audited",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(shifts) = &ctx.case.client.personnel.shifts else {
        return;
    };
    if shifts.value <= 1 {
        return;
    }
    for a in ctx
        .case
        .audits
        .iter()
        .filter(|a| a.start.value <= ctx.as_of)
    {
        match &a.shifts_audited {
            None => out.push(
                Finding::new(
                    a.id.pos,
                    format!(
                        "the client works {} shifts and audit {} does not record how many it covered (`shifts_audited`)",
                        shifts.value, a.id.value
                    ),
                )
                .related(shifts.pos, "shifts"),
            ),
            Some(n) if n.value == 0 => out.push(Finding::new(
                n.pos,
                format!("audit {} covered no shift; at least one is audited", a.id.value),
            )),
            Some(n) if n.value < shifts.value && a.shifts_reason.is_none() => {
                out.push(Finding::new(
                    n.pos,
                    format!(
                        "audit {} covered {} of the client's {} shifts without the reason (`shifts_reason`)",
                        a.id.value, n.value, shifts.value
                    ),
                ))
            }
            Some(_) => {}
        }
    }
}
