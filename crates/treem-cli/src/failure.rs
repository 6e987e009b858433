//! Misuse: what ends a run with exit code 2 (unknown kind, bad option, unreadable file).
//! Invalid data is never a failure: it is the report, with exit code 1.

use std::fmt;

/// Why a run could not be carried out.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core refused the request (unknown kind, bad option, not JSON in single-record mode).
    Core(treem::Error),
    /// A file could not be opened, read or written.
    Io {
        /// What was being read or written.
        what: String,
        /// The operating system's error.
        error: std::io::Error,
    },
    /// A flag or file made no sense (bad mapping file, unsupported combination).
    Usage(String),
    /// A misuse explained in both languages; the run's `--lang` picks the message.
    Said {
        /// The stable code of the JSON answer (`empty_input`, `not_text`, ...).
        code: &'static str,
        /// The message in Vietnamese.
        vi: String,
        /// The message in English.
        en: String,
    },
}

impl Failure {
    /// An I/O failure on `what`.
    pub(crate) fn io(what: impl Into<String>, error: std::io::Error) -> Failure {
        Failure::Io {
            what: what.into(),
            error,
        }
    }

    /// A misuse with its code and its message in both languages.
    pub(crate) fn said(
        code: &'static str,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Failure {
        Failure::Said {
            code,
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The message in `lang`.
    pub(crate) fn message(&self, lang: treem::Lang) -> String {
        match (self, lang) {
            (_, treem::Lang::En) => self.to_string(),
            (Failure::Said { vi, .. }, _) => vi.clone(),
            (Failure::Core(e), _) => e.message(lang),
            (Failure::Io { what, error }, _) => {
                // The CLI's own words are English phrases of two shapes; the operating
                // system's reason is named for the kinds an officer meets.
                let what = what
                    .replace("cannot read the output", "không ghi được kết quả")
                    .replace("cannot write the output", "không ghi được kết quả")
                    .replace("cannot read ", "không đọc được ")
                    .replace("cannot write ", "không ghi được ");
                // The Vietnamese reason first, the system's own words (which may name the
                // file) after it.
                let reason = match error.kind() {
                    std::io::ErrorKind::NotFound => "không có tệp hay thư mục này",
                    std::io::ErrorKind::PermissionDenied => "không có quyền truy cập",
                    std::io::ErrorKind::StorageFull => "ổ đĩa đã đầy",
                    std::io::ErrorKind::FileTooLarge => "tệp vượt quá kích thước cho phép",
                    std::io::ErrorKind::IsADirectory => "đây là một thư mục",
                    _ => "",
                };
                let reason = if reason.is_empty() {
                    error.to_string()
                } else {
                    format!("{reason} ({error})")
                };
                format!("{what}: {reason}")
            }
            (Failure::Usage(message), _) => message.clone(),
        }
    }

    /// The structured answer printed on stdout for machines, its message in `lang` (the
    /// language of every other message of the run).
    pub(crate) fn to_json_in(&self, lang: treem::Lang) -> serde_json::Value {
        let mut answer = self.to_json();
        if let Some(map) = answer.as_object_mut() {
            map.insert("message".into(), self.message(lang).into());
        }
        answer
    }

    /// Whether the failure is a write to a pipe whose reader has gone (`treem ... | head`).
    pub(crate) fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Io { error, .. } if error.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// The structured answer printed on stdout for machines.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        match self {
            Failure::Said { code, en, .. } => serde_json::json!({"error": code, "message": en}),
            Failure::Core(e) => e.to_json(),
            Failure::Io { .. } => serde_json::json!({"error": "io", "message": self.to_string()}),
            Failure::Usage(_) => {
                serde_json::json!({"error": "usage", "message": self.to_string()})
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Core(e) => write!(f, "{e}"),
            Failure::Io { what, error } => write!(f, "{what}: {error}"),
            Failure::Usage(message) => f.write_str(message),
            Failure::Said { en, .. } => f.write_str(en),
        }
    }
}
