//! The team's competence covers the client's business: every specialty code of the
//! application is held by a team member (TB-GZ-036 5.4.6.2 2); HZL-MSRG-005 4.2.2.1).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "team-competence",
    severity: Severity::Error,
    summary: "the team's specialty codes cover every code in `application.specialty_codes`",
    docs: "The specialty codes of all team members (auditors and technical experts) are taken \
           from the staff register. A member's code covers the application's code when they \
           are equal or the member's code is a parent of it (`33.02` covers `33.02.01`).",
    example: "application:\n  specialty_codes: [\"33.02.02\"]\naudits:\n  - { id: S2, team: [{ person: zhang-san, role: leader }] }   # 33.02.01 only",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn covers(held: &str, needed: &str) -> bool {
    held == needed
        || needed
            .strip_prefix(held)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    let needed = &ctx.case.application.specialty_codes;
    for audit in &ctx.case.audits {
        let Some(first) = audit.team.first() else {
            continue;
        };
        let held: Vec<&str> = audit
            .team
            .iter()
            .filter_map(|m| body.staff(&m.person))
            .flat_map(|s| s.specialty_codes.iter().map(|c| c.as_str()))
            .collect();
        for code in needed {
            if !held.iter().any(|h| covers(h, code)) {
                out.push(
                    Finding::new(
                        first.person.pos,
                        format!(
                            "no member of audit {}'s team holds specialty code {} (named in the application); add a competent auditor or a technical expert",
                            audit.id.value, code.value
                        ),
                    )
                    .related(code.pos, "specialty code"),
                );
            }
        }
    }
}
