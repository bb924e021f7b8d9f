//! When each record is first issued, by whom, and the later stages that complete a
//! progressive record. The NC report is filled in three stages (raised and confirmed; the
//! client's cause, correction and corrective action; verification), a certificate is
//! re-issued under its number after a change; each completed stage is a revision.

use crate::load::Date;
use crate::load::case::Case;
use crate::load::numbering::{Form, Subject};

/// A record's first issue and its later stages, oldest first.
#[derive(Debug, Clone)]
pub struct Issue {
    pub date: Date,
    /// Staff id of who issues it.
    pub by: Option<String>,
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone)]
pub struct Stage {
    pub date: Date,
    /// The revision's change note.
    pub change: &'static str,
    pub by: Option<String>,
}

/// The staff id of an audit's team leader.
fn leader(a: &crate::load::case::Audit) -> Option<String> {
    a.leader().map(|p| p.value.clone())
}

/// When the client's response to a nonconformity (cause, correction, corrective action)
/// is on record: the day the client signed it, else the day its plan was accepted, else the
/// day it was verified.
pub fn response_date(case: &Case, nc: &crate::load::case::Nonconformity) -> Option<Date> {
    let answered = nc.cause.is_some() || nc.correction.is_some() || nc.corrective_action.is_some();
    let signed = nc.responded.as_ref().filter(|_| answered).map(|d| d.value);
    signed
        .or_else(|| nc.plan_accepted.as_ref().map(|d| d.value))
        .or_else(|| answered.then(|| verification_date(case, nc)).flatten())
}

/// When a nonconformity's verification is on record: its own verification, or the end of
/// the later audit that verified it.
pub fn verification_date(case: &Case, nc: &crate::load::case::Nonconformity) -> Option<Date> {
    nc.verification.as_ref().map(|v| v.date.value).or_else(|| {
        nc.verified_at
            .as_ref()
            .and_then(|id| case.audit(id))
            .map(|a| a.end.value)
    })
}

/// The issue of a record of `form` made from `subject`.
pub fn issue(case: &Case, form: Form, subject: Subject) -> Issue {
    let simple = |date: Date, by: Option<String>| Issue {
        date,
        by,
        stages: Vec::new(),
    };
    match subject {
        Subject::Audit(a) => {
            let plan = a.plan.as_ref();
            let planned = plan.and_then(|p| p.issued.as_ref()).map(|d| d.value);
            match form {
                // The report is complete when issued; its delivery to the client is a stage.
                Form::AuditReport => {
                    let report = a.report.as_ref();
                    let issued = report
                        .and_then(|r| r.issued.as_ref())
                        .map_or(a.end.value, |d| d.value);
                    let stages = report
                        .and_then(|r| r.delivered.as_ref())
                        .filter(|d| d.value > issued)
                        .map(|d| Stage {
                            date: d.value,
                            change: "报告交付受审核方",
                            by: leader(a),
                        })
                        .into_iter()
                        .collect();
                    Issue {
                        date: issued,
                        by: leader(a),
                        stages,
                    }
                }
                // The plan is filed once the client has confirmed it and, where required,
                // it has been reported: both happen before the audit starts.
                Form::AuditPlan => {
                    let issued = planned.unwrap_or(a.start.value);
                    let done = plan
                        .into_iter()
                        .flat_map(|p| [p.confirmed.as_ref(), p.reported.as_ref()])
                        .flatten()
                        .map(|d| d.value)
                        .filter(|d| *d <= a.start.value)
                        .fold(issued, Date::max);
                    simple(done, leader(a))
                }
                _ => simple(planned.unwrap_or(a.start.value), leader(a)),
            }
        }
        Subject::Nonconformity(_, nc) => {
            let mut stages = Vec::new();
            if let Some(date) = response_date(case, nc) {
                stages.push(Stage {
                    date,
                    change: "受审核方原因分析、纠正及纠正措施",
                    by: Some(nc.auditor.value.clone()),
                });
            }
            if let Some(date) = verification_date(case, nc) {
                stages.push(Stage {
                    date,
                    change: "纠正措施验证",
                    by: match (&nc.verification, &nc.verified_at) {
                        (Some(v), _) => Some(v.by.value.clone()),
                        (None, Some(id)) => case.audit(id).and_then(leader),
                        (None, None) => None,
                    },
                });
            }
            // The first stage ends when the client has confirmed the finding.
            let confirmed = nc.confirmed_by_client.as_ref().map(|d| d.value);
            Issue {
                date: confirmed.map_or(nc.raised.value, |c| c.max(nc.raised.value)),
                by: Some(nc.auditor.value.clone()),
                stages,
            }
        }
        // The form is complete when the general manager has approved it, where that is
        // required.
        Subject::Decision(d) => simple(
            d.approved
                .as_ref()
                .filter(|_| form == Form::Decision)
                .map_or(d.date.value, |a| a.value.max(d.date.value)),
            Some(d.decided_by.value.clone()),
        ),
        Subject::Certificate(c) => {
            let by = case
                .decision(&c.decision)
                .map(|d| d.decided_by.value.clone());
            let stages = case
                .certificates
                .iter()
                .filter(|r| {
                    r.reissue_of
                        .as_ref()
                        .is_some_and(|n| n.trim() == c.number.trim())
                        && r.issued.value > c.issued.value
                })
                .map(|r| Stage {
                    date: r.issued.value,
                    change: "证书换发",
                    by: case
                        .decision(&r.decision)
                        .map(|d| d.decided_by.value.clone()),
                })
                .collect();
            Issue {
                date: c.issued.value,
                by,
                stages,
            }
        }
    }
}
