//! 管理体系认证决定审批表 (B.4): what was reviewed (audits, reports, nonconformities and
//! their status), the decision, the decider's independence declaration and the general
//! manager's approval.

use serde::Serialize;

use super::view::{AuditView, PersonView, SiteView};
use super::{Writer, words};
use crate::check::cycle::in_force;
use crate::check::rules::grounds;
use crate::load::Date;
use crate::load::case::{Decision, Grade, Outcome};

/// 管理体系认证决定审批表's own content.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub id: String,
    pub kind: String,
    pub outcome: String,
    pub positive: bool,
    pub simplified: bool,
    pub date: String,
    pub reason: String,
    pub deviation: Option<DeviationView>,
    pub supplementary: String,
    pub escalation: String,
    pub cycle_review: String,
    pub renewal: bool,
    pub trigger: String,
    pub until: String,
    pub audits: Vec<AuditRow>,
    pub majors: Vec<NcStatus>,
    pub minors: Vec<NcStatus>,
    pub leader: String,
    /// The day the leader completes the form: every NC dealt with.
    pub closed: String,
    pub scope: String,
    pub sites: Vec<SiteView>,
    pub decider: PersonView,
    pub approver: String,
    /// Who approves, by the outcome: the general manager, a department head (suspension).
    pub approver_title: &'static str,
    pub approved: String,
    pub certificates: Vec<String>,
    pub current: String,
    /// A suspension's or withdrawal's ground: the clause and its words.
    pub ground: Option<GroundView>,
    /// A refusal: the written notice of the reasons to the client.
    pub notified: String,
    /// A change of the certificate's status: reported to the regulator, made public.
    pub status: Option<StatusView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroundView {
    pub clause: String,
    pub words: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// A suspension's 通知书 (a withdrawal's notice is the letter itself).
    pub notice: Option<String>,
    pub reported: String,
    pub published: String,
}

/// An audit the decision rests on, with its report and the team's recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    #[serde(flatten)]
    pub audit: AuditView,
    pub report_issued: String,
    pub conclusion: String,
}

/// A nonconformity as the decision maker read it, its status in the form's words.
#[derive(Debug, Clone, Serialize)]
pub struct NcStatus {
    pub id: String,
    pub clause: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeviationView {
    pub reason: String,
    pub notified: String,
}

pub(crate) fn make(w: &mut Writer, d: &Decision) -> DecisionView {
    let case = w.case;
    let mut audits = Vec::new();
    let mut majors = Vec::new();
    let mut minors = Vec::new();
    let mut leader = String::new();
    // The leader completes the form once every NC is closed: the last verification, or the
    // last report when there was nothing to verify.
    let mut closed: Option<Date> = None;
    for id in &d.audits {
        w.text("decisions.audits", id);
        let Some(a) = case.audit(id) else { continue };
        let info = w.audit(a);
        let report = a.report.as_ref().and_then(|r| r.issued.as_ref());
        let report_issued = w.happened(report);
        let conclusion = a.conclusion.as_ref().map(|c| {
            let purpose = a.purpose.as_ref().map(|p| *w.v(p));
            words::conclusion(a.kind.value, purpose, *w.v(c))
        });
        if leader.is_empty() {
            leader = info.leader.clone();
        }
        audits.push(AuditRow {
            audit: info,
            report_issued,
            conclusion: conclusion.unwrap_or_default(),
        });
        // Only what had happened by the form's date.
        let as_of = w.as_of;
        let known = |d: Date| (d <= as_of).then_some(d);
        closed = closed.max(report.and_then(|d| known(d.value)));
        for nc in &a.nonconformities {
            let v = nc.verification.as_ref().filter(|v| w.known(v.date.value));
            closed = closed.max(v.map(|v| v.date.value));
            // A minor NC is dealt with for the decision once its plan is accepted.
            let accepted = nc.plan_accepted.as_ref().map(|d| d.value);
            closed = closed.max(accepted.and_then(known));
            // The status as the decision maker read it, in the form's words.
            let status = match v {
                Some(v) => format!(
                    "{}{}，{}",
                    words::method(*w.v(&v.method)),
                    w.date(&v.date),
                    if *w.v(&v.effective) {
                        "有效"
                    } else {
                        "未关闭"
                    }
                ),
                None => match (nc.grade.value, nc.plan_accepted.as_ref()) {
                    (Grade::Minor, Some(p)) if w.known(p.value) => {
                        format!("纠正措施计划已接受{}", w.date(p))
                    }
                    (Grade::Major, _) => "未验证".to_string(),
                    (Grade::Minor, _) => "待处理".to_string(),
                },
            };
            let entry = NcStatus {
                id: w.text("nonconformities.id", &nc.id),
                clause: w.text("nonconformities.clause", &nc.clause),
                status,
            };
            match *w.v(&nc.grade) {
                Grade::Major => majors.push(entry),
                Grade::Minor => minors.push(entry),
            }
        }
    }
    // Nonconformities of earlier audits whose corrective actions these audits verified.
    for (a, nc) in case.nonconformities() {
        let Some(at) = nc.verified_at.as_ref() else {
            continue;
        };
        if d.audits.iter().all(|id| id.value != at.value) || !w.known(a.end.value) {
            continue;
        }
        w.text("nonconformities.verified_at", at);
        let raised_at = w.audit(a).named();
        let verifying = case
            .audit(at)
            .map(|v| w.audit(v).named())
            .unwrap_or_default();
        let entry = NcStatus {
            id: w.text("nonconformities.id", &nc.id),
            clause: w.text("nonconformities.clause", &nc.clause),
            status: format!("{raised_at}开具，已在{verifying}中验证"),
        };
        match *w.v(&nc.grade) {
            Grade::Major => majors.push(entry),
            Grade::Minor => minors.push(entry),
        }
    }
    let deviation = d.deviation.as_ref().map(|x| DeviationView {
        reason: w.text("decisions.deviation.reason", &x.reason),
        notified: w.happened(x.notified.as_ref()),
    });
    let as_of = w.as_of;
    let certificates = case
        .certificates
        .iter()
        .filter(|c| c.decision.value == d.id.value && c.issued.value <= as_of)
        .map(|c| w.text("certificates.number", &c.number))
        .collect();
    let current = in_force(case, d.date.value)
        .map(|c| w.text("certificates.number", &c.number))
        .unwrap_or_default();
    let decider = w.person(&d.decided_by);
    let approver = d
        .approved_by
        .as_ref()
        .map(|p| w.name(p))
        .unwrap_or_default();
    let sites = case.client.sites.iter().map(|s| w.site(&s.id)).collect();
    let outcome = *w.v(&d.outcome);
    let reason = w.opt("decisions.reason", d.reason.as_ref());
    let ground = d.ground.as_ref().map(|g| {
        let key = w.text("decisions.ground", g);
        GroundView {
            clause: grounds::clause(w.scheme, outcome, &key).unwrap_or_default(),
            words: words::ground(&key).map_or(key, str::to_string),
        }
    });
    let status = matches!(
        outcome,
        Outcome::Suspend | Outcome::Withdraw | Outcome::Cancel
    )
    .then(|| {
        let published = case
            .publications
            .iter()
            .filter(|p| p.decision.value == d.id.value)
            .min_by_key(|p| p.date.value);
        StatusView {
            notice: (outcome == Outcome::Suspend).then(|| w.filled_in(d.notice.as_ref())),
            reported: w.filled_in(d.reported.as_ref()),
            published: w.filled_in(published.map(|p| &p.date)),
        }
    });
    let approver_title = match outcome {
        Outcome::Suspend => "部门负责人批准：",
        Outcome::ReduceScope => "总经理（管理者代表）批准：",
        _ => "总经理批准：",
    };
    DecisionView {
        id: w.text("decisions.id", &d.id),
        kind: words::decision_kind(*w.v(&d.kind)).to_string(),
        outcome: words::outcome(outcome).to_string(),
        positive: outcome.is_positive(),
        simplified: d.simplified.as_ref().is_some_and(|s| *w.v(s)),
        date: w.date(&d.date),
        reason: reason.trim_end_matches('。').to_string(),
        deviation,
        supplementary: w.opt_markdown("decisions.supplementary", d.supplementary.as_ref()),
        escalation: w.opt_markdown("decisions.escalation", d.escalation.as_ref()),
        cycle_review: w.opt_markdown("decisions.cycle_review", d.cycle_review.as_ref()),
        renewal: d.kind.value == crate::load::case::DecisionKind::Recertification,
        trigger: w.happened(d.trigger.as_ref()),
        until: d.until.as_ref().map(|u| w.date(u)).unwrap_or_default(),
        audits,
        majors,
        minors,
        leader,
        closed: closed.map(words::date).unwrap_or_default(),
        // The scope decided on: that of the audits it rests on (a scope extension's).
        scope: {
            let audited = d
                .audits
                .iter()
                .filter_map(|id| case.audit(id))
                .find_map(|a| a.scope.as_ref());
            w.text("audits.scope", audited.unwrap_or(&case.application.scope))
        },
        sites,
        decider,
        approver,
        approver_title,
        approved: w.happened(d.approved.as_ref()),
        certificates,
        current,
        ground,
        notified: w.filled_in(d.notified.as_ref()),
        status,
    }
}
