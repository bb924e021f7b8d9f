//! The case file: one certification client, its audits, decisions and certificates.
//! Field names and meaning follow `case-format.md`; unknown fields are rejected.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use crate::source::At;

pub type Text = At<String>;

/// One certification case: a client and the records of its certification cycle(s).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Case {
    /// Case (project) number, unique across all cases.
    #[schemars(schema_with = "super::formats::case_number")]
    pub case: Text,
    /// Certification scheme: the id of a file under `rules/schemes/`.
    pub scheme: Text,
    /// Certification body: the id of a file under `rules/bodies/`.
    pub body: Text,
    pub client: At<Client>,
    pub application: At<Application>,
    #[serde(default)]
    pub contract: Option<At<Contract>>,
    /// Audits in the order they happened: stage 1, stage 2, surveillances, recertification.
    #[serde(default)]
    pub audits: Vec<At<Audit>>,
    #[serde(default)]
    pub decisions: Vec<At<Decision>>,
    #[serde(default)]
    pub certificates: Vec<At<Certificate>>,
    /// Issued history of each record, keyed by document number.
    #[serde(
        default,
        serialize_with = "keyed::serialize",
        deserialize_with = "keyed::deserialize"
    )]
    #[schemars(schema_with = "super::formats::revisions")]
    pub revisions: BTreeMap<Text, Vec<At<Revision>>>,
    #[serde(default)]
    pub appeals: Vec<At<Appeal>>,
    /// What the regulator or the client reported, and the body's requests to correct misuse.
    #[serde(default)]
    pub events: Vec<At<Event>>,
    #[serde(default)]
    pub complaints: Vec<At<Complaint>>,
    /// Publications of the certificate's status (suspension, withdrawal, cancellation).
    #[serde(default)]
    pub publications: Vec<At<Publication>>,
    /// Client information given to third parties.
    #[serde(default)]
    pub disclosures: Vec<At<Disclosure>>,
}

/// The certified organisation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Client {
    pub name: Text,
    #[serde(default)]
    pub name_en: Option<Text>,
    /// 统一社会信用代码: 18 characters, GB 32100 check character.
    pub credit_code: Text,
    /// Registered address.
    pub address: Text,
    /// 最高管理者.
    pub top_manager: Text,
    /// 管理者代表: confirms nonconformities for the client.
    pub representative: Text,
    /// The date the management system has run since.
    pub management_system_since: At<Date>,
    pub personnel: At<Personnel>,
    /// Risk level for the audit-time adjustment.
    pub risk: At<Risk>,
    #[serde(default)]
    pub flags: Vec<At<ClientFlag>>,
    #[serde(default)]
    pub licences: Vec<At<Licence>>,
    /// Every site the certification covers; at least one.
    pub sites: Vec<At<Site>>,
    /// Certificates previously held from any body that were suspended, withdrawn or cancelled.
    #[serde(default)]
    pub previous_certificates: Vec<At<PreviousCertificate>>,
    /// Periods under a regulator's order to suspend business or on the serious-dishonesty
    /// list (`flags` stays the state at application review).
    #[serde(default)]
    pub sanctions: Vec<At<Sanction>>,
}

/// A period in which the client was sanctioned; no `until`: still.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Sanction {
    pub kind: At<ClientFlag>,
    pub from: At<Date>,
    #[serde(default)]
    pub until: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Personnel {
    pub full_time: At<u32>,
    /// Part-time, seasonal and contractor staff as full-time equivalents.
    #[serde(default)]
    pub part_time_equivalent: Option<At<f64>>,
    #[serde(default)]
    pub shifts: Option<At<u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ClientFlag {
    /// Ordered by a regulator to suspend business (责令停产停业整顿).
    BusinessSuspensionOrder,
    /// On the serious-dishonesty list (严重违法失信名单).
    SeriousDishonestyList,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Licence {
    pub name: Text,
    #[serde(default)]
    pub number: Option<Text>,
    pub valid_until: At<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Site {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub name: Text,
    pub address: Text,
    #[serde(default)]
    pub activities: Option<Text>,
    /// The certified scope at this site, printed on the certificate's annex (TB-GZ-036
    /// 10.2.4 2)); the certificate's scope when absent.
    #[serde(default)]
    pub scope: Option<Text>,
    pub personnel: At<u32>,
    /// The central function, always audited at surveillance.
    #[serde(default)]
    pub central: Option<At<bool>>,
    /// Sites with the same group are similar, for sampling.
    #[serde(default)]
    pub group: Option<Text>,
    #[serde(default)]
    pub temporary: Option<At<bool>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct PreviousCertificate {
    pub body: Text,
    #[serde(default)]
    pub number: Option<Text>,
    pub status: At<PreviousStatus>,
    pub date: At<Date>,
    /// Suspended, withdrawn or cancelled for the client's own cause.
    pub own_cause: At<bool>,
    /// The former body lost its approval (TB: the wait is 3 months instead of 1 year).
    #[serde(default)]
    pub body_approval_revoked: Option<At<bool>>,
    /// HZL 10.4: the cause was thoroughly rectified.
    #[serde(default)]
    pub rectified: Option<At<bool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PreviousStatus {
    Suspended,
    Withdrawn,
    Cancelled,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Application {
    pub received: At<Date>,
    pub scope: Text,
    /// Business-scope classification codes; the team must cover each.
    #[serde(default)]
    pub specialty_codes: Vec<Text>,
    #[serde(default)]
    pub reviewed: Option<At<Date>>,
    /// Staff id of the application reviewer.
    #[serde(default)]
    pub reviewed_by: Option<Text>,
    pub accepted: At<bool>,
    /// Personnel as the client declared them in the application; `client.personnel` is the
    /// figure confirmed at stage 1 and kept current.
    #[serde(default)]
    pub personnel: Option<At<Personnel>>,
    /// For a refused application: the date the refusal was sent.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// What came with the application: `application-form`, `legal-status`, `site-list`,
    /// `licences`, `ms-documents`, `other`.
    #[serde(default)]
    pub documents: Option<At<Vec<Text>>>,
    /// A request to transfer another body's certificate.
    #[serde(default)]
    pub transfer: Option<At<Transfer>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Transfer {
    /// The body that issued the certificate.
    pub body: Text,
    pub certificate: Text,
    pub status: At<TransferStatus>,
    pub expires: At<Date>,
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TransferStatus {
    Valid,
    Suspended,
    UnderSuspension,
    UnderWithdrawal,
    Expired,
    Withdrawn,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Contract {
    #[serde(default)]
    pub number: Option<Text>,
    pub signed: At<Date>,
    /// Staff id of who signed for the body.
    #[serde(default)]
    pub signed_by: Option<Text>,
    /// Who pays the fees.
    #[serde(default)]
    pub payer: Option<At<Payer>>,
    /// The contract's clause keys; absent: the body's `contract_clauses`.
    #[serde(default)]
    pub clauses: Option<At<Vec<Text>>>,
    /// Supplementary agreements (scope extension and other changes).
    #[serde(default)]
    pub supplements: Vec<At<Supplement>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Payer {
    pub kind: At<PayerKind>,
    #[serde(default)]
    pub name: Option<Text>,
    /// For an affiliate: the proof of the relationship and the authorisation kept.
    #[serde(default)]
    pub evidence: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PayerKind {
    Client,
    Affiliate,
    /// The operator of an individual business (个体工商户).
    Owner,
    /// A natural person: never accepted (TB 5.3.1).
    Individual,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Supplement {
    pub number: Text,
    pub signed: At<Date>,
    #[serde(default)]
    pub subject: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AuditKind {
    Stage1,
    Stage2,
    Surveillance,
    Recertification,
    /// Scope extension, short-notice, complaint or restoration audit.
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
#[schemars(transform = super::formats::non_blank)]
pub struct Audit {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub kind: At<AuditKind>,
    /// Certificate cycle (1, 2 …) of a surveillance or recertification; inferred when absent.
    #[serde(default)]
    pub cycle: Option<At<u32>>,
    pub start: At<Date>,
    pub end: At<Date>,
    pub onsite: At<bool>,
    /// Audit time of this audit, man-days.
    pub mandays: At<f64>,
    /// The on-site part of `mandays`.
    pub onsite_mandays: At<f64>,
    /// Reductions below the table value, each with its reason.
    #[serde(default)]
    pub reductions: Vec<At<Reduction>>,
    /// Ids of the client's sites this audit visits.
    pub sites: Vec<Text>,
    pub team: Vec<At<TeamMember>>,
    #[serde(default)]
    pub plan: Option<At<Plan>>,
    #[serde(default)]
    pub meetings: Option<At<Meetings>>,
    #[serde(default)]
    pub nonconformities: Vec<At<Nonconformity>>,
    #[serde(default)]
    pub conclusion: Option<At<Conclusion>>,
    #[serde(default)]
    pub report: Option<At<Report>>,
    /// Stage 1 carried out off site: the condition met and the recorded reason.
    #[serde(default)]
    pub offsite: Option<At<Justification>>,
    /// Trade-secret only: stage 1 skipped, on the stage 2 audit.
    #[serde(default)]
    pub stage1_skipped: Option<At<Justification>>,
    /// The date the client was told of the audit in writing.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// An audit without notice (short-notice or random check).
    #[serde(default)]
    pub unannounced: Option<At<bool>>,
    /// The audit was terminated before it was completed.
    #[serde(default)]
    pub termination: Option<At<Termination>>,
    /// Why a special audit is held; a surveillance or recertification may also restore a
    /// suspended certificate (`restoration`).
    #[serde(default)]
    pub purpose: Option<At<AuditPurpose>>,
    /// How many of the client's shifts the audit covered.
    #[serde(default)]
    pub shifts_audited: Option<At<u32>>,
    /// Why shifts were left out.
    #[serde(default)]
    pub shifts_reason: Option<Text>,
    /// On-site man-days spent at each visited site, by site id.
    #[serde(
        default,
        serialize_with = "keyed::serialize",
        deserialize_with = "keyed::deserialize"
    )]
    pub site_mandays: BTreeMap<Text, At<f64>>,
    /// The audit was combined with audits of other management systems.
    #[serde(default)]
    pub combined: Option<At<Combined>>,
    /// With `purpose: complaint`: the id of the complaint it follows up.
    #[serde(default)]
    pub complaint: Option<Text>,
    /// With `purpose: regulator-notice` and the like: the id of the event it follows up.
    #[serde(default)]
    pub event: Option<Text>,
    /// The interview of top management (TB 5.5.2 3)).
    #[serde(default)]
    pub top_manager_interview: Option<At<Interview>>,
    /// Stage 1: the 文件审核报告, its signer and the client's confirmation.
    #[serde(default)]
    pub document_review: Option<At<DocumentReview>>,
    /// Stage 1 found falsified application information or documents.
    #[serde(default)]
    pub false_information: Option<At<bool>>,
    /// Replacements on the team during the audit.
    #[serde(default)]
    pub team_changes: Vec<At<TeamChange>>,
    /// The scope audited, when it is not the application's: a scope extension audits the
    /// scope applied for.
    #[serde(default)]
    pub scope: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Interview {
    pub date: At<Date>,
    /// Photo, audio/video or interview record references.
    #[serde(default)]
    pub evidence: Vec<Text>,
    /// Top management failed to show leadership (TB 5.5.2 3)).
    #[serde(default)]
    pub leadership_failed: Option<At<bool>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct DocumentReview {
    pub date: At<Date>,
    /// Staff id of who signed the document review report.
    pub by: Text,
    /// The client confirmed the report.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct TeamChange {
    pub date: At<Date>,
    /// Staff id of who left the team.
    #[serde(default)]
    pub out: Option<Text>,
    /// Staff id of who joined it.
    #[serde(default, rename = "in")]
    pub r#in: Option<Text>,
    /// The unforeseeable circumstance.
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AuditPurpose {
    ScopeExtension,
    Complaint,
    Change,
    Restoration,
    RegulatorNotice,
    RandomCheck,
    RegulatorRequest,
}

/// An audit ended before it was completed (TB-GZ-036 5.6.4.3, 9.3; HZL-MSRG-005 4.3.4).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Termination {
    pub date: At<Date>,
    /// A key of the scheme's termination grounds (`no-cooperation`, `top-management-absent` …).
    pub ground: Text,
    /// The date the body agreed to terminate.
    #[serde(default)]
    pub consent: Option<At<Date>>,
    /// The report of the work done and the reasons.
    #[serde(default)]
    pub report: Option<At<TerminationReport>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct TerminationReport {
    #[serde(default)]
    pub issued: Option<At<Date>>,
    #[serde(default)]
    pub delivered: Option<At<Date>>,
}

/// A combined audit: its total time and the time each other system needs alone.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Combined {
    /// Man-days of the combined audit.
    pub total: At<f64>,
    pub others: Vec<At<CombinedSystem>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct CombinedSystem {
    /// The other standard's full number.
    pub standard: Text,
    /// The time that system needs audited alone, man-days.
    pub mandays: At<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Reduction {
    pub percent: At<f64>,
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Justification {
    pub condition: Text,
    pub reason: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct TeamMember {
    /// Staff id in the body's register.
    pub person: Text,
    pub role: At<TeamRole>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TeamRole {
    Leader,
    Auditor,
    TechnicalExpert,
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
#[schemars(transform = super::formats::non_blank)]
pub struct Plan {
    #[serde(default)]
    pub issued: Option<At<Date>>,
    /// The client confirmed the plan.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
    /// Reported to the regulator.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    #[serde(default)]
    pub objectives: Option<Text>,
    #[serde(default)]
    pub agenda: Vec<At<AgendaItem>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct AgendaItem {
    pub date: At<Date>,
    #[serde(default)]
    pub time: Option<Text>,
    pub activity: Text,
    #[serde(default)]
    pub site: Option<Text>,
    #[serde(default)]
    pub clauses: Vec<Text>,
    #[serde(default)]
    pub auditors: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Meetings {
    #[serde(default)]
    pub opening: Option<At<Meeting>>,
    #[serde(default)]
    pub closing: Option<At<Meeting>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Meeting {
    #[serde(default)]
    pub date: Option<At<Date>>,
    pub top_manager_present: At<bool>,
    #[serde(default)]
    pub delegate: Option<Text>,
    #[serde(default)]
    pub delegation_reason: Option<Text>,
    /// Reference of the filed sign-in sheet.
    #[serde(default)]
    pub signin: Option<Text>,
    /// Photo or audio/video references.
    #[serde(default)]
    pub evidence: Vec<Text>,
    /// Team members (staff ids) who did not attend.
    #[serde(default)]
    pub team_absent: Vec<Text>,
    /// Date of the delegate's written authorisation.
    #[serde(default)]
    pub authorised: Option<At<Date>>,
    /// Closing meeting: date of top management's written explanation of its absence.
    #[serde(default)]
    pub absence_note: Option<At<Date>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Conclusion {
    /// Stage 1: ready for stage 2.
    Ready,
    /// Stage 1: not ready for stage 2.
    NotReady,
    Recommend,
    RecommendAfterVerification,
    NotRecommend,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Report {
    #[serde(default)]
    pub issued: Option<At<Date>>,
    /// The report reached the client.
    #[serde(default)]
    pub delivered: Option<At<Date>>,
    /// Markdown.
    #[serde(default)]
    pub summary: Option<Text>,
    /// The evidence and conclusion for each audit item the scheme requires for this kind of
    /// audit (`report_items`), item by item.
    #[serde(default)]
    pub findings: Vec<At<ReportFinding>>,
    /// Markdown: how the audit departed from its plan, and why.
    #[serde(default)]
    pub deviations: Option<Text>,
    /// Markdown: significant issues affecting the audit programme.
    #[serde(default)]
    pub programme_issues: Option<Text>,
    /// Markdown: failures in the regulator's spot checks since the last audit, their causes
    /// and how effective the rectification was.
    #[serde(default)]
    pub regulator_checks: Option<Text>,
    /// Markdown: issues left unresolved at the end of the audit.
    #[serde(default)]
    pub open_issues: Option<Text>,
    /// Markdown: the client's dissenting opinion on the findings or conclusion.
    #[serde(default)]
    pub dissent: Option<Text>,
    /// Markdown: whether the scope the client applied for suits its activities (TB).
    #[serde(default)]
    pub scope_suitability: Option<Text>,
    /// Whether the audit objectives were met (TB 9.1.3).
    #[serde(default)]
    pub objectives_met: Option<At<bool>>,
    /// A surveillance: what the team recommends (`maintain` when absent; `suspend`,
    /// `withdraw` or `reduce-scope` with conclusion `not-recommend`).
    #[serde(default)]
    pub recommendation: Option<At<Recommendation>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    Maintain,
    Suspend,
    Withdraw,
    ReduceScope,
}

/// What the team found on one audit item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct ReportFinding {
    /// The audit item's number (1, 2 …) in the scheme's `report_items` for this kind of audit.
    pub item: At<u32>,
    /// Markdown: what was sampled, interviewed and observed, and what was found.
    pub evidence: Text,
    pub conclusion: At<FindingConclusion>,
    /// For a nonconforming item: the id of the nonconformity raised at this audit.
    #[serde(default)]
    pub nc: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingConclusion {
    Conforms,
    Nonconforming,
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    Major,
    Minor,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Nonconformity {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub grade: At<Grade>,
    /// A clause of the scheme's clause catalogue.
    pub clause: Text,
    #[serde(default)]
    pub site: Option<Text>,
    #[serde(default)]
    pub department: Option<Text>,
    /// Markdown.
    pub description: Text,
    /// Staff id of the auditor who raised it.
    pub auditor: Text,
    pub raised: At<Date>,
    #[serde(default)]
    pub confirmed_by_client: Option<At<Date>>,
    #[serde(default)]
    pub cause: Option<Text>,
    /// The date the client's representative signed the cause analysis and actions.
    #[serde(default)]
    pub responded: Option<At<Date>>,
    #[serde(default)]
    pub correction: Option<Text>,
    #[serde(default)]
    pub corrective_action: Option<Text>,
    /// Minor: the date the corrective-action plan was accepted.
    #[serde(default)]
    pub plan_accepted: Option<At<Date>>,
    /// The deadline set for the correction.
    #[serde(default)]
    pub due: Option<At<Date>>,
    #[serde(default)]
    pub verification: Option<At<Verification>>,
    /// Minor: the id of the later audit that verified it.
    #[serde(default)]
    pub verified_at: Option<Text>,
    /// Other criteria the finding violates: the client's documents, laws and regulations.
    #[serde(default)]
    pub other_criteria: Vec<Text>,
    /// Markdown: the main aspects the client should improve.
    #[serde(default)]
    pub improvement: Option<Text>,
    /// Markdown: a disagreement between the team and the client left unresolved.
    #[serde(default)]
    pub disagreement: Option<Text>,
    /// The date the team leader reviewed the report of a finding another member raised (the
    /// report prints the day it was raised when absent; TB requires it).
    #[serde(default)]
    pub leader_reviewed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Verification {
    pub date: At<Date>,
    pub method: At<VerificationMethod>,
    /// Staff id of the verifier.
    pub by: Text,
    pub effective: At<bool>,
    #[serde(default)]
    pub notes: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VerificationMethod {
    Document,
    Onsite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    Initial,
    Surveillance,
    Recertification,
    Special,
    Suspension,
    Restoration,
    Withdrawal,
    Cancellation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Grant,
    Refuse,
    Maintain,
    Renew,
    Suspend,
    Restore,
    Withdraw,
    ExtendScope,
    ReduceScope,
    /// The certificate is cancelled at the client's request.
    Cancel,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Grant => "grant",
            Outcome::Refuse => "refuse",
            Outcome::Maintain => "maintain",
            Outcome::Renew => "renew",
            Outcome::Suspend => "suspend",
            Outcome::Restore => "restore",
            Outcome::Withdraw => "withdraw",
            Outcome::ExtendScope => "extend-scope",
            Outcome::ReduceScope => "reduce-scope",
            Outcome::Cancel => "cancel",
        }
    }

    /// Grants, keeps or restores certification: it must rest on settled findings.
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Outcome::Grant
                | Outcome::Renew
                | Outcome::Maintain
                | Outcome::Restore
                | Outcome::ExtendScope
        )
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Decision {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub kind: At<DecisionKind>,
    /// Ids of the audits this decision rests on.
    pub audits: Vec<Text>,
    pub date: At<Date>,
    /// Staff id of the decision maker.
    pub decided_by: Text,
    pub outcome: At<Outcome>,
    /// Staff id of the general manager who approved it.
    #[serde(default)]
    pub approved_by: Option<Text>,
    #[serde(default)]
    pub approved: Option<At<Date>>,
    /// TB surveillance: simplified decision.
    #[serde(default)]
    pub simplified: Option<At<bool>>,
    /// Suspension or withdrawal: the date the ground was verified.
    #[serde(default)]
    pub trigger: Option<At<Date>>,
    #[serde(default)]
    pub reason: Option<Text>,
    /// Suspension: the end of the suspension period.
    #[serde(default)]
    pub until: Option<At<Date>>,
    /// Suspension or withdrawal: a key of the scheme's grounds (`voluntary`,
    /// `licence-pending`, `surveillance-missed` …).
    #[serde(default)]
    pub ground: Option<Text>,
    /// The decision departs from the team's recommendation: why, and when the team was told.
    #[serde(default)]
    pub deviation: Option<At<Deviation>>,
    /// Markdown: supplementary information or clarifications obtained for the decision.
    #[serde(default)]
    pub supplementary: Option<Text>,
    /// Markdown: major issues referred to the technical department, and its answer.
    #[serde(default)]
    pub escalation: Option<Text>,
    /// Renewal, Markdown: performance over the certification cycle and complaints received.
    #[serde(default)]
    pub cycle_review: Option<Text>,
    /// Refusal: the date the written notice with the reasons was sent.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// Suspension, restoration: the date the 通知书 was issued.
    #[serde(default)]
    pub notice: Option<At<Date>>,
    /// Suspension, withdrawal, cancellation: the date reported to the regulator.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    /// Withdrawal: the date the certificate came back.
    #[serde(default)]
    pub recovered: Option<At<Date>>,
    /// The client's written request (cancellation, scope change, voluntary suspension).
    #[serde(default)]
    pub request: Option<At<Request>>,
    /// Restoration without an audit: the licence renewed, the fees paid.
    #[serde(default)]
    pub evidence: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Request {
    pub received: At<Date>,
    /// The number of the `contract.supplements` entry.
    #[serde(default)]
    pub supplement: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Deviation {
    pub reason: Text,
    /// The date of the written notice of the deviation (to the client and the team).
    #[serde(default)]
    pub notified: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Certificate {
    #[schemars(schema_with = "super::formats::document_number")]
    pub number: Text,
    /// Id of the decision that granted it.
    pub decision: Text,
    pub issued: At<Date>,
    pub expires: At<Date>,
    pub scope: Text,
    /// The scope in English, for the English text of the certificate (with `client.name_en`).
    #[serde(default)]
    pub scope_en: Option<Text>,
    pub sites: Vec<Text>,
    /// Date reported to the regulator.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    /// A re-issue after a change: the number of the certificate it replaces.
    #[serde(default)]
    #[schemars(schema_with = "super::formats::optional_document_number")]
    pub reissue_of: Option<Text>,
    /// The date of the 认证证书信息确认表 sealed by the client.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Revision {
    #[schemars(schema_with = "super::formats::revision")]
    pub rev: Text,
    pub date: At<Date>,
    /// Staff id.
    pub by: Text,
    pub change: Text,
    /// A changed audit plan: the date the client agreed to the change.
    #[serde(default)]
    pub agreed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Appeal {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub received: At<Date>,
    #[serde(default)]
    pub answered: Option<At<Date>>,
    #[serde(default)]
    pub handled_by: Option<Text>,
    /// Ids of the decisions appealed; absent: every decision dated on or before `received`.
    #[serde(default)]
    pub concerns: Vec<Text>,
    /// The answer tells the appellant it may complain to the authorities (HZL 11).
    #[serde(default)]
    pub complaint_route_stated: Option<At<bool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    RegulatorNotice,
    Penalty,
    SpotCheckFailure,
    PublicOpinion,
    Misuse,
    MajorChange,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Event {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub kind: At<EventKind>,
    /// When it happened (a regulator's notice: its date).
    pub date: At<Date>,
    /// When the client knew of it.
    #[serde(default)]
    pub known: Option<At<Date>>,
    /// When the client told the body.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// Misuse: when the body asked the client to correct it.
    #[serde(default)]
    pub requested: Option<At<Date>>,
    /// Misuse: when the client corrected it.
    #[serde(default)]
    pub corrected: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Complaint {
    #[schemars(schema_with = "super::formats::id")]
    pub id: Text,
    pub received: At<Date>,
    #[serde(default)]
    pub answered: Option<At<Date>>,
    #[serde(default)]
    pub handled_by: Option<Text>,
    /// Ids of the decisions the complaint concerns.
    #[serde(default)]
    pub concerns: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Publication {
    pub date: At<Date>,
    /// Id of the decision published.
    pub decision: Text,
    #[serde(default)]
    pub channel: Option<Text>,
    /// What was published: `client-name`, `certificate-number`, `status`, …
    pub fields: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::formats::non_blank)]
pub struct Disclosure {
    pub date: At<Date>,
    pub recipient: Text,
    pub information: Text,
    #[serde(default)]
    pub consent: Option<At<Date>>,
    #[serde(default)]
    pub legal_basis: Option<Text>,
    #[serde(default)]
    pub client_notified: Option<At<Date>>,
    #[serde(default)]
    pub notice_forbidden: Option<At<bool>>,
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

impl Case {
    /// Every nonconformity with the audit that raised it.
    pub fn nonconformities(&self) -> impl Iterator<Item = (&Audit, &Nonconformity)> {
        self.audits
            .iter()
            .flat_map(|a| a.nonconformities.iter().map(move |n| (&a.value, &n.value)))
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.client
            .sites
            .iter()
            .map(|s| &s.value)
            .find(|s| *s.id == id)
    }

    /// The stage 1 a stage 2 follows: the latest one that ended by the stage 2's start.
    pub fn stage1_before(&self, stage2: &Audit) -> Option<&At<Audit>> {
        self.audits
            .iter()
            .filter(|a| a.kind.value == AuditKind::Stage1 && a.end.value <= stage2.start.value)
            .max_by_key(|a| a.end.value)
    }

    /// The first decision resting on an audit whose report it reads (suspensions and
    /// withdrawals rest on no report).
    pub fn deciding(&self, audit: &Audit) -> Option<&At<Decision>> {
        self.decisions
            .iter()
            .filter(|d| {
                !matches!(
                    d.kind.value,
                    DecisionKind::Suspension | DecisionKind::Withdrawal
                )
            })
            .filter(|d| d.audits.iter().any(|a| a.value == audit.id.value))
            .min_by_key(|d| d.date.value)
    }

    pub fn audit(&self, id: &str) -> Option<&Audit> {
        self.audits.iter().map(|a| &a.value).find(|a| *a.id == id)
    }

    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions
            .iter()
            .map(|d| &d.value)
            .find(|d| *d.id == id)
    }
}

/// A map keyed by positioned strings. YAML gives a mapping; the parse cache (JSON, whose keys
/// must be plain strings) stores it as a list of `[key, value]` pairs; both read back.
mod keyed {
    use std::collections::BTreeMap;
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Text;

    pub fn serialize<V: Serialize, S: Serializer>(
        map: &BTreeMap<Text, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<Text, V>, D::Error> {
        struct Either<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Either<V> {
            type Value = BTreeMap<Text, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.insert(k, v);
                }
                Ok(out)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = seq.next_element()? {
                    out.insert(k, v);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_any(Either(PhantomData))
    }
}
