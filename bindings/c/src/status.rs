//! The status every entry point returns, and its mapping from the core's error codes.

/// The result of a call. `TREEM_STATUS_OK` (0) means `*out` holds the answer; every other
/// value means `*out` holds (when `out` was not NULL) the error as JSON:
/// `{"error": "<code>", "message": "<English text>"}`.
///
/// The values are fixed: a value is never renumbered or reused with another meaning, and new
/// statuses are only ever added at the end. Invalid *data* is never a status: a record full
/// of mistakes is `TREEM_STATUS_OK` with a report whose `"ok"` is `false`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreemStatus {
    /// Success: `*out` holds the answer as JSON.
    Ok = 0,
    /// A required pointer argument was NULL (or a `_n` pointer was NULL with a length
    /// above 0). When `out` itself is NULL nothing is written anywhere.
    NullArgument = 1,
    /// A text argument or the input was not valid UTF-8 (`"error": "invalid_utf8"`).
    InvalidUtf8 = 2,
    /// The input or the options were not JSON (`"error": "not_json"`).
    NotJson = 3,
    /// The kind is not one the library knows (`"error": "unknown_kind"`).
    UnknownKind = 4,
    /// The parser or catalog name is not one the library knows (`"error": "unknown_name"`).
    UnknownName = 5,
    /// The input was JSON of the wrong type at the top level, e.g. an array where a record
    /// belongs (`"error": "wrong_top_level_type"`).
    WrongTopLevelType = 6,
    /// An option was unknown or had an invalid value (`"error": "invalid_option"`).
    InvalidOption = 7,
    /// A `_n` length was larger than the largest object the platform can hold
    /// (`"error": "invalid_length"`).
    InvalidLength = 8,
    /// The library panicked (a bug in treem); the panic was caught at the boundary and the
    /// process is unharmed (`"error": "panic"`). Please report it.
    Panic = 9,
    /// The core reported a misuse this version of the binding has no status for yet; the
    /// JSON in `*out` names it.
    OtherError = 10,
    /// The answer could not be handed over as a C string (a failure inside the binding).
    InternalError = 11,
    /// The record is longer than the option `max_record_bytes` (default 1 MiB) and was not
    /// parsed (`"error": "record_too_large"`, with `bytes`, `limit` and `message_vi`). In
    /// `treem_validate_many` such a record is a report in its place, never this status.
    RecordTooLarge = 12,
}

impl TreemStatus {
    /// The status for one of the core's stable error codes (`treem::Error::code()`).
    pub(crate) fn from_core_code(code: &str) -> TreemStatus {
        match code {
            "invalid_utf8" => TreemStatus::InvalidUtf8,
            "not_json" => TreemStatus::NotJson,
            "unknown_kind" => TreemStatus::UnknownKind,
            "unknown_name" => TreemStatus::UnknownName,
            "wrong_top_level_type" => TreemStatus::WrongTopLevelType,
            "invalid_option" => TreemStatus::InvalidOption,
            "record_too_large" => TreemStatus::RecordTooLarge,
            _ => TreemStatus::OtherError,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TreemStatus;

    #[test]
    fn every_core_code_has_its_own_status() {
        let codes = [
            "invalid_utf8",
            "not_json",
            "unknown_kind",
            "unknown_name",
            "wrong_top_level_type",
            "invalid_option",
            "record_too_large",
        ];
        let statuses: Vec<TreemStatus> = codes
            .iter()
            .map(|c| TreemStatus::from_core_code(c))
            .collect();
        for (i, s) in statuses.iter().enumerate() {
            assert_ne!(*s, TreemStatus::OtherError, "{}", codes[i]);
            assert_ne!(*s, TreemStatus::Ok, "{}", codes[i]);
            assert_eq!(statuses.iter().filter(|t| *t == s).count(), 1, "{s:?}");
        }
        assert_eq!(
            TreemStatus::from_core_code("a_future_code"),
            TreemStatus::OtherError
        );
    }

    #[test]
    fn values_are_fixed() {
        // The numbers are part of the ABI: changing one breaks every compiled caller.
        assert_eq!(TreemStatus::Ok as i32, 0);
        assert_eq!(TreemStatus::NullArgument as i32, 1);
        assert_eq!(TreemStatus::InvalidUtf8 as i32, 2);
        assert_eq!(TreemStatus::NotJson as i32, 3);
        assert_eq!(TreemStatus::UnknownKind as i32, 4);
        assert_eq!(TreemStatus::UnknownName as i32, 5);
        assert_eq!(TreemStatus::WrongTopLevelType as i32, 6);
        assert_eq!(TreemStatus::InvalidOption as i32, 7);
        assert_eq!(TreemStatus::InvalidLength as i32, 8);
        assert_eq!(TreemStatus::Panic as i32, 9);
        assert_eq!(TreemStatus::OtherError as i32, 10);
        assert_eq!(TreemStatus::InternalError as i32, 11);
        assert_eq!(TreemStatus::RecordTooLarge as i32, 12);
    }
}
