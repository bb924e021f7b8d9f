//! Nobody with an interest in the client audits it or decides on it (TB-GZ-036 5.4.6.2 4),
//! 5.4.7 3); HZL-MSRG-005 2.3, a warning as `cooling-off`, F-30).

use crate::check::{Applies, Check, Ctx, Finding, Rule};
use crate::diag::Severity;
use crate::load::Date;
use crate::source::Pos;

pub static RULE: Rule = Rule {
    id: "team-conflict-of-interest",
    severity: Severity::Error,
    summary: "nobody on a team, and no decider, has an interest in the client at the time",
    docs: "The staff register lists interest relationships with clients (`staff[].interests: \
           [{ credit_code, nature, from, until }]`, an open end unlimited). Nobody on an audit's \
           team may have one with the client's credit code in force on a day of the audit, nor \
           the decider on the decision's date.",
    example: "staff:\n  - id: li-si\n    interests: [{ credit_code: 91360100MA39K8T2XY, nature: 持股, from: 2025-01-01 }]",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Case(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(body) = ctx.body else { return };
    let case = ctx.case;
    let code = case.client.credit_code.trim();
    let mut involved: Vec<(&str, Date, Date, Pos, String)> = Vec::new();
    for a in &case.audits {
        for m in &a.team {
            let what = format!("is on the team of audit {}", a.id.value);
            involved.push((&m.person, a.start.value, a.end.value, m.person.pos, what));
        }
    }
    for d in &case.decisions {
        let what = format!("takes decision {}", d.id.value);
        involved.push((
            &d.decided_by,
            d.date.value,
            d.date.value,
            d.decided_by.pos,
            what,
        ));
    }
    for (person, from, to, pos, what) in involved {
        let Some(staff) = body.staff(person) else {
            continue;
        };
        for i in staff
            .interests
            .iter()
            .filter(|i| i.credit_code.trim() == code)
        {
            let starts = i.from.as_ref().is_none_or(|f| f.value <= to);
            let lasts = i.until.as_ref().is_none_or(|u| u.value >= from);
            if starts && lasts {
                let nature = i.nature.as_ref().map_or("an interest", |n| n.as_str());
                out.push(Finding::new(
                    pos,
                    format!(
                        "{} ({person}) {what} ({from} to {to}) but has {nature} in the client at that time (`staff[].interests`)",
                        staff.name.value
                    ),
                ));
            }
        }
    }
}
