//! Reading a draft straight from JSON text, with no `serde_json::Value` built for it.
//!
//! One small reader, not generic: a draft's `#[derive(Draft)]` writes a loop over its member
//! names that calls it, so the code added per draft type is that loop alone (serde's visitors
//! from text were instantiated per type and per reader, about 100 KB of WebAssembly).
//!
//! The reader follows what drafts mostly hold: objects, member names, texts without escapes,
//! counts (digits), lists of texts, `null`. Every other value (another number, a member of
//! the wrong type, an unknown member, a text with escapes) is handed, as its exact span of
//! text, to serde_json, which reads it as the value path would. Whenever the reader meets
//! what it does not follow (a syntax error, nesting deeper than [`MAX_DEPTH`]) it stops with
//! [`Fallback`] and the caller reads the whole record through the value path instead, which
//! then answers with the error and its place. `json/tests.rs` holds the reader to serde_json:
//! it stops exactly on what serde_json refuses, and its drafts equal the value path's.

use std::borrow::Cow;

use super::{Field, FromValue};

/// The reader stopped: read the record through the value path, which gives the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fallback;

/// Nesting the reader follows (objects and arrays open at once): serde_json's own limit, so
/// that the reader stops on no text serde_json reads (a test holds the two together).
pub(crate) const MAX_DEPTH: usize = 127;

/// JSON text being read, and where.
pub(crate) struct Text<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Text<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Text<'a> {
        Text {
            text,
            pos: 0,
            depth: 0,
        }
    }

    // The loops below work on a local slice and index, storing the position once: the
    // WebAssembly build is optimised for size (opt-level "z"), where a call per byte to a
    // helper cost a third of a whole assessment's validation.
    #[inline(always)]
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips JSON's whitespace (space, tab, line feed, carriage return: nothing else).
    #[inline(always)]
    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(pos) {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The first byte of the next value, after whitespace.
    #[inline(always)]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.byte()
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Result<(), Fallback> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    /// `None` when the next value opens with `bracket` (the reader left before it), else the
    /// value, read. Not generic: the drafts' helpers share it.
    pub(crate) fn unless(&mut self, bracket: u8) -> Result<Option<serde_json::Value>, Fallback> {
        if self.peek() == Some(bracket) {
            Ok(None)
        } else {
            self.value().map(Some)
        }
    }

    /// Nothing but whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), Fallback> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Fallback),
        }
    }

    /// Opens an object (`{`) or an array (`[`).
    pub(crate) fn open(&mut self, bracket: u8) -> Result<(), Fallback> {
        self.expect(bracket)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Fallback);
        }
        Ok(())
    }

    /// The next member name of an open object, its `:` read; `None` (the object closed) at
    /// its `}`. `first` is true before the object's first member and is cleared here.
    pub(crate) fn key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, Fallback> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !*first => self.pos += 1,
            Some(b'"') if *first => {}
            _ => return Err(Fallback),
        }
        *first = false;
        if self.peek() != Some(b'"') {
            return Err(Fallback);
        }
        let name = self.string()?;
        self.expect(b':')?;
        Ok(Some(name))
    }

    /// The place in `names` of the next member of an open object (its `:` read), `names.len()`
    /// for a name not there; `None` at the object's `}`. One lookup for every data type read
    /// from text (`#[derive(DataText)]`), so each holds no comparison of its own.
    #[cfg(feature = "safe-school")]
    pub(crate) fn member(
        &mut self,
        names: &[&str],
        first: &mut bool,
    ) -> Result<Option<usize>, Fallback> {
        Ok(self
            .key(first)?
            .map(|name| names.iter().position(|n| *n == name).unwrap_or(names.len())))
    }

    /// True when an open array has another element (its `,` read); false at its `]`.
    pub(crate) fn item(&mut self, first: &mut bool) -> Result<bool, Fallback> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !*first => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            _ => Err(Fallback),
        }
    }

    /// A text (the reader at its opening `"`): borrowed from the input when it has no escape,
    /// else read by serde_json.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Fallback> {
        self.expect(b'"')?;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut end = start;
        loop {
            match bytes.get(end) {
                Some(b'"') => {
                    let text = self.text.get(start..end).ok_or(Fallback)?;
                    self.pos = end + 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => {
                    self.pos = end;
                    self.skip_string_from(start)?;
                    let span = self.text.get(start - 1..self.pos).ok_or(Fallback)?;
                    // Read as a `Value`, the value path's own reader: reading it as a
                    // `String` would link serde's type errors, float formatting and all.
                    return match serde_json::from_str(span) {
                        Ok(serde_json::Value::String(text)) => Ok(Cow::Owned(text)),
                        _ => Err(Fallback),
                    };
                }
                // A control character must be escaped (serde_json refuses it).
                Some(0..=0x1f) | None => return Err(Fallback),
                Some(_) => end += 1,
            }
        }
    }

    /// Moves past the closing quote of a text that opened before `start`.
    fn skip_string_from(&mut self, start: usize) -> Result<(), Fallback> {
        let bytes = self.text.as_bytes();
        let mut pos = self.pos.max(start);
        loop {
            match bytes.get(pos) {
                Some(b'"') => {
                    self.pos = pos + 1;
                    return Ok(());
                }
                Some(b'\\') => pos += 2,
                None => return Err(Fallback),
                Some(_) => pos += 1,
            }
        }
    }

    /// The span of the next value, the reader moved past it. The span is only delimited here
    /// (strings, brackets, a scalar up to its end); serde_json judges it when it reads it.
    pub(crate) fn span(&mut self) -> Result<&'a str, Fallback> {
        self.skip_space();
        let start = self.pos;
        match self.byte() {
            Some(b'"') => {
                self.pos += 1;
                self.skip_string_from(self.pos)?;
            }
            Some(b'{' | b'[') => {
                let mut nested = 0_usize;
                loop {
                    match self.byte() {
                        Some(b'{' | b'[') => {
                            nested += 1;
                            if self.depth + nested > MAX_DEPTH {
                                return Err(Fallback);
                            }
                            self.pos += 1;
                        }
                        Some(b'}' | b']') => {
                            nested -= 1;
                            self.pos += 1;
                            if nested == 0 {
                                break;
                            }
                        }
                        Some(b'"') => {
                            self.pos += 1;
                            self.skip_string_from(self.pos)?;
                        }
                        Some(_) => self.pos += 1,
                        None => return Err(Fallback),
                    }
                }
            }
            _ => {
                while let Some(b) = self.byte() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        match self.text.get(start..self.pos) {
            Some(span) if !span.is_empty() => Ok(span),
            _ => Err(Fallback),
        }
    }

    /// The next value, as the value path reads it.
    pub(crate) fn value(&mut self) -> Result<serde_json::Value, Fallback> {
        let span = self.span()?;
        // A count (digits, no leading zero, within u64) is the commonest scalar read this
        // way; serde_json reads it as this same `u64`. Anything else is serde_json's to read.
        if let Some(n) = count(span) {
            return Ok(serde_json::Value::from(n));
        }
        serde_json::from_str(span).map_err(|_| Fallback)
    }

    /// The next value read by `read`, or, where `read` stops, the same value as the value path
    /// reads it (`Err`, the reader moved back to where `read` began): a data type read
    /// straight from text where it can be, by its value where it cannot.
    ///
    /// # Errors
    /// [`Fallback`] when the value path's reader stops too.
    #[cfg(feature = "safe-school")]
    pub(crate) fn or_value<T>(
        &mut self,
        read: impl FnOnce(&mut Text<'a>) -> Result<T, Fallback>,
    ) -> Result<Result<T, serde_json::Value>, Fallback> {
        let (pos, depth) = (self.pos, self.depth);
        match read(self) {
            Ok(read) => Ok(Ok(read)),
            Err(Fallback) => {
                self.pos = pos;
                self.depth = depth;
                self.value().map(Err)
            }
        }
    }

    /// Skips the next value (still judged by serde_json: a member skipped is still JSON).
    pub(crate) fn skip(&mut self) -> Result<(), Fallback> {
        // As a `Value` (see `string`); only drafts that keep no unknown member skip.
        self.value().map(|_| ())
    }
}

/// `span` as a JSON integer of digits alone (`0`, or no leading zero) that fits a `u64`.
pub(crate) fn count(span: &str) -> Option<u64> {
    let digits = span.as_bytes();
    if digits.is_empty() || digits.len() > 19 || (digits.len() > 1 && digits.first() == Some(&b'0'))
    {
        return None;
    }
    let mut n: u64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(d - b'0');
    }
    Some(n)
}

/// A draft read from JSON text: its members, the reader at its `{`. Implemented for each draft
/// by `#[derive(Draft)]`.
pub(crate) trait ReadText: Sized {
    /// Reads an object into `self` (a fresh default draft), member by member.
    ///
    /// # Errors
    /// [`Fallback`] whenever the reader stops.
    fn read_text(&mut self, text: &mut Text<'_>) -> Result<(), Fallback>;

    /// A whole draft read from the next value.
    ///
    /// # Errors
    /// [`Fallback`] whenever the reader stops.
    fn from_text(text: &mut Text<'_>) -> Result<Self, Fallback>;
}

/// A draft from a whole JSON text (an object and nothing after it but whitespace).
///
/// # Errors
/// [`Fallback`] whenever the reader stops: the value path reads the text instead.
pub(crate) fn read<D: ReadText>(text: &str) -> Result<D, Fallback> {
    let mut reader = Text::new(text);
    if reader.peek() != Some(b'{') {
        return Err(Fallback);
    }
    let draft = D::from_text(&mut reader)?;
    reader.end()?;
    Ok(draft)
}

/// A member of a plain type from text: texts straight, anything else through its value.
pub(crate) fn plain<T: FromText>(
    field: &mut Field<T>,
    text: &mut Text<'_>,
) -> Result<(), Fallback> {
    *field = T::field_from_text(text)?;
    Ok(())
}

/// How a plain member type reads from text; by default through its value.
pub(crate) trait FromText: FromValue {
    /// The member's field.
    ///
    /// # Errors
    /// [`Fallback`] whenever the reader stops.
    fn field_from_text(text: &mut Text<'_>) -> Result<Field<Self>, Fallback> {
        Ok(Field::from_member(text.value()?))
    }
}

impl FromText for String {
    fn field_from_text(text: &mut Text<'_>) -> Result<Field<String>, Fallback> {
        if text.peek() == Some(b'"') {
            return Ok(Field::Value(text.string()?.into_owned()));
        }
        Ok(Field::from_member(text.value()?))
    }
}

impl FromText for i64 {}
impl FromText for u64 {}
impl FromText for bool {}
impl FromText for serde_json::Value {}
/// An object's members one by one, as serde_json then the map's `FromValue` read them (a
/// member named twice keeps its last value).
impl FromText for std::collections::BTreeMap<String, serde_json::Value> {
    fn field_from_text(text: &mut Text<'_>) -> Result<Field<Self>, Fallback> {
        if let Some(other) = text.unless(b'{')? {
            return Ok(not_read(other));
        }
        text.open(b'{')?;
        let mut map = std::collections::BTreeMap::new();
        let mut first = true;
        while let Some(name) = text.key(&mut first)? {
            let value = text.value()?;
            map.insert(name.into_owned(), value);
        }
        Ok(Field::Value(map))
    }
}

/// A list of texts, each read straight (a list reads only when every element is a text).
impl FromText for Vec<String> {
    fn field_from_text(text: &mut Text<'_>) -> Result<Field<Self>, Fallback> {
        every_element(text, b'"', |text| Ok(text.string()?.into_owned()))
    }
}
impl FromText for Vec<Field<i64>> {}
impl FromText for Vec<Field<String>> {}

/// A member holding a draft: read when it is an object.
pub(crate) fn draft<T: ReadText>(
    field: &mut Field<T>,
    text: &mut Text<'_>,
) -> Result<(), Fallback> {
    *field = match text.unless(b'{')? {
        None => Field::Value(T::from_text(text)?),
        Some(other) => not_read(other),
    };
    Ok(())
}

/// A member's value that is not of its type (a draft's non-object, a list's non-array):
/// `null`, or kept whole, as [`Field::from_member`] answers without asking the type.
fn not_read<T>(value: serde_json::Value) -> Field<T> {
    if value.is_null() {
        Field::Null
    } else {
        Field::Invalid(value)
    }
}

/// A draft from a parsed value, by its text: how WebAssembly builds read drafts from values
/// (the derive's `FromValue`), so a form module holds one reader per draft type. The answer
/// is the value path's (`json/tests.rs` holds the two equal for any object).
///
/// # Errors
/// `value` back when it is not an object (or, never for a value serde_json parsed, when the
/// reader stops on its text).
// Only WebAssembly form modules read values this way (elsewhere drafts read values by the
// derive's own loop); natively the tests call it.
#[cfg_attr(
    any(not(target_arch = "wasm32"), feature = "indicators"),
    allow(dead_code)
)]
pub(crate) fn from_value<D: ReadText>(value: serde_json::Value) -> Result<D, serde_json::Value> {
    if !value.is_object() {
        return Err(value);
    }
    read(&value.to_string()).map_err(|_| value)
}

/// A member holding a list of drafts, each object element read in place.
pub(crate) fn draft_list<T: ReadText>(
    field: &mut Field<Vec<Field<T>>>,
    text: &mut Text<'_>,
) -> Result<(), Fallback> {
    if let Some(other) = text.unless(b'[')? {
        *field = not_read(other);
        return Ok(());
    }
    text.open(b'[')?;
    let mut items = Vec::new();
    let mut first = true;
    while text.item(&mut first)? {
        let mut item = Field::Absent;
        draft(&mut item, text)?;
        items.push(item);
    }
    *field = Field::Value(items);
    Ok(())
}

/// A plain list of drafts (`Field<Vec<SomeDraft>>`): read element by element when every
/// element is an object (a list reads only when every element does, as from a value).
pub(crate) fn draft_vec<T: ReadText>(text: &mut Text<'_>) -> Result<Field<Vec<T>>, Fallback> {
    every_element(text, b'{', T::from_text)
}

/// A list whose every element must open with `opening` (`"` a text, `{` a draft), each read
/// by `element`; at the first that does not, the whole list is read again as its value and
/// kept whole as [`Field::Invalid`], as the value path keeps it.
fn every_element<T>(
    text: &mut Text<'_>,
    opening: u8,
    element: impl Fn(&mut Text<'_>) -> Result<T, Fallback>,
) -> Result<Field<Vec<T>>, Fallback> {
    if let Some(other) = text.unless(b'[')? {
        return Ok(not_read(other));
    }
    let (start, depth) = (text.pos, text.depth);
    text.open(b'[')?;
    let mut items = Vec::new();
    let mut first = true;
    while text.item(&mut first)? {
        if text.peek() != Some(opening) {
            text.pos = start;
            text.depth = depth;
            return Ok(not_read(text.value()?));
        }
        items.push(element(text)?);
    }
    Ok(Field::Value(items))
}
