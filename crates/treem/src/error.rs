//! Errors for misuse only: invalid data is never an error, it is a [`crate::Report`].

/// What went wrong when the library was called the wrong way.
///
/// Cheap to clone and compare; inspect it with the `is_*` predicates or [`Error::code`]
/// rather than matching on its internals, which may grow.
///
/// # Examples
/// ```
/// let validator = treem::Validator::builder().build()?;
/// let err = validator.validate_bytes("tre_em", b"{}").unwrap_err();
/// assert!(err.is_unknown_kind());
/// assert_eq!(err.code(), "unknown_kind");
/// let err = validator.validate_bytes("child", b"[1]").unwrap_err();
/// assert!(err.is_wrong_top_level_type());
/// // An HTTP service answers misuse with a 400 and this JSON.
/// assert_eq!(err.to_json()["error"], "wrong_top_level_type");
/// # Ok::<(), treem::Error>(())
/// ```
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
    #[error("record is {bytes} bytes long, more than the limit of {limit} bytes (option max_record_bytes): it was not read")]
    RecordTooLarge { bytes: usize, limit: usize },
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

    /// Invalid JSON found by treem's own batch framing (no serde error to quote); `detail`
    /// must not quote the input.
    pub(crate) fn not_json_detail(detail: String) -> Error {
        Error {
            inner: ErrorKind::NotJson { detail },
        }
    }

    pub(crate) fn record_too_large(bytes: usize, limit: usize) -> Error {
        Error {
            inner: ErrorKind::RecordTooLarge { bytes, limit },
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
    /// `not_json`, `invalid_utf8`, `wrong_top_level_type`, `invalid_option` or
    /// `record_too_large`.
    ///
    /// # Examples
    /// ```
    /// let err = treem::api::validate("child", b"{", b"").unwrap_err();
    /// assert_eq!(err.code(), "not_json");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.inner {
            ErrorKind::UnknownKind { .. } => "unknown_kind",
            ErrorKind::UnknownName { .. } => "unknown_name",
            ErrorKind::NotJson { .. } => "not_json",
            ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
            ErrorKind::WrongTopLevelType { .. } => "wrong_top_level_type",
            ErrorKind::InvalidOption { .. } => "invalid_option",
            ErrorKind::RecordTooLarge { .. } => "record_too_large",
        }
    }

    /// The kind name was not one the library knows.
    ///
    /// # Examples
    /// ```
    /// let err = treem::api::validate("tre_em", b"{}", b"{}").unwrap_err();
    /// assert!(err.is_unknown_kind());
    /// ```
    pub fn is_unknown_kind(&self) -> bool {
        matches!(self.inner, ErrorKind::UnknownKind { .. })
    }

    /// A catalog, parser or other name was not one the library knows.
    ///
    /// # Examples
    /// ```
    /// let err = treem::api::catalog("no_such_catalog", b"{}").unwrap_err();
    /// assert!(err.is_unknown_name());
    /// ```
    pub fn is_unknown_name(&self) -> bool {
        matches!(self.inner, ErrorKind::UnknownName { .. })
    }

    /// The input could not be read as JSON (or was not UTF-8).
    ///
    /// # Examples
    /// ```
    /// let err = treem::Context::from_options_json(b"{").unwrap_err();
    /// assert!(err.is_not_json());
    /// ```
    pub fn is_not_json(&self) -> bool {
        matches!(
            self.inner,
            ErrorKind::NotJson { .. } | ErrorKind::InvalidUtf8 { .. }
        )
    }

    /// The input was JSON but of the wrong type at the top level (an array for a record, ...).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let err = treem::api::validate("child", b"[]", b"{}").unwrap_err();
    /// assert!(err.is_wrong_top_level_type());
    /// # }
    /// ```
    pub fn is_wrong_top_level_type(&self) -> bool {
        matches!(self.inner, ErrorKind::WrongTopLevelType { .. })
    }

    /// An option was unknown or had an invalid value.
    ///
    /// # Examples
    /// ```
    /// let err = treem::Context::from_options_json(br#"{"lang": "fr"}"#).unwrap_err();
    /// assert!(err.is_invalid_option());
    /// ```
    pub fn is_invalid_option(&self) -> bool {
        matches!(self.inner, ErrorKind::InvalidOption { .. })
    }

    /// The record was longer than the size limit (option `max_record_bytes`) and was not read.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let err = treem::api::validate("child", b"{}  ", br#"{"max_record_bytes": 2}"#).unwrap_err();
    /// assert!(err.is_record_too_large());
    /// # }
    /// ```
    pub fn is_record_too_large(&self) -> bool {
        matches!(self.inner, ErrorKind::RecordTooLarge { .. })
    }

    /// The record was longer than the size limit (option `max_record_bytes`) and was not
    /// read: `Some((bytes, limit))`.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let err = treem::api::validate("child", b"{}  ", br#"{"max_record_bytes": 2}"#).unwrap_err();
    /// assert_eq!(err.record_too_large_size(), Some((4, 2)));
    /// # }
    /// ```
    pub fn record_too_large_size(&self) -> Option<(usize, usize)> {
        match self.inner {
            ErrorKind::RecordTooLarge { bytes, limit } => Some((bytes, limit)),
            _ => None,
        }
    }

    /// The message in `lang`: the `Display` text in English, its Vietnamese counterpart
    /// otherwise. Details that come from elsewhere (a JSON parser's position, an option's
    /// reason) stay as they were written.
    ///
    /// # Examples
    /// ```
    /// let e = treem::api::validate("tre_em", b"{}", b"{}").unwrap_err();
    /// assert!(e.message(treem::Lang::Vi).starts_with("Không có loại hồ sơ"));
    /// assert!(e.message(treem::Lang::En).starts_with("unknown kind"));
    /// ```
    pub fn message(&self, lang: crate::Lang) -> String {
        if lang == crate::Lang::En {
            return self.to_string();
        }
        match &self.inner {
            ErrorKind::UnknownKind { name, expected } => {
                format!("Không có loại hồ sơ {name:?}; các loại hợp lệ: {expected}")
            }
            ErrorKind::UnknownName {
                what,
                name,
                expected,
            } => format!("Không có {what} {name:?}; các giá trị hợp lệ: {expected}"),
            ErrorKind::NotJson { detail } => {
                format!("Dữ liệu vào không phải JSON hợp lệ: {detail}")
            }
            ErrorKind::InvalidUtf8 { offset } => format!(
                "Dữ liệu vào không phải văn bản UTF-8 hợp lệ (byte sai đầu tiên ở vị trí {offset})"
            ),
            ErrorKind::WrongTopLevelType { expected, found } => {
                format!("Dữ liệu vào phải là JSON {expected}, nhưng là {found}")
            }
            ErrorKind::InvalidOption { option, detail } => {
                format!("Tùy chọn {option:?} không hợp lệ: {detail}")
            }
            ErrorKind::RecordTooLarge { bytes, limit } => {
                let mut params = std::collections::BTreeMap::new();
                params.insert("bytes".to_owned(), (*bytes).into());
                params.insert("limit".to_owned(), (*limit).into());
                crate::fields::RECORD_TOO_LARGE.render(crate::Lang::Vi, &params)
            }
        }
    }

    /// The error as a JSON object `{"error": code, "message": text}` for bindings.
    /// `record_too_large` also carries `message_vi` (the message in Vietnamese, the text of
    /// the issue `record.too_large`: it is the one error a person using a form can cause, so
    /// a portal may show it as it is) and `params: {bytes, limit}` as an issue does. (The
    /// member names keep `error` first in serde_json's sorted objects.)
    ///
    /// # Examples
    /// ```
    /// let err = treem::api::validate("child", b"{}", br#"{"asof": 1}"#).unwrap_err();
    /// let json = err.to_json();
    /// assert_eq!(json["error"], "invalid_option");
    /// assert!(json["message"].is_string());
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("error".into(), self.code().into());
        map.insert("message".into(), self.to_string().into());
        if let ErrorKind::RecordTooLarge { bytes, limit } = self.inner {
            let mut params = std::collections::BTreeMap::new();
            params.insert("bytes".to_owned(), bytes.into());
            params.insert("limit".to_owned(), limit.into());
            let vi = crate::fields::RECORD_TOO_LARGE.render(crate::Lang::Vi, &params);
            map.insert("message_vi".into(), vi.into());
            let mut numbers = serde_json::Map::new();
            numbers.insert("bytes".into(), bytes.into());
            numbers.insert("limit".into(), limit.into());
            map.insert("params".into(), numbers.into());
        }
        serde_json::Value::Object(map)
    }
}
