//! Nonconformities raised at an audit and their verification.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// Major nonconformity (严重不符合).
    Major,
    /// Minor nonconformity (一般不符合).
    Minor,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Nonconformity {
    /// Short id, unique within the case. Example: `NC01`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// Major or minor. Example: `minor`.
    pub grade: At<Grade>,
    /// A clause of the scheme's clause catalogue (quote it). Example: `"7.5.3"`.
    pub clause: Text,
    /// The id of the site where it was found. Example: `hq`.
    #[serde(default)]
    pub site: Option<Text>,
    /// The department where it was found. Example: `综合管理部`.
    #[serde(default)]
    pub department: Option<Text>,
    /// Markdown: the finding, with the evidence and the requirement it misses. Example: `抽查记录 3
    /// 份，其中 1 份未经审批。`.
    pub description: Text,
    /// Staff id of the auditor who raised it. Example: `li-si`.
    pub auditor: Text,
    /// The day it was raised. Example: `2026-03-18`.
    pub raised: At<Date>,
    /// The date the client's representative confirmed it. Example: `2026-03-19`.
    #[serde(default)]
    pub confirmed_by_client: Option<At<Date>>,
    /// The client's cause analysis. Example: `新入职员工未接受培训。`.
    #[serde(default)]
    pub cause: Option<Text>,
    /// The date the client's representative signed the cause analysis and actions. Example:
    /// `2026-03-25`.
    #[serde(default)]
    pub responded: Option<At<Date>>,
    /// The correction (纠正): what was done about this instance. Example: `已补办审批手续。`.
    #[serde(default)]
    pub correction: Option<Text>,
    /// The corrective action (纠正措施): what removes the cause. Example: `修订入职培训计划。`.
    #[serde(default)]
    pub corrective_action: Option<Text>,
    /// Minor: the date the corrective-action plan was accepted. Example: `2026-03-26`.
    #[serde(default)]
    pub plan_accepted: Option<At<Date>>,
    /// The deadline set for the correction. Example: `2026-04-30`.
    #[serde(default)]
    pub due: Option<At<Date>>,
    /// How and when the correction was verified, and whether it was effective.
    #[serde(default)]
    pub verification: Option<At<Verification>>,
    /// Minor: the id of the later audit that verified it. Example: `A1`.
    #[serde(default)]
    pub verified_at: Option<Text>,
    /// Other criteria the finding violates: the client's documents, laws and regulations.
    /// Example: `[《成文信息控制程序》第 5.2 条]`.
    #[serde(default)]
    pub other_criteria: Vec<Text>,
    /// Markdown: the main aspects the client should improve. Example: `加强新员工入职培训。`
    #[serde(default)]
    pub improvement: Option<Text>,
    /// Markdown: a disagreement between the team and the client left unresolved. Example:
    /// `受审核方认为该记录不属于受控文件。`
    #[serde(default)]
    pub disagreement: Option<Text>,
    /// The date the team leader reviewed the report of a finding another member raised (the
    /// report prints the day it was raised when absent; TB requires it). Example: `2026-03-18`.
    #[serde(default)]
    pub leader_reviewed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Verification {
    /// The date of the verification. Example: `2026-04-10`.
    pub date: At<Date>,
    /// How it was verified. Example: `document`.
    pub method: At<VerificationMethod>,
    /// Staff id of the verifier. Example: `li-si`.
    pub by: Text,
    /// `true` when the correction was effective. Example: `true`.
    pub effective: At<bool>,
    /// What the verifier saw. Example: `培训记录齐全。`.
    #[serde(default)]
    pub notes: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VerificationMethod {
    /// By reviewing the evidence sent (文件验证).
    Document,
    /// On site (现场验证).
    Onsite,
}
