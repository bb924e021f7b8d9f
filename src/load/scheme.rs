//! A certification scheme: the rule document's parameters, citations and clause catalogue.

use std::any::Any;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, de};
use serde_json::Value;

use super::case::Text;
use crate::diag::Severity;
use crate::source::{At, Pos};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub id: Text,
    /// Short code used in certificate numbers (`{scheme}`).
    pub code: Text,
    pub name: Text,
    pub rule_document: At<Document>,
    pub standard: At<Standard>,
    pub audit_time: At<AuditTime>,
    /// Rules that apply to this scheme, with their severity, citations and parameters.
    pub rules: BTreeMap<String, At<RuleConfig>>,
    pub clauses: Vec<At<Clause>>,
    /// The audit items a report must cover, per audit kind (`stage1`, `stage2`,
    /// `surveillance`, `recertification`, `special`), each with the clause it comes from.
    #[serde(default)]
    pub report_items: BTreeMap<String, Vec<Text>>,
}

impl Scheme {
    pub fn rule(&self, id: &str) -> Option<&RuleConfig> {
        self.rules.get(id).map(|r| &r.value)
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().map(|c| &c.value).find(|c| *c.id == id)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub number: Text,
    pub title: Text,
    pub version: Text,
    pub issuer: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// The full standard number, printed on plans, reports and certificates.
    pub number: Text,
    pub title: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub up_to: At<u32>,
    pub mandays: At<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extrapolation {
    /// Each further band's upper bound is the previous one times this ratio.
    pub ratio: At<f64>,
    pub citations: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAdjustment {
    pub low: At<f64>,
    pub medium: At<f64>,
    pub high: At<f64>,
    pub citations: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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
