//! Certification decisions and what they rest on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    /// Initial certification, after stage 2.
    Initial,
    /// After a surveillance audit.
    Surveillance,
    /// After a recertification audit.
    Recertification,
    /// After a special audit (scope extension and the like).
    Special,
    /// Suspending a certificate.
    Suspension,
    /// Restoring a suspended certificate.
    Restoration,
    /// Withdrawing a certificate (撤销).
    Withdrawal,
    /// Cancelling a certificate (注销).
    Cancellation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Certification granted: a certificate follows.
    Grant,
    /// Certification refused.
    Refuse,
    /// Certification maintained after a surveillance.
    Maintain,
    /// Certification renewed after a recertification: a new certificate follows.
    Renew,
    /// The certificate is suspended until `until`.
    Suspend,
    /// The suspended certificate is restored.
    Restore,
    /// The certificate is withdrawn.
    Withdraw,
    /// The scope is extended: a re-issued certificate follows.
    ExtendScope,
    /// The scope is reduced: a re-issued certificate follows.
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
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Decision {
    /// Short id, unique within the case; certificates name their decision by it. Example: `D1`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// What the decision is about. Example: `initial`.
    pub kind: At<DecisionKind>,
    /// Ids of the audits this decision rests on. Example: `[S1, S2]`.
    pub audits: Vec<Text>,
    /// The day of the decision. Example: `2026-04-20`.
    pub date: At<Date>,
    /// Staff id of the decision maker (never a member of a team it decides on). Example:
    /// `zhao-liu`.
    pub decided_by: Text,
    /// What was decided. Example: `grant`.
    pub outcome: At<Outcome>,
    /// Staff id of the general manager who approved it. Example: `sun-ba`.
    #[serde(default)]
    pub approved_by: Option<Text>,
    /// The date it was approved. Example: `2026-04-21`.
    #[serde(default)]
    pub approved: Option<At<Date>>,
    /// `true` for a TB surveillance's simplified decision. Example: `false`.
    #[serde(default)]
    pub simplified: Option<At<bool>>,
    /// Suspension or withdrawal: the date the ground was verified. Example: `2027-05-12`.
    #[serde(default)]
    pub trigger: Option<At<Date>>,
    /// The reason, in words, printed on the notice. Example: `未按期接受监督审核`.
    #[serde(default)]
    pub reason: Option<Text>,
    /// Suspension: the last day of the suspension period. Example: `2027-11-11`.
    #[serde(default)]
    pub until: Option<At<Date>>,
    /// Suspension or withdrawal: a key of the scheme's grounds (`voluntary`, `licence-pending`,
    /// `surveillance-missed` …). Example: `surveillance-missed`.
    #[serde(default)]
    pub ground: Option<Text>,
    /// The decision departs from the team's recommendation: why, and when the team was told.
    #[serde(default)]
    pub deviation: Option<At<Deviation>>,
    /// Markdown: supplementary information or clarifications obtained for the decision. Example:
    /// `补充了 dc 场所的许可证复印件。`
    #[serde(default)]
    pub supplementary: Option<Text>,
    /// Markdown: major issues referred to the technical department, and its answer. Example:
    /// `范围表述提交技术部确认，已答复。`
    #[serde(default)]
    pub escalation: Option<Text>,
    /// Renewal, Markdown: performance over the certification cycle and complaints received.
    /// Example: `三年内体系运行稳定，未收到投诉。`
    #[serde(default)]
    pub cycle_review: Option<Text>,
    /// Refusal: the date the written notice with the reasons was sent. Example: `2026-04-22`.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// Suspension, restoration: the date the 通知书 was issued. Example: `2027-05-13`.
    #[serde(default)]
    pub notice: Option<At<Date>>,
    /// Suspension, withdrawal, cancellation: the date reported to the regulator. Example:
    /// `2027-05-14`.
    #[serde(default)]
    pub reported: Option<At<Date>>,
    /// Withdrawal: the date the certificate came back. Example: `2027-06-01`.
    #[serde(default)]
    pub recovered: Option<At<Date>>,
    /// The client's written request (cancellation, scope change, voluntary suspension).
    #[serde(default)]
    pub request: Option<At<Request>>,
    /// Restoration without an audit: the licence renewed, the fees paid. Example: `新许可证
    /// B1-20281234`.
    #[serde(default)]
    pub evidence: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Request {
    /// The date the request was received. Example: `2027-02-20`.
    pub received: At<Date>,
    /// The number of the `contract.supplements` entry. Example: `TB-HT-2026-0031-B1`.
    #[serde(default)]
    pub supplement: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Deviation {
    /// Why the decision departs from the recommendation. Example: `不符合项验证证据不足`.
    pub reason: Text,
    /// The date of the written notice of the deviation (to the client and the team). Example:
    /// `2026-04-21`.
    #[serde(default)]
    pub notified: Option<At<Date>>,
}
