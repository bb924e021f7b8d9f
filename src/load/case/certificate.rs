//! Certificates and the revision history of issued records.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Certificate {
    /// The certificate number, as printed. Example: `TB-PIC-2026-0003`.
    #[schemars(schema_with = "crate::load::formats::document_number")]
    pub number: Text,
    /// Id of the decision that granted it. Example: `D1`.
    pub decision: Text,
    /// The date of issue, on or after the decision. Example: `2026-04-22`.
    pub issued: At<Date>,
    /// The last day of validity, at most 3 years after issue: issued `2026-04-22`, it expires
    /// `2029-04-21` at the latest. Example: `2029-04-21`.
    pub expires: At<Date>,
    /// The certified scope, as printed. Example: `公有云计算服务（IaaS、对象存储）中个人可识别信息的保护`.
    pub scope: Text,
    /// The scope in English, for the English text of the certificate (with `client.name_en`).
    /// Example: `Protection of PII in public cloud services`.
    #[serde(default)]
    pub scope_en: Option<Text>,
    /// Ids of the sites it covers, printed on its annex. Example: `[hq, dc]`.
    pub sites: Vec<Text>,
    /// Date reported to the regulator. Example: `2026-04-25`.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    /// A re-issue after a change: the number of the certificate it replaces. Example:
    /// `TB-PIC-2026-0003`.
    #[serde(default)]
    #[schemars(schema_with = "crate::load::formats::optional_document_number")]
    pub reissue_of: Option<Text>,
    /// The date of the 认证证书信息确认表 sealed by the client. Example: `2026-04-21`.
    #[serde(default)]
    pub confirmed: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Revision {
    /// The revision label, letter/number: `A/0` is the first issue, `A/1` the next. Example:
    /// `A/1`.
    #[schemars(schema_with = "crate::load::formats::revision")]
    pub rev: Text,
    /// The date of the revision. Example: `2026-03-12`.
    pub date: At<Date>,
    /// Staff id of who made it. Example: `zhang-san`.
    pub by: Text,
    /// What changed and why, printed in the record's revision table. Example: `调整审核员分工`.
    pub change: Text,
    /// A changed audit plan: the date the client agreed to the change. Example: `2026-03-12`.
    #[serde(default)]
    pub agreed: Option<At<Date>>,
}
