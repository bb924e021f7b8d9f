//! An accepted application is reviewed by a qualified reviewer (TB-GZ-036 5.2.1, 4.2,
//! 13.2 2); HZL-MSRG-005 4.1.3, 4.1.4).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::diag::Severity;
use crate::load::body::StaffRole;

pub static RULE: Rule = Rule {
    id: "application-review",
    severity: Severity::Error,
    summary: "an accepted application is reviewed by an application reviewer (of the scheme, where required)",
    docs: "An accepted application has `application.reviewed` and `application.reviewed_by`, a \
           staff member holding the `application-reviewer` role and, with `scheme_required`, \
           the case's scheme among the reviewer's `schemes`.",
    example: "application:\n  accepted: true\n  reviewed: 2026-02-05   # no reviewed_by",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The reviewer must be registered for the case's scheme (`staff[].schemes`).
    pub scheme_required: bool,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let app = &ctx.case.application;
    if !app.accepted.value {
        return;
    }
    if app.reviewed.is_none() {
        out.push(Finding::new(
            app.accepted.pos,
            "the application is accepted without the date of its review (`application.reviewed`)",
        ));
    }
    let Some(by) = &app.reviewed_by else {
        out.push(Finding::new(
            app.accepted.pos,
            "the application is accepted without its reviewer (`application.reviewed_by`)",
        ));
        return;
    };
    let Some(staff) = ctx.body.and_then(|b| b.staff(by)) else {
        return; // unknown-reference
    };
    if !staff.has_role(StaffRole::ApplicationReviewer) {
        out.push(Finding::new(
            by.pos,
            format!(
                "{} ({}) reviewed the application but does not hold the `application-reviewer` role",
                staff.name.value, by.value
            ),
        ));
    } else if p.scheme_required
        && !staff
            .schemes
            .iter()
            .any(|s| s.value == ctx.case.scheme.value)
    {
        out.push(Finding::new(
            by.pos,
            format!(
                "{} ({}) reviewed the application but is not registered for the scheme `{}` (`staff[].schemes`)",
                staff.name.value, by.value, ctx.case.scheme.value
            ),
        ));
    }
}
