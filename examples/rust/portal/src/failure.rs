//! Answers that are not a report: `{"error": code, "message": text}`, in the caller's
//! language, with the status that says whose fault it is.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::rules::{Lang, RulesError};

/// A refused request.
#[derive(Debug)]
pub(crate) struct Failure {
    status: StatusCode,
    code: &'static str,
    body: Value,
    lang: Lang,
}

impl Failure {
    /// The service's own failure `code` (one of [`message`]'s).
    pub(crate) fn new(status: StatusCode, code: &'static str, lang: Lang) -> Failure {
        Failure {
            status,
            code,
            body: json!({"error": code, "message": message(code, lang)}),
            lang,
        }
    }

    /// treem's misuse error, with its own code and message (they never quote the record):
    /// 413 for a record over the size limit, else 400.
    pub(crate) fn rules(e: &RulesError, lang: Lang) -> Failure {
        let status = if e.is_record_too_large() {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::BAD_REQUEST
        };
        Failure {
            status,
            code: e.code(),
            body: json!({"error": e.code(), "message": e.message(lang)}),
            lang,
        }
    }

    /// The database failed: logged (SQLite's messages name tables and constraints, not
    /// values), answered 500.
    pub(crate) fn storage(e: &rusqlite::Error, lang: Lang) -> Failure {
        eprintln!("treem-portal: storage error: {e}");
        Failure::new(StatusCode::INTERNAL_SERVER_ERROR, "storage", lang)
    }

    /// The same answer with one more member, e.g. `existing` for a duplicate.
    pub(crate) fn with(mut self, name: &str, value: Value) -> Failure {
        if let Some(body) = self.body.as_object_mut() {
            body.insert(name.into(), value);
        }
        self
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = json_response(self.status, &self.body, self.lang);
        response
            .extensions_mut()
            .insert(LogNote(self.code.to_owned()));
        response
    }
}

/// What the request log adds after the status: issue codes, a row id, an error code.
#[derive(Debug, Clone)]
pub(crate) struct LogNote(pub(crate) String);

/// A JSON answer in `lang` (`Content-Language`). Written here rather than by axum's `Json`:
/// that feature turns on serde_json's `std`, and so a second build of the core in every
/// `--workspace` build.
pub(crate) fn json_response<T: serde::Serialize>(
    status: StatusCode,
    value: &T,
    lang: Lang,
) -> Response {
    let Ok(body) = serde_json::to_string(value) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        ),
        (
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.as_str()),
        ),
    ];
    (status, headers, body).into_response()
}

/// The messages of the service's own failures.
fn message(code: &str, lang: Lang) -> &'static str {
    match (code, lang) {
        ("not_json_content_type", Lang::Vi) => "Nội dung phải được gửi dưới dạng application/json",
        ("not_json_content_type", Lang::En) => "The body must be sent as application/json",
        ("body_too_large", Lang::Vi) => "Nội dung dài quá 1 MiB",
        ("body_too_large", Lang::En) => "The body is longer than 1 MiB",
        ("body_unreadable", Lang::Vi) => "Không đọc được nội dung yêu cầu",
        ("body_unreadable", Lang::En) => "The request body could not be read",
        ("duplicate_id", Lang::Vi) => "Đã có hồ sơ cùng loại với mã (id) này",
        ("duplicate_id", Lang::En) => "A record of this kind with this id is already stored",
        ("bad_query", Lang::Vi) => {
            "Tham số truy vấn không hợp lệ; chỉ nhận period (ví dụ period=2026)"
        }
        ("bad_query", Lang::En) => "Bad query; the only parameter is period (e.g. period=2026)",
        ("method_not_allowed", Lang::Vi) => "Đường dẫn này không nhận phương thức này",
        ("method_not_allowed", Lang::En) => "This route does not take this method",
        ("storage", Lang::Vi) => "Lỗi cơ sở dữ liệu",
        ("storage", Lang::En) => "Database error",
        (_, Lang::Vi) => {
            "Không có đường dẫn này; các đường dẫn: POST/GET /children, POST/GET /cases, GET /indicators"
        }
        (_, Lang::En) => {
            "No such route; routes: POST/GET /children, POST/GET /cases, GET /indicators"
        }
    }
}
