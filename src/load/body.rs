//! A certification body: identity, controlled forms, numbering, personnel register.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

use super::case::Text;
use super::date::Date;
use super::form::Form as FormKind;
use super::formats;
use super::tree::Problem;
use crate::source::At;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
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
    /// The address that verifies one certificate, `{number}` standing for its number:
    /// printed on each certificate as a QR code and as text.
    #[serde(default)]
    pub verify_url: Option<Text>,
    /// Whether the body's certificates are issued under accreditation (CNAS), for the
    /// register export's "Accreditation Status".
    #[serde(default)]
    pub accredited: Option<At<bool>>,
    /// The body's certification mark: an SVG file under `templates/` (e.g. `marks/tb.svg`),
    /// printed on certificates of the schemes that require a mark.
    #[serde(default)]
    pub certification_mark: Option<Text>,
    /// Controlled forms by purpose (`audit-plan`, `nc-report`, …).
    #[schemars(schema_with = "forms_schema")]
    pub forms: BTreeMap<String, At<Form>>,
    /// Pattern of certificate numbers: `{scheme}`, `{year}`, `{serial:04}`.
    pub certificate_number: Text,
    pub revision_style: At<RevisionStyle>,
    pub staff: Vec<At<Staff>>,
    /// The clause keys of the body's standard contract form.
    #[serde(default)]
    pub contract_clauses: Vec<Text>,
    /// The body records in its case files what the rules of `rules-next.md` read (meetings'
    /// sign-in and evidence, interviews, document reviews, notices, publications …), so
    /// those rules judge its cases; without it only the rules of `rules.md` do.
    #[serde(default)]
    pub evidence_records: bool,
}

impl Body {
    pub fn staff(&self, id: &str) -> Option<&Staff> {
        self.staff.iter().map(|s| &s.value).find(|s| *s.id == id)
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Form {
    pub code: Text,
    pub title: Text,
    #[schemars(schema_with = "formats::revision")]
    pub version: Text,
    /// Pattern of the document number of each record on this form.
    #[serde(default)]
    pub number: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionStyle {
    /// A/0, A/1 … B/0.
    LetterSlashNumber,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Staff {
    #[schemars(schema_with = "formats::id")]
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
    /// Interest relationships with clients.
    #[serde(default)]
    pub interests: Vec<At<Interest>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Interest {
    pub credit_code: Text,
    #[serde(default)]
    pub nature: Option<Text>,
    #[serde(default)]
    pub from: Option<At<Date>>,
    #[serde(default)]
    pub until: Option<At<Date>>,
}

impl Staff {
    pub fn has_role(&self, role: StaffRole) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Employment {
    FullTime,
    PartTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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
    /// Signs certificates for the body.
    AuthorisedSignatory,
    ManagementRepresentative,
    DepartmentHead,
}

impl StaffRole {
    /// The key as the body file spells it.
    pub fn key(self) -> &'static str {
        match self {
            StaffRole::LeadAuditor => "lead-auditor",
            StaffRole::Auditor => "auditor",
            StaffRole::TechnicalExpert => "technical-expert",
            StaffRole::Trainee => "trainee",
            StaffRole::DecisionMaker => "decision-maker",
            StaffRole::ApplicationReviewer => "application-reviewer",
            StaffRole::ProgrammeManager => "programme-manager",
            StaffRole::GeneralManager => "general-manager",
            StaffRole::AuthorisedSignatory => "authorised-signatory",
            StaffRole::ManagementRepresentative => "management-representative",
            StaffRole::DepartmentHead => "department-head",
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Service {
    pub credit_code: Text,
    pub ended: At<Date>,
    #[serde(default)]
    pub description: Option<Text>,
}

/// The forms certdoc renders, and no others: a misspelt key would silently drop a record.
fn forms_schema(generator: &mut SchemaGenerator) -> Schema {
    let form = generator.subschema_for::<Form>();
    let props: serde_json::Map<String, serde_json::Value> = FormKind::ALL
        .iter()
        .map(|f| ((*f).to_string(), form.clone().to_value()))
        .collect();
    json_schema!({
        "type": "object",
        "properties": props,
        "additionalProperties": false
    })
}

/// The placeholders a form's `number` pattern may use.
fn placeholders(form: &str) -> &'static [&'static str] {
    FormKind::from_key(form).map_or(&[], FormKind::placeholders)
}

/// The `{…}` placeholders of a pattern and its literal text, or `None` when a brace is
/// left open or closed without opening.
fn split_pattern(pattern: &str) -> Option<(Vec<&str>, String)> {
    let mut names = Vec::new();
    let mut literal = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(['{', '}']) {
        literal.push_str(&rest[..i]);
        if rest[i..].starts_with('}') {
            return None;
        }
        let after = &rest[i + 1..];
        let end = after.find('}')?;
        let name = &after[..end];
        if name.contains('{') {
            return None;
        }
        names.push(name);
        rest = &after[end + 1..];
    }
    literal.push_str(rest);
    Some((names, literal))
}

fn literal_problem(literal: &str, pos: crate::source::Pos, out: &mut Vec<Problem>) {
    if let Some(c) = literal
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        out.push(Problem::new(
            pos,
            format!(
                "`{c}` cannot be part of a document number: the number names the record's PDF \
                 file, so use ASCII letters, digits, `-`, `_` and `.` only"
            ),
        ));
    }
}

/// What the schema cannot say about a body: staff ids are unique, and numbering patterns
/// use only the placeholders the numbering code fills.
pub fn problems(b: &Body, templates: &std::path::Path) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in &b.staff {
        if !seen.insert(s.id.value.as_str()) {
            out.push(Problem::new(
                s.id.pos,
                format!(
                    "the staff id `{}` is used twice in the body file; each person needs their \
                     own id",
                    s.id.value
                ),
            ));
        }
    }
    for (key, form) in &b.forms {
        let Some(number) = &form.number else { continue };
        let allowed = placeholders(key);
        let Some((names, literal)) = split_pattern(number) else {
            out.push(Problem::new(
                number.pos,
                "a `{` or `}` of this number pattern has no partner; placeholders are written \
                 `{case}`",
            ));
            continue;
        };
        for name in names {
            if !allowed.contains(&name) {
                let list: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
                out.push(Problem::new(
                    number.pos,
                    format!(
                        "`{{{name}}}` is not a placeholder of `{key}` numbers; its numbers may \
                         use {}",
                        if list.is_empty() {
                            "none".to_string()
                        } else {
                            list.join(", ")
                        }
                    ),
                ));
            }
        }
        literal_problem(&literal, number.pos, &mut out);
    }
    if let Some(mark) = &b.certification_mark {
        let plain = mark.split('/').all(|part| {
            !part.is_empty()
                && part != ".."
                && part != "."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        });
        if !plain || !mark.ends_with(".svg") || mark.starts_with("fonts/") {
            out.push(Problem::new(
                mark.pos,
                "the certification mark is an SVG file under `templates/`, named by its path \
                 there (letters, digits, `-`, `_` and `/`, ending in `.svg`), e.g. \
                 `marks/tb.svg`",
            ));
        } else if templates.is_dir() && !templates.join(mark.as_str()).is_file() {
            out.push(Problem::new(
                mark.pos,
                format!(
                    "there is no file templates/{} for the certification mark",
                    mark.value
                ),
            ));
        }
    }
    let cert = &b.certificate_number;
    match split_pattern(cert) {
        None => out.push(Problem::new(
            cert.pos,
            "a `{` or `}` of the certificate number pattern has no partner; placeholders are \
             written `{serial:04}`",
        )),
        Some((names, literal)) => {
            for name in &names {
                let known = match name.split_once(':') {
                    Some(("serial", width)) => {
                        (1..=2).contains(&width.len()) && width.bytes().all(|c| c.is_ascii_digit())
                    }
                    Some(_) => false,
                    None => matches!(*name, "scheme" | "year" | "serial"),
                };
                if !known {
                    out.push(Problem::new(
                        cert.pos,
                        format!(
                            "`{{{name}}}` is not a placeholder of certificate numbers; they may \
                             use {{scheme}}, {{year}} and {{serial}} or {{serial:04}}"
                        ),
                    ));
                }
            }
            if !names.iter().any(|n| n.starts_with("serial")) {
                out.push(Problem::new(
                    cert.pos,
                    "the certificate number pattern has no `{serial}`, so every certificate of \
                     a year would get the same number; add e.g. `{serial:04}`",
                ));
            }
            literal_problem(&literal, cert.pos, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_split_into_placeholders() {
        assert_eq!(
            split_pattern("{case}-PL-{audit}"),
            Some((vec!["case", "audit"], "-PL-".to_string()))
        );
        assert_eq!(split_pattern("{case"), None);
        assert_eq!(split_pattern("case}"), None);
        assert_eq!(split_pattern("{{case}}"), None);
    }
}
