//! Reading JSON input and the lenient field type of drafts.
//!
//! A draft is the record as a person or an old export wrote it: every field optional and
//! any field possibly of the wrong JSON type. [`Field`] keeps a value that did not fit its
//! type instead of failing the whole record, so the rules can report it at its path and
//! still check every other field.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

// The readers of data types (criteria sets, roll-ups, indicator definitions and partials):
// criteria sets come with `safe-school`, roll-ups with `directive`, definitions and partials
// with `indicators` (which turns on `safe-school`).
#[cfg(any(feature = "safe-school", feature = "directive"))]
// A directive-only build reports no read error as an issue (its data is built in).
#[cfg_attr(not(feature = "safe-school"), allow(dead_code))]
pub(crate) mod data;
// The same data read straight from text: criteria sets given inline in an assessment.
#[cfg(feature = "safe-school")]
pub(crate) mod data_text;
pub(crate) mod text;
/// Parses bytes as one JSON value, reporting invalid UTF-8 and invalid JSON as errors.
///
/// # Errors
/// An error that `is_not_json()`: invalid UTF-8 (with the offset of the first bad byte),
/// a syntax error, trailing characters, or nesting deeper than 128 levels.
pub(crate) fn parse_bytes(input: &[u8]) -> Result<serde_json::Value, Error> {
    let text = std::str::from_utf8(input).map_err(|e| Error::invalid_utf8(e.valid_up_to()))?;
    serde_json::from_str(text).map_err(|e| Error::not_json(&e))
}

/// Splits a batch into its items: a JSON array (one item per element), or NDJSON (one item
/// per line, blank lines skipped). An NDJSON line that is not JSON stays in its place as the
/// parse error, so every caller can report it at its position instead of losing it.
///
/// # Errors
/// An error that `is_not_json()` for invalid UTF-8 or an array that is not JSON.
pub(crate) fn batch_items(
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
    ///
    /// # Examples
    /// ```
    /// let field: treem::Field<String> = treem::Field::Value("An".to_owned());
    /// assert_eq!(field.value().map(String::as_str), Some("An"));
    /// assert_eq!(treem::Field::<String>::Null.value(), None);
    /// ```
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, mutably, when it had the expected type.
    ///
    /// # Examples
    /// ```
    /// let mut field = treem::Field::Value(1_u32);
    /// if let Some(n) = field.value_mut() {
    ///     *n += 1;
    /// }
    /// assert_eq!(field.value(), Some(&2));
    /// ```
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True when the member was absent or null.
    ///
    /// # Examples
    /// ```
    /// assert!(treem::Field::<u32>::Null.is_missing());
    /// assert!(treem::Field::<u32>::Absent.is_missing());
    /// assert!(!treem::Field::Value(3_u32).is_missing());
    /// ```
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Absent | Field::Null)
    }

    /// True when the member was absent (not even `null`), so serialization can skip it.
    ///
    /// # Examples
    /// ```
    /// assert!(treem::Field::<u32>::Absent.is_absent());
    /// assert!(!treem::Field::<u32>::Null.is_absent());
    /// ```
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Maps the contained value.
    ///
    /// # Examples
    /// ```
    /// let field = treem::Field::Value("an".to_owned()).map(|s| s.len());
    /// assert_eq!(field.value(), Some(&2));
    /// ```
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(f(v)),
            Field::Invalid(raw) => Field::Invalid(raw),
        }
    }
}

/// A draft, or a member of one, read from a parsed `serde_json::Value` without serde's
/// visitors (instantiated for every draft and member type, those were the largest part of the
/// WebAssembly package's code); a draft's reader here is one plain function, generated by
/// `#[derive(Draft)]`. Records given as values (`Kind::validate`, the indicator feed, the
/// CLI's rows from CSV and Excel) are read this way; records given as JSON text by treem's
/// own reader ([`text`]), with the same answer (`json/tests.rs` property-tests both against
/// each member type). In a WebAssembly build without the indicator feed (a form module) a
/// draft is read from a value through its text, so the module holds one reader per draft
/// type.
///
/// The value is taken, not borrowed: its texts move into the draft instead of being copied,
/// and nothing is left of the parsed value to free afterwards (copying and freeing were a
/// quarter of a safe-school self-assessment's validation in WebAssembly).
pub trait FromValue: Sized {
    /// True when `value` reads as `Self` (a draft: an object).
    fn accepts(value: &serde_json::Value) -> bool;

    /// The value read, or `value` itself, untouched, when it is not of the type.
    ///
    /// # Errors
    /// `value` back when [`FromValue::accepts`] is false for it.
    fn from_value(value: serde_json::Value) -> Result<Self, serde_json::Value>;
}

impl FromValue for String {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_string()
    }

    fn from_value(value: serde_json::Value) -> Result<String, serde_json::Value> {
        match value {
            serde_json::Value::String(text) => Ok(text),
            other => Err(other),
        }
    }
}

/// Integers as serde reads them from a `Value`: a float (even `1.0`) is not one.
impl FromValue for i64 {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_i64()
    }

    fn from_value(value: serde_json::Value) -> Result<i64, serde_json::Value> {
        value.as_i64().ok_or(value)
    }
}

impl FromValue for u64 {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_u64()
    }

    fn from_value(value: serde_json::Value) -> Result<u64, serde_json::Value> {
        value.as_u64().ok_or(value)
    }
}

impl FromValue for bool {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_boolean()
    }

    fn from_value(value: serde_json::Value) -> Result<bool, serde_json::Value> {
        value.as_bool().ok_or(value)
    }
}

impl FromValue for serde_json::Value {
    fn accepts(_: &serde_json::Value) -> bool {
        true
    }

    fn from_value(value: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
        Ok(value)
    }
}

impl FromValue for std::collections::BTreeMap<String, serde_json::Value> {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_object()
    }

    fn from_value(value: serde_json::Value) -> Result<Self, serde_json::Value> {
        let serde_json::Value::Object(members) = value else {
            return Err(value);
        };
        // Inserted, not collected: `BTreeMap::from_iter` links a sort of its own.
        let mut map = std::collections::BTreeMap::new();
        for (name, member) in members {
            map.insert(name, member);
        }
        Ok(map)
    }
}

/// A list reads only when every element does, as serde's `Vec` reads.
impl<T: FromValue> FromValue for Vec<T> {
    fn accepts(value: &serde_json::Value) -> bool {
        value
            .as_array()
            .is_some_and(|items| items.iter().all(T::accepts))
    }

    fn from_value(value: serde_json::Value) -> Result<Vec<T>, serde_json::Value> {
        if !Self::accepts(&value) {
            return Err(value);
        }
        let serde_json::Value::Array(items) = value else {
            return Err(value);
        };
        let mut read = Vec::with_capacity(items.len());
        for item in items {
            // Every element accepts (checked above), so none is dropped here.
            if let Ok(item) = T::from_value(item) {
                read.push(item);
            }
        }
        Ok(read)
    }
}

/// A [`Field`] reads every value (as an element of a list, too).
impl<T: FromValue> FromValue for Field<T> {
    fn accepts(_: &serde_json::Value) -> bool {
        true
    }

    fn from_value(value: serde_json::Value) -> Result<Field<T>, serde_json::Value> {
        Ok(Field::from_member(value))
    }
}

impl<T: FromValue> Field<T> {
    /// A member's field from its value: `null` is [`Field::Null`], a value of the type is
    /// [`Field::Value`], anything else is kept whole as [`Field::Invalid`]; the answer of
    /// `Field<T>`'s `Deserialize`.
    ///
    /// # Examples
    /// ```
    /// use treem::Field;
    /// let ok: Field<String> = Field::from_member(serde_json::json!("nam"));
    /// assert_eq!(ok.value().map(String::as_str), Some("nam"));
    /// let wrong: Field<String> = Field::from_member(serde_json::json!(12));
    /// assert!(matches!(wrong, Field::Invalid(_)));
    /// assert!(matches!(Field::<String>::from_member(serde_json::Value::Null), Field::Null));
    /// ```
    pub fn from_member(value: serde_json::Value) -> Field<T> {
        if value.is_null() {
            return Field::Null;
        }
        match T::from_value(value) {
            Ok(read) => Field::Value(read),
            Err(raw) => Field::Invalid(raw),
        }
    }
}

/// A member from any `Deserializer`: through its `serde_json::Value`, as
/// [`Field::from_member`] reads it (treem reads JSON text with its own reader, json/text.rs;
/// this serves callers' `serde_json::from_value`).
impl<'de, T: FromValue> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field<T>, D::Error> {
        serde_json::Value::deserialize(deserializer).map(Field::from_member)
    }
}

/// A draft from any `Deserializer` (the `Deserialize` of `#[derive(Draft)]`): through its
/// `serde_json::Value`, from a JSON object only.
///
/// # Errors
/// The deserializer's, or `invalid type: ..., expected a JSON object`.
#[doc(hidden)]
pub(crate) fn draft_from<'de, D: Deserializer<'de>, T: FromValue>(
    deserializer: D,
) -> Result<T, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    T::from_value(value).map_err(|other| {
        serde::de::Error::custom(format_args!(
            "invalid type: {}, expected a JSON object",
            type_name(&other)
        ))
    })
}

/// The member of a draft (a [`Field`]), read by `#[derive(Draft)]` (crate `treem-derive`) from
/// a `serde_json::Value` or straight from JSON text. A member of a plain type (a text, a
/// number, a list of them) is read by [`Field`]'s own reading ([`Plain`]); the derive
/// implements it for a nested draft and a list of drafts ([`text::draft`],
/// [`text::draft_list`]).
#[doc(hidden)]
pub(crate) trait Member {
    /// Sets the member from its value (drafts in a WebAssembly form module read values by
    /// their text).
    #[cfg_attr(
        all(target_arch = "wasm32", not(feature = "indicators")),
        allow(dead_code)
    )]
    fn set_from(&mut self, value: serde_json::Value);

    /// Sets the member from the next value of JSON text ([`text`]).
    ///
    /// # Errors
    /// [`text::Fallback`] whenever the reader stops.
    fn read_text(&mut self, text: &mut text::Text<'_>) -> Result<(), text::Fallback>;
}

/// A member type read as [`Field`] reads it: kept whole as [`Field::Invalid`] when it does
/// not fit.
#[doc(hidden)]
pub(crate) trait Plain: FromValue + text::FromText {}

impl Plain for String {}
impl Plain for i64 {}
impl Plain for u64 {}
impl Plain for bool {}
impl Plain for serde_json::Value {}
impl Plain for std::collections::BTreeMap<String, serde_json::Value> {}
impl Plain for Vec<String> {}
impl Plain for Vec<Field<String>> {}
impl Plain for Vec<Field<i64>> {}

impl<T: Plain> Member for Field<T> {
    #[inline]
    fn set_from(&mut self, value: serde_json::Value) {
        *self = Field::from_member(value);
    }

    #[inline]
    fn read_text(&mut self, text: &mut text::Text<'_>) -> Result<(), text::Fallback> {
        text::plain(self, text)
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
mod tests;
