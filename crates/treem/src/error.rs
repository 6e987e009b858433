//! Errors for misuse only: invalid data is never an error, it is a [`crate::Report`].

/// What went wrong when the library was called the wrong way.
///
/// Cheap to clone and compare; inspect it with the `is_*` predicates or [`Error::code`]
/// rather than matching on its internals, which may grow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{inner}")]
pub struct Error {
    inner: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ErrorKind {
    #[error("unknown kind {name:?}; expected one of: {expected}")]
    UnknownKind { name: String, expected: String },
    #[error("unknown {what} {name:?}; expected one of: {expected}")]
    UnknownName {
        what: &'static str,
        name: String,
        expected: String,
    },
    #[error("input is not valid JSON: {detail}")]
    NotJson { detail: String },
    #[error("input is not valid UTF-8 (first invalid byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("input must be a JSON {expected}, found {found}")]
    WrongTopLevelType {
        expected: &'static str,
        found: &'static str,
    },
    #[error("invalid option {option:?}: {detail}")]
    InvalidOption { option: String, detail: String },
}

impl Error {
    pub(crate) fn unknown_kind(name: &str, expected: &[&str]) -> Error {
        Error {
            inner: ErrorKind::UnknownKind {
                name: crate::privacy::truncate(name, 40),
                expected: expected.join(", "),
            },
        }
    }

    pub(crate) fn unknown_name(what: &'static str, name: &str, expected: &[&str]) -> Error {
        Error {
            inner: ErrorKind::UnknownName {
                what,
                name: crate::privacy::truncate(name, 40),
                expected: expected.join(", "),
            },
        }
    }

    pub(crate) fn not_json(err: &serde_json::Error) -> Error {
        // serde_json's messages quote the value they could not read: taken out (privacy).
        Error {
            inner: ErrorKind::NotJson {
                detail: crate::privacy::serde_error(err),
            },
        }
    }

    pub(crate) fn invalid_utf8(offset: usize) -> Error {
        Error {
            inner: ErrorKind::InvalidUtf8 { offset },
        }
    }

    pub(crate) fn wrong_top_level(expected: &'static str, found: &serde_json::Value) -> Error {
        Error {
            inner: ErrorKind::WrongTopLevelType {
                expected,
                found: crate::json::type_name(found),
            },
        }
    }

    pub(crate) fn invalid_option(option: &str, detail: impl Into<String>) -> Error {
        Error {
            inner: ErrorKind::InvalidOption {
                option: option.to_owned(),
                detail: detail.into(),
            },
        }
    }

    /// A stable machine-readable name for the error: `unknown_kind`, `unknown_name`,
    /// `not_json`, `invalid_utf8`, `wrong_top_level_type` or `invalid_option`.
    pub fn code(&self) -> &'static str {
        match self.inner {
            ErrorKind::UnknownKind { .. } => "unknown_kind",
            ErrorKind::UnknownName { .. } => "unknown_name",
            ErrorKind::NotJson { .. } => "not_json",
            ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
            ErrorKind::WrongTopLevelType { .. } => "wrong_top_level_type",
            ErrorKind::InvalidOption { .. } => "invalid_option",
        }
    }

    /// The kind name was not one the library knows.
    pub fn is_unknown_kind(&self) -> bool {
        matches!(self.inner, ErrorKind::UnknownKind { .. })
    }

    /// A catalog, parser or other name was not one the library knows.
    pub fn is_unknown_name(&self) -> bool {
        matches!(self.inner, ErrorKind::UnknownName { .. })
    }

    /// The input could not be read as JSON (or was not UTF-8).
    pub fn is_not_json(&self) -> bool {
        matches!(
            self.inner,
            ErrorKind::NotJson { .. } | ErrorKind::InvalidUtf8 { .. }
        )
    }

    /// The input was JSON but of the wrong type at the top level (an array for a record, ...).
    pub fn is_wrong_top_level_type(&self) -> bool {
        matches!(self.inner, ErrorKind::WrongTopLevelType { .. })
    }

    /// An option was unknown or had an invalid value.
    pub fn is_invalid_option(&self) -> bool {
        matches!(self.inner, ErrorKind::InvalidOption { .. })
    }

    /// The error as a JSON object `{"error": code, "message": text}` for bindings.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.code(), "message": self.to_string() })
    }
}
