//! Data types read straight from JSON text (`#[derive(DataText)]`, beside `#[derive(Data)]`),
//! for the data records carry inline (a criteria set in an assessment): no `serde_json::Value`
//! built, read and dropped. The reader answers only where `Data`'s reader would give the same
//! answer, and stops ([`Fallback`]) anywhere else; the caller then reads the value
//! ([`Text::or_value`]), which gives the answer and its error. The tests of `json/data.rs`
//! (the derive against a statement of each type) and `safe_school/choice.rs` (criteria sets,
//! and any one-character edit of one) hold the two readers to the same answers.

use std::borrow::Cow;

use super::text::{count, Fallback, Text};

/// A data type read straight from JSON text (`#[derive(DataText)]`, beside `#[derive(Data)]`):
/// an answer only for text whose value `Data`'s reader ([`super::data::FromJson`]) reads to
/// the same answer; [`Fallback`] for anything else, and the caller reads the value instead
/// ([`Text::or_value`]), which then gives the answer and its error.
pub(crate) trait DataText: Sized {
    /// The value read from the next value of `text`.
    ///
    /// # Errors
    /// [`Fallback`] whenever the reader stops or the value may not read.
    fn data_from_text(text: &mut Text<'_>) -> Result<Self, Fallback>;
}

/// Reads a member into its slot; a member named twice stops the reader (a parsed `Value`
/// keeps the last, which the value path then reads). One copy per member type, not per
/// member: the readers stay small.
///
/// # Errors
/// [`Fallback`] whenever the reader stops, or for a member already read.
#[inline(never)]
pub(crate) fn member<T: DataText>(
    slot: &mut Option<T>,
    text: &mut Text<'_>,
) -> Result<(), Fallback> {
    if slot.is_some() {
        return Err(Fallback);
    }
    *slot = Some(T::data_from_text(text)?);
    Ok(())
}

impl DataText for String {
    fn data_from_text(text: &mut Text<'_>) -> Result<String, Fallback> {
        text.string().map(Cow::into_owned)
    }
}

impl DataText for bool {
    fn data_from_text(text: &mut Text<'_>) -> Result<bool, Fallback> {
        match text.peek() {
            Some(b't' | b'f') => match text.span()? {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(Fallback),
            },
            _ => Err(Fallback),
        }
    }
}

impl DataText for u64 {
    fn data_from_text(text: &mut Text<'_>) -> Result<u64, Fallback> {
        match text.peek() {
            Some(b'0'..=b'9') => count(text.span()?).ok_or(Fallback),
            _ => Err(Fallback),
        }
    }
}

impl DataText for u32 {
    fn data_from_text(text: &mut Text<'_>) -> Result<u32, Fallback> {
        u64::data_from_text(text).and_then(|n| u32::try_from(n).map_err(|_| Fallback))
    }
}

/// `null` is `None`, as [`super::data::FromJson`] reads it.
impl<T: DataText> DataText for Option<T> {
    fn data_from_text(text: &mut Text<'_>) -> Result<Option<T>, Fallback> {
        if text.peek() == Some(b'n') {
            return match text.span()? {
                "null" => Ok(None),
                _ => Err(Fallback),
            };
        }
        T::data_from_text(text).map(Some)
    }
}

impl<T: DataText> DataText for Vec<T> {
    fn data_from_text(text: &mut Text<'_>) -> Result<Vec<T>, Fallback> {
        text.open(b'[')?;
        let mut items = Vec::new();
        let mut first = true;
        while text.item(&mut first)? {
            items.push(T::data_from_text(text)?);
        }
        Ok(items)
    }
}
