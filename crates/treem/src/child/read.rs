//! Reading the members of a draft: the type check, then the value in its domain (a date, a
//! code of a list), each failure reported at the member's path.
//!
//! Also the protection case's readers (feature `case`, which compiles them without the child
//! record: some go unused there).
#![cfg_attr(not(feature = "child"), allow(dead_code))]

use chrono::NaiveDate;

use crate::code_list::Entry;
use crate::fields::typed;
use crate::json::Field;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// A coded member holds a value that is not in its list (see the named catalog).
    CHILD_CODE_UNKNOWN = "child.code_unknown", Error, "child.codes", "treem (lists of the catalog entry point, each with its legal source)",
        "Giá trị không có trong danh mục {catalog}",
        "Value is not in the catalog {catalog}";
}

/// A text member read as an entry of `list` (code, label or alias); reports a wrong type or a
/// value outside the list.
pub(crate) fn code<'a>(
    field: &Field<String>,
    at: &Location<'_>,
    list: &'a [Entry],
    catalog: &'static str,
    sink: &mut IssueSink,
) -> Option<&'a Entry> {
    let text = typed(field, at, "string", sink)?;
    if crate::fields::is_blank(text) {
        return None;
    }
    let found = crate::code_list::lookup(list, text);
    if found.is_none() {
        sink.push(&CHILD_CODE_UNKNOWN, at, [("catalog", catalog.into())]);
    }
    found
}

/// A text member read as a date; reports a wrong type or a date that does not parse.
pub(crate) fn date(
    field: &Field<String>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<NaiveDate> {
    let text = typed(field, at, "string", sink)?;
    if crate::fields::is_blank(text) {
        return None;
    }
    crate::vn::date::parse(text, at, sink).map(|p| p.date)
}

/// A plain text member: type check only.
pub(crate) fn text<'f>(
    field: &'f Field<String>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'f str> {
    typed(field, at, "string", sink).map(String::as_str)
}

/// A nested object member: type check only.
pub(crate) fn object<'f, T>(
    field: &'f Field<T>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'f T> {
    typed(field, at, "object", sink)
}

/// The elements of an array member (reported when the member is not an array). Each element's
/// own type is checked by the caller with [`object`] as it walks them, so issues stay in
/// input order.
pub(crate) fn elements<'f, T>(
    field: &'f Field<Vec<Field<T>>>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> &'f [Field<T>] {
    typed(field, at, "array", sink).map_or(&[], Vec::as_slice)
}

/// A person's name judged by [`crate::vn::name::check`] (the issues of [`person_name`]),
/// for a rule that keeps nothing of it.
pub(crate) fn check_person_name(field: &Field<String>, at: &Location<'_>, sink: &mut IssueSink) {
    if let Some(text) = typed(field, at, "string", sink) {
        if !crate::fields::is_blank(text) {
            crate::vn::name::check(text, at, sink);
        }
    }
}

/// A person's name (the child's or a guardian's), read by [`crate::vn::name::parse`]: a
/// wrong type, or digits, symbols, invisible characters, stray combining marks or an
/// over-long name reported at `at` (codes `name.*`). Empty text counts as absent.
pub(crate) fn person_name(
    field: &Field<String>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<String> {
    let text = typed(field, at, "string", sink)?;
    if crate::fields::is_blank(text) {
        return None;
    }
    crate::vn::name::key(text, at, sink)
}
