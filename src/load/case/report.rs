//! An audit's report and the team's conclusion.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Conclusion {
    /// Stage 1: ready for stage 2.
    Ready,
    /// Stage 1: not ready for stage 2.
    NotReady,
    /// Recommend certification (or its continuation).
    Recommend,
    /// Recommend once the nonconformities are verified as corrected.
    RecommendAfterVerification,
    /// Do not recommend certification.
    NotRecommend,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Report {
    /// The date the report was issued. Example: `2026-03-19`.
    #[serde(default)]
    pub issued: Option<At<Date>>,
    /// The date the report reached the client. Example: `2026-04-28`.
    #[serde(default)]
    pub delivered: Option<At<Date>>,
    /// Markdown: the report's summary. Example: `组织的管理体系总体符合要求并有效运行。`.
    #[serde(default)]
    pub summary: Option<Text>,
    /// The evidence and conclusion for each audit item the scheme requires for this kind of
    /// audit (`report_items`), item by item.
    #[serde(default)]
    pub findings: Vec<At<ReportFinding>>,
    /// Markdown: how the audit departed from its plan, and why. Example: `因停电，数据中心审核顺延半天。`
    #[serde(default)]
    pub deviations: Option<Text>,
    /// Markdown: significant issues affecting the audit programme. Example: `下次监督需增加数据中心审核时间。`
    #[serde(default)]
    pub programme_issues: Option<Text>,
    /// Markdown: failures in the regulator's spot checks since the last audit, their causes and
    /// how effective the rectification was. Example: `2026 年省局抽查合格。`
    #[serde(default)]
    pub regulator_checks: Option<Text>,
    /// Markdown: issues left unresolved at the end of the audit. Example: `无。`
    #[serde(default)]
    pub open_issues: Option<Text>,
    /// Markdown: the client's dissenting opinion on the findings or conclusion. Example: `受审核方对
    /// NC02 的分级有异议。`
    #[serde(default)]
    pub dissent: Option<Text>,
    /// Markdown: whether the scope the client applied for suits its activities (TB). Example:
    /// `申请范围与实际业务相符。`
    #[serde(default)]
    pub scope_suitability: Option<Text>,
    /// `true` when the audit objectives were met (TB 9.1.3). Example: `true`.
    #[serde(default)]
    pub objectives_met: Option<At<bool>>,
    /// A surveillance: what the team recommends (`maintain` when absent; `suspend`, `withdraw`
    /// or `reduce-scope` with conclusion `not-recommend`). Example: `maintain`.
    #[serde(default)]
    pub recommendation: Option<At<Recommendation>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    /// Maintain the certificate.
    Maintain,
    /// Suspend the certificate.
    Suspend,
    /// Withdraw the certificate.
    Withdraw,
    /// Reduce the certificate's scope.
    ReduceScope,
}

/// What the team found on one audit item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct ReportFinding {
    /// The audit item's number (1, 2 …) in the scheme's `report_items` for this kind of audit.
    /// Example: `3`.
    pub item: At<u32>,
    /// Markdown: what was sampled, interviewed and observed, and what was found. Example:
    /// `抽查采购合同 5 份，均规定了个人信息保护要求。`.
    pub evidence: Text,
    /// The team's conclusion on the item. Example: `conforms`.
    pub conclusion: At<FindingConclusion>,
    /// For a nonconforming item: the id of the nonconformity raised at this audit. Example:
    /// `NC01`.
    #[serde(default)]
    pub nc: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingConclusion {
    /// The item conforms.
    Conforms,
    /// The item does not conform (`nc` names the nonconformity).
    Nonconforming,
    /// The item does not apply to this client.
    NotApplicable,
}
