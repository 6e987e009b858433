//! Reading the data types (indicator definitions, criteria sets, roll-up partials, ...) with
//! less WebAssembly than serde's derive, and the derive's answers.
//!
//! These types are read from a `serde_json::Value` (the built-in JSON compiled into the
//! library, and the definitions, criteria sets and partials a caller supplies, whose serde
//! message reaches the caller in an issue). serde's derive generates per struct a member-name
//! visitor, an object reader and a positional array reader, per enum a variant visitor, each
//! compiled once per deserializer; `#[derive(Data)]` (crate `treem-derive`) generates one small reader from a
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

/// A type read from a borrowed JSON value by `#[derive(Data)]` (crate `treem-derive`).
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
        tag: Option<&'static str>,
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
                None if tag == Some(key.as_str()) => {}
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

/// The position of the variant an internally tagged enum's object names in its member `tag`.
///
/// # Errors
/// `invalid type: ..., expected <expecting>` for anything but an object, `missing field
/// `<tag>``, `invalid type: ..., expected variant identifier`, `unknown variant ...`.
pub(crate) fn tag_of(
    value: &Value,
    tag: &'static str,
    expecting: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, Error> {
    let members = match value {
        Value::Object(members) => members,
        other => return Err(Error::invalid_type(unexpected(other), &expecting)),
    };
    let name = match members.get(tag) {
        None => return Err(Error::missing_field(tag)),
        Some(Value::String(name)) => name,
        Some(other) => {
            return Err(Error::invalid_type(
                unexpected(other),
                &"variant identifier",
            ))
        }
    };
    variants
        .iter()
        .position(|v| v == name)
        .ok_or_else(|| Error::unknown_variant(name, variants))
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


#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::FromJson;

    /// A data struct: required, defaulted and optional members, unknown ones refused.
    #[derive(Debug, PartialEq, treem_derive::Data)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        count: u32,
        note: Option<String>,
        kind: Kind,
        rule: Rule,
    }

    /// A unit enum named in snake case.
    #[derive(Debug, PartialEq, Clone, Copy, treem_derive::Data)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        OneThing,
        #[serde(rename = "2_things")]
        TwoThings,
    }

    /// An internally tagged enum.
    #[derive(Debug, PartialEq, treem_derive::Data)]
    #[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
    enum Rule {
        AtLeast { min: u32 },
        Checklist,
    }

    /// A struct with a flattened optional part, unknown members skipped.
    #[derive(Debug, PartialEq, treem_derive::Data)]
    struct Cell {
        unit: String,
        #[serde(flatten)]
        part: Option<Part>,
    }

    #[derive(Debug, PartialEq, treem_derive::Data)]
    struct Part {
        a: u32,
        b: u32,
    }

    fn value() -> impl Strategy<Value = Value> {
        prop::sample::select(vec![
            Value::Null,
            json!(true),
            json!(0),
            json!(7),
            json!(-1),
            json!(4_294_967_296_u64),
            json!(1.5),
            json!(""),
            json!("x"),
            json!("one_thing"),
            json!("2_things"),
            json!("at_least"),
            json!("checklist"),
            json!([]),
            json!({}),
            json!({"rule": "checklist"}),
            json!({"rule": "at_least", "min": 3}),
            json!({"rule": "at_least", "min": 3, "x": 1}),
            json!({"rule": "at_least"}),
        ])
    }

    /// The statement of each member type: `Some` when `value` is one.
    fn text(v: &Value) -> Option<String> {
        v.as_str().map(str::to_owned)
    }
    fn count(v: &Value) -> Option<u32> {
        v.as_u64().and_then(|n| u32::try_from(n).ok())
    }
    fn kind(v: &Value) -> Option<Kind> {
        match v.as_str()? {
            "one_thing" => Some(Kind::OneThing),
            "2_things" => Some(Kind::TwoThings),
            _ => None,
        }
    }
    fn rule(v: &Value) -> Option<Rule> {
        let object = v.as_object()?;
        match object.get("rule")?.as_str()? {
            "checklist" => Some(Rule::Checklist),
            "at_least" => {
                if object.keys().any(|k| k != "rule" && k != "min") {
                    return None;
                }
                Some(Rule::AtLeast { min: count(object.get("min")?)? })
            }
            _ => None,
        }
    }

    fn item(v: &Value) -> Option<Item> {
        let object = v.as_object()?;
        const KNOWN: &[&str] = &["name", "count", "note", "kind", "rule"];
        if object.keys().any(|k| !KNOWN.contains(&k.as_str())) {
            return None;
        }
        Some(Item {
            name: text(object.get("name")?)?,
            count: object.get("count").map_or(Some(0), count)?,
            note: match object.get("note") {
                None | Some(Value::Null) => None,
                Some(v) => Some(text(v)?),
            },
            kind: kind(object.get("kind")?)?,
            rule: rule(object.get("rule")?)?,
        })
    }

    proptest! {
        /// A data struct reads exactly the objects its members' types say, from a `Value`
        /// and from JSON text; anything else is an error.
        #[test]
        fn a_data_struct_reads_what_its_types_say(
            members in prop::collection::btree_map(
                prop::sample::select(vec!["name", "count", "note", "kind", "rule", "x"]),
                value(),
                0..6,
            ),
            other in value(),
        ) {
            let object = Value::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
            for input in [&object, &other] {
                let ours = Item::from_json(input).ok();
                prop_assert_eq!(&ours, &item(input), "{}", input);
                let from_text = serde_json::from_str::<Item>(&input.to_string()).ok();
                prop_assert_eq!(&from_text, &ours);
                prop_assert_eq!(Kind::deserialize(input).ok(), kind(input));
                prop_assert_eq!(Rule::from_json(input).ok(), rule(input));
            }
        }

        /// A flattened optional part is there when its members read, else `None`.
        #[test]
        fn a_flattened_option_is_there_when_it_reads(a in value(), b in value(), unit in value()) {
            let input = json!({"unit": unit, "a": a, "b": b, "y": 1});
            let want = text(&unit).map(|unit| Cell {
                unit,
                part: count(&a).zip(count(&b)).map(|(a, b)| Part { a, b }),
            });
            prop_assert_eq!(Cell::from_json(&input).ok(), want);
        }
    }

    use serde::Deserialize;

    /// The readers' errors are serde_json's, which print a float with serde_json's own
    /// printer (not core's): the message a caller reads keeps the number.
    #[test]
    fn float_values_stay_in_reader_messages() {
        let error = super::Members::new(&json!(1.5), "a criteria set", &[], false, None)
            .err()
            .unwrap();
        assert_eq!(
            error.to_string(),
            "invalid type: floating point `1.5`, expected a criteria set"
        );
    }
}
