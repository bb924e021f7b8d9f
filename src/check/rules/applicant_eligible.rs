//! No application is accepted from a client under a business-suspension order or on the
//! serious-dishonesty list (TB-GZ-036 5.1.2 4) 5), 5.2.2 3); HZL-MSRG-005 4.1.3).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::case::ClientFlag;

pub static RULE: Rule = Rule {
    id: "applicant-eligible",
    severity: Severity::Error,
    summary: "no accepted application while the client is ordered to suspend business or is on the serious-dishonesty list",
    docs: "`client.flags` records the state of the client when the application was reviewed. \
           An application from a client with `business-suspension-order` or \
           `serious-dishonesty-list` must be refused (`application.accepted: false`).",
    example: "client:\n  flags: [serious-dishonesty-list]\napplication:\n  accepted: true",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let app = &ctx.case.application;
    if !app.accepted.value {
        return;
    }
    for flag in &ctx.case.client.flags {
        let what = match flag.value {
            ClientFlag::BusinessSuspensionOrder => "is ordered to suspend business",
            ClientFlag::SeriousDishonestyList => "is on the serious-dishonesty list",
        };
        out.push(
            Finding::new(
                app.accepted.pos,
                format!(
                    "the application is accepted although the client {what}; it must be refused"
                ),
            )
            .related(flag.pos, "client flag"),
        );
    }
}
