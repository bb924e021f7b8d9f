//! Typed rule parameters.
//!
//! A rule that takes parameters declares one `Params` struct (`Deserialize`, `JsonSchema`,
//! `deny_unknown_fields`) and a check `fn(&Ctx, &Params, &mut Vec<Finding>)`, registered as
//! `Check::Configured(&WithParams::<Params>(check))`. A scheme's settings for the rule are
//! parsed into that struct once per scheme and kept with the scheme (`RuleConfig::typed`),
//! so a renamed parameter is a compile error, a bad one in a scheme file is an error at its
//! line, and no check looks a parameter up by name. `certdoc explain` describes parameters
//! from the struct's doc comments, through its JSON Schema.

use std::cell::Cell;
use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::de::value::MapDeserializer;
use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Check, Ctx, Finding, Rule};
use crate::load::scheme::{ParamError, RuleConfig, TypedParams};
use crate::source::{At, Pos};

/// What a rule's `Params` must be; every such struct is one.
pub trait RuleParams: DeserializeOwned + JsonSchema + Send + Sync + 'static {}
impl<T: DeserializeOwned + JsonSchema + Send + Sync + 'static> RuleParams for T {}

/// A check over one case that takes the scheme's parameters for its rule.
pub struct WithParams<P: 'static>(pub fn(&Ctx, &P, &mut Vec<Finding>));

/// A rule's parameters with their type erased, so that the registry can list rules whose
/// `Params` differ.
pub trait Configured: Sync {
    fn parse(&self, rule: &str, cfg: &At<RuleConfig>) -> Result<TypedParams, ParamError>;
    fn schema(&self) -> schemars::Schema;
    fn run(&self, rule: &Rule, ctx: &Ctx, out: &mut Vec<Finding>);
}

impl<P: RuleParams> Configured for WithParams<P> {
    fn parse(&self, rule: &str, cfg: &At<RuleConfig>) -> Result<TypedParams, ParamError> {
        parse::<P>(rule, cfg).map(|p| Arc::new(p) as TypedParams)
    }

    fn schema(&self) -> schemars::Schema {
        schemars::schema_for!(P)
    }

    fn run(&self, rule: &Rule, ctx: &Ctx, out: &mut Vec<Finding>) {
        if let Some(p) = ctx.params::<P>(rule) {
            (self.0)(ctx, p, out);
        }
    }
}

/// The parsed parameters of `rule` under the scheme whose settings are `cfg`: parsed on the
/// first call, then kept.
pub fn typed<'c>(rule: &Rule, cfg: &'c At<RuleConfig>) -> Result<&'c TypedParams, &'c ParamError> {
    cfg.value
        .typed
        .get_or_init(|| match &rule.check {
            Check::Configured(c) => c.parse(rule.id, cfg),
            _ => none(rule.id, cfg),
        })
        .as_ref()
}

/// A rule without parameters takes only `severity` and `citations`.
fn none(rule: &str, cfg: &At<RuleConfig>) -> Result<TypedParams, ParamError> {
    match cfg.value.params.iter().next() {
        Some((name, value)) => Err(ParamError {
            pos: value.pos,
            message: format!(
                "rule `{rule}` takes no parameters (only `severity` and `citations`), so `{name}` means nothing here"
            ),
        }),
        None => Ok(Arc::new(())),
    }
}

/// One parameter as `certdoc explain` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamDoc {
    pub name: String,
    pub meaning: String,
    /// What values it takes, e.g. "a whole number of months from 0 to 120".
    pub kind: String,
    pub required: bool,
}

/// The parameters a rule takes, from its `Params` struct.
pub fn docs(rule: &Rule) -> Vec<ParamDoc> {
    let Check::Configured(c) = &rule.check else {
        return Vec::new();
    };
    let schema = c.schema();
    let required = required(&schema);
    properties(&schema)
        .into_iter()
        .map(|(name, prop)| ParamDoc {
            required: required.contains(&name),
            meaning: description(&schema, prop).unwrap_or_default(),
            kind: kind(&schema, prop),
            name,
        })
        .collect()
}

fn properties(schema: &schemars::Schema) -> Vec<(String, &Value)> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
        .unwrap_or_default()
}

fn required(schema: &schemars::Schema) -> Vec<String> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A property's meaning: the field's doc comment, else its type's.
fn description(root: &schemars::Schema, prop: &Value) -> Option<String> {
    prop.get("description")
        .or_else(|| resolve(root, prop).get("description"))
        .and_then(Value::as_str)
        .map(|d| d.replace('\n', " "))
}

/// A property's own schema: through `$ref` and past `null` (an optional value).
fn resolve<'s>(root: &'s schemars::Schema, prop: &'s Value) -> &'s Value {
    if let Some(r) = prop.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or_default();
        if let Some(def) = root.get("$defs").and_then(|d| d.get(name)) {
            return def;
        }
    }
    if let Some(any) = prop.get("anyOf").and_then(Value::as_array)
        && let Some(first) = any
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) != Some("null"))
    {
        return resolve(root, first);
    }
    prop
}

/// What values a property takes, in words.
fn kind(root: &schemars::Schema, prop: &Value) -> String {
    let prop = resolve(root, prop);
    if let Some(words) = prop.get("enum").and_then(Value::as_array) {
        let words: Vec<String> = words
            .iter()
            .filter_map(Value::as_str)
            .map(|w| format!("`{w}`"))
            .collect();
        return format!("one of {}", words.join(", "));
    }
    let ty = match prop.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or_default(),
        _ => "",
    };
    if let Some(unit) = prop.get("x-unit").and_then(Value::as_str) {
        return unit.to_string();
    }
    match ty {
        "boolean" => "true or false".into(),
        "integer" => "a whole number".into(),
        "number" => "a number".into(),
        "string" => "text".into(),
        _ => "a value".into(),
    }
}

/// Parse a scheme's settings for a rule, refusing in plain words what the rule cannot use:
/// a key it does not take, a missing one, a value of the wrong kind or out of range. The
/// error points at the value at fault, or at the rule's line when a key is missing.
fn parse<P: RuleParams>(rule: &str, cfg: &At<RuleConfig>) -> Result<P, ParamError> {
    let schema = schemars::schema_for!(P);
    let props = properties(&schema);
    let known: Vec<&str> = props.iter().map(|(k, _)| k.as_str()).collect();
    for (name, value) in &cfg.value.params {
        if !known.contains(&name.as_str()) {
            let takes = if known.is_empty() {
                "none besides `severity` and `citations`".to_string()
            } else {
                known.join(", ")
            };
            return Err(ParamError {
                pos: value.pos,
                message: format!("rule `{rule}` has no parameter `{name}` (it takes: {takes})"),
            });
        }
    }
    for name in required(&schema) {
        if !cfg.value.params.contains_key(&name) {
            let what = props
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, p)| description(&schema, p))
                .map(|d| format!(": {d}"))
                .unwrap_or_default();
            return Err(ParamError {
                pos: cfg.pos,
                message: format!("rule `{rule}` needs the parameter `{name}`{what}"),
            });
        }
    }
    // Which key is being read, so that a value's error points at its line.
    let current: Cell<Option<(&str, Pos, &Value)>> = Cell::new(None);
    let mut entries = cfg.value.params.iter();
    let pairs = std::iter::from_fn(|| {
        let next = entries.next();
        current.set(next.map(|(k, v)| (k.as_str(), v.pos, &v.value)));
        next.map(|(k, v)| (k.as_str(), v.value.clone()))
    });
    let result = P::deserialize(MapDeserializer::<_, serde_json::Error>::new(pairs));
    result.map_err(|e| {
        let said = e.to_string();
        match current.get() {
            Some((name, pos, value)) => {
                let prop = props.iter().find(|(k, _)| k == name).map(|(_, p)| *p);
                let message = if let Some(own) = said.strip_prefix(OWN) {
                    format!("`{name}` of rule `{rule}` {own}")
                } else {
                    let expected =
                        prop.map_or_else(|| "a valid value".into(), |p| kind(&schema, p));
                    format!("`{name}` of rule `{rule}` must be {expected}, not {value}")
                };
                ParamError { pos, message }
            }
            None => ParamError {
                pos: cfg.pos,
                message: format!("rule `{rule}`: {said}"),
            },
        }
    })
}

/// Marks the messages of this module's value types, which are already plain sentences.
const OWN: &str = "\u{1}";

fn own<E: de::Error>(message: String) -> E {
    E::custom(format!("{OWN}{message}"))
}

/// Whole numbers with a unit and a sane range: a scheme saying `months: 600` or
/// `days: -5` is a typo, not a rule.
macro_rules! whole {
    ($(#[$doc:meta])* $name:ident, $unit:literal, $min:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
        pub struct $name(u32);

        impl $name {
            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = Value::deserialize(d)?;
                match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                    Some(n) if ($min..=$max).contains(&n) => Ok($name(n)),
                    _ => Err(own(format!(
                        "must be a whole number of {} from {} to {}, not {v}",
                        $unit, $min, $max
                    ))),
                }
            }
        }

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "integer",
                    "minimum": $min,
                    "maximum": $max,
                    "x-unit": format!("a whole number of {} from {} to {}", $unit, $min, $max),
                })
            }
        }
    };
}

whole!(
    /// Calendar months.
    Months,
    "months",
    0,
    120
);
whole!(
    /// Calendar days.
    Days,
    "days",
    0,
    3660
);
whole!(
    /// Working days, per `rules/calendar.yaml`.
    WorkingDays,
    "working days",
    0,
    260
);
whole!(
    /// Years.
    Years,
    "years",
    1,
    10
);
whole!(
    /// A day of a month.
    DayOfMonth,
    "the day of the month",
    1,
    31
);

/// A share of a whole, above 0 and at most 1: `0.8` for 80 %.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
pub struct Fraction(f64);

impl Fraction {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        match v.as_f64() {
            Some(x) if x > 0.0 && x <= 1.0 => Ok(Fraction(x)),
            _ => Err(own(format!(
                "must be a fraction above 0 and at most 1, e.g. 0.8 for 80 %, not {v}"
            ))),
        }
    }
}

impl JsonSchema for Fraction {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Fraction".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "x-unit": "a fraction above 0 and at most 1 (0.8 for 80 %)",
        })
    }
}

/// A multiplier of at least 1 and at most 3: `1.1` for 10 % more.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
pub struct Factor(f64);

impl Factor {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Factor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        match v.as_f64() {
            Some(x) if (1.0..=3.0).contains(&x) => Ok(Factor(x)),
            _ => Err(own(format!(
                "must be a multiplier from 1 to 3, e.g. 1.1 for 10 % more, not {v}"
            ))),
        }
    }
}

impl JsonSchema for Factor {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Factor".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 1,
            "maximum": 3,
            "x-unit": "a multiplier from 1 to 3 (1.1 for 10 % more)",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Stage gap's parameters, as a rule declares them.
    #[derive(Debug, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct Example {
        /// The fewest days.
        min_days: Days,
        /// The share visited.
        share: Fraction,
        /// Whether it may be skipped.
        #[serde(default)]
        skip: bool,
    }

    fn cfg(params: &[(&str, Value, u32)]) -> At<RuleConfig> {
        let params: BTreeMap<String, At<Value>> = params
            .iter()
            .map(|(k, v, line)| (k.to_string(), At::new(v.clone(), Pos::new(*line, 20))))
            .collect();
        At::new(
            RuleConfig {
                params,
                ..RuleConfig::default()
            },
            Pos::new(7, 3),
        )
    }

    fn err(params: &[(&str, Value, u32)]) -> ParamError {
        match parse::<Example>("x", &cfg(params)) {
            Ok(p) => panic!("accepted: {p:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn good_settings_parse() {
        let p = parse::<Example>(
            "x",
            &cfg(&[("min_days", 5.into(), 8), ("share", 0.8.into(), 9)]),
        );
        let p = p.map_err(|e| e.message);
        assert_eq!(
            p.as_ref().map(|p| (p.min_days.get(), p.skip)),
            Ok((5, false))
        );
        assert_eq!(p.map(|p| p.share.get()), Ok(0.8));
    }

    #[test]
    fn a_percentage_for_a_fraction_is_refused_at_its_line() {
        let e = err(&[("min_days", 5.into(), 8), ("share", 80.into(), 9)]);
        assert_eq!(e.pos.line, 9);
        assert!(
            e.message.contains("`share` of rule `x` must be a fraction"),
            "{}",
            e.message
        );
        assert!(e.message.contains("0.8 for 80 %, not 80"), "{}", e.message);
    }

    #[test]
    fn unknown_missing_and_mistyped_keys_are_refused_in_words() {
        let e = err(&[("min_dayz", 5.into(), 8), ("share", 0.5.into(), 9)]);
        assert_eq!(e.pos.line, 8);
        assert_eq!(
            e.message,
            "rule `x` has no parameter `min_dayz` (it takes: min_days, share, skip)"
        );
        let e = err(&[("share", 0.5.into(), 9)]);
        assert_eq!(e.pos.line, 7);
        assert_eq!(
            e.message,
            "rule `x` needs the parameter `min_days`: The fewest days."
        );
        let e = err(&[
            ("min_days", 5.into(), 8),
            ("share", 0.5.into(), 9),
            ("skip", "yes".into(), 10),
        ]);
        assert_eq!(e.pos.line, 10);
        assert_eq!(
            e.message,
            "`skip` of rule `x` must be true or false, not \"yes\""
        );
        let e = err(&[("min_days", Value::from(-5), 8), ("share", 0.5.into(), 9)]);
        assert_eq!(e.pos.line, 8);
        assert_eq!(
            e.message,
            "`min_days` of rule `x` must be a whole number of days from 0 to 3660, not -5"
        );
    }

    #[test]
    fn docs_come_from_the_struct() {
        let schema = schemars::schema_for!(Example);
        let props = properties(&schema);
        let kinds: Vec<String> = props.iter().map(|(_, p)| kind(&schema, p)).collect();
        assert_eq!(
            kinds,
            [
                "a whole number of days from 0 to 3660",
                "a fraction above 0 and at most 1 (0.8 for 80 %)",
                "true or false"
            ]
        );
        assert_eq!(required(&schema), ["min_days", "share"]);
    }
}

/// A severity a scheme parameter sets for one case of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Graded {
    Error,
    Warning,
}
