//! serde deserialisation straight from the spanned tree of [`crate::yaml`].
//!
//! The tree is already built for positions and duplicate keys, so the raw
//! schema types are read from it rather than from a second parse of the text
//! (which used to cost more than half of loading the facts). Plain scalars
//! resolve as in YAML 1.2's core schema, like serde_yaml's: `~`/`null` and
//! the empty scalar are null, `true`/`false` booleans, decimal, `0x` and `0o`
//! integers and decimal floats numbers, anything else a string. Quoted and
//! block scalars are always strings. Aliases are refused: a fact base never
//! needs them, and refusing them makes alias bombs harmless.

use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use crate::yaml::{Node, NodeKind};

/// Why a node does not fit the schema type asked for.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// A deserializer over one node of the tree.
pub struct NodeDeserializer<'a>(pub &'a Node);

/// What a plain (unquoted) scalar means.
enum Plain<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(&'a str),
}

fn resolve(text: &str) -> Plain<'_> {
    // Every null, boolean and number starts with one of these bytes; most
    // scalars of a fact base (names, ids, sources) start with none of them.
    match text.as_bytes().first() {
        Some(b'0'..=b'9' | b'+' | b'-' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F')
        | None => resolve_slow(text),
        Some(_) => Plain::Str(text),
    }
}

/// [`resolve`] without its shortcut.
fn resolve_slow(text: &str) -> Plain<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Null,
        "true" | "True" | "TRUE" => return Plain::Bool(true),
        "false" | "False" | "FALSE" => return Plain::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Plain::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Plain::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Plain::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<i64>() {
            return Plain::Int(n);
        }
        if let Ok(n) = text.parse::<u64>() {
            return Plain::Uint(n);
        }
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(n) = u64::from_str_radix(hex, 16) {
            return Plain::Uint(n);
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(n) = u64::from_str_radix(oct, 8) {
            return Plain::Uint(n);
        }
    }
    if is_float(digits) {
        if let Ok(f) = text.parse::<f64>() {
            return Plain::Float(f);
        }
    }
    Plain::Str(text)
}

/// `[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `\.[0-9]+(...)`: YAML 1.2's
/// float, without its sign (an integer too large for 64 bits is one).
fn is_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(whole)
        && fraction.is_none_or(all_digits)
        && (!whole.is_empty() || fraction.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}

fn alias() -> Error {
    Error("YAML aliases (`*name`) are not supported in facts files: write the value out".into())
}

impl<'de> Deserializer<'de> for NodeDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.0.kind {
            NodeKind::Scalar { text, quoted: true } => visitor.visit_borrowed_str(text),
            NodeKind::Scalar {
                text,
                quoted: false,
            } => match resolve(text) {
                Plain::Null => visitor.visit_unit(),
                Plain::Bool(b) => visitor.visit_bool(b),
                Plain::Int(n) => visitor.visit_i64(n),
                Plain::Uint(n) => visitor.visit_u64(n),
                Plain::Float(f) => visitor.visit_f64(f),
                Plain::Str(s) => visitor.visit_borrowed_str(s),
            },
            NodeKind::Seq(items) => visitor.visit_seq(Items(items.iter())),
            NodeKind::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
            NodeKind::Alias => Err(alias()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.0.kind {
            NodeKind::Scalar {
                text,
                quoted: false,
            } if matches!(resolve(text), Plain::Null) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.0.kind {
            NodeKind::Scalar { text, .. } => {
                let variant: StrDeserializer<'_, Error> = text.as_str().into_deserializer();
                visitor.visit_enum(variant)
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    // "cues: [offer, 2026]": a number where text is wanted is the text
    // as written. (A null or a boolean there is still a type error.)
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.0.kind {
            NodeKind::Scalar {
                text,
                quoted: false,
            } if matches!(
                resolve(text),
                Plain::Int(_) | Plain::Uint(_) | Plain::Float(_)
            ) =>
            {
                visitor.visit_borrowed_str(text)
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier
    }
}

struct Items<'a>(std::slice::Iter<'a, Node>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|node| seed.deserialize(NodeDeserializer(node)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'a> {
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(NodeDeserializer(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Error("a mapping value was asked for twice".into()))?;
        seed.deserialize(NodeDeserializer(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        plain_of(resolve(text))
    }

    fn plain_of(resolved: Plain<'_>) -> String {
        match resolved {
            Plain::Null => "null".into(),
            Plain::Bool(b) => format!("bool {b}"),
            Plain::Int(n) => format!("int {n}"),
            Plain::Uint(n) => format!("uint {n}"),
            Plain::Float(f) => format!("float {f}"),
            Plain::Str(s) => format!("str {s}"),
        }
    }

    fn slow(text: &str) -> String {
        plain_of(resolve_slow(text))
    }

    #[test]
    fn the_shortcut_changes_no_resolution() {
        let alphabet = [
            "", "0", "9", "x", "o", "e", "E", ".", "+", "-", "~", "n", "N", "t", "T", "f", "F",
            "inf", "nan", "null", "rue", "alse", "a", "Z", "_", " ", "张", "1", "5",
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(plain(&text), slow(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn plain_scalars_resolve_like_yaml_core_schema() {
        let cases = [
            ("", "null"),
            ("~", "null"),
            ("NULL", "null"),
            ("true", "bool true"),
            ("False", "bool false"),
            ("yes", "str yes"),
            ("2021", "int 2021"),
            ("-7", "int -7"),
            ("+7", "int 7"),
            ("18446744073709551615", "uint 18446744073709551615"),
            ("99999999999999999999", "float 100000000000000000000"),
            ("0x1F", "uint 31"),
            ("0o17", "uint 15"),
            ("15.50", "float 15.5"),
            (".5", "float 0.5"),
            ("1e3", "float 1000"),
            ("6.4577", "float 6.4577"),
            (".inf", "float inf"),
            ("2021-09-02", "str 2021-09-02"),
            ("2021-Q2", "str 2021-Q2"),
            ("100 billion CNY", "str 100 billion CNY"),
            ("1.2.3", "str 1.2.3"),
            ("1e", "str 1e"),
            (".", "str ."),
            ("1_000", "str 1_000"),
        ];
        for (text, want) in cases {
            assert_eq!(plain(text), want, "{text:?}");
        }
    }
}
