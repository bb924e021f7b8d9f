//! A certification body: identity, controlled forms, numbering, personnel register.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::case::Text;
use super::date::Date;
use crate::source::At;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub name_en: Option<Text>,
    pub address: Text,
    #[serde(default)]
    pub website: Option<Text>,
    /// Printed on certificates: where the public can verify a certificate.
    #[serde(default)]
    pub verify_at: Vec<Text>,
    /// Controlled forms by purpose (`audit-plan`, `nc-report`, …).
    pub forms: BTreeMap<String, At<Form>>,
    /// Pattern of certificate numbers: `{scheme}`, `{year}`, `{serial:04}`.
    pub certificate_number: Text,
    pub revision_style: At<RevisionStyle>,
    pub staff: Vec<At<Staff>>,
}

impl Body {
    pub fn staff(&self, id: &str) -> Option<&Staff> {
        self.staff.iter().map(|s| &s.value).find(|s| *s.id == id)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub code: Text,
    pub title: Text,
    pub version: Text,
    /// Pattern of the document number of each record on this form.
    #[serde(default)]
    pub number: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionStyle {
    /// A/0, A/1 … B/0.
    LetterSlashNumber,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    pub id: Text,
    pub name: Text,
    pub employment: At<Employment>,
    #[serde(default)]
    pub employer: Option<Text>,
    #[serde(default)]
    pub title: Option<Text>,
    pub roles: Vec<At<StaffRole>>,
    /// 认证人员注册号.
    #[serde(default)]
    pub registration: Option<Text>,
    #[serde(default)]
    pub schemes: Vec<Text>,
    #[serde(default)]
    pub specialty_codes: Vec<Text>,
    /// Technical services given to clients (for the cooling-off period).
    #[serde(default)]
    pub services: Vec<At<Service>>,
}

impl Staff {
    pub fn has_role(&self, role: StaffRole) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Employment {
    FullTime,
    PartTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StaffRole {
    LeadAuditor,
    Auditor,
    TechnicalExpert,
    Trainee,
    DecisionMaker,
    ApplicationReviewer,
    ProgrammeManager,
    GeneralManager,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub credit_code: Text,
    pub ended: At<Date>,
    #[serde(default)]
    pub description: Option<Text>,
}
