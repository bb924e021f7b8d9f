//! Validation of a YAML tree against a JSON Schema generated from the model's types (the
//! same schema `certdoc schema` prints for editors), collecting every problem with its
//! node and a message in the words of the people who keep the files.
//!
//! The schema is compiled once into shapes; only the constructs schemars emits for our
//! types are accepted, and compiling anything else fails (a unit test compiles every schema).

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::date::Date;
use super::formats::{self, Format};
use super::tree::{Node, Problem, Scalar, Value};
use crate::source::Pos;

#[derive(Debug)]
enum Shape {
    Any,
    Text(Option<&'static Format>),
    Date,
    Int {
        min: i128,
        max: i128,
    },
    Number,
    Bool,
    Enum(Vec<String>),
    List(usize),
    Map {
        props: Vec<Prop>,
        /// The shape of values under keys that are not properties; `None` refuses them.
        other: Option<usize>,
        keys: Option<&'static Format>,
    },
    Nullable(usize),
    /// A definition, by its compiled shape.
    Ref(usize),
    /// A `$ref` not yet resolved while its definition compiles (recursive types).
    Pending,
}

#[derive(Debug)]
struct Prop {
    name: String,
    shape: usize,
    required: bool,
}

#[derive(Debug)]
pub struct Schema {
    shapes: Vec<Shape>,
    root: usize,
    /// How a message names the whole file: "the case file", "the scheme file".
    file: &'static str,
}

impl Schema {
    pub fn compile(schema: &Json, file: &'static str) -> Result<Schema, String> {
        let mut c = Compiler {
            shapes: Vec::new(),
            defs: HashMap::new(),
            all: schema
                .get("definitions")
                .and_then(Json::as_object)
                .cloned()
                .unwrap_or_default(),
        };
        let root = c.compile(schema)?;
        Ok(Schema {
            shapes: c.shapes,
            root,
            file,
        })
    }

    pub fn validate(&self, root: &Node) -> Vec<Problem> {
        let mut v = Validator {
            shapes: &self.shapes,
            out: Vec::new(),
            file: self.file,
        };
        v.node(self.root, root, &Place::Root);
        v.out
    }
}

struct Compiler {
    shapes: Vec<Shape>,
    defs: HashMap<String, usize>,
    all: Map<String, Json>,
}

const ANNOTATIONS: &[&str] = &[
    "$schema",
    "title",
    "description",
    "default",
    "examples",
    "definitions",
    "format",
    "minimum",
    "maximum",
];

impl Compiler {
    fn push(&mut self, s: Shape) -> usize {
        self.shapes.push(s);
        self.shapes.len() - 1
    }

    fn compile(&mut self, s: &Json) -> Result<usize, String> {
        let o = match s {
            Json::Bool(true) => return Ok(self.push(Shape::Any)),
            Json::Object(o) => o,
            other => return Err(format!("unsupported schema {other}")),
        };
        if let Some(r) = o.get("$ref").and_then(Json::as_str) {
            let name = r
                .strip_prefix("#/definitions/")
                .ok_or_else(|| format!("unsupported $ref {r}"))?;
            if let Some(&i) = self.defs.get(name) {
                return Ok(i);
            }
            let i = self.push(Shape::Pending);
            self.defs.insert(name.to_string(), i);
            let def = self
                .all
                .get(name)
                .cloned()
                .ok_or_else(|| format!("no definition {name}"))?;
            let j = self.compile(&def)?;
            self.shapes[i] = Shape::Ref(j);
            return Ok(i);
        }
        if let Some(all) = o.get("allOf").and_then(Json::as_array) {
            return match all.as_slice() {
                [one] => self.compile(one),
                _ => Err("allOf with several schemas".into()),
            };
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(alts) = o.get(key).and_then(Json::as_array) {
                return self.alternatives(alts);
            }
        }
        for k in o.keys() {
            let known = ANNOTATIONS.contains(&k.as_str())
                || [
                    "type",
                    "enum",
                    "const",
                    "pattern",
                    "items",
                    "properties",
                    "required",
                    "additionalProperties",
                    "propertyNames",
                    "uniqueItems",
                ]
                .contains(&k.as_str());
            if !known {
                return Err(format!("unsupported keyword {k}"));
            }
        }
        if let Some(values) = o.get("enum").and_then(Json::as_array) {
            return Ok(self.push(Shape::Enum(strings(values)?)));
        }
        if let Some(c) = o.get("const") {
            return Ok(self.push(Shape::Enum(strings(std::slice::from_ref(c))?)));
        }
        let types: Vec<&str> = match o.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            None => return Ok(self.push(Shape::Any)),
            Some(other) => return Err(format!("unsupported type {other}")),
        };
        match types.as_slice() {
            [t] => self.typed(t, o),
            [t, "null"] | ["null", t] => {
                let inner = self.typed(t, o)?;
                Ok(self.push(Shape::Nullable(inner)))
            }
            _ => Err(format!("unsupported types {types:?}")),
        }
    }

    fn alternatives(&mut self, alts: &[Json]) -> Result<usize, String> {
        let is_null = |a: &Json| a.get("type").and_then(Json::as_str) == Some("null");
        if let [a, b] = alts
            && (is_null(a) || is_null(b))
        {
            let other = if is_null(b) { a } else { b };
            let inner = self.compile(other)?;
            return Ok(self.push(Shape::Nullable(inner)));
        }
        let mut values = Vec::new();
        for a in alts {
            if let Some(v) = a.get("enum").and_then(Json::as_array) {
                values.extend(strings(v)?);
            } else if let Some(c) = a.get("const") {
                values.extend(strings(std::slice::from_ref(c))?);
            } else {
                return Err("alternatives other than values or null".into());
            }
        }
        Ok(self.push(Shape::Enum(values)))
    }

    fn typed(&mut self, t: &str, o: &Map<String, Json>) -> Result<usize, String> {
        let format = o.get("format").and_then(Json::as_str).unwrap_or("");
        let shape = match t {
            "string" if format == "date" => Shape::Date,
            "string" => match o.get("pattern").and_then(Json::as_str) {
                None => Shape::Text(None),
                Some(p) => Shape::Text(Some(
                    formats::by_pattern(p).ok_or_else(|| format!("no format for pattern {p}"))?,
                )),
            },
            "integer" => {
                let (lo, hi) = match format {
                    "uint8" => (0, i128::from(u8::MAX)),
                    "uint16" => (0, i128::from(u16::MAX)),
                    "uint32" | "uint" => (0, i128::from(u32::MAX)),
                    "uint64" => (0, i128::from(u64::MAX)),
                    "int32" => (i128::from(i32::MIN), i128::from(i32::MAX)),
                    _ => (i128::from(i64::MIN), i128::from(i64::MAX)),
                };
                let min = o
                    .get("minimum")
                    .and_then(Json::as_i64)
                    .map_or(lo, i128::from);
                Shape::Int {
                    min: min.max(lo),
                    max: hi,
                }
            }
            "number" => Shape::Number,
            "boolean" => Shape::Bool,
            "array" => {
                let items = match o.get("items") {
                    Some(i) => self.compile(i)?,
                    None => self.push(Shape::Any),
                };
                Shape::List(items)
            }
            "object" => {
                let required: Vec<&str> = o
                    .get("required")
                    .and_then(Json::as_array)
                    .map(|r| r.iter().filter_map(Json::as_str).collect())
                    .unwrap_or_default();
                let mut props = Vec::new();
                if let Some(ps) = o.get("properties").and_then(Json::as_object) {
                    for (name, s) in ps {
                        let shape = self.compile(s)?;
                        props.push(Prop {
                            name: name.clone(),
                            shape,
                            required: required.contains(&name.as_str()),
                        });
                    }
                }
                let other = match o.get("additionalProperties") {
                    Some(Json::Bool(false)) => None,
                    None | Some(Json::Bool(true)) => Some(self.push(Shape::Any)),
                    Some(s) => Some(self.compile(s)?),
                };
                let keys = match o.get("propertyNames") {
                    None => None,
                    Some(p) => {
                        let pat = p
                            .get("pattern")
                            .and_then(Json::as_str)
                            .ok_or("propertyNames without a pattern")?;
                        Some(formats::by_pattern(pat).ok_or_else(|| format!("no format {pat}"))?)
                    }
                };
                Shape::Map { props, other, keys }
            }
            other => return Err(format!("unsupported type {other}")),
        };
        Ok(self.push(shape))
    }
}

fn strings(values: &[Json]) -> Result<Vec<String>, String> {
    values
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or("a non-text value".into())
        })
        .collect()
}

/// Where a node sits, to name it in a message.
enum Place<'p> {
    Root,
    Key {
        name: &'p str,
        pos: Pos,
        required: bool,
    },
    Item {
        index: usize,
        list: &'p str,
    },
}

impl Place<'_> {
    fn name(&self, file: &str) -> String {
        match self {
            Place::Root => file.to_string(),
            Place::Key { name, .. } => format!("`{name}`"),
            Place::Item { index, list } => format!("item {} of `{list}`", index + 1),
        }
    }

    /// The field name whose meaning a value has (a list's items share the list's).
    fn field(&self) -> &str {
        match self {
            Place::Root => "",
            Place::Key { name, .. } => name,
            Place::Item { list, .. } => list,
        }
    }
}

struct Validator<'s> {
    shapes: &'s [Shape],
    out: Vec<Problem>,
    file: &'static str,
}

fn found(n: &Node) -> String {
    match &n.value {
        Value::Scalar(_, Scalar::Null) => "empty".into(),
        Value::Scalar(t, _) => format!("`{}`", shorten(t)),
        Value::Seq(_) => "a list".into(),
        Value::Map(_) => "a mapping of fields".into(),
    }
}

fn shorten(t: &str) -> String {
    let t = t.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}

impl Validator<'_> {
    fn push(&mut self, pos: Pos, message: String) {
        self.out.push(Problem::new(pos, message));
    }

    /// Where to point for `n`: an empty value has no text of its own, so its key.
    fn at(n: &Node, place: &Place) -> Pos {
        match place {
            Place::Key { pos, .. } if n.is_null() && n.pos.len == 0 => *pos,
            _ => n.pos,
        }
    }

    fn node(&mut self, s: usize, n: &Node, place: &Place) {
        let shapes = self.shapes;
        let Some(shape) = shapes.get(s) else {
            return;
        };
        match shape {
            Shape::Any | Shape::Pending => {}
            Shape::Ref(to) => self.node(*to, n, place),
            Shape::Nullable(inner) => {
                if !n.is_null() {
                    self.node(*inner, n, place);
                }
            }
            _ if n.is_null() => self.empty(shape, n, place),
            Shape::Text(format) => self.text(*format, n, place),
            Shape::Date => self.date(n, place),
            Shape::Int { min, max } => self.int(*min, *max, n, place),
            Shape::Number => self.number(n, place),
            Shape::Bool => self.boolean(n, place),
            Shape::Enum(values) => self.one_of(values, n, place),
            Shape::List(items) => match &n.value {
                Value::Seq(nodes) => {
                    for (index, item) in nodes.iter().enumerate() {
                        let list = place.field();
                        self.node(*items, item, &Place::Item { index, list });
                    }
                }
                Value::Scalar(t, _) => {
                    let msg = format!(
                        "{} must be a list, but it is `{}`; write it as a list: `[{}]`, or \
                         one `- ` item per line",
                        place.name(self.file),
                        shorten(t),
                        shorten(t)
                    );
                    self.push(n.pos, msg);
                }
                Value::Map(_) => {
                    let msg = format!(
                        "{} must be a list, but it is a mapping of fields; start each item \
                         with `- `",
                        place.name(self.file)
                    );
                    self.push(n.pos, msg);
                }
            },
            Shape::Map { props, other, keys } => self.mapping(props, *other, *keys, n, place),
        }
    }

    fn empty(&mut self, shape: &Shape, n: &Node, place: &Place) {
        let name = place.name(self.file);
        let what = expected(shape, place.field(), self.shapes);
        let msg = match place {
            Place::Root => {
                format!("{name} has no content; write its fields, one `name: value` per line")
            }
            Place::Item { .. } => {
                format!("{name} is empty; write {what} after the `-`, or remove the line")
            }
            Place::Key { required: true, .. } => {
                format!("{name} has no value; it is required, so write {what}")
            }
            Place::Key { .. } => {
                format!("{name} has no value; write {what}, or leave the field out")
            }
        };
        self.push(Self::at(n, place), msg);
    }

    fn mismatch(&mut self, n: &Node, place: &Place, what: &str) {
        let msg = format!(
            "{} must be {what}, but it is {}",
            place.name(self.file),
            found(n)
        );
        self.push(n.pos, msg);
    }

    fn text(&mut self, format: Option<&'static Format>, n: &Node, place: &Place) {
        let Value::Scalar(t, _) = &n.value else {
            let what = format.map_or("text", |f| f.what);
            let msg = format!(
                "{} must be {what} written on the same line as its key, but it is {}",
                place.name(self.file),
                found(n)
            );
            self.push(n.pos, msg);
            return;
        };
        let Some(f) = format else { return };
        if (f.check)(t) {
            return;
        }
        let name = place.name(self.file);
        let msg = if f.pattern == formats::NON_BLANK.pattern {
            match place {
                Place::Key {
                    required: false, ..
                } => format!("{name} is blank; write its value, or leave the field out"),
                Place::Item { .. } => format!("{name} is blank; write its value, or remove it"),
                _ => format!("{name} is blank; it is required, so write its value"),
            }
        } else {
            format!(
                "`{}` is not {}: {}, e.g. {}",
                shorten(t),
                f.what,
                f.rule,
                f.example
            )
        };
        self.push(n.pos, msg);
    }

    fn date(&mut self, n: &Node, place: &Place) {
        let Value::Scalar(t, _) = &n.value else {
            return self.mismatch(n, place, "a date (YYYY-MM-DD, e.g. 2026-03-05)");
        };
        let t = t.trim();
        let msg = match Date::parse(t) {
            Some(d) if d.year_is_plausible() => return,
            Some(_) => format!(
                "`{t}` has a year that cannot be right for a certification record; write a \
                 four-digit year from 1900 to 2999, e.g. 2026-03-05"
            ),
            None if t.len() == 10 && t.starts_with("0000") => {
                "the year 0000 does not exist; write a four-digit year, e.g. 2026-03-05".into()
            }
            None => format!(
                "`{}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-05",
                shorten(t)
            ),
        };
        self.push(n.pos, msg);
    }

    fn int(&mut self, min: i128, max: i128, n: &Node, place: &Place) {
        let (noun, example) = noun(place.field(), true);
        let msg = match &n.value {
            Value::Scalar(_, Scalar::Int(i)) if (min..=max).contains(i) => return,
            Value::Scalar(t, Scalar::Int(i)) if *i < min => {
                format!("`{t}` is negative; write {noun}, 0 or more, e.g. {example}")
            }
            Value::Scalar(t, Scalar::Int(_)) => format!(
                "`{}` is too large for {noun}; at most {max} is accepted",
                shorten(t)
            ),
            Value::Scalar(t, _) => format!(
                "`{}` is not a whole number; write {noun}, e.g. {example}",
                shorten(t)
            ),
            _ => format!(
                "{} must be {noun}, e.g. {example}, but it is {}",
                place.name(self.file),
                found(n)
            ),
        };
        self.push(n.pos, msg);
    }

    fn number(&mut self, n: &Node, place: &Place) {
        let (noun, example) = noun(place.field(), false);
        let msg = match &n.value {
            Value::Scalar(_, Scalar::Int(i)) if i.unsigned_abs() < 1 << 53 => return,
            Value::Scalar(_, Scalar::Float(f)) if f.is_finite() => return,
            Value::Scalar(t, Scalar::Int(_) | Scalar::Float(_)) => format!(
                "`{}` is not a usable number; write {noun}, e.g. {example}",
                shorten(t)
            ),
            Value::Scalar(t, _) => format!(
                "`{}` is not a number; write {noun} in digits, e.g. {example}",
                shorten(t)
            ),
            _ => format!(
                "{} must be {noun}, e.g. {example}, but it is {}",
                place.name(self.file),
                found(n)
            ),
        };
        self.push(n.pos, msg);
    }

    fn boolean(&mut self, n: &Node, place: &Place) {
        let msg = match &n.value {
            Value::Scalar(_, Scalar::Bool(_)) => return,
            Value::Scalar(t, _)
                if ["yes", "no", "on", "off", "y", "n"]
                    .contains(&t.trim().to_ascii_lowercase().as_str()) =>
            {
                format!(
                    "`{t}` is not accepted here: write true or false (yes/no/on/off are not \
                     accepted, so that they are never misread)"
                )
            }
            _ => format!(
                "{} must be true or false, but it is {}",
                place.name(self.file),
                found(n)
            ),
        };
        self.push(n.pos, msg);
    }

    fn one_of(&mut self, values: &[String], n: &Node, place: &Place) {
        let list = values.join(", ");
        let msg = match &n.value {
            Value::Scalar(t, _) if values.iter().any(|v| v == &**t) => return,
            Value::Scalar(t, _) => {
                let hint = closest(t, values.iter().map(String::as_str))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                format!(
                    "`{}` is not a valid {}; write one of: {list}{hint}",
                    shorten(t),
                    place.name(self.file)
                )
            }
            _ => format!(
                "{} must be one of: {list}; but it is {}",
                place.name(self.file),
                found(n)
            ),
        };
        self.push(n.pos, msg);
    }

    fn mapping(
        &mut self,
        props: &[Prop],
        other: Option<usize>,
        keys: Option<&'static Format>,
        n: &Node,
        place: &Place,
    ) {
        let entries = match &n.value {
            Value::Map(entries) => entries,
            Value::Seq(_) => {
                let msg = match place {
                    Place::Root => format!(
                        "{} must be a mapping of fields (`name: value` lines), but it is a \
                         list",
                        self.file
                    ),
                    _ => format!(
                        "{} must be a mapping of fields (`name: value` lines, indented under \
                         it), but it is a list; remove the `- `",
                        place.name(self.file)
                    ),
                };
                return self.push(n.pos, msg);
            }
            Value::Scalar(..) => {
                let msg = format!(
                    "{} must be a mapping of fields (`name: value` lines, indented under it), \
                     but it is {}",
                    place.name(self.file),
                    found(n)
                );
                return self.push(n.pos, msg);
            }
        };
        let owner = match place {
            Place::Root => self.file.to_string(),
            _ => place.name(self.file),
        };
        // A misspelt required field is one mistake: reported as the unknown key, with the
        // field it is near, and not again as missing.
        let mut meant: Vec<&str> = Vec::new();
        for (k, v) in entries {
            let Some(name) = k.text() else { continue };
            if let Some(p) = props.iter().find(|p| p.name == name) {
                let place = Place::Key {
                    name,
                    pos: k.pos,
                    required: p.required,
                };
                self.node(p.shape, v, &place);
                continue;
            }
            let Some(other) = other else {
                let near = closest(name, props.iter().map(|p| p.name.as_str()));
                meant.extend(near);
                let hint = near
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_else(|| {
                        let all: Vec<&str> = props.iter().map(|p| p.name.as_str()).collect();
                        format!("; its fields are: {}", all.join(", "))
                    });
                let msg = format!("`{}` is not a field of {owner}{hint}", shorten(name));
                self.push(k.pos, msg);
                continue;
            };
            if let Some(f) = keys
                && !(f.check)(name)
            {
                let msg = format!(
                    "`{}` is not {}: {}, e.g. {}",
                    shorten(name),
                    f.what,
                    f.rule,
                    f.example
                );
                self.push(k.pos, msg);
            }
            let place = Place::Key {
                name,
                pos: k.pos,
                required: true,
            };
            self.node(other, v, &place);
        }
        let missing: Vec<&str> = props
            .iter()
            .filter(|p| {
                p.required
                    && !meant.contains(&p.name.as_str())
                    && !entries
                        .iter()
                        .any(|(k, _)| k.text() == Some(p.name.as_str()))
            })
            .map(|p| p.name.as_str())
            .collect();
        if !missing.is_empty() {
            let pos = match place {
                Place::Key { pos, .. } => *pos,
                _ => n.pos,
            };
            let id = n
                .get("id")
                .and_then(Node::text)
                .filter(|_| matches!(place, Place::Item { .. }))
                .map(|id| format!(" (id `{}`)", shorten(id)))
                .unwrap_or_default();
            let fields: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
            let msg = if let [one] = missing.as_slice() {
                format!("{owner}{id} is missing the required field `{one}`; add `{one}: …`")
            } else {
                format!(
                    "{owner}{id} is missing the required fields {}",
                    fields.join(", ")
                )
            };
            self.push(pos, msg);
        }
    }
}

/// What a shape asks for, in words.
fn expected(shape: &Shape, field: &str, shapes: &[Shape]) -> String {
    match shape {
        Shape::Text(Some(f)) if !f.example.is_empty() => format!("{}, e.g. {}", f.what, f.example),
        Shape::Text(_) | Shape::Any | Shape::Pending => "its value".into(),
        Shape::Date => "a date (YYYY-MM-DD), e.g. 2026-03-05".into(),
        Shape::Int { .. } | Shape::Number => {
            let (noun, ex) = noun(field, matches!(shape, Shape::Int { .. }));
            format!("{noun}, e.g. {ex}")
        }
        Shape::Bool => "true or false".into(),
        Shape::Enum(v) => format!("one of: {}", v.join(", ")),
        Shape::List(_) => "its items, one `- ` line each".into(),
        Shape::Map { .. } => "its fields on the lines below it, indented".into(),
        Shape::Nullable(i) | Shape::Ref(i) => shapes
            .get(*i)
            .map_or_else(|| "its value".into(), |s| expected(s, field, shapes)),
    }
}

/// What a number field holds, and a typical value.
fn noun(field: &str, whole: bool) -> (&'static str, &'static str) {
    match field {
        "full_time" => ("the number of full-time staff", "118"),
        "personnel" => ("the number of people", "42"),
        "shifts" => ("the number of shifts", "2"),
        "cycle" => ("the certificate cycle", "1"),
        "up_to" => ("the largest number of people in the band", "15"),
        "part_time_equivalent" => ("the full-time equivalent of part-time staff", "4"),
        "mandays" | "onsite_mandays" => ("the audit time in man-days", "4.5"),
        "percent" => ("the reduction in percent", "10"),
        "ratio" => ("the ratio, a number greater than 1", "1.25"),
        "low" | "medium" | "high" => ("the adjustment as a fraction of the table value", "0.1"),
        _ if whole => ("a whole number", "42"),
        _ => ("a number", "4.5"),
    }
}

use crate::diag::suggest::closest;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_field() {
        let fields = ["sites", "name", "address", "personnel"];
        assert_eq!(closest("sities", fields.into_iter()), Some("sites"));
        assert_eq!(closest("adress", fields.into_iter()), Some("address"));
        assert_eq!(closest("colour", fields.into_iter()), None);
    }
}
