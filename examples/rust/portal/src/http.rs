//! The routes: what a request may be, and the answer to each.
//!
//! | route | answer |
//! |---|---|
//! | `POST /children`, `POST /cases` | 201 `{id, kind, record, warnings}`; 422 treem's report |
//! | `GET /children`, `GET /cases` | 200 `{rows: [{id, record_id, record, warnings}]}` |
//! | `GET /children/{id}`, `GET /cases/{id}` | 200 one row; 404 |
//! | `GET /indicators[?period=2026]` | 200 treem's indicator answer `{ok, issues, table}` |
//!
//! Anything else is answered `{"error": code, "message": text}` with a 4xx status, in the
//! caller's language: a body that is not JSON or not an object (400), not sent as
//! `application/json` (415), longer than 1 MiB (413), an id already stored (409), an
//! unknown route (404) or method (405). Logs and messages name routes, row ids and issue
//! codes, never what a record holds.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use treem::Lang;

use crate::lang::negotiate;
use crate::rules::{Outcome, RecordKind, Rules, StoredRecord};
use crate::store::{Store, StoreError};

/// The largest body read: treem's own limit of one record (`max_record_bytes`, 1 MiB).
pub(crate) const BODY_LIMIT: usize = 1024 * 1024;

/// What the handlers share.
#[derive(Debug)]
pub(crate) struct App {
    /// The rules, with the date they are judged at.
    pub(crate) rules: Rules,
    /// The database.
    pub(crate) store: Store,
}

/// Every route of the service.
pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/children", post(post_child).get(list_children))
        .route("/cases", post(post_case).get(list_cases))
        .route("/children/{id}", get(get_child))
        .route("/cases/{id}", get(get_case))
        .route("/indicators", get(indicators))
        .fallback(|h: HeaderMap| async move {
            Failure::new(StatusCode::NOT_FOUND, "not_found", lang_of(&h))
        })
        .method_not_allowed_fallback(|h: HeaderMap| async move {
            Failure::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                lang_of(&h),
            )
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

type Body = Result<Bytes, BytesRejection>;
type RowId = Result<Path<i64>, PathRejection>;

async fn post_child(app: State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    post_record(RecordKind::Child, app, headers, body).await
}

async fn post_case(app: State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    post_record(RecordKind::Case, app, headers, body).await
}

async fn list_children(app: State<Arc<App>>, headers: HeaderMap) -> Response {
    list(RecordKind::Child, app, headers).await
}

async fn list_cases(app: State<Arc<App>>, headers: HeaderMap) -> Response {
    list(RecordKind::Case, app, headers).await
}

async fn get_child(app: State<Arc<App>>, headers: HeaderMap, id: RowId) -> Response {
    get_one(RecordKind::Child, app, headers, id).await
}

async fn get_case(app: State<Arc<App>>, headers: HeaderMap, id: RowId) -> Response {
    get_one(RecordKind::Case, app, headers, id).await
}

async fn post_record(
    kind: RecordKind,
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let lang = lang_of(&headers);
    let route = collection(kind);
    if !is_json(&headers) {
        log(&format!("POST /{route} 415"));
        return Failure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not_json_content_type",
            lang,
        )
        .into_response();
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            let status = rejection.status();
            log(&format!("POST /{route} {}", status.as_u16()));
            let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
                "body_too_large"
            } else {
                "body_unreadable"
            };
            return Failure::new(status, code, lang).into_response();
        }
    };
    let accepted = match app.rules.check(kind, &body, lang) {
        Err(e) => {
            let status = if e.is_record_too_large() {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            log(&format!("POST /{route} {} {}", status.as_u16(), e.code()));
            return Failure::treem(status, &e, lang).into_response();
        }
        Ok(Outcome::Rejected(report)) => {
            let codes: Vec<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
            log(&format!("POST /{route} 422 {}", codes.join(",")));
            return with_language(
                json_response(StatusCode::UNPROCESSABLE_ENTITY, &report),
                lang,
            );
        }
        Ok(Outcome::Accepted(accepted)) => accepted,
    };
    let warnings: Value = accepted
        .warnings
        .iter()
        .map(|i| json!({"path": i.path, "code": i.code}))
        .collect();
    let stored = blocking(app.clone(), move |app| {
        app.store
            .insert(
                kind,
                accepted.record_id.as_deref(),
                &accepted.record,
                &warnings,
            )
            .map(|id| (id, accepted))
    })
    .await;
    match stored {
        Ok(Ok((id, accepted))) => {
            log(&format!(
                "POST /{route} 201 row {id} ({} warnings)",
                accepted.warnings.len()
            ));
            let answer = json!({
                "id": id,
                "kind": kind.as_str(),
                "record": accepted.record,
                "warnings": accepted.warnings,
            });
            let mut response = with_language(json_response(StatusCode::CREATED, &answer), lang);
            if let Ok(location) = HeaderValue::from_str(&format!("/{route}/{id}")) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Ok(Err(StoreError::Duplicate(row))) => {
            log(&format!("POST /{route} 409 duplicate of row {row:?}"));
            let mut failure = Failure::new(StatusCode::CONFLICT, "duplicate_id", lang);
            if let (Some(row), Some(body)) = (row, failure.body.as_object_mut()) {
                body.insert("existing".into(), format!("/{route}/{row}").into());
            }
            failure.into_response()
        }
        Ok(Err(StoreError::Database(e))) => storage_failure(&e, lang),
        Err(failure) => failure.into_response(),
    }
}

async fn list(kind: RecordKind, State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    match blocking(app, move |app| app.store.list(Some(kind))).await {
        Ok(Ok(rows)) => json_response(StatusCode::OK, &json!({"rows": rows})),
        Ok(Err(e)) => storage_failure(&e, lang),
        Err(failure) => failure.into_response(),
    }
}

async fn get_one(
    kind: RecordKind,
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    id: RowId,
) -> Response {
    let lang = lang_of(&headers);
    let Ok(Path(id)) = id else {
        return Failure::new(StatusCode::NOT_FOUND, "not_found", lang).into_response();
    };
    match blocking(app, move |app| app.store.get(kind, id)).await {
        Ok(Ok(Some(row))) => json_response(StatusCode::OK, &row),
        Ok(Ok(None)) => Failure::new(StatusCode::NOT_FOUND, "not_found", lang).into_response(),
        Ok(Err(e)) => storage_failure(&e, lang),
        Err(failure) => failure.into_response(),
    }
}

/// The query of `/indicators`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorQuery {
    /// The reporting period (`2026`); default the year of `as_of`.
    period: Option<String>,
}

async fn indicators(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<IndicatorQuery>, QueryRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let Ok(Query(query)) = query else {
        log("GET /indicators 400 bad query");
        return Failure::new(StatusCode::BAD_REQUEST, "bad_query", lang).into_response();
    };
    let rows = match blocking(app.clone(), |app| app.store.list(None)).await {
        Ok(Ok(rows)) => rows,
        Ok(Err(e)) => return storage_failure(&e, lang),
        Err(failure) => return failure.into_response(),
    };
    let stored: Vec<StoredRecord> = rows
        .into_iter()
        .map(|row| StoredRecord {
            kind: row.kind,
            row: row.id,
            record: row.record,
        })
        .collect();
    match app.rules.indicators(&stored, lang, query.period.as_deref()) {
        Ok(answer) => {
            log(&format!(
                "GET /indicators 200 from {} records",
                stored.len()
            ));
            with_language(json_response(StatusCode::OK, &answer), lang)
        }
        Err(e) => {
            log(&format!("GET /indicators 400 {}", e.code()));
            Failure::treem(StatusCode::BAD_REQUEST, &e, lang).into_response()
        }
    }
}

/// Runs a database call on the blocking pool.
async fn blocking<T: Send + 'static>(
    app: Arc<App>,
    work: impl FnOnce(&App) -> T + Send + 'static,
) -> Result<T, Failure> {
    tokio::task::spawn_blocking(move || work(&app))
        .await
        .map_err(|_| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, "storage", Lang::Vi))
}

fn storage_failure(e: &rusqlite::Error, lang: Lang) -> Response {
    // SQLite's messages name tables and constraints, not values.
    log(&format!("storage error: {e}"));
    Failure::new(StatusCode::INTERNAL_SERVER_ERROR, "storage", lang).into_response()
}

/// `/children` or `/cases` without the slash.
fn collection(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Child => "children",
        RecordKind::Case => "cases",
    }
}

fn lang_of(headers: &HeaderMap) -> Lang {
    negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// `application/json`, with or without parameters (`; charset=utf-8`).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// A JSON answer. (Written here rather than by axum's `Json`: that feature turns on
/// serde_json's `std`, and so a second build of the core in every `--workspace` build.)
fn json_response<T: serde::Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn with_language(mut response: Response, lang: Lang) -> Response {
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.as_str()),
    );
    response
}

/// One line on stderr per answer: route, status, row ids, issue codes; never a value.
fn log(line: &str) {
    eprintln!("treem-portal: {line}");
}

/// An answer that is not a report: `{"error": code, "message": text}`.
#[derive(Debug)]
struct Failure {
    status: StatusCode,
    body: Value,
    lang: Lang,
}

impl Failure {
    fn new(status: StatusCode, code: &'static str, lang: Lang) -> Failure {
        Failure {
            status,
            body: json!({"error": code, "message": message(code, lang)}),
            lang,
        }
    }

    /// treem's misuse error, with its own code and message (they never quote the record).
    fn treem(status: StatusCode, e: &treem::Error, lang: Lang) -> Failure {
        Failure {
            status,
            body: json!({"error": e.code(), "message": e.message(lang)}),
            lang,
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        with_language(json_response(self.status, &self.body), self.lang)
    }
}

/// The messages of the service's own errors.
fn message(code: &str, lang: Lang) -> &'static str {
    match (code, lang) {
        ("not_json_content_type", Lang::Vi) => {
            "Nội dung phải được gửi dưới dạng application/json"
        }
        ("not_json_content_type", Lang::En) => "The body must be sent as application/json",
        ("body_too_large", Lang::Vi) => "Nội dung dài quá 1 MiB",
        ("body_too_large", Lang::En) => "The body is longer than 1 MiB",
        ("body_unreadable", Lang::Vi) => "Không đọc được nội dung yêu cầu",
        ("body_unreadable", Lang::En) => "The request body could not be read",
        ("duplicate_id", Lang::Vi) => "Đã có hồ sơ cùng loại với mã (id) này",
        ("duplicate_id", Lang::En) => "A record of this kind with this id is already stored",
        ("bad_query", Lang::Vi) => "Tham số truy vấn không hợp lệ; chỉ nhận period (ví dụ period=2026)",
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
