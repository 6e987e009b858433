//! Rules shared by every kind: field types, required fields, unknown fields.

use std::collections::BTreeMap;

use crate::json::{type_name, Field};
use crate::report::{IssueSink, Location};

crate::codes! {
    /// A member has a JSON type the kind does not accept there.
    FIELD_WRONG_TYPE = "field.wrong_type", Error, "record.fields", "treem",
        "Giá trị phải là {expected}, nhưng nhận được {found}",
        "Expected {expected}, found {found}";
    /// A member the kind requires is absent, null or empty.
    FIELD_REQUIRED = "field.required", Error, "record.fields", "treem",
        "Thiếu thông tin bắt buộc",
        "This field is required";
    /// A member the kind does not know; kept as it is, but probably misspelt.
    RECORD_UNKNOWN_FIELD = "record.unknown_field", Warning, "record.fields", "treem",
        "Trường {field} không thuộc mẫu dữ liệu này (được giữ nguyên)",
        "Field {field} is not part of this record type (kept as is)";
    /// A rule needs the date of judgement but the caller gave no `as_of`.
    CONTEXT_AS_OF_MISSING = "context.as_of_missing", Warning, "context", "treem",
        "Chưa có ngày tính (as_of): bỏ qua các quy tắc phụ thuộc ngày",
        "No as_of date given: rules that depend on the date were not checked";
    /// In a batch, an element that is not a JSON object cannot be a record; it is reported in
    /// its place so no record is lost.
    RECORD_NOT_OBJECT = "record.not_object", Error, "record.fields", "treem",
        "Bản ghi phải là một đối tượng JSON, nhưng nhận được {found}",
        "A record must be a JSON object, found {found}";
    /// A record longer than the size limit (option `max_record_bytes`, default 1 MiB): refused
    /// before it is parsed, so one giant record cannot take the memory of the whole batch. In a
    /// batch it is reported in its place; alone it is the error `record_too_large`.
    RECORD_TOO_LARGE = "record.too_large", Error, "record.size", "treem",
        "Bản ghi dài {bytes} byte, vượt giới hạn {limit} byte (tùy chọn max_record_bytes): bản ghi không được đọc",
        "The record is {bytes} bytes long, more than the limit of {limit} bytes (option max_record_bytes): it was not read";
}

/// `text.trim()`, answered at once for the usual text that starts and ends with a printable
/// ASCII character (trimming is called on every member of every record, and the general
/// Unicode trim cost about fifty instructions each time).
pub(crate) fn trim(text: &str) -> &str {
    let solid =
        |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' '));
    let bytes = text.as_bytes();
    if solid(bytes.first()) && solid(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// `text.trim().is_empty()`: empty or only whitespace.
pub(crate) fn is_blank(text: &str) -> bool {
    trim(text).is_empty()
}

/// Reports a member whose type did not fit ([`Field::Invalid`]). Returns the value when it fit.
pub(crate) fn typed<'f, T>(
    field: &'f Field<T>,
    location: &Location<'_>,
    expected: &'static str,
    sink: &mut IssueSink,
) -> Option<&'f T> {
    match field {
        Field::Value(v) => Some(v),
        Field::Invalid(raw) => {
            sink.push(
                &FIELD_WRONG_TYPE,
                location,
                [
                    ("expected", expected.into()),
                    ("found", type_name(raw).into()),
                ],
            );
            None
        }
        Field::Absent | Field::Null => None,
    }
}

/// Like [`typed`], and reports `field.required` when the member is missing or blank.
pub(crate) fn required_text<'f>(
    field: &'f Field<String>,
    location: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'f str> {
    match typed(field, location, "string", sink) {
        Some(text) if !is_blank(text) => Some(text.as_str()),
        Some(_) => {
            sink.push(&FIELD_REQUIRED, location, []);
            None
        }
        None => {
            if field.is_missing() {
                sink.push(&FIELD_REQUIRED, location, []);
            }
            None
        }
    }
}

/// Warns once per member the kind does not know (in key order: deterministic).
pub(crate) fn unknown_fields(
    unknown: &BTreeMap<String, serde_json::Value>,
    location: &Location<'_>,
    sink: &mut IssueSink,
) {
    for name in unknown.keys() {
        let at = location.key(name);
        sink.push(
            &RECORD_UNKNOWN_FIELD,
            &at,
            [("field", crate::privacy::truncate(name, 40).into())],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn trim_answers_as_str_trim(text in "[ \\t\\n\\r\u{b}\u{c}\u{a0}\u{85}\u{2003}a-c~\u{1c}-\u{1f}ấ]{0,6}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
            proptest::prop_assert_eq!(is_blank(&text), text.trim().is_empty());
        }
    }
}
