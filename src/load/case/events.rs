//! What happens around a certification: appeals, complaints, events, publications, disclosures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Appeal {
    /// Short id, unique within the case. Example: `AP1`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// The date the appeal was received. Example: `2026-05-10`.
    pub received: At<Date>,
    /// The date the answer was sent. Example: `2026-06-05`.
    #[serde(default)]
    pub answered: Option<At<Date>>,
    /// Staff id of who handled it (never involved in the decision appealed). Example:
    /// `qian-qi`.
    #[serde(default)]
    pub handled_by: Option<Text>,
    /// Ids of the decisions appealed; absent: every decision dated on or before `received`.
    /// Example: `[D1]`.
    #[serde(default)]
    pub concerns: Vec<Text>,
    /// `true` when the answer tells the appellant it may complain to the authorities (HZL 11).
    /// Example: `true`.
    #[serde(default)]
    pub complaint_route_stated: Option<At<bool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A regulator's notice about the client.
    RegulatorNotice,
    /// An administrative penalty on the client.
    Penalty,
    /// The client failed a regulator's spot check.
    SpotCheckFailure,
    /// Adverse public reports about the client.
    PublicOpinion,
    /// Misuse of the certificate or the certification mark.
    Misuse,
    /// A major change at the client (ownership, legal status, sites, scope).
    MajorChange,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Event {
    /// Short id, unique within the case. Example: `E1`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// What happened. Example: `regulator-notice`.
    pub kind: At<EventKind>,
    /// When it happened (a regulator's notice: its date). Example: `2027-02-01`.
    pub date: At<Date>,
    /// When the client knew of it. Example: `2027-02-01`.
    #[serde(default)]
    pub known: Option<At<Date>>,
    /// When the client told the body. Example: `2027-02-05`.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// Misuse: when the body asked the client to correct it. Example: `2027-02-06`.
    #[serde(default)]
    pub requested: Option<At<Date>>,
    /// Misuse: when the client corrected it. Example: `2027-02-20`.
    #[serde(default)]
    pub corrected: Option<At<Date>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Complaint {
    /// Short id, unique within the case. Example: `C1`.
    #[schemars(schema_with = "crate::load::formats::id")]
    pub id: Text,
    /// The date the complaint was received. Example: `2026-09-01`.
    pub received: At<Date>,
    /// The date the answer was sent. Example: `2026-09-20`.
    #[serde(default)]
    pub answered: Option<At<Date>>,
    /// Staff id of who handled it. Example: `qian-qi`.
    #[serde(default)]
    pub handled_by: Option<Text>,
    /// Ids of the decisions the complaint concerns. Example: `[D1]`.
    #[serde(default)]
    pub concerns: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Publication {
    /// The date it was published. Example: `2027-05-14`.
    pub date: At<Date>,
    /// Id of the decision published. Example: `D3`.
    pub decision: Text,
    /// Where it was published. Example: `本机构网站`.
    #[serde(default)]
    pub channel: Option<Text>,
    /// What was published: `client-name`, `certificate-number`, `status`, … Example:
    /// `[client-name, certificate-number, status]`.
    pub fields: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Disclosure {
    /// The date the information was given. Example: `2027-03-01`.
    pub date: At<Date>,
    /// Who received it. Example: `南昌市市场监督管理局`.
    pub recipient: Text,
    /// What was given. Example: `审核报告复印件`.
    pub information: Text,
    /// The date the client consented in writing. Example: `2027-02-27`.
    #[serde(default)]
    pub consent: Option<At<Date>>,
    /// The law that required it, when given without consent. Example: `《认证认可条例》第五十五条`.
    #[serde(default)]
    pub legal_basis: Option<Text>,
    /// The date the client was told of it. Example: `2027-03-01`.
    #[serde(default)]
    pub client_notified: Option<At<Date>>,
    /// `true` when the law forbade telling the client. Example: `false`.
    #[serde(default)]
    pub notice_forbidden: Option<At<bool>>,
}
