//! The whole team attends the opening meeting, and should attend the closing one
//! (TB-GZ-036 5.6.4.1 1), 5.6.4.10 1)).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;

pub static RULE: Rule = Rule {
    id: "meeting-team-present",
    severity: Severity::Error,
    summary: "every team member attends the opening meeting (error) and the closing meeting (warning)",
    docs: "Every member of the team attends the opening meeting: each one in its `team_absent` \
           is an error. Each one absent from the closing meeting is a warning.",
    example: "meetings:\n  opening: { top_manager_present: true, team_absent: [li-si] }",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.case.audits {
        for (name, m, _) in a.meetings() {
            for p in &m.team_absent {
                let f = Finding::new(
                    p.pos,
                    format!(
                        "{} of the team of audit {} was absent from the {name} meeting; the whole team attends it",
                        p.value, a.id.value
                    ),
                );
                out.push(if name == "opening" {
                    f
                } else {
                    f.severity(Severity::Warning)
                });
            }
        }
    }
}
