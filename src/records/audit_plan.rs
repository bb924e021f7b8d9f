//! 审核计划 (B.1): objectives, criteria, scope, dates and sites, duration, team with
//! registration numbers, experts, the agenda, and the client's confirmation.

use serde::Serialize;

use super::Writer;
use super::view::AuditView;
use crate::load::case::{Audit, AuditKind, AuditPurpose};

/// What an audit of each kind sets out to do when the plan does not say (TB-GZ-036 5.4.7,
/// HZL-MSRG-005 4.2.3.1 name the objectives as a required item).
pub(crate) fn default_objectives(kind: AuditKind, purpose: Option<AuditPurpose>) -> &'static str {
    if purpose == Some(AuditPurpose::Restoration) {
        return "验证获证组织针对暂停原因采取的纠正措施及其有效性，确认暂停期间未使用认证证书和认证标志、管理体系恢复正常运行，决定是否推荐恢复认证证书。";
    }
    match kind {
        AuditKind::Stage1 => {
            "了解受审核方管理体系的策划和实施情况，评价管理体系文件及第二阶段审核的准备情况，确定第二阶段审核的重点。"
        }
        AuditKind::Stage2 => {
            "评价受审核方管理体系的实施情况及其有效性，确定管理体系是否符合认证准则的全部要求，决定是否推荐认证注册。"
        }
        AuditKind::Surveillance => {
            "确认获证组织的管理体系持续符合认证准则并有效运行，验证以往不符合项的纠正措施，决定是否推荐保持认证注册资格。"
        }
        AuditKind::Recertification => {
            "确认管理体系作为一个整体的持续符合性与有效性，以及对认证范围的持续相关性和适宜性，决定是否推荐更新认证注册资格。"
        }
        AuditKind::Special => "按特殊审核的目的，确认相关事项的符合性和有效性。",
    }
}

/// 审核计划's own content.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub audit: AuditView,
    pub objectives: String,
    pub scope: String,
    pub agenda: Vec<AgendaRow>,
    pub issued: String,
    pub confirmed: String,
    pub reported: String,
    /// The certificate's expiry, on a recertification plan.
    pub expiry: String,
    pub shifts: Option<Shifts>,
    /// Reporting the plan to the regulator is a rule of some schemes only.
    pub reported_applies: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaRow {
    pub date: String,
    pub time: String,
    pub activity: String,
    pub site: String,
    pub clauses: String,
    pub auditors: Vec<String>,
}

/// The client's shifts and those an audit covers (TB-GZ-036 5.4.2 5)).
#[derive(Debug, Clone, Serialize)]
pub struct Shifts {
    pub count: u32,
    pub audited: Option<u32>,
    pub reason: String,
}

pub(crate) fn make(w: &mut Writer, a: &Audit) -> PlanView {
    let audit = w.audit(a);
    let plan = a.plan.as_ref();
    let objectives = match plan.and_then(|p| p.objectives.as_ref()) {
        Some(o) => w.text("plan.objectives", o),
        None => default_objectives(a.kind.value, a.purpose.as_ref().map(|p| p.value)).to_string(),
    };
    let mut agenda = Vec::new();
    for item in plan.map(|p| p.agenda.as_slice()).unwrap_or_default() {
        let site = match item.site.as_ref() {
            Some(s) => w.site_name(s),
            None => String::new(),
        };
        let auditors = item.auditors.iter().map(|p| w.name(p)).collect();
        let clauses: Vec<String> = item
            .clauses
            .iter()
            .map(|c| w.text("plan.agenda.clauses", c))
            .collect();
        agenda.push(AgendaRow {
            date: w.date(&item.date),
            time: w.opt("plan.agenda.time", item.time.as_ref()),
            activity: w.text("plan.agenda.activity", &item.activity),
            site,
            clauses: clauses.join("、"),
            auditors,
        });
    }
    let case = w.case;
    let scope = w.text("audits.scope", a.scope(case));
    let expiry = if a.kind.value == AuditKind::Recertification {
        crate::check::cycle::in_force(case, a.start.value)
            .map(|c| w.date(&c.expires))
            .unwrap_or_default()
    } else {
        String::new()
    };
    PlanView {
        audit,
        objectives,
        scope,
        agenda,
        issued: w.happened(plan.and_then(|p| p.issued.as_ref())),
        confirmed: w.filled_in(plan.and_then(|p| p.confirmed.as_ref())),
        reported: w.filled_in(plan.and_then(|p| p.reported.as_ref())),
        expiry,
        shifts: shifts(w, a),
        reported_applies: w.scheme.rules.contains_key("plan-reported"),
    }
}

/// The client's shifts and those the audit covers: none when the case does not say how
/// many shifts the client works.
pub(crate) fn shifts(w: &mut Writer, a: &Audit) -> Option<Shifts> {
    let case = w.case;
    let count = *w.v(case.client.personnel.shifts.as_ref()?);
    let audited = a.shifts_audited.as_ref().map(|n| *w.v(n));
    Some(Shifts {
        count,
        audited,
        reason: w.opt("shifts_reason", a.shifts_reason.as_ref()),
    })
}
