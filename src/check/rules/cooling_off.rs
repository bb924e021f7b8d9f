//! Nobody who gave the client technical services (consulting, training for the system)
//! in the last two years audits, reviews or decides on it (TB-GZ-036 14.3 2)).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::params::Years;
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::Date;
use crate::source::Pos;

pub static RULE: Rule = Rule {
    id: "cooling-off",
    severity: Severity::Error,
    summary: "nobody who served the client within `years` audits, reviews or decides on it",
    docs: "The staff register lists each person's technical services to clients (`services: \
           [{ credit_code, ended }]`). A person whose service to this client (same credit code) \
           ended less than `years` before the day they audit (audit start), review the \
           application or take a decision is not impartial.",
    example: "staff:\n  - id: li-si\n    services: [{ credit_code: 91360100MA39K8T2XY, ended: 2025-06-30 }]\naudits:\n  - { id: S1, start: 2026-03-05, team: [{ person: li-si, … }] }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Years after a technical service to a client during which the person may not audit or decide for that client.
    pub years: Years,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else {
        return;
    };
    let years = p.years.get();
    let case = ctx.case;
    let mut involved: Vec<(&str, Date, Pos, String)> = Vec::new();
    for a in &case.audits {
        for m in &a.team {
            involved.push((
                &m.person,
                a.start.value,
                m.person.pos,
                format!("audits {}", a.id.value),
            ));
        }
    }
    if let Some(r) = &case.application.reviewed_by {
        let on = case
            .application
            .reviewed
            .as_ref()
            .unwrap_or(&case.application.received);
        involved.push((r, on.value, r.pos, "reviews the application".into()));
    }
    for d in &case.decisions {
        involved.push((
            &d.decided_by,
            d.date.value,
            d.decided_by.pos,
            format!("decides {}", d.id.value),
        ));
    }
    let code = case.client.credit_code.trim();
    for (person, on, pos, what) in involved {
        let Some(staff) = body.staff(person) else {
            continue;
        };
        for s in staff
            .services
            .iter()
            .filter(|s| s.credit_code.trim() == code)
        {
            let free = add_months(s.ended.value, years.saturating_mul(12));
            if on < free {
                out.push(Finding::new(
                    pos,
                    format!(
                        "{} ({person}) {what} on {on} but gave this client technical services until {}; not before {free} ({years} years)",
                        staff.name.value, s.ended.value
                    ),
                ));
            }
        }
    }
}
