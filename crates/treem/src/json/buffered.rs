//! Buffered members for the few hand-written `Deserialize` impls that must see a whole object
//! before they can read it (an internally tagged enum, a flattened wire record).
//!
//! serde's derive reads such types through its private `Content` buffer, which links some
//! 25 KB of generic code into the WebAssembly package for four types. These impls buffer
//! into `serde_json::Value` instead (whose reading is linked anyway), then read each member
//! from its buffered value with the member type's own `Deserialize`, so the accepted inputs
//! and the error messages stay those of the derive (each impl's tests compare against it).
//!
//! For plain structs and unit enums use `crate::json::data::data_deserialize!` instead (same
//! idea, generated); these helpers are for the shapes it does not cover.

use serde::de::{DeserializeOwned, Error};
use serde_json::Value;

/// The members of an object in input order, as key and buffered value.
pub(crate) type Members = Vec<(String, Value)>;

/// Reads the remaining members of `map` into a buffer, in input order.
#[cfg(feature = "indicators")]
pub(crate) fn members<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Members, A::Error> {
    let mut out = Members::new();
    while let Some(key) = map.next_key::<String>()? {
        out.push((key, map.next_value::<Value>()?));
    }
    Ok(out)
}

/// Reads a `T` from a buffered value. The error keeps its message (a `Value` error carries no
/// position); the outer deserializer adds its own position, as it does for the derive's.
pub(crate) fn read<T: DeserializeOwned, E: Error>(value: &Value) -> Result<T, E> {
    T::deserialize(value).map_err(E::custom)
}

/// Stores `value` in `slot`, or fails as serde's derive does on a member given twice (only a
/// streaming reader can see one: a `Value` object has unique keys).
pub(crate) fn set_once<T, E: Error>(
    slot: &mut Option<T>,
    name: &'static str,
    value: impl FnOnce() -> Result<T, E>,
) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value()?);
    Ok(())
}
