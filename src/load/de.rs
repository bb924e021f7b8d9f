//! Reading the model from a validated tree with serde.
//!
//! A positioned value (`At<T>`) reads itself as `[value, line, col, len]` while
//! `reading_cache` is on (the parse cache's format); this deserializer answers that request
//! from the node's position, so positions come from the tree without a second parse.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::tree::{Node, Scalar, Value};
use crate::source::Pos;

/// A deserialization failure and the node it happened at (the innermost one).
#[derive(Debug)]
pub struct DeError {
    pub message: String,
    pub pos: Option<Pos>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            pos: None,
        }
    }
}

pub fn from_node<T: de::DeserializeOwned>(node: &Node) -> Result<T, DeError> {
    crate::source::reading_cache(|| T::deserialize(NodeDe(node)))
}

#[derive(Clone, Copy)]
struct NodeDe<'n, 'a>(&'n Node<'a>);

impl NodeDe<'_, '_> {
    fn at<T>(self, r: Result<T, DeError>) -> Result<T, DeError> {
        r.map_err(|mut e| {
            e.pos.get_or_insert(self.0.pos);
            e
        })
    }
}

impl<'de> de::Deserializer<'de> for NodeDe<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match &self.0.value {
            Value::Scalar(_, Scalar::Null) => visitor.visit_unit(),
            Value::Scalar(_, Scalar::Bool(b)) => visitor.visit_bool(*b),
            Value::Scalar(t, Scalar::Int(i)) => match i64::try_from(*i) {
                Ok(i) => visitor.visit_i64(i),
                Err(_) => match u64::try_from(*i) {
                    Ok(u) => visitor.visit_u64(u),
                    Err(_) => visitor.visit_str(t),
                },
            },
            Value::Scalar(_, Scalar::Float(f)) => visitor.visit_f64(*f),
            Value::Scalar(t, Scalar::Str) => visitor.visit_str(t),
            Value::Seq(items) => visitor.visit_seq(Items(items.iter())),
            Value::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        };
        self.at(r)
    }

    /// Text fields take any scalar as written (`id: 1` is the text `1`).
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.0.value {
            Value::Scalar(t, s) if *s != Scalar::Null => self.at(visitor.visit_str(t)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.0.is_null() {
            self.at(visitor.visit_none())
        } else {
            self.at(visitor.visit_some(self))
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.at(visitor.visit_newtype_struct(self))
    }

    /// The positioned-value request (see the module comment).
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if len != 4 {
            return self.deserialize_any(visitor);
        }
        let r = visitor.visit_seq(Positioned {
            node: self.0,
            next: 0,
        });
        self.at(r)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.0.value {
            Value::Scalar(t, _) => {
                let r = visitor.visit_enum(de::value::StrDeserializer::<DeError>::new(t));
                self.at(r)
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct seq tuple_struct map struct
    }
}

struct Items<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DeError> {
        self.0
            .next()
            .map(|n| seed.deserialize(NodeDe(n)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'n, 'a> {
    entries: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        seed.deserialize(NodeDe(k)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        match self.value.take() {
            Some(v) => seed.deserialize(NodeDe(v)),
            None => Err(de::Error::custom("a value without its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// `[value, line, col, len]` of one node.
struct Positioned<'n, 'a> {
    node: &'n Node<'a>,
    next: u8,
}

impl<'de> SeqAccess<'de> for Positioned<'_, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DeError> {
        let pos = self.node.pos;
        let i = self.next;
        self.next = self.next.saturating_add(1);
        match i {
            0 => seed.deserialize(NodeDe(self.node)).map(Some),
            1 => seed.deserialize(pos.line.into_deserializer()).map(Some),
            2 => seed.deserialize(pos.col.into_deserializer()).map(Some),
            3 => seed.deserialize(pos.len.into_deserializer()).map(Some),
            _ => Ok(None),
        }
    }
}
