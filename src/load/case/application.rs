//! The application for certification and the contract that follows it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Application {
    /// The date the application was received. Example: `2026-02-02`.
    pub received: At<Date>,
    /// The scope applied for, as it would be printed on the certificate. Example:
    /// `公有云计算服务（IaaS、对象存储）中个人可识别信息的保护`.
    pub scope: Text,
    /// Business-scope classification codes; the team must cover each. Example: `["33.02.02"]`.
    #[serde(default)]
    pub specialty_codes: Vec<Text>,
    /// The date the application review was done. Example: `2026-02-04`.
    #[serde(default)]
    pub reviewed: Option<At<Date>>,
    /// Staff id of the application reviewer, from the body's register. Example: `qian-qi`.
    #[serde(default)]
    pub reviewed_by: Option<Text>,
    /// `true` when the application was accepted, `false` when refused. Example: `true`.
    pub accepted: At<bool>,
    /// Personnel as the client declared them in the application; `client.personnel` is the
    /// figure confirmed at stage 1 and kept current.
    #[serde(default)]
    pub personnel: Option<At<Personnel>>,
    /// For a refused application: the date the refusal was sent. Example: `2026-02-06`.
    #[serde(default)]
    pub notified: Option<At<Date>>,
    /// What came with the application: `application-form`, `legal-status`, `site-list`,
    /// `licences`, `ms-documents`, `other`. Example: `[application-form, legal-status,
    /// site-list]`.
    #[serde(default)]
    pub documents: Option<At<Vec<Text>>>,
    /// A request to transfer another body's certificate.
    #[serde(default)]
    pub transfer: Option<At<Transfer>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Transfer {
    /// The body that issued the certificate. Example: `某认证有限公司`.
    pub body: Text,
    /// The number of the certificate to transfer. Example: `01322Q1234R0M`.
    pub certificate: Text,
    /// The certificate's status at the transfer review. Example: `valid`.
    pub status: At<TransferStatus>,
    /// The certificate's expiry date. Example: `2027-09-30`.
    pub expires: At<Date>,
    /// Why the client transfers. Example: `服务网点调整`.
    #[serde(default)]
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TransferStatus {
    /// Valid: in force.
    Valid,
    /// Suspended: not in force until restored.
    Suspended,
    /// Being suspended: a suspension is under way.
    UnderSuspension,
    /// Being withdrawn: a withdrawal is under way.
    UnderWithdrawal,
    /// Expired: past its last day.
    Expired,
    /// Withdrawn (撤销): no longer valid.
    Withdrawn,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Contract {
    /// The contract's number. Example: `TB-HT-2026-0031`.
    #[serde(default)]
    pub number: Option<Text>,
    /// The date both parties signed. Example: `2026-02-10`.
    pub signed: At<Date>,
    /// Staff id of who signed for the body. Example: `sun-ba`.
    #[serde(default)]
    pub signed_by: Option<Text>,
    /// Who pays the fees; the client when absent.
    #[serde(default)]
    pub payer: Option<At<Payer>>,
    /// The contract's clause keys; absent: the body's `contract_clauses`. Example: `[scope,
    /// fees, confidentiality]`.
    #[serde(default)]
    pub clauses: Option<At<Vec<Text>>>,
    /// Supplementary agreements (scope extension and other changes).
    #[serde(default)]
    pub supplements: Vec<At<Supplement>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Payer {
    /// Who pays. Example: `affiliate`.
    pub kind: At<PayerKind>,
    /// The payer's name, when not the client. Example: `赣云控股集团有限公司`.
    #[serde(default)]
    pub name: Option<Text>,
    /// For an affiliate: the proof of the relationship and the authorisation kept. Example:
    /// `集团授权书 2026-01`.
    #[serde(default)]
    pub evidence: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PayerKind {
    /// The client itself.
    Client,
    /// An affiliated company, with proof of the relationship and an authorisation.
    Affiliate,
    /// The operator of an individual business (个体工商户).
    Owner,
    /// A natural person: never accepted (TB 5.3.1).
    Individual,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Supplement {
    /// The supplement's number, which a decision's `request.supplement` names. Example:
    /// `TB-HT-2026-0031-B1`.
    pub number: Text,
    /// The date it was signed. Example: `2027-03-01`.
    pub signed: At<Date>,
    /// What it changes. Example: `扩大认证范围`.
    #[serde(default)]
    pub subject: Option<Text>,
}
