//! Major nonconformities are verified effective in time: after the initial audit within six
//! months of stage 2, after a surveillance within three months (HZL: by the NC's own `due`),
//! after a recertification before the certificate expires (TB-GZ-036 8.4 1)–3);
//! HZL-MSRG-005 4.5.1, 5.7, 6.3).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::check::cycle::in_force;
use crate::check::params::{Graded, Months};
use crate::check::{Applies, Check, Ctx, Finding, Rule, WithParams};
use crate::dates::add_months;
use crate::diag::Severity;
use crate::load::Date;
use crate::load::Scheme;
use crate::load::case::{Audit, AuditKind, Case, Grade, Nonconformity};
use crate::source::Pos;

pub static RULE: Rule = Rule {
    id: "major-nc-verification-deadline",
    severity: Severity::Error,
    summary: "each major NC is verified effective by its deadline (initial, surveillance, recertification)",
    docs: "Deadlines: a stage 1/2 NC by `initial_months` after the audit's end; a surveillance \
           NC by `surveillance_months` after its end, or by its own `due` with \
           `surveillance_by_due` (a `due` more than `due_warn_months` after the audit ended is \
           a warning asking for the reason); a recertification NC before the certificate in \
           force expires (with `recertification_all_grades`, minor ones too: a minor one whose \
           plan was accepted by the expiry is reported with `minor_planned`'s severity). A \
           verification that is late or not effective is an error; a missing one only once \
           the deadline has passed (`--as-of`).",
    example: "audits:\n  - id: S2\n    end: 2026-03-19\n    nonconformities:\n      - id: NC02\n        grade: major\n        verification: { date: 2026-10-08, … }   # after 2026-09-19",
    default_citations: &[],
    applies: Applies::WhenConfigured,
    check: Check::Configured(&WithParams::<Params>(check)),
};

/// The NC's deadline, how it was set, and where, when the case sets it (its `due`).
pub fn deadline(
    ctx: &Ctx,
    audit: &Audit,
    nc: &Nonconformity,
) -> Option<(Date, String, Option<Pos>)> {
    deadline_in(ctx.scheme?, ctx.case, audit, nc)
}

/// The deadline of a nonconformity under a scheme's settings, why, and where its date is
/// written when it is in the case; what the NC report prints as 纠正/纠正措施完成期限.
pub fn deadline_in(
    scheme: &Scheme,
    case: &Case,
    audit: &Audit,
    nc: &Nonconformity,
) -> Option<(Date, String, Option<Pos>)> {
    let p = crate::check::scheme_params::<Params>(scheme, &RULE)?;
    let major = nc.grade.value == Grade::Major;
    match audit.kind.value {
        AuditKind::Stage1 | AuditKind::Stage2 if major => {
            let m = p.initial_months.get();
            Some((
                add_months(audit.end.value, m),
                format!(
                    "{m} months after audit {} ended on {}",
                    audit.id.value, audit.end.value
                ),
                None,
            ))
        }
        AuditKind::Surveillance if major => {
            if p.surveillance_by_due {
                let due = nc.due.as_ref()?;
                Some((due.value, "its due date".to_string(), Some(due.pos)))
            } else {
                let m = p.surveillance_months?.get();
                Some((
                    add_months(audit.end.value, m),
                    format!(
                        "{m} months after surveillance {} ended on {}",
                        audit.id.value, audit.end.value
                    ),
                    None,
                ))
            }
        }
        AuditKind::Recertification if major || p.recertification_all_grades => {
            let cert = in_force(case, audit.start.value)?;
            Some((
                cert.expires.value,
                format!("the expiry of certificate {}", cert.number.value),
                Some(cert.expires.pos),
            ))
        }
        _ => None,
    }
}

/// The scheme's settings for this rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Months after the initial audit ends by which a major nonconformity is verified.
    pub initial_months: Months,
    /// Months after a surveillance ends by which its major nonconformities are verified.
    pub surveillance_months: Option<Months>,
    /// Whether a surveillance's major nonconformities are verified by their own `due` date instead.
    #[serde(default)]
    pub surveillance_by_due: bool,
    /// Whether every nonconformity of a recertification, minor ones too, is verified before the certificate expires.
    #[serde(default)]
    pub recertification_all_grades: bool,
    /// With `recertification_all_grades`: how a minor nonconformity not verified by the
    /// expiry is reported when its plan was accepted by then (`warning`, F-11); without
    /// an accepted plan it is an error.
    #[serde(default)]
    pub minor_planned: Option<Graded>,
    /// With `surveillance_by_due`: a `due` later than this many months after the
    /// surveillance ended is a warning asking for the reason (F-25).
    #[serde(default)]
    pub due_warn_months: Option<Months>,
}

fn check(ctx: &Ctx, p: &Params, out: &mut Vec<Finding>) {
    for (audit, nc) in ctx.case.nonconformities() {
        // HZL: the team sets a surveillance major NC's due; beyond the benchmark it needs a reason.
        if let (Some(m), Some(due), AuditKind::Surveillance, Grade::Major) = (
            &p.due_warn_months,
            &nc.due,
            audit.kind.value,
            nc.grade.value,
        ) {
            let limit = add_months(audit.end.value, m.get());
            if due.value > limit {
                out.push(
                    Finding::new(
                        due.pos,
                        format!(
                            "major nonconformity {} of surveillance {} is due on {}, more than {} months after the audit ended on {} (by {limit}); record why it needs longer",
                            nc.id.value, audit.id.value, due.value, m.get(), audit.end.value
                        ),
                    )
                    .severity(Severity::Warning),
                );
            }
        }
        if audit.kind.value == AuditKind::Surveillance
            && nc.grade.value == Grade::Major
            && p.surveillance_by_due
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
        let Some((by, how, set_at)) = deadline(ctx, audit, nc) else {
            continue;
        };
        let grade = if nc.grade.value == Grade::Major {
            "major"
        } else {
            "minor"
        };
        // A minor NC of a recertification resting on a plan accepted by the expiry (F-11).
        let planned = nc.grade.value == Grade::Minor
            && nc.plan_accepted.as_ref().is_some_and(|a| a.value <= by);
        let minor_severity = match (nc.grade.value, p.minor_planned) {
            (Grade::Minor, Some(Graded::Warning)) if planned => Some(Severity::Warning),
            _ => None,
        };
        let finding = match &nc.verification {
            Some(v) if v.date.value > by => Finding::new(
                v.date.pos,
                format!(
                    "{grade} nonconformity {} is verified on {}, after its deadline {by} ({how})",
                    nc.id.value, v.date.value
                ),
            ),
            Some(v) if !v.effective.value && by < ctx.as_of => Finding::new(
                v.effective.pos,
                format!(
                    "{grade} nonconformity {}'s corrective action was found not effective and the deadline {by} ({how}) has passed",
                    nc.id.value
                ),
            ),
            None if by < ctx.as_of => Finding::new(
                nc.id.pos,
                format!(
                    "{grade} nonconformity {} has no verification and its deadline {by} ({how}) has passed",
                    nc.id.value
                ),
            ),
            _ => continue,
        };
        let finding = match minor_severity {
            Some(sev) => finding.severity(sev),
            None => finding,
        };
        out.push(match set_at {
            Some(pos) => finding.related(pos, "deadline set here"),
            None => finding,
        });
    }
}
