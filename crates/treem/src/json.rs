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
/// `#[derive(Draft)]`. The value path (every binding, and the CLI's fallback) reads drafts
/// this way; the CLI's fast path from JSON text reads them by the derive's `Deserialize`,
/// with the same answer (`json/tests.rs` property-tests both against each member type).
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

/// Forwards scalars to [`FieldVisitor`] and stores its answer in the place.
macro_rules! forward_in_place_to_field_visitor {
    () => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_unit()?;
            Ok(())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_none()?;
            Ok(())
        }
        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_bool(v)?;
            Ok(())
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_i64(v)?;
            Ok(())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_u64(v)?;
            Ok(())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_f64(v)?;
            Ok(())
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
            *self.0 = FieldVisitor(std::marker::PhantomData).visit_str(v)?;
            Ok(())
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<(), E> {
            self.visit_str(&v)
        }
    };
}

/// A draft that reads the members of a JSON object into itself; implemented for each draft
/// by `#[derive(Draft)]`, so that nested drafts are filled where they live instead of
/// being built apart and moved (a child record's nested drafts were copied several times
/// on their way into it).
#[doc(hidden)]
pub(crate) trait ReadMembers: Default + serde::de::DeserializeOwned + FromValue {
    /// The JSON names of the draft's members, in declaration order (written by the
    /// derive; read by the tests).
    #[allow(dead_code)]
    const MEMBERS: &'static [&'static str];

    /// Reads every member of `map` into `self`.
    ///
    /// # Errors
    /// Only the errors of the JSON itself.
    fn read_members<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Reads a member holding a draft (a `Field<SomeDraft>`) into its place: an object goes
/// straight into the draft, which accepts every JSON object, with no `serde_json::Value`
/// gathered first and read again (profiles of `treem validate` showed that double reading
/// as a fifth of the time of a child record); any other value is read as [`Field`] reads
/// it, so the answer is the one of `Field<T>`'s own `Deserialize`.
#[doc(hidden)]
pub(crate) struct DraftInPlace<'a, T>(pub &'a mut Field<T>);

impl<'de, T: ReadMembers> serde::de::DeserializeSeed<'de> for DraftInPlace<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: ReadMembers> serde::de::Visitor<'de> for DraftInPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        *self.0 = Field::Value(T::default());
        match self.0 {
            Field::Value(draft) => draft.read_members(&mut map),
            _ => Ok(()),
        }
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        *self.0 = FieldVisitor(std::marker::PhantomData).visit_seq(seq)?;
        Ok(())
    }

    forward_in_place_to_field_visitor!();
}

/// Reads a member holding a list of drafts (`Field<Vec<Field<SomeDraft>>>`) into its place:
/// each object element read straight into its draft, as [`DraftInPlace`] does.
#[doc(hidden)]
pub(crate) struct DraftListInPlace<'a, T>(pub &'a mut Field<Vec<Field<T>>>);

impl<'de, T: ReadMembers> serde::de::DeserializeSeed<'de> for DraftListInPlace<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: ReadMembers> serde::de::Visitor<'de> for DraftListInPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let mut item = Field::Absent;
            if seq.next_element_seed(DraftInPlace(&mut item))?.is_none() {
                break;
            }
            items.push(item);
        }
        *self.0 = Field::Value(items);
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        *self.0 = FieldVisitor(std::marker::PhantomData).visit_map(map)?;
        Ok(())
    }

    forward_in_place_to_field_visitor!();
}

/// The member of a draft (a [`Field`]), read by `#[derive(Draft)]` (crate `treem-derive`) from
/// a `serde_json::Value` or straight from JSON text. A member of a plain type (a text, a
/// number, a list of them) is read by [`Field`]'s own reading ([`Plain`]); the derive
/// implements it for a nested draft and a list of drafts, filled in place through
/// [`ReadMembers`].
#[doc(hidden)]
pub(crate) trait Member {
    /// Sets the member from its value (drafts in WebAssembly read values by their text).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn set_from(&mut self, value: serde_json::Value);

    /// Sets the member from the next value of `map`.
    ///
    /// # Errors
    /// Only the errors of the JSON itself.
    fn read_member<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Sets the member from the next value of JSON text ([`text`]).
    ///
    /// # Errors
    /// [`text::Fallback`] whenever the reader stops.
    fn read_text(&mut self, text: &mut text::Text<'_>) -> Result<(), text::Fallback>;
}

/// A member type read as [`Field`] reads it: kept whole as [`Field::Invalid`] when it does
/// not fit.
#[doc(hidden)]
pub(crate) trait Plain: FromValue + serde::de::DeserializeOwned + text::FromText {}

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
    fn read_member<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<(), A::Error> {
        *self = map.next_value()?;
        Ok(())
    }

    #[inline]
    fn read_text(&mut self, text: &mut text::Text<'_>) -> Result<(), text::Fallback> {
        text::plain(self, text)
    }
}

/// A member name of a draft read from JSON text: its place among the draft's members, or,
/// for a draft that keeps unknown members, the name.
#[doc(hidden)]
pub(crate) enum Key {
    /// The member at this place of `ReadMembers::MEMBERS`.
    Known(usize),
    /// Another member, kept.
    Unknown(String),
    /// Another member, skipped.
    Skipped,
}

/// A draft from JSON text (the `Deserialize` of `#[derive(Draft)]`): from a JSON object only.
/// (serde's derive also read a JSON array member by member in declaration order; a draft
/// reports an array as the wrong type, like any other non-object.)
///
/// # Errors
/// The errors of the JSON itself, or `invalid type: ..., expected a JSON object`.
#[doc(hidden)]
pub(crate) fn read_draft<'de, D: Deserializer<'de>, T: ReadMembers>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(DraftVisitor(std::marker::PhantomData))
}

struct DraftVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: ReadMembers> serde::de::Visitor<'de> for DraftVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut draft = T::default();
        draft.read_members(&mut map)?;
        Ok(draft)
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
