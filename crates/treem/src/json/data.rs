//! Reading the data types (indicator definitions, criteria sets, roll-up partials, ...) with
//! less WebAssembly than serde's derive, and the derive's answers.
//!
//! These types are read from a `serde_json::Value` (the built-in JSON compiled into the
//! library, and the definitions, criteria sets and partials a caller supplies, whose serde
//! message reaches the caller in an issue). serde's derive generates per struct a member-name
//! visitor, an object reader and a positional array reader, per enum a variant visitor, each
//! compiled once per deserializer; [`data_deserialize!`] generates one small reader from a
//! `&Value` per type, over the non-generic helpers below, and a `Deserialize` that buffers its
//! input as a `Value` (a clone when the input is one already: these are small, read rarely).
//!
//! From a `Value`, the answer is the derive's, word for word (each type's tests compare with a
//! copy of the derived type): members read in the object's order, the first error wins, an
//! unknown member refused where the type denies them (`unknown field `x`, expected one of
//! ...`), missing members reported in declaration order (`missing field `x``), the members'
//! own errors as their types give them, the variants of unit enums as `&Value` reads them
//! (a name, or a one-member object naming it whose value is `null`). One difference, on
//! purpose: a data object written as a JSON array (which the derive read member by member in
//! declaration order) is the wrong type, `invalid type: sequence, expected struct X`, as any
//! other non-object is; nothing relied on that (no test, vector, built-in file or document).
//! From JSON text (no product path reads these so) the text is gathered first: a member's
//! error carries no line and column, and a member written twice keeps its last value.

use serde::de::{Deserialize, Deserializer, Error as _, Unexpected};
use serde_json::{Error, Value};

/// A type read from a borrowed JSON value by [`data_deserialize!`].
pub(crate) trait FromJson: Sized {
    /// Reads `value` as serde's derive would.
    ///
    /// # Errors
    /// The derive's error, without position.
    fn from_json(value: &Value) -> Result<Self, Error>;
}

/// The input of a `Deserialize` gathered as a `Value` (generic in the deserializer only: one
/// copy for every type read here).
///
/// # Errors
/// The input's own.
#[inline(never)]
pub(crate) fn gather<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    Value::deserialize(deserializer)
}

/// A reader's error as the deserializer's: the same message.
#[inline(never)]
pub(crate) fn error<E: serde::de::Error>(error: Error) -> E {
    E::custom(error)
}

/// The position of the unit variant the input of a `Deserialize` names (see [`variant`]).
///
/// # Errors
/// The input's own, or [`variant`]'s.
pub(crate) fn variant_of<'de, D: Deserializer<'de>>(
    deserializer: D,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    let value = gather(deserializer)?;
    variant(&value, variants).map_err(error)
}

/// What `value` is, as serde_json words it in an `invalid type` error.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The members of an object being read into a struct: each field's value and its place in the
/// object, and the error that comes first in the object's order (the one the derive, reading
/// member by member, stops at).
pub(crate) struct Members<'a> {
    /// Per field (declaration order): its place among the members and its value.
    slots: Vec<Option<(usize, &'a Value)>>,
    /// The first error in member order, with its place.
    error: Option<(usize, Error)>,
}

impl<'a> Members<'a> {
    /// Sorts the members of `value` into `fields`; anything but an object is the wrong type.
    /// Under `deny_unknown` the first unknown member is the error at its place.
    ///
    /// # Errors
    /// `invalid type: ..., expected <expecting>` for anything but an object.
    pub(crate) fn new(
        value: &'a Value,
        expecting: &'static str,
        fields: &'static [&'static str],
        deny_unknown: bool,
    ) -> Result<Members<'a>, Error> {
        let members = match value {
            Value::Object(members) => members,
            other => return Err(Error::invalid_type(unexpected(other), &expecting)),
        };
        let mut slots = vec![None; fields.len()];
        let mut error = None;
        for (place, (key, value)) in members.iter().enumerate() {
            match fields.iter().position(|name| name == key) {
                Some(index) => {
                    if let Some(slot) = slots.get_mut(index) {
                        *slot = Some((place, value));
                    }
                }
                None if deny_unknown => {
                    error = Some((place, Error::unknown_field(key, fields)));
                    break;
                }
                None => {}
            }
        }
        Ok(Members { slots, error })
    }

    /// Reads field `index` with `read`: `None` when absent, failed, or after the first error.
    #[inline(never)]
    pub(crate) fn read<T>(
        &mut self,
        index: usize,
        read: fn(&Value) -> Result<T, Error>,
    ) -> Option<T> {
        let (place, value) = self.slots.get(index).copied().flatten()?;
        if matches!(&self.error, Some((first, _)) if *first < place) {
            return None;
        }
        match read(value) {
            Ok(field) => Some(field),
            Err(error) => {
                self.error = Some((place, error));
                None
            }
        }
    }

    /// The first error in member order, else the first required field (`required` per field)
    /// that is absent, in declaration order.
    ///
    /// # Errors
    /// The member's error, or `missing field ...`.
    pub(crate) fn finish(
        self,
        fields: &'static [&'static str],
        required: &[bool],
    ) -> Result<(), Error> {
        if let Some((_, error)) = self.error {
            return Err(error);
        }
        for ((slot, name), required) in self.slots.iter().zip(fields).zip(required) {
            if *required && slot.is_none() {
                return Err(Error::missing_field(name));
            }
        }
        Ok(())
    }
}

/// The error of a required field found absent after [`Members::finish`] passed: never.
#[cold]
pub(crate) fn unchecked() -> Error {
    Error::custom("a required field is absent")
}

/// Reads a `T` from a `Value` by its `Deserialize` (as a function pointer for [`Members::read`]).
///
/// # Errors
/// `T`'s own.
pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, Error> {
    T::deserialize(value)
}

/// The position of a unit variant among `variants`, read as `&Value` reads an enum: its name,
/// or an object of one member naming it whose value is `null`.
///
/// # Errors
/// serde_json's and the derive's: `invalid type: ..., expected string or map`, `invalid
/// value: map, expected map with a single key`, `unknown variant ...`, `invalid type: ...,
/// expected unit`.
pub(crate) fn variant(value: &Value, variants: &'static [&'static str]) -> Result<usize, Error> {
    let (name, inner) = match value {
        Value::String(name) => (name, None),
        Value::Object(members) => {
            let mut iter = members.iter();
            match (iter.next(), iter.next()) {
                (Some((name, inner)), None) => (name, Some(inner)),
                _ => {
                    return Err(Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    ))
                }
            }
        }
        other => return Err(Error::invalid_type(unexpected(other), &"string or map")),
    };
    let index = variants
        .iter()
        .position(|v| v == name)
        .ok_or_else(|| Error::unknown_variant(name, variants))?;
    match inner {
        Some(Value::Null) | None => Ok(index),
        Some(other) => Err(Error::invalid_type(unexpected(other), &"unit")),
    }
}

/// The variant at `index` (from [`variant`]).
///
/// # Errors
/// None in practice: `index` comes from the same list.
pub(crate) fn pick<T: Copy, E: serde::de::Error>(all: &[T], index: usize) -> Result<T, E> {
    all.get(index)
        .copied()
        .ok_or_else(|| E::custom("variant index out of range"))
}

/// Implements `Deserialize` (and, for a struct, [`FromJson`]) for a data type, answering as serde's derive
/// does from a `Value` (see the module docs):
///
/// - `data_deserialize!(struct Name, deny_unknown { a: required, b: default, c: required with
///   path::to::reader })` for `#[serde(deny_unknown_fields)]`, `skip_unknown` without it.
///   `required` is a member without `#[serde(default)]` (an `Option` member without it is
///   `default`: the derive reads its absence as `None`); `with` names a `deserialize_with`.
/// - `data_deserialize!(enum Name { Variant = "name", ... })` for an enum of unit variants,
///   each with its serialized name.
macro_rules! data_deserialize {
    (struct $ty:ident, $unknown:ident {
        $($field:ident : $mode:ident $(with $reader:path)?),* $(,)?
    }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let value = $crate::json::data::gather(deserializer)?;
                <$ty as $crate::json::data::FromJson>::from_json(&value)
                    .map_err($crate::json::data::error)
            }
        }

        impl $crate::json::data::FromJson for $ty {
            fn from_json(value: &serde_json::Value) -> Result<$ty, serde_json::Error> {
                #[allow(non_camel_case_types, clippy::enum_variant_names)]
                enum Member {
                    $($field,)*
                }
                const FIELDS: &[&str] = &[$(stringify!($field)),*];
                let mut members = $crate::json::data::Members::new(
                    value,
                    concat!("struct ", stringify!($ty)),
                    FIELDS,
                    $crate::json::data::data_deserialize!(@deny $unknown),
                )?;
                $(let $field = members.read(
                    Member::$field as usize,
                    $crate::json::data::data_deserialize!(@reader $($reader)?),
                );)*
                const REQUIRED: &[bool] =
                    &[$($crate::json::data::data_deserialize!(@required $mode)),*];
                members.finish(FIELDS, REQUIRED)?;
                // One match over every field (not one early return per required field, each
                // dropping the others): the required ones are there once `finish` passed.
                match ($($field,)*) {
                    ($($crate::json::data::data_deserialize!(@pattern $mode $field),)*) => Ok($ty {
                        $($field: $crate::json::data::data_deserialize!(@finish $mode $field),)*
                    }),
                    #[allow(unreachable_patterns)]
                    _ => Err($crate::json::data::unchecked()),
                }
            }
        }
    };
    (enum $ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                const VARIANTS: &[&str] = &[$($name),*];
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let index = $crate::json::data::variant_of(deserializer, VARIANTS)?;
                $crate::json::data::pick(ALL, index)
            }
        }
    };
    (@deny deny_unknown) => { true };
    (@deny skip_unknown) => { false };
    (@reader) => { $crate::json::data::deserialize };
    (@reader $reader:path) => { |value: &serde_json::Value| $reader(value) };
    (@required required) => { true };
    (@required default) => { false };
    (@pattern required $field:ident) => { Some($field) };
    (@pattern default $field:ident) => { $field };
    (@finish required $field:ident) => { $field };
    (@finish default $field:ident) => { $field.unwrap_or_default() };
}

pub(crate) use data_deserialize;

/// Test helpers for each type's comparison with its derived copy.
#[cfg(test)]
pub(crate) mod testing {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use serde_json::Value;

    /// A read's outcome as JSON (compared through `Serialize`) or the error's message.
    fn outcome<T: Serialize>(result: Result<T, serde_json::Error>) -> Result<Value, String> {
        result
            .map(|v| serde_json::to_value(v).unwrap_or(Value::Null))
            .map_err(|e| e.to_string())
    }

    /// Asserts that `Ours` reads `value` as `Derived` (the derive with the same attributes)
    /// does, from a borrowed and from an owned `Value`, and from JSON text when it reads;
    /// except that an array at the top is the wrong type for `Ours`.
    pub(crate) fn assert_same_as_derive<Ours, Derived>(value: &Value, expecting: &str)
    where
        Ours: DeserializeOwned + Serialize,
        Derived: DeserializeOwned + Serialize,
    {
        let ours = outcome(Ours::deserialize(value));
        if value.is_array() {
            assert_eq!(
                ours,
                Err(format!("invalid type: sequence, expected {expecting}")),
                "{value}"
            );
            return;
        }
        let derived = outcome(Derived::deserialize(value));
        assert_eq!(ours, derived, "from &Value {value}");
        let owned = outcome(serde_json::from_value::<Ours>(value.clone()));
        assert_eq!(owned, derived, "from Value {value}");
        if derived.is_ok() {
            let text = outcome(serde_json::from_str::<Ours>(&value.to_string()));
            assert_eq!(text, derived, "from text {value}");
        }
    }

    /// The error message `Ours` gives for `value`.
    pub(crate) fn message<Ours: DeserializeOwned + Serialize>(value: &Value) -> String {
        match Ours::deserialize(value) {
            Ok(v) => format!("read as {}", serde_json::to_value(v).unwrap_or(Value::Null)),
            Err(e) => e.to_string(),
        }
    }

    /// Scalars, arrays and objects to put in members: each of the JSON types, with numbers
    /// on the edges of the integer types and strings from `names` (variant and member names,
    /// valid and invalid values of the type under test).
    pub(crate) fn member_value(names: Vec<Value>) -> impl Strategy<Value = Value> {
        prop_oneof![
            prop::sample::select(names),
            prop::sample::select(vec![
                Value::Null,
                Value::from(true),
                Value::from(0),
                Value::from(7),
                Value::from(-1),
                Value::from(4_294_967_296_u64),
                Value::from(1.5),
                Value::from(""),
                Value::from("x"),
                serde_json::json!([]),
                serde_json::json!({}),
                serde_json::json!(["x"]),
                serde_json::json!({"x": null}),
            ]),
        ]
    }

    /// Inputs near `valid`, an object the type reads: members dropped, replaced by values of
    /// `values`, or added under the keys of `keys`; or a value of `values` instead of the
    /// object.
    pub(crate) fn near(
        valid: Value,
        keys: Vec<&'static str>,
        values: impl Strategy<Value = Value> + Clone,
    ) -> impl Strategy<Value = Value> {
        let members: Vec<(String, Value)> = match &valid {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        let count = members.len();
        let edited = (
            prop::collection::vec(0..4_u8, count),
            prop::collection::vec(values.clone(), count),
            prop::collection::vec((prop::sample::select(keys), values.clone()), 0..3),
        )
            .prop_map(move |(edits, replacements, added)| {
                let mut out = serde_json::Map::new();
                for ((edit, (key, value)), replacement) in
                    edits.iter().zip(&members).zip(replacements)
                {
                    match edit {
                        0 => {}
                        1 => {
                            out.insert(key.clone(), replacement);
                        }
                        _ => {
                            out.insert(key.clone(), value.clone());
                        }
                    }
                }
                for (key, value) in added {
                    out.insert(key.to_owned(), value);
                }
                Value::Object(out)
            });
        prop_oneof![
            6 => edited,
            1 => Just(valid),
            1 => values,
        ]
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    /// The workspace's serde_core leaves the value out of `Unexpected::Float`'s own message
    /// (vendor/README.md), but the readers' errors are serde_json's, which print it: the
    /// message a caller reads keeps the number.
    #[test]
    fn float_values_stay_in_reader_messages() {
        let error = super::Members::new(&json!(1.5), "a criteria set", &[], false)
            .err()
            .unwrap();
        assert_eq!(
            error.to_string(),
            "invalid type: floating point `1.5`, expected a criteria set"
        );
        let error = serde_json::from_value::<String>(json!(-0.25)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: floating point `-0.25`, expected a string"
        );
        // The patched serde_core is the one linked: its own message has no number.
        let plain: serde::de::value::Error =
            serde::de::Error::invalid_type(serde::de::Unexpected::Float(1.5), &"a string");
        assert_eq!(
            plain.to_string(),
            "invalid type: floating point, expected a string"
        );
    }
}
