//! The certified organisation: its people, sites, licences and history.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// The certified organisation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Client {
    /// The client's registered name, as on its business licence and the certificate. Example:
    /// `赣云数据科技有限公司`.
    pub name: Text,
    /// The client's name in English, for the certificate's English text. Example: `Ganyun Data
    /// Technology Co., Ltd.`.
    #[serde(default)]
    pub name_en: Option<Text>,
    /// 统一社会信用代码: 18 characters whose last is the GB 32100 check character. Example:
    /// `91360100MA39K8T2XY`.
    pub credit_code: Text,
    /// Registered address. Example: `江西省南昌市红谷滩区丰和中大道 1266 号`.
    pub address: Text,
    /// 最高管理者: the name of the client's top manager. Example: `陈建国`.
    pub top_manager: Text,
    /// 管理者代表: the name of who confirms nonconformities for the client. Example: `刘敏`.
    pub representative: Text,
    /// The date the management system has run since (at least 3 months before the application
    /// for most schemes). Example: `2025-10-20`.
    pub management_system_since: At<Date>,
    /// Personnel confirmed at stage 1 and kept current: counts of people, the basis of audit
    /// time.
    pub personnel: At<Personnel>,
    /// Risk level for the audit-time adjustment. Example: `medium`.
    pub risk: At<Risk>,
    /// The client's state at application review: a regulator's order to suspend business, the
    /// serious-dishonesty list. Example: `[]`.
    #[serde(default)]
    pub flags: Vec<At<ClientFlag>>,
    /// Administrative licences the client's activities need, with their validity. Example: `[{
    /// name: 增值电信业务经营许可证, number: B1-20231234, valid_until: 2028-06-30 }]`.
    #[serde(default)]
    pub licences: Vec<At<Licence>>,
    /// Every site the certification covers; at least one.
    pub sites: Vec<At<Site>>,
    /// Certificates previously held from any body that were suspended, withdrawn or cancelled.
    #[serde(default)]
    pub previous_certificates: Vec<At<PreviousCertificate>>,
    /// Periods under a regulator's order to suspend business or on the serious-dishonesty list
    /// (`flags` stays the state at application review).
    #[serde(default)]
    pub sanctions: Vec<At<Sanction>>,
}

/// A period in which the client was sanctioned; no `until`: still.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Sanction {
    /// Which sanction. Example: `business-suspension-order`.
    pub kind: At<ClientFlag>,
    /// The first day of the sanction. Example: `2027-05-10`.
    pub from: At<Date>,
    /// The last day of the sanction; absent: it still applies. Example: `2027-08-31`.
    #[serde(default)]
    pub until: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Personnel {
    /// Full-time staff, people (a whole number). Example: `118`.
    pub full_time: At<u32>,
    /// Part-time, seasonal and contractor staff as full-time equivalents, people (may be
    /// fractional). Example: `4` or `2.5`.
    #[serde(default)]
    pub part_time_equivalent: Option<At<f64>>,
    /// Number of shifts worked, a whole number (1 for day work only). Example: `2`.
    #[serde(default)]
    pub shifts: Option<At<u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    /// Low risk: the scheme's adjustment for low risk applies to audit time.
    Low,
    /// Medium risk: the table value of audit time.
    Medium,
    /// High risk: the scheme's adjustment for high risk applies to audit time.
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
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Licence {
    /// The licence's name. Example: `增值电信业务经营许可证`.
    pub name: Text,
    /// The licence's number. Example: `B1-20231234`.
    #[serde(default)]
    pub number: Option<Text>,
    /// The last day the licence is valid. Example: `2028-06-30`.
    pub valid_until: At<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Site {
    /// Short id of the site, unique within the case; audits and certificates name sites by it.
    /// Example: `hq`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// The site's name. Example: `总部及运营中心`.
    pub name: Text,
    /// The site's address, printed on the certificate's annex. Example: `江西省南昌市红谷滩区丰和中大道 1266 号
    /// 12-15 层`.
    pub address: Text,
    /// What is done at the site. Example: `公有云平台运营管理、客户个人信息处理`.
    #[serde(default)]
    pub activities: Option<Text>,
    /// The certified scope at this site, printed on the certificate's annex (TB-GZ-036 10.2.4
    /// 2)); the certificate's scope when absent. Example: `数据中心运维`.
    #[serde(default)]
    pub scope: Option<Text>,
    /// People working at the site, a whole number. Example: `92`.
    pub personnel: At<u32>,
    /// `true` for the central function, audited at every surveillance. Example: `true`.
    #[serde(default)]
    pub central: Option<At<bool>>,
    /// Sites with the same group do similar work, for sampling. Example: `warehouses`.
    #[serde(default)]
    pub group: Option<Text>,
    /// `true` for a temporary site (a construction or installation site). Example: `false`.
    #[serde(default)]
    pub temporary: Option<At<bool>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct PreviousCertificate {
    /// The body that issued it. Example: `某认证有限公司`.
    pub body: Text,
    /// Its certificate number. Example: `01322Q1234R0M`.
    #[serde(default)]
    pub number: Option<Text>,
    /// What happened to it. Example: `withdrawn`.
    pub status: At<PreviousStatus>,
    /// The date it was suspended, withdrawn or cancelled. Example: `2024-06-30`.
    pub date: At<Date>,
    /// `true` when suspended, withdrawn or cancelled for the client's own cause. Example:
    /// `true`.
    pub own_cause: At<bool>,
    /// `true` when the former body lost its approval (TB: the wait is then 3 months instead of
    /// 1 year). Example: `false`.
    #[serde(default)]
    pub body_approval_revoked: Option<At<bool>>,
    /// `true` when the cause was thoroughly rectified (HZL 10.4). Example: `true`.
    #[serde(default)]
    pub rectified: Option<At<bool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PreviousStatus {
    /// The certificate was suspended.
    Suspended,
    /// The certificate was withdrawn (撤销).
    Withdrawn,
    /// The certificate was cancelled (注销).
    Cancelled,
}
