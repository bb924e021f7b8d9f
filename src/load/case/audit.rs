//! An audit: its time, team, plan, meetings and how it ended.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AuditKind {
    /// Stage 1 (第一阶段): readiness for stage 2.
    Stage1,
    /// Stage 2 (第二阶段): the initial certification audit.
    Stage2,
    /// A surveillance audit (监督审核).
    Surveillance,
    /// A recertification audit (再认证审核).
    Recertification,
    /// Scope extension, short-notice, complaint or restoration audit (特殊审核); `purpose` says
    /// which.
    Special,
}

impl AuditKind {
    pub fn name(self) -> &'static str {
        match self {
            AuditKind::Stage1 => "stage 1",
            AuditKind::Stage2 => "stage 2",
            AuditKind::Surveillance => "surveillance",
            AuditKind::Recertification => "recertification",
            AuditKind::Special => "special",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Audit {
    /// Short id of the audit, unique within the case; decisions and records name it. Example:
    /// `S2`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// Which audit of the cycle. Example: `stage2`.
    pub kind: At<AuditKind>,
    /// Certificate cycle (1, 2 …) of a surveillance or recertification; inferred when absent.
    /// Example: `1`.
    #[serde(default)]
    pub cycle: Option<At<u32>>,
    /// The first day of the audit. Example: `2026-03-17`.
    pub start: At<Date>,
    /// The last day of the audit (the same day for a one-day audit). Example: `2026-03-19`.
    pub end: At<Date>,
    /// `true` when carried out at the client's sites. Example: `true`.
    pub onsite: At<bool>,
    /// Audit time of this audit, man-days (人日; one auditor for 8 hours is 1), leaders and
    /// auditors only. Example: `5.5`.
    pub mandays: At<f64>,
    /// The on-site part of `mandays`, man-days. Example: `5.0`.
    pub onsite_mandays: At<f64>,
    /// Reductions below the table value, each in percent with its reason.
    #[serde(default)]
    pub reductions: Vec<At<Reduction>>,
    /// Ids of the client's sites this audit visits. Example: `[hq, dc]`.
    pub sites: Vec<Text>,
    /// The audit team: staff ids from the body's register with their roles.
    pub team: Vec<At<TeamMember>>,
    /// The audit plan (审核计划): dates it was issued, confirmed and reported, objectives and
    /// agenda.
    #[serde(default)]
    pub plan: Option<At<Plan>>,
    /// The opening and closing meetings.
    #[serde(default)]
    pub meetings: Option<At<Meetings>>,
    /// Nonconformities raised at this audit.
    #[serde(default)]
    pub nonconformities: Vec<At<Nonconformity>>,
    /// The team's conclusion. Example: `recommend`.
    #[serde(default)]
    pub conclusion: Option<At<Conclusion>>,
    /// The audit report (审核报告).
    #[serde(default)]
    pub report: Option<At<Report>>,
    /// Stage 1 carried out off site: the condition met and the recorded reason.
    #[serde(default)]
    pub offsite: Option<At<Justification>>,
    /// Trade-secret only: stage 1 skipped, on the stage 2 audit.
    #[serde(default)]
    pub stage1_skipped: Option<At<Justification>>,
    /// The date the client was told of the audit in writing. Example: `2027-03-01`.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// `true` for an audit without notice (short-notice or random check). Example: `false`.
    #[serde(default)]
    pub unannounced: Option<At<bool>>,
    /// The audit was terminated before it was completed.
    #[serde(default)]
    pub termination: Option<At<Termination>>,
    /// Why a special audit is held; a surveillance or recertification may also restore a
    /// suspended certificate (`restoration`). Example: `scope-extension`.
    #[serde(default)]
    pub purpose: Option<At<AuditPurpose>>,
    /// How many of the client's shifts the audit covered, a whole number. Example: `2`.
    #[serde(default)]
    pub shifts_audited: Option<At<u32>>,
    /// Why shifts were left out. Example: `夜班仅值守，无生产活动`.
    #[serde(default)]
    pub shifts_reason: Option<Text>,
    /// On-site man-days spent at each visited site, by site id. Example: `{ hq: 3.5, dc: 1.5
    /// }`.
    #[serde(
        default,
        serialize_with = "super::keyed::serialize",
        deserialize_with = "super::keyed::deserialize"
    )]
    pub site_mandays: BTreeMap<Text, At<f64>>,
    /// The audit was combined with audits of other management systems.
    #[serde(default)]
    pub combined: Option<At<Combined>>,
    /// With `purpose: complaint`: the id of the complaint it follows up. Example: `C1`.
    #[serde(default)]
    pub complaint: Option<Text>,
    /// With `purpose: regulator-notice` and the like: the id of the event it follows up.
    /// Example: `E1`.
    #[serde(default)]
    pub event: Option<Text>,
    /// The interview of top management (TB 5.5.2 3)).
    #[serde(default)]
    pub top_manager_interview: Option<At<Interview>>,
    /// Stage 1: the 文件审核报告, its signer and the client's confirmation.
    #[serde(default)]
    pub document_review: Option<At<DocumentReview>>,
    /// `true` when stage 1 found falsified application information or documents. Example:
    /// `false`.
    #[serde(default)]
    pub false_information: Option<At<bool>>,
    /// Replacements on the team during the audit.
    #[serde(default)]
    pub team_changes: Vec<At<TeamChange>>,
    /// The scope audited, when it is not the application's: a scope extension audits the scope
    /// applied for. Example: `公有云计算服务（IaaS、对象存储、数据库）中个人可识别信息的保护`.
    #[serde(default)]
    pub scope: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Interview {
    /// The day of the interview. Example: `2026-03-17`.
    pub date: At<Date>,
    /// Photo, audio/video or interview record references. Example: `[IMG-0317-01]`.
    #[serde(default)]
    pub evidence: Vec<Text>,
    /// `true` when top management failed to show leadership (TB 5.5.2 3)). Example: `false`.
    #[serde(default)]
    pub leadership_failed: Option<At<bool>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct DocumentReview {
    /// The date of the document review report. Example: `2026-03-02`.
    pub date: At<Date>,
    /// Staff id of who signed the document review report. Example: `zhang-san`.
    pub by: Text,
    /// The date the client confirmed the report. Example: `2026-03-03`.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct TeamChange {
    /// The day of the change. Example: `2026-03-18`.
    pub date: At<Date>,
    /// Staff id of who left the team. Example: `li-si`.
    #[serde(default)]
    pub out: Option<Text>,
    /// Staff id of who joined it. Example: `zhou-jiu`.
    #[serde(default, rename = "in")]
    pub r#in: Option<Text>,
    /// The unforeseeable circumstance. Example: `审核员突发疾病`.
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AuditPurpose {
    /// A scope extension (扩大认证范围).
    ScopeExtension,
    /// Following up a complaint (`complaint` names it).
    Complaint,
    /// A change at the client (ownership, sites, processes).
    Change,
    /// Restoring a suspended certificate.
    Restoration,
    /// Following a regulator's notice (`event` names it).
    RegulatorNotice,
    /// A random check without notice.
    RandomCheck,
    /// At a regulator's request.
    RegulatorRequest,
}

/// An audit ended before it was completed (TB-GZ-036 5.6.4.3, 9.3; HZL-MSRG-005 4.3.4).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Termination {
    /// The day the audit was terminated. Example: `2026-03-18`.
    pub date: At<Date>,
    /// A key of the scheme's termination grounds (`no-cooperation`, `top-management-absent` …).
    /// Example: `no-cooperation`.
    pub ground: Text,
    /// The date the body agreed to terminate. Example: `2026-03-18`.
    #[serde(default)]
    pub consent: Option<At<Date>>,
    /// The report of the work done and the reasons.
    #[serde(default)]
    pub report: Option<At<TerminationReport>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct TerminationReport {
    /// The date the report was issued. Example: `2026-03-20`.
    #[serde(default)]
    pub issued: Option<At<Date>>,
    /// The date the report reached the client. Example: `2026-03-22`.
    #[serde(default)]
    pub delivered: Option<At<Date>>,
}

/// A combined audit: its total time and the time each other system needs alone.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Combined {
    /// Audit time of the combined audit, man-days. Example: `7.5`.
    pub total: At<f64>,
    /// The other systems audited with this one, each with the time it needs alone.
    pub others: Vec<At<CombinedSystem>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct CombinedSystem {
    /// The other standard's full number. Example: `GB/T 19001-2016`.
    pub standard: Text,
    /// The time that system needs audited alone, man-days. Example: `4`.
    pub mandays: At<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Reduction {
    /// The reduction in percent of the table value: `25` means 25 % (not 0.25; a value below 1
    /// is refused as a fraction). Example: `10`.
    pub percent: At<f64>,
    /// Why the time is reduced. Example: `过程简单，风险低`.
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Justification {
    /// The condition of the rules that is met. Example: `客户仅一个场所且体系简单`.
    pub condition: Text,
    /// The reason recorded. Example: `文件审核已充分`.
    pub reason: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct TeamMember {
    /// Staff id in the body's register. Example: `zhang-san`.
    pub person: Text,
    /// The member's role. Example: `leader`.
    pub role: At<TeamRole>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TeamRole {
    /// Team leader (审核组长); counts in audit time.
    Leader,
    /// Auditor (审核员); counts in audit time.
    Auditor,
    /// Technical expert (技术专家); never counts in audit time.
    TechnicalExpert,
    /// Trainee auditor (实习审核员); never counts in audit time.
    Trainee,
}

impl TeamRole {
    /// Leaders and auditors count in audit time; experts and trainees never do.
    pub fn counts(self) -> bool {
        matches!(self, TeamRole::Leader | TeamRole::Auditor)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Plan {
    /// The date the plan was issued to the client. Example: `2026-03-09`.
    #[serde(default)]
    pub issued: Option<At<Date>>,
    /// The date the client confirmed the plan. Example: `2026-03-10`.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
    /// The date it was reported to the regulator (at least 3 days before the on-site audit for
    /// most schemes). Example: `2026-03-12`.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    /// The audit's objectives, plain text, printed on the plan. Example: `确认管理体系符合 CTS
    /// TBGL137-2026 并有效运行`.
    #[serde(default)]
    pub objectives: Option<Text>,
    /// The timetable, one entry per activity: day, hours, site, clauses and auditors.
    #[serde(default)]
    pub agenda: Vec<At<AgendaItem>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct AgendaItem {
    /// The day of the activity, within the audit's days. Example: `2026-03-17`.
    pub date: At<Date>,
    /// The hours, 24-hour `HH:MM-HH:MM`, local time. Example: `"09:00-09:30"` (quote it).
    #[serde(default)]
    pub time: Option<Text>,
    /// What is done. Example: `首次会议`.
    pub activity: Text,
    /// The id of the site where it happens. Example: `hq`.
    #[serde(default)]
    pub site: Option<Text>,
    /// The standard's clauses covered. Example: `["5.1", "5.2"]` (quote them).
    #[serde(default)]
    pub clauses: Vec<Text>,
    /// Staff ids of the team members doing it. Example: `[zhang-san, li-si]`.
    #[serde(default)]
    pub auditors: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Meetings {
    /// The opening meeting (首次会议); its day is the audit's first unless `date` says otherwise.
    #[serde(default)]
    pub opening: Option<At<Meeting>>,
    /// The closing meeting (末次会议); its day is the audit's last unless `date` says otherwise.
    #[serde(default)]
    pub closing: Option<At<Meeting>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Meeting {
    /// The meeting's day, when not the audit's first (opening) or last (closing). Example:
    /// `2026-03-19`.
    #[serde(default)]
    pub date: Option<At<Date>>,
    /// `true` when top management attended. Example: `true`.
    pub top_manager_present: At<bool>,
    /// The name of who attended for top management. Example: `刘敏`.
    #[serde(default)]
    pub delegate: Option<Text>,
    /// Why top management delegated. Example: `最高管理者出差，书面授权管理者代表参会`.
    #[serde(default)]
    pub delegation_reason: Option<Text>,
    /// Reference of the filed sign-in sheet. Example: `SIGN-S2-01`.
    #[serde(default)]
    pub signin: Option<Text>,
    /// Photo or audio/video references. Example: `[IMG-0317-02]`.
    #[serde(default)]
    pub evidence: Vec<Text>,
    /// Team members (staff ids) who did not attend. Example: `[wang-expert]`.
    #[serde(default)]
    pub team_absent: Vec<Text>,
    /// Date of the delegate's written authorisation. Example: `2026-03-15`.
    #[serde(default)]
    pub authorised: Option<At<Date>>,
    /// Closing meeting: date of top management's written explanation of its absence. Example:
    /// `2026-03-19`.
    #[serde(default)]
    pub absence_note: Option<At<Date>>,
}

impl Audit {
    /// The scope this audit covers: its own, else the application's.
    pub fn scope<'a>(&'a self, case: &'a Case) -> &'a Text {
        self.scope.as_ref().unwrap_or(&case.application.scope)
    }

    /// The meetings recorded, opening first, each with its name (`opening`, `closing`) and
    /// its day: its own `date`, else the audit's start (opening) or end (closing).
    pub fn meetings(&self) -> Vec<(&'static str, &At<Meeting>, Date)> {
        let Some(m) = &self.meetings else {
            return Vec::new();
        };
        let day = |x: &At<Meeting>, d: Date| x.date.as_ref().map_or(d, |d| d.value);
        let mut out = Vec::new();
        if let Some(o) = &m.opening {
            out.push(("opening", o, day(o, self.start.value)));
        }
        if let Some(c) = &m.closing {
            out.push(("closing", c, day(c, self.end.value)));
        }
        out
    }

    /// The staff id of the team leader.
    pub fn leader(&self) -> Option<&Text> {
        self.team
            .iter()
            .find(|m| m.role.value == TeamRole::Leader)
            .map(|m| &m.person)
    }
}
