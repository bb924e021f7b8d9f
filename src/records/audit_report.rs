//! 审核报告 (B.3): the audit's identity, criteria and objectives, team, dates and sites,
//! the audit items the scheme requires for its kind, the findings, the nonconformities,
//! and the team's conclusion.

use serde::Serialize;

use super::audit_plan::Shifts;
use super::audit_time::CombinedView;
use super::view::AuditView;
use super::{Writer, words};
use crate::control::stages::verification_date;
use crate::load::case::{Audit, FindingConclusion};

/// 审核报告's own content.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub audit: AuditView,
    pub scope: String,
    pub objectives: String,
    pub objectives_met: String,
    pub items: Vec<ItemRow>,
    pub summary: String,
    pub ncs: Vec<NcRow>,
    pub nc_count: usize,
    pub major_count: usize,
    /// Nonconformities of earlier audits verified at this one.
    pub previous_verified: Vec<String>,
    pub conclusion: String,
    pub issued: String,
    pub delivered: String,
    pub justification: Option<Justification>,
    pub absent: Option<Absence>,
    pub multisite: bool,
    pub notes: Notes,
    pub shifts: Option<Shifts>,
    pub combined: Option<CombinedView>,
    /// The meetings held, with their sign-in sheets and photo or audio/video records.
    pub meetings: Vec<MeetingRow>,
    pub interview: Option<InterviewRow>,
    /// Stage 1: the document review report and the client's confirmation of it.
    pub document_review: Option<DocumentReviewRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    /// 首次会议 or 末次会议.
    pub name: &'static str,
    pub date: String,
    pub signin: String,
    pub evidence: Vec<String>,
    pub team_absent: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterviewRow {
    pub date: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentReviewRow {
    pub date: String,
    pub by: String,
    pub confirmed: String,
}

/// One audit item the scheme requires, with what the team found.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRow {
    pub text: String,
    pub evidence: String,
    pub conclusion: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NcRow {
    pub id: String,
    pub grade: String,
    pub clause: String,
    pub description: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Justification {
    pub condition: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Absence {
    pub delegate: String,
    pub reason: String,
}

/// 七、需说明的情况: Markdown, empty when the case has nothing to say.
#[derive(Debug, Clone, Serialize)]
pub struct Notes {
    pub deviations: String,
    pub programme_issues: String,
    pub regulator_checks: String,
    pub open_issues: String,
    pub dissent: String,
    pub scope_suitability: String,
}

pub(crate) fn make(w: &mut Writer, a: &Audit) -> ReportView {
    let case = w.case;
    let scheme = w.scheme;
    let audit = w.audit(a);
    let report = a.report.as_ref();
    let mut items = Vec::new();
    let findings = report.map(|r| r.findings.as_slice()).unwrap_or_default();
    for (i, item) in scheme.report_items(a.kind.value).iter().enumerate() {
        let text = w.scheme_text("report_items", item);
        let found = findings
            .iter()
            .find(|f| usize::try_from(f.item.value).is_ok_and(|n| n == i + 1));
        let (evidence, conclusion) = match found {
            Some(f) => {
                w.v(&f.item);
                let conclusion = match *w.v(&f.conclusion) {
                    FindingConclusion::Conforms => "符合".to_string(),
                    FindingConclusion::NotApplicable => "不适用".to_string(),
                    FindingConclusion::Nonconforming => match &f.nc {
                        Some(nc) => format!("不符合（{}）", w.text("findings.nc", nc)),
                        None => "不符合".to_string(),
                    },
                };
                (w.markdown("findings.evidence", &f.evidence), conclusion)
            }
            None => (String::new(), String::new()),
        };
        items.push(ItemRow {
            text,
            evidence,
            conclusion,
        });
    }
    // The report says what it said when written: its delivery, a later stage, changes only
    // the delivery date, not the status of its nonconformities.
    let written = report
        .and_then(|r| r.issued.as_ref())
        .map_or(a.end.value, |d| d.value)
        .min(w.as_of);
    let mut ncs = Vec::new();
    for nc in &a.nonconformities {
        let verified = verification_date(case, nc).is_some_and(|d| d <= written);
        let accepted = nc.plan_accepted.as_ref().filter(|p| p.value <= written);
        let status = match (&nc.verification, &nc.verified_at, accepted) {
            (Some(v), _, _) if verified && *w.v(&v.effective) => {
                format!("已验证有效（{}）", w.date(&v.date))
            }
            (Some(v), _, _) if verified => {
                w.v(&v.effective);
                "验证未通过".to_string()
            }
            (None, Some(id), _) if verified => {
                w.text("nonconformities.verified_at", id);
                "已在后续审核中验证".to_string()
            }
            (_, _, Some(p)) => format!("纠正措施计划已接受（{}）", w.date(p)),
            _ => "待纠正".to_string(),
        };
        ncs.push(NcRow {
            id: w.text("nonconformities.id", &nc.id),
            grade: words::grade(*w.v(&nc.grade)).to_string(),
            clause: w.text("nonconformities.clause", &nc.clause),
            description: w.markdown("nonconformities.description", &nc.description),
            status,
        });
    }
    let majors = a
        .nonconformities
        .iter()
        .filter(|n| n.grade.value == crate::load::case::Grade::Major)
        .count();
    let summary = w.opt_markdown("report.summary", report.and_then(|r| r.summary.as_ref()));
    let justification = a
        .offsite
        .as_ref()
        .or(a.stage1_skipped.as_ref())
        .map(|j| Justification {
            condition: w.text("offsite.condition", &j.condition),
            reason: w.text("offsite.reason", &j.reason),
        });
    let closing = a.meetings.as_ref().and_then(|m| m.closing.as_ref());
    let absent = match closing {
        Some(c) if !*w.v(&c.top_manager_present) => Some(Absence {
            delegate: w.opt("meetings.closing.delegate", c.delegate.as_ref()),
            reason: w.opt(
                "meetings.closing.delegation_reason",
                c.delegation_reason.as_ref(),
            ),
        }),
        _ => None,
    };
    // Without a plan's own wording, the objectives of an audit of this kind.
    let objectives = match a.plan.as_ref().and_then(|p| p.objectives.as_ref()) {
        Some(o) => w.text("plan.objectives", o),
        None => {
            super::audit_plan::default_objectives(a.kind.value, a.purpose.as_ref().map(|p| p.value))
                .to_string()
        }
    };
    let previous_verified = case
        .nonconformities()
        .filter(|(_, n)| {
            n.verified_at
                .as_ref()
                .is_some_and(|v| v.value == a.id.value)
        })
        .map(|(_, n)| w.text("nonconformities.id", &n.id))
        .collect();
    let concluded = a.conclusion.as_ref().map(|c| *w.v(c));
    let purpose = a.purpose.as_ref().map(|p| *w.v(p));
    let conclusion = concluded
        .map(|c| words::conclusion(a.kind.value, purpose, c))
        .unwrap_or_default();
    let r = report.map(|r| &r.value);
    // As the report records it; before `objectives_met` existed, as the conclusion implies.
    let objectives_met = match r.and_then(|r| r.objectives_met.as_ref()) {
        Some(m) => words::objectives_met(*w.v(m)),
        None => concluded.map(words::objectives_implied).unwrap_or_default(),
    }
    .to_string();
    let mut note =
        |name: &'static str, t: Option<&crate::load::case::Text>| w.opt_markdown(name, t);
    let notes = Notes {
        deviations: note("report.deviations", r.and_then(|r| r.deviations.as_ref())),
        programme_issues: note(
            "report.programme_issues",
            r.and_then(|r| r.programme_issues.as_ref()),
        ),
        regulator_checks: note(
            "report.regulator_checks",
            r.and_then(|r| r.regulator_checks.as_ref()),
        ),
        open_issues: note("report.open_issues", r.and_then(|r| r.open_issues.as_ref())),
        dissent: note("report.dissent", r.and_then(|r| r.dissent.as_ref())),
        scope_suitability: note(
            "report.scope_suitability",
            r.and_then(|r| r.scope_suitability.as_ref()),
        ),
    };
    let mut meetings = Vec::new();
    for (key, m, day) in a.meetings() {
        meetings.push(MeetingRow {
            name: if key == "opening" {
                "首次会议"
            } else {
                "末次会议"
            },
            date: words::date(day),
            signin: w.opt("meetings.signin", m.signin.as_ref()),
            evidence: m
                .evidence
                .iter()
                .map(|e| w.text("meetings.evidence", e))
                .collect(),
            team_absent: m.team_absent.iter().map(|p| w.name(p)).collect(),
        });
    }
    let interview = a.top_manager_interview.as_ref().map(|i| InterviewRow {
        date: w.date(&i.date),
        evidence: i
            .evidence
            .iter()
            .map(|e| w.text("top_manager_interview.evidence", e))
            .collect(),
    });
    let document_review = a.document_review.as_ref().map(|r| DocumentReviewRow {
        date: w.date(&r.date),
        by: w.name(&r.by),
        confirmed: w.filled_in(r.confirmed.as_ref()),
    });
    ReportView {
        audit,
        scope: w.text("audits.scope", a.scope(case)),
        objectives,
        objectives_met,
        items,
        summary,
        ncs,
        nc_count: a.nonconformities.len(),
        major_count: majors,
        previous_verified,
        conclusion,
        issued: w.happened(report.and_then(|r| r.issued.as_ref())),
        delivered: w.filled_in(report.and_then(|r| r.delivered.as_ref())),
        justification,
        absent,
        multisite: a.sites.len() > 1,
        notes,
        shifts: super::audit_plan::shifts(w, a),
        combined: super::audit_time::combined(w, a),
        meetings,
        interview,
        document_review,
    }
}
