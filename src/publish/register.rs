//! The public register: per certificate exactly what ZBT-TP-046 5.2.3.3 and TB-GZ-036 12.3
//! 3) make public (client name, certificate number, standard, scope, sites, issue and expiry
//! dates, status, and a suspension's start and period), and nothing else. Every field is
//! copied here by name from the case: nothing from a case reaches `output/public/` but
//! through [`Entry`].

use serde::{Deserialize, Serialize};

use crate::check::standing::{self, Standing};
use crate::load::versions::{self, StandardOn};
use crate::load::{Body, Case, Date, Rules, Scheme};

/// `register.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Register {
    /// The day the statuses are as of.
    pub as_of: Date,
    pub bodies: Vec<PublicBody>,
    pub certificates: Vec<Entry>,
}

/// The certification body as its certificates print it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicBody {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The address printed on each certificate (and in its QR code), `{number}` standing
    /// for the certificate's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_url: Option<String>,
}

/// One certificate in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// A stable identity for registers that need one (IAF CertSearch's "Certification
    /// Identity Number"): derived from the body and the certificate number only.
    pub id: String,
    /// The id of the body in `bodies`.
    pub body: String,
    pub number: String,
    pub client: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_en: Option<String>,
    /// The certification, as the scheme names it (保密管理体系认证).
    pub certification: String,
    /// The standard's number and title.
    pub standard: String,
    pub scope: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_en: Option<String>,
    pub sites: Vec<PublicSite>,
    /// The first issue under this number.
    pub first_issued: Date,
    /// The issue in force (a re-issue after a change keeps the number).
    pub issued: Date,
    pub expires: Date,
    #[serde(flatten)]
    pub standing: Standing,
    /// The status in words.
    pub status_text: String,
}

/// A site the certificate covers, as its annex prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSite {
    pub name: String,
    pub address: String,
    /// The certified scope at this site, when the certificate lists one per site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The register of `cases` as of `as_of`: every certificate issued by then, ordered by
/// body and number.
pub fn register<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    rules: &Rules,
    as_of: Date,
) -> Register {
    let mut certificates = Vec::new();
    let mut bodies = std::collections::BTreeMap::new();
    for case in cases {
        let (Some(body), Some(scheme)) = (
            rules.bodies.get(case.body.as_str()),
            rules.schemes.get(case.scheme.as_str()),
        ) else {
            continue;
        };
        let before = certificates.len();
        certificates.extend(entries(case, body, scheme, as_of));
        if certificates.len() > before {
            bodies.insert(body.id.value.clone(), public_body(body));
        }
    }
    certificates.sort_by(|a: &Entry, b| (&a.body, &a.number).cmp(&(&b.body, &b.number)));
    Register {
        as_of,
        bodies: bodies.into_values().collect(),
        certificates,
    }
}

fn public_body(body: &Body) -> PublicBody {
    PublicBody {
        id: body.id.value.clone(),
        name: body.name.value.clone(),
        name_en: body.name_en.as_ref().map(|t| t.value.clone()),
        website: body.website.as_ref().map(|t| t.value.clone()),
        verify_url: body.verify_url.as_ref().map(|t| t.value.clone()),
    }
}

/// The case's certificates issued by `as_of`, each as it stands that day.
pub fn entries(case: &Case, body: &Body, scheme: &Scheme, as_of: Date) -> Vec<Entry> {
    standing::numbers(case)
        .into_iter()
        .filter_map(|number| {
            let issues = standing::issues(case, number);
            let first = issues.first()?;
            let current = issues.iter().rev().find(|c| c.issued.value <= as_of)?;
            let standing = standing::on(case, number, as_of)?;
            let standard = match versions::standard_on(scheme, current.issued.value) {
                StandardOn::Entry(v) => v.number.value.clone(),
                StandardOn::Unversioned | StandardOn::Before => {
                    scheme.standard.number.value.clone()
                }
            };
            let several = current.sites.len() > 1;
            let sites = current
                .sites
                .iter()
                .filter_map(|id| case.site(id))
                .map(|s| PublicSite {
                    name: s.name.value.clone(),
                    address: s.address.value.clone(),
                    scope: s
                        .scope
                        .as_ref()
                        .filter(|_| several)
                        .map(|t| t.value.clone()),
                })
                .collect();
            Some(Entry {
                id: identity(&body.id, number),
                body: body.id.value.clone(),
                number: number.to_string(),
                client: case.client.name.value.clone(),
                client_en: case.client.name_en.as_ref().map(|t| t.value.clone()),
                certification: scheme.name.value.clone(),
                standard: format!("{standard}《{}》", scheme.standard.title.value),
                scope: current.scope.value.clone(),
                scope_en: current.scope_en.as_ref().map(|t| t.value.clone()),
                sites,
                first_issued: first.issued.value,
                issued: current.issued.value,
                expires: current.expires.value,
                standing,
                status_text: standing.words(),
            })
        })
        .collect()
}

/// A stable, alphanumeric identity of a certificate: the same for the same body and
/// number in every export, whatever else changes.
pub fn identity(body: &str, number: &str) -> String {
    let digest = crate::output::sha256(format!("{body}\n{number}").as_bytes());
    format!(
        "{}{}",
        body.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase(),
        digest[..20].to_ascii_uppercase()
    )
}

#[cfg(test)]
mod tests {
    use super::identity;

    #[test]
    fn the_identity_is_stable_alphanumeric_and_short_enough_for_certsearch() {
        let id = identity("tb", "TB-CMS-2023-0011");
        assert_eq!(id, identity("tb", "TB-CMS-2023-0011"));
        assert_ne!(id, identity("tb", "TB-CMS-2023-0012"));
        assert_ne!(id, identity("hzl", "TB-CMS-2023-0011"));
        assert!(id.len() <= 60 && id.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
