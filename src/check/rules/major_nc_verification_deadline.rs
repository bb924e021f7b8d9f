//! Major nonconformities are verified effective in time: after the initial audit within six
//! months of stage 2, after a surveillance within three months (HZL: by the NC's own `due`),
//! after a recertification before the certificate expires (TB-GZ-036 8.4 1)–3);
//! HZL-MSRG-005 4.5.1, 5.7, 6.3).

use crate::check::cycle::in_force;
use crate::check::{Applies, Check, Ctx, Finding, Param, Rule};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::Date;
use crate::load::case::{Audit, AuditKind, Grade, Nonconformity};

pub static RULE: Rule = Rule {
    id: "major-nc-verification-deadline",
    severity: Severity::Error,
    summary: "each major NC is verified effective by its deadline (initial, surveillance, recertification)",
    docs: "Deadlines: a stage 1/2 NC by `initial_months` after the audit's end; a surveillance \
           NC by `surveillance_months` after its end, or by its own `due` with \
           `surveillance_by_due`; a recertification NC before the certificate in force \
           expires (with `recertification_all_grades`, minor ones too). A verification that is \
           late or not effective is an error; a missing one only once the deadline has passed \
           (`--as-of`).",
    example: "audits:\n  - id: S2\n    end: 2026-03-19\n    nonconformities:\n      - id: NC02\n        grade: major\n        verification: { date: 2026-10-08, … }   # after 2026-09-19",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    params: &[
        ("initial_months", Param::Int, true),
        ("surveillance_months", Param::Int, false),
        ("surveillance_by_due", Param::Flag, false),
        ("recertification_all_grades", Param::Flag, false),
    ],
    check: Check::Case(check),
};

/// The NC's deadline and how it was set, or why there is none.
pub fn deadline(ctx: &Ctx, audit: &Audit, nc: &Nonconformity) -> Option<(Date, String)> {
    let cfg = ctx.config(RULE.id)?;
    let major = nc.grade.value == Grade::Major;
    match audit.kind.value {
        AuditKind::Stage1 | AuditKind::Stage2 if major => {
            let m = cfg.int("initial_months")?;
            Some((
                add_months(audit.end.value, m),
                format!(
                    "{m} months after audit {} ended on {}",
                    audit.id.value, audit.end.value
                ),
            ))
        }
        AuditKind::Surveillance if major => {
            if cfg.flag("surveillance_by_due") {
                let due = nc.due.as_ref()?;
                Some((due.value, "its due date".to_string()))
            } else {
                let m = cfg.int("surveillance_months")?;
                Some((
                    add_months(audit.end.value, m),
                    format!(
                        "{m} months after surveillance {} ended on {}",
                        audit.id.value, audit.end.value
                    ),
                ))
            }
        }
        AuditKind::Recertification if major || cfg.flag("recertification_all_grades") => {
            let cert = in_force(ctx.case, audit.start.value)?;
            Some((
                cert.expires.value,
                format!("the expiry of certificate {}", cert.number.value),
            ))
        }
        _ => None,
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(cfg) = ctx.config(RULE.id) else {
        return;
    };
    for (audit, nc) in ctx.case.nonconformities() {
        if audit.kind.value == AuditKind::Surveillance
            && nc.grade.value == Grade::Major
            && cfg.flag("surveillance_by_due")
            && nc.due.is_none()
        {
            out.push(Finding::new(
                nc.id.pos,
                format!(
                    "major nonconformity {} of surveillance {} has no `due` date for its verification",
                    nc.id.value, audit.id.value
                ),
            ));
            continue;
        }
        let Some((by, how)) = deadline(ctx, audit, nc) else {
            continue;
        };
        let grade = if nc.grade.value == Grade::Major {
            "major"
        } else {
            "minor"
        };
        match &nc.verification {
            Some(v) if v.date.value > by => out.push(Finding::new(
                v.date.pos,
                format!(
                    "{grade} nonconformity {} is verified on {}, after its deadline {by} ({how})",
                    nc.id.value, v.date.value
                ),
            )),
            Some(v) if !v.effective.value && by < ctx.as_of => out.push(Finding::new(
                v.effective.pos,
                format!(
                    "{grade} nonconformity {}'s corrective action was found not effective and the deadline {by} ({how}) has passed",
                    nc.id.value
                ),
            )),
            None if by < ctx.as_of => out.push(Finding::new(
                nc.id.pos,
                format!(
                    "{grade} nonconformity {} has no verification and its deadline {by} ({how}) has passed",
                    nc.id.value
                ),
            )),
            _ => {}
        }
    }
}
