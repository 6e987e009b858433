//! Reading JSON input and the lenient field type of drafts.
//!
//! A draft is the record as a person or an old export wrote it: every field optional and
//! any field possibly of the wrong JSON type. [`Field`] keeps a value that did not fit its
//! type instead of failing the whole record, so the rules can report it at its path and
//! still check every other field.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// Parses bytes as one JSON value, reporting invalid UTF-8 and invalid JSON as errors.
///
/// # Errors
/// An error that `is_not_json()`: invalid UTF-8 (with the offset of the first bad byte),
/// a syntax error, trailing characters, or nesting deeper than 128 levels.
pub fn parse_bytes(input: &[u8]) -> Result<serde_json::Value, Error> {
    let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
    serde_json::from_str(text).map_err(|e| Error::not_json(&e))
}

/// Splits a batch into its items: a JSON array (one item per element), or NDJSON (one item
/// per line, blank lines skipped). An NDJSON line that is not JSON stays in its place as the
/// parse error, so every caller can report it at its position instead of losing it.
///
/// # Errors
/// An error that `is_not_json()` for invalid UTF-8 or an array that is not JSON.
pub fn batch_items(
    input: &[u8],
) -> Result<Vec<Result<serde_json::Value, serde_json::Error>>, Error> {
    let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
    if text.trim_start().starts_with('[') {
        return match serde_json::from_str(text).map_err(|e| Error::not_json(&e))? {
            serde_json::Value::Array(items) => Ok(items.into_iter().map(Ok).collect()),
            other => Err(Error::wrong_top_level("array", &other)),
        };
    }
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect())
}

/// The JSON type name of a value (`object`, `array`, `string`, `number`, `boolean`, `null`).
pub fn type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// A field of a lenient draft: absent, null, a value of the expected type, or a value of
/// another type kept as it was written so it can be reported (and never lost).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// The member was not in the input.
    #[default]
    Absent,
    /// The member was `null`.
    Null,
    /// The member had the expected type.
    Value(T),
    /// The member had another type; the raw value is kept.
    Invalid(serde_json::Value),
}

impl<T> Field<T> {
    /// The value when it had the expected type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, mutably, when it had the expected type.
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True when the member was absent or null.
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Absent | Field::Null)
    }

    /// True when the member was absent (not even `null`), so serialization can skip it.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Maps the contained value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(f(v)),
            Field::Invalid(raw) => Field::Invalid(raw),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field<T>, D::Error> {
        deserializer.deserialize_any(FieldVisitor(std::marker::PhantomData))
    }
}

/// Reads a member into [`Field`]. Scalars (most members are strings) go straight into `T`,
/// with no `serde_json::Value` in between, which profiles showed as a large share of
/// allocation; objects and arrays are gathered into a `Value` first so that one of the wrong
/// shape is kept whole. Either way the answer is the one of `T::deserialize(&value)`.
struct FieldVisitor<T>(std::marker::PhantomData<T>);

impl<T: serde::de::DeserializeOwned> FieldVisitor<T> {
    /// `T` from a scalar, or the scalar kept as written.
    fn scalar<'de, E, D>(scalar: D, raw: impl FnOnce() -> serde_json::Value) -> Result<Field<T>, E>
    where
        D: Deserializer<'de, Error = serde::de::value::Error>,
    {
        match T::deserialize(scalar) {
            Ok(value) => Ok(Field::Value(value)),
            Err(_) => Ok(Field::Invalid(raw())),
        }
    }

    fn gathered<E>(raw: serde_json::Value) -> Result<Field<T>, E> {
        match T::deserialize(&raw) {
            Ok(value) => Ok(Field::Value(value)),
            Err(_) => Ok(Field::Invalid(raw)),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> serde::de::Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<T>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Field<T>, E> {
        Self::scalar(serde::de::value::BoolDeserializer::new(v), || v.into())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Field<T>, E> {
        Self::scalar(serde::de::value::I64Deserializer::new(v), || v.into())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Field<T>, E> {
        Self::scalar(serde::de::value::U64Deserializer::new(v), || v.into())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Field<T>, E> {
        // Through a `Value` as before: a float that JSON cannot hold (never produced by the
        // parser) keeps the old behaviour exactly.
        Self::gathered(serde_json::Value::from(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Field<T>, E> {
        Self::scalar(serde::de::value::StrDeserializer::new(v), || v.into())
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Field<T>, E> {
        self.visit_str(v)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Field<T>, E> {
        self.visit_str(&v)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        let raw =
            serde_json::Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
        Self::gathered(raw)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
        let raw =
            serde_json::Value::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Self::gathered(raw)
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Absent | Field::Null => serializer.serialize_none(),
            Field::Value(v) => v.serialize(serializer),
            Field::Invalid(raw) => raw.serialize(serializer),
        }
    }
}

impl<T: JsonSchema> JsonSchema for Field<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Option<T>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<T>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Draft {
        name: Field<String>,
        age: Field<u32>,
        other: Field<String>,
    }

    #[test]
    fn wrong_types_are_kept_not_fatal() {
        let d: Draft = serde_json::from_str(r#"{"name": 12, "age": 3, "other": null}"#).unwrap();
        assert_eq!(d.name, Field::Invalid(serde_json::json!(12)));
        assert_eq!(d.age, Field::Value(3));
        assert_eq!(d.other, Field::Null);
        let empty: Draft = serde_json::from_str("{}").unwrap();
        assert!(empty.name.is_absent());
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = parse_bytes(b"{\"a\":\"\xff\"}").unwrap_err();
        assert!(err.is_not_json());
        assert!(err.to_string().contains("offset 6"), "{err}");
    }
}
