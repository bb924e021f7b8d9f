//! The case file: one certification client, its audits, decisions and certificates.
//! Field names and meaning follow `case-format.md`; unknown fields are rejected.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use crate::source::At;

pub type Text = At<String>;

mod application;
mod audit;
mod certificate;
mod client;
mod decision;
mod events;
mod nonconformity;
mod report;

pub use application::*;
pub use audit::*;
pub use certificate::*;
pub use client::*;
pub use decision::*;
pub use events::*;
pub use nonconformity::*;
pub use report::*;

/// One certification case: a client and the records of its certification cycle(s).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::load::formats::non_blank)]
pub struct Case {
    /// Case (project) number, unique across all cases; records' document numbers start with it.
    /// Example: `TB-PIC-2026-003`.
    #[schemars(schema_with = "crate::load::formats::case_number")]
    pub case: Text,
    /// Certification scheme: the id of a file under `rules/schemes/` (`certdoc rules` lists the
    /// schemes). Example: `pii-public-cloud`.
    pub scheme: Text,
    /// Certification body: the id of a file under `rules/bodies/`. Example: `tb`.
    pub body: Text,
    /// The certified organisation: name, credit code, people, sites, licences.
    pub client: At<Client>,
    /// The application for certification: when it came, the scope applied for, its review.
    pub application: At<Application>,
    /// The certification contract with the client. Required before stage 1.
    #[serde(default)]
    pub contract: Option<At<Contract>>,
    /// Audits in the order they happened: stage 1, stage 2, surveillances, recertification,
    /// special audits. Each is one entry with its team, plan, meetings, nonconformities and
    /// report.
    #[serde(default)]
    pub audits: Vec<At<Audit>>,
    /// Certification decisions: grant, refuse, maintain, renew, suspend, restore, withdraw,
    /// scope changes, cancellation.
    #[serde(default)]
    pub decisions: Vec<At<Decision>>,
    /// Certificates issued, each by a decision.
    #[serde(default)]
    pub certificates: Vec<At<Certificate>>,
    /// Issued history of each record, keyed by document number: a record with no entry is at
    /// its first issue (`A/0`). Example: `TB-PIC-2026-003-PL-S2: [{ rev: A/1, date: 2026-03-12,
    /// by: zhang-san, change: 调整分工 }]`.
    #[serde(
        default,
        serialize_with = "keyed::serialize",
        deserialize_with = "keyed::deserialize"
    )]
    #[schemars(schema_with = "crate::load::formats::revisions")]
    pub revisions: BTreeMap<Text, Vec<At<Revision>>>,
    /// Appeals against the body's decisions.
    #[serde(default)]
    pub appeals: Vec<At<Appeal>>,
    /// What the regulator or the client reported, and the body's requests to correct misuse of
    /// a certificate or mark.
    #[serde(default)]
    pub events: Vec<At<Event>>,
    /// Complaints about the client or the body received during the certification.
    #[serde(default)]
    pub complaints: Vec<At<Complaint>>,
    /// Publications of the certificate's status (suspension, withdrawal, cancellation).
    #[serde(default)]
    pub publications: Vec<At<Publication>>,
    /// Client information given to third parties (regulators, courts), with the consent or
    /// legal basis.
    #[serde(default)]
    pub disclosures: Vec<At<Disclosure>>,
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
