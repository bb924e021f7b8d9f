//! A certification scheme: the rule document's parameters, citations and clause catalogue.

use std::any::Any;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, de};
use serde_json::Value;

use super::case::Text;
use super::formats;
use super::tree::Problem;
use crate::diag::Severity;
use crate::source::{At, Pos};

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Scheme {
    pub id: Text,
    /// Short code used in certificate numbers (`{scheme}`).
    pub code: Text,
    pub name: Text,
    /// The kind of management system in English, for certificates with an English text
    /// (`trade secret management system`).
    #[serde(default)]
    pub system_en: Option<Text>,
    pub rule_document: At<Document>,
    pub standard: At<Standard>,
    pub audit_time: At<AuditTime>,
    /// Rules that apply to this scheme, with their severity, citations and parameters.
    #[schemars(with = "BTreeMap<String, serde_json::Map<String, Value>>")]
    pub rules: BTreeMap<String, At<RuleConfig>>,
    pub clauses: Vec<At<Clause>>,
    /// The audit items a report must cover, per audit kind (`stage1`, `stage2`,
    /// `surveillance`, `recertification`, `special`), each with the clause it comes from.
    #[serde(default)]
    pub report_items: BTreeMap<String, Vec<Text>>,
    /// The sentences the rule document requires on every certificate of the scheme
    /// (validity under surveillance, where the certificate can be verified …), printed in
    /// this order.
    #[serde(default)]
    pub certificate_statements: Vec<Text>,
    /// The rule document requires the body's certification mark on every certificate.
    #[serde(default)]
    pub certification_mark: Option<At<bool>>,
    /// The clause a notice to the client rests on, by notice form (`suspension`,
    /// `restoration`, `withdrawal`).
    #[serde(default)]
    pub notice_basis: BTreeMap<String, Text>,
    /// The scheme as each older rule-document version had it, by index of
    /// `rule_document.versions` (`None`: the newest's rules); built when the rules load.
    #[serde(skip)]
    #[schemars(skip)]
    pub variants: Vec<Option<Arc<Scheme>>>,
}

impl Scheme {
    /// The audit items a report of this kind of audit covers, in order.
    pub fn report_items(&self, kind: super::case::AuditKind) -> &[Text] {
        use super::case::AuditKind;
        let key = match kind {
            AuditKind::Stage1 => "stage1",
            AuditKind::Stage2 => "stage2",
            AuditKind::Surveillance => "surveillance",
            AuditKind::Recertification => "recertification",
            AuditKind::Special => "special",
        };
        self.report_items
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn rule(&self, id: &str) -> Option<&RuleConfig> {
        self.rules.get(id).map(|r| &r.value)
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().map(|c| &c.value).find(|c| *c.id == id)
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Document {
    pub number: Text,
    pub title: Text,
    /// The current version (the newest of `versions`).
    #[schemars(schema_with = "formats::revision")]
    pub version: Text,
    pub issuer: Text,
    /// 首次发布日期, kept for the record.
    #[serde(default)]
    pub first_issued: Option<At<super::Date>>,
    /// The scheme is certified under another certification's rule document, which records
    /// say (`（借用）`).
    #[serde(default)]
    pub borrowed: Option<At<bool>>,
    /// The versions by effective date, oldest first; each is in force from its `effective`
    /// to the day before the next one's. Without it the document has one version in force
    /// on every date.
    #[serde(default)]
    pub versions: Vec<At<DocVersion>>,
}

/// One version of a rule document.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct DocVersion {
    /// Its label (`B/2`); absent (`~`) when the seeds do not give it.
    #[serde(default)]
    pub version: Option<Text>,
    /// The day it took effect; absent only on the first entry, then in force for every
    /// earlier date.
    #[serde(default)]
    pub effective: Option<At<super::Date>>,
    /// The maintainer asserts this version's rules are those of the version labelled so.
    #[serde(default)]
    pub same_as: Option<Text>,
    /// The rule settings (severity, parameters, citations) that differed in this version
    /// from the newest, by rule id.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Map<String, Value>>")]
    pub overrides: BTreeMap<String, At<RuleConfig>>,
    #[serde(default)]
    pub issued: Option<At<super::Date>>,
    #[serde(default)]
    pub amendment: Option<At<u32>>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Standard {
    /// The full standard number, printed on plans, reports and certificates.
    pub number: Text,
    pub title: Text,
    /// The standard's versions by effective date, oldest first (as `rule_document.versions`).
    #[serde(default)]
    pub versions: Vec<At<StandardVersion>>,
}

/// One version of a standard.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct StandardVersion {
    /// The full standard number of this version, printed.
    pub number: Text,
    #[serde(default)]
    pub version: Option<Text>,
    #[serde(default)]
    pub effective: Option<At<super::Date>>,
    /// The last day the previous version may still be audited against (TB-GZ-036 5.1.4).
    #[serde(default)]
    pub transition_until: Option<At<super::Date>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct AuditTime {
    pub citations: Vec<Text>,
    /// Bands of effective personnel (upper bound, inclusive) and the initial audit time.
    pub table: Vec<At<Band>>,
    /// How the table continues past its last row.
    pub extrapolation: At<Extrapolation>,
    /// Risk adjustment as a fraction of the table value (TB only).
    #[serde(default)]
    pub risk: Option<At<RiskAdjustment>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Band {
    pub up_to: At<u32>,
    pub mandays: At<f64>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Extrapolation {
    /// Each further band's upper bound is the previous one times this ratio.
    pub ratio: At<f64>,
    pub citations: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct RiskAdjustment {
    pub low: At<f64>,
    pub medium: At<f64>,
    pub high: At<f64>,
    pub citations: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = formats::non_blank)]
pub struct Clause {
    pub id: Text,
    #[serde(default)]
    pub title: Option<Text>,
    /// Whether a nonconformity may cite it (chapters 4 to 10).
    #[serde(default = "yes")]
    pub citable: bool,
}

fn yes() -> bool {
    true
}

/// What the schema cannot say about a scheme: the audit-time table must be a table one can
/// read a value from, and its extension and adjustments must make sense.
pub fn problems(s: &Scheme) -> Vec<Problem> {
    let mut out = Vec::new();
    version_problems(s, &mut out);
    let at = &s.audit_time;
    if at.table.is_empty() {
        out.push(Problem::new(
            at.pos,
            "the audit-time table of the scheme file is empty; write its bands, e.g. \
             `- { up_to: 15, mandays: 2.5 }`",
        ));
    }
    let mut prev: Option<&At<Band>> = None;
    for band in &at.table {
        if band.up_to.value == 0 {
            out.push(Problem::new(
                band.up_to.pos,
                "a band of the audit-time table must reach at least 1 person",
            ));
        }
        if !(band.mandays.value.is_finite() && band.mandays.value > 0.0) {
            out.push(Problem::new(
                band.mandays.pos,
                format!(
                    "`{}` man-days cannot be a band's audit time; write a number above 0, e.g. 2.5",
                    band.mandays.value
                ),
            ));
        }
        if let Some(p) = prev {
            if band.up_to.value <= p.up_to.value {
                out.push(Problem::new(
                    band.up_to.pos,
                    format!(
                        "this band (up to {} people) comes after the band up to {} people; \
                         write the bands in increasing order of people",
                        band.up_to.value, p.up_to.value
                    ),
                ));
            } else if band.mandays.value <= p.mandays.value {
                out.push(Problem::new(
                    band.mandays.pos,
                    format!(
                        "{} man-days for up to {} people is not more than the {} man-days of \
                         the band before; audit time must grow with the band",
                        band.mandays.value, band.up_to.value, p.mandays.value
                    ),
                ));
            }
        }
        prev = Some(band);
    }
    let ratio = &at.extrapolation.ratio;
    if !(ratio.value.is_finite() && ratio.value > 1.0 && ratio.value <= 10.0) {
        out.push(Problem::new(
            ratio.pos,
            format!(
                "the extrapolation ratio `{}` must be greater than 1 (each further band is \
                 larger than the one before) and at most 10, e.g. 1.25",
                ratio.value
            ),
        ));
    }
    if let Some(risk) = &at.risk {
        for (name, share) in [
            ("low", &risk.low),
            ("medium", &risk.medium),
            ("high", &risk.high),
        ] {
            if !(share.value.is_finite() && share.value > -1.0 && share.value <= 1.0) {
                out.push(Problem::new(
                    share.pos,
                    format!(
                        "the {name}-risk adjustment `{}` is a fraction of the table value and \
                         must be above -1 and at most 1, e.g. -0.1 for 10 % less",
                        share.value
                    ),
                ));
            }
        }
        if risk.low.value > risk.medium.value || risk.medium.value > risk.high.value {
            out.push(Problem::new(
                risk.pos,
                "the risk adjustments must not decrease from low to medium to high",
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for c in &s.clauses {
        if !seen.insert(c.id.value.as_str()) {
            out.push(Problem::new(
                c.id.pos,
                format!(
                    "the clause `{}` is listed twice in the scheme file",
                    c.id.value
                ),
            ));
        }
    }
    out
}

/// A rule's settings in a scheme file: `severity` and `citations`, and every other key
/// a parameter of the rule, kept with its position so a bad value can be pointed at.
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    pub severity: Option<Severity>,
    pub citations: Vec<String>,
    pub params: BTreeMap<String, At<Value>>,
    /// The parameters parsed into the rule's own `Params` type, once per scheme: filled by
    /// `check::params::typed` (when the rules are validated, or on first use), since only
    /// the rule knows its type.
    pub typed: OnceLock<Result<TypedParams, ParamError>>,
}

/// A rule's `Params`, type-erased; each rule downcasts its own.
pub type TypedParams = Arc<dyn Any + Send + Sync>;

/// A parameter a rule cannot use, with the position of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    pub pos: Pos,
    pub message: String,
}

impl RuleConfig {
    /// A parameter's value as written, for showing it (`certdoc explain`); checks and
    /// records use the typed parameters instead (`check::scheme_params`).
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.get(name).map(|p| &p.value)
    }
}

impl<'de> Deserialize<'de> for RuleConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut map = BTreeMap::<String, At<Value>>::deserialize(deserializer)?;
        let severity = match map.remove("severity").map(|v| v.value) {
            None => None,
            Some(Value::String(s)) => Some(match s.as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                _ => return Err(de::Error::custom("severity must be `error` or `warning`")),
            }),
            Some(_) => return Err(de::Error::custom("severity must be `error` or `warning`")),
        };
        let citations = match map.remove("citations").map(|v| v.value) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(de::Error::custom("citations must be a list of strings")),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(de::Error::custom("citations must be a list of strings")),
        };
        Ok(RuleConfig {
            severity,
            citations,
            params: map,
            typed: OnceLock::new(),
        })
    }
}

/// The versions lists must say one thing: oldest first, an open start on the first entry
/// only, the newest labelled as `rule_document.version`, `same_as` naming a known label.
fn version_problems(s: &Scheme, out: &mut Vec<Problem>) {
    let doc = &s.rule_document;
    let dates = doc
        .versions
        .iter()
        .map(|v| (v.pos, v.effective.as_ref().map(|e| (e.pos, e.value))));
    let standard = s
        .standard
        .versions
        .iter()
        .map(|v| (v.pos, v.effective.as_ref().map(|e| (e.pos, e.value))));
    for (what, list) in [
        ("rule_document.versions", dates.collect::<Vec<_>>()),
        ("standard.versions", standard.collect::<Vec<_>>()),
    ] {
        let mut last = None;
        for (i, (pos, effective)) in list.into_iter().enumerate() {
            match (i, effective) {
                (0, _) => {}
                (_, None) => out.push(Problem::new(
                    pos,
                    format!("only the first entry of `{what}` may leave `effective` open (~)"),
                )),
                (_, Some((at, day))) => {
                    if last.is_some_and(|l| day <= l) {
                        out.push(Problem::new(
                            at,
                            format!("`{what}` lists the oldest first: this entry takes effect on or before the one above it"),
                        ));
                    }
                }
            }
            if let Some((_, day)) = effective {
                last = Some(day);
            }
        }
    }
    if let Some(newest) = doc.versions.last()
        && newest
            .version
            .as_ref()
            .is_none_or(|v| v.value != doc.version.value)
    {
        out.push(Problem::new(
            newest.pos,
            format!(
                "the newest entry of `rule_document.versions` is the current version: label it `{}` (`rule_document.version`)",
                doc.version.value
            ),
        ));
    }
    for v in &doc.versions {
        if let Some(same) = &v.same_as
            && !doc
                .versions
                .iter()
                .any(|o| o.version.as_ref().is_some_and(|l| l.value == same.value))
        {
            out.push(Problem::new(
                same.pos,
                format!("`same_as: {}` names no version of this list", same.value),
            ));
        }
    }
}
