//! The one place YAML is parsed: the text becomes a positioned tree once, the tree is
//! validated against the model's JSON Schema (every problem, each at its node, in words),
//! and only a clean tree is read into the model.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use super::tree::{self, Problem};
use super::validate::Schema;
use super::{Body, Calendar, Case, Scheme};
use crate::source::Pos;

#[derive(Debug, Clone)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
}

impl From<Problem> for YamlError {
    fn from(p: Problem) -> Self {
        YamlError {
            pos: p.pos,
            message: p.message,
        }
    }
}

/// A type read from a YAML file, with the schema its files are validated against.
pub trait Model: DeserializeOwned + JsonSchema {
    /// How messages name a file of this type.
    const FILE: &'static str;
    fn schema() -> &'static Result<Schema, String>;
}

/// The draft-07 schema of `T`, as `certdoc schema` prints it for `Case`.
pub fn json_schema<T: JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    unfold_descriptions(&mut schema);
    schema
}

/// Doc comments wrap at the source's line width; an editor's hover reflows its own, so a
/// description keeps only its paragraph breaks.
fn unfold_descriptions(node: &mut serde_json::Value) {
    match node {
        serde_json::Value::Object(o) => {
            for (key, value) in o.iter_mut() {
                match value {
                    serde_json::Value::String(text) if key == "description" => {
                        let paragraphs: Vec<String> = text
                            .split("\n\n")
                            .map(|p| p.split('\n').collect::<Vec<_>>().join(" "))
                            .collect();
                        *text = paragraphs.join("\n\n");
                    }
                    _ => unfold_descriptions(value),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(unfold_descriptions),
        _ => {}
    }
}

macro_rules! model {
    ($t:ty, $file:literal) => {
        impl Model for $t {
            const FILE: &'static str = $file;
            fn schema() -> &'static Result<Schema, String> {
                static SCHEMA: OnceLock<Result<Schema, String>> = OnceLock::new();
                SCHEMA.get_or_init(|| Schema::compile(&json_schema::<$t>(), $file))
            }
        }
    };
}

model!(Case, "the case file");
model!(Scheme, "the scheme file");
model!(Body, "the body file");
model!(Calendar, "the calendar file");

/// The first problem of the file, if any (for callers that show one).
pub fn parse<T: Model>(text: &str) -> Result<T, YamlError> {
    parse_all(text).map_err(|mut errors| {
        if errors.is_empty() {
            errors.push(YamlError {
                pos: Pos::new(1, 1),
                message: "the file cannot be read".into(),
            });
        }
        errors.swap_remove(0)
    })
}

/// The model of the file, or every problem of it in the order of the text.
pub fn parse_all<T: Model>(text: &str) -> Result<T, Vec<YamlError>> {
    if text.trim().is_empty() {
        return Err(vec![YamlError {
            pos: Pos::new(1, 1),
            message: "the file is empty".into(),
        }]);
    }
    let parsed = tree::parse(text).map_err(|p| vec![YamlError::from(p)])?;
    let schema = T::schema().as_ref().map_err(|e| {
        vec![YamlError {
            pos: Pos::new(1, 1),
            message: format!(
                "internal error: certdoc's schema of {} is broken ({e}); please report this",
                T::FILE
            ),
        }]
    })?;
    let mut problems = parsed.problems;
    problems.extend(schema.validate(&parsed.root));
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.pos.line, p.pos.col));
        return Err(problems.into_iter().map(YamlError::from).collect());
    }
    super::de::from_node::<T>(&parsed.root).map_err(|e| {
        vec![YamlError {
            pos: e.pos.unwrap_or(parsed.root.pos),
            message: plain_words(&e.message),
        }]
    })
}

/// Words of serde and Rust that must never reach a user: a message holding one is replaced.
pub const INTERNAL_WORDS: &[&str] = &[
    "invalid u",
    "invalid i",
    "invalid type",
    "invalid value",
    "invalid length",
    "deserialize",
    "missing field",
    "unknown field",
    "unknown variant",
    "expected one of",
    "Option<",
    "Vec<",
    "u32",
    "u64",
    "i64",
    "f64",
    "struct",
    "enum",
    "from_str",
    "mapping start",
    "sequence start",
];

/// A failure of reading a validated tree: the validation let through something the model
/// refuses. Its own message is kept when it is written for users (a rule's `severity`),
/// never when it is serde's.
fn plain_words(message: &str) -> String {
    if INTERNAL_WORDS.iter().any(|w| message.contains(w)) || message.is_empty() {
        "this value does not have the form this field needs; `certdoc schema` describes every \
         field of a case"
            .into()
    } else {
        message.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_compiles() {
        for (name, compiled) in [
            ("case", Case::schema()),
            ("scheme", Scheme::schema()),
            ("body", Body::schema()),
            ("calendar", Calendar::schema()),
        ] {
            assert!(compiled.is_ok(), "{name}: {compiled:?}");
        }
    }

    #[test]
    fn three_problems_give_three_errors_at_their_nodes() {
        let text = "case: TB-1\nscheme: x\nbody: y\nclient:\n  name: \"  \"\n  personnel: {full_time: abc}\n  sities: []\n";
        let Err(errors) = parse_all::<Case>(text) else {
            panic!("accepted")
        };
        let at: Vec<(u32, u32)> = errors.iter().map(|e| (e.pos.line, e.pos.col)).collect();
        assert!(at.contains(&(5, 9)), "{errors:?}");
        assert!(at.contains(&(6, 26)), "{errors:?}");
        assert!(at.contains(&(7, 3)), "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("did you mean `sites`"))
        );
    }
}
