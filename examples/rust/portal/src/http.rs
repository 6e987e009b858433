//! The routes: what a request may be, and the answer to each.
//!
//! | route | answer |
//! |---|---|
//! | `POST /children`, `POST /cases` | 201 `{id, kind, record, warnings}`; 422 treem's report |
//! | `GET /children`, `GET /cases` | 200 `{rows: [{id, record_id, record, warnings}]}` |
//! | `GET /children/{id}`, `GET /cases/{id}` | 200 one row; 404 |
//! | `GET /indicators[?period=2026]` | 200 treem's indicator answer `{ok, issues, table}` |
//!
//! Anything else is a [`Failure`] with a 4xx status: a body that is not JSON or not an
//! object (400), not sent as `application/json` (415), longer than 1 MiB (413), an id
//! already stored (409), an unknown route (404) or method (405). The request log names the
//! route, the status, row ids and issue codes, never what a record holds.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::failure::{json_response, Failure, LogNote};
use crate::lang::AcceptLanguage;
use crate::rules::{Lang, Outcome, RecordKind, Rules, StoredRecord};
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
        .fallback(|AcceptLanguage(lang): AcceptLanguage| async move {
            Failure::new(StatusCode::NOT_FOUND, "not_found", lang)
        })
        .method_not_allowed_fallback(|AcceptLanguage(lang): AcceptLanguage| async move {
            Failure::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", lang)
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(log_request))
        .with_state(app)
}

type Answer = Result<Response, Failure>;
type Body = Result<Bytes, BytesRejection>;
type RowId = Result<Path<i64>, PathRejection>;

async fn post_child(app: State<Arc<App>>, lang: AcceptLanguage, h: HeaderMap, b: Body) -> Answer {
    post_record(RecordKind::Child, app, lang, h, b).await
}

async fn post_case(app: State<Arc<App>>, lang: AcceptLanguage, h: HeaderMap, b: Body) -> Answer {
    post_record(RecordKind::Case, app, lang, h, b).await
}

async fn list_children(app: State<Arc<App>>, lang: AcceptLanguage) -> Answer {
    list(RecordKind::Child, app, lang).await
}

async fn list_cases(app: State<Arc<App>>, lang: AcceptLanguage) -> Answer {
    list(RecordKind::Case, app, lang).await
}

async fn get_child(app: State<Arc<App>>, lang: AcceptLanguage, id: RowId) -> Answer {
    get_one(RecordKind::Child, app, lang, id).await
}

async fn get_case(app: State<Arc<App>>, lang: AcceptLanguage, id: RowId) -> Answer {
    get_one(RecordKind::Case, app, lang, id).await
}

/// Checks a posted record; stores it when it has no error.
async fn post_record(
    kind: RecordKind,
    State(app): State<Arc<App>>,
    AcceptLanguage(lang): AcceptLanguage,
    headers: HeaderMap,
    body: Body,
) -> Answer {
    let body = json_body(&headers, body, lang)?;
    let accepted = match app.rules.check(kind, &body, lang) {
        Ok(Outcome::Accepted(accepted)) => accepted,
        Ok(Outcome::Rejected(report)) => {
            let codes: Vec<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
            let mut response = json_response(StatusCode::UNPROCESSABLE_ENTITY, &report, lang);
            response.extensions_mut().insert(LogNote(codes.join(",")));
            return Ok(response);
        }
        Err(e) => return Err(Failure::rules(&e, lang)),
    };
    let warnings: Value = accepted
        .warnings
        .iter()
        .map(|i| json!({"path": i.path, "code": i.code}))
        .collect();
    let (id, accepted) = blocking(app, lang, move |app| {
        let id = app.store.insert(
            kind,
            accepted.record_id.as_deref(),
            &accepted.record,
            &warnings,
        );
        id.map(|id| (id, accepted))
    })
    .await?;
    let answer = json!({
        "id": id,
        "kind": kind.as_str(),
        "record": accepted.record,
        "warnings": accepted.warnings,
    });
    let mut response = json_response(StatusCode::CREATED, &answer, lang);
    if let Ok(location) = HeaderValue::from_str(&format!("{}/{id}", kind.collection())) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    let note = format!("row {id}, {} warnings", accepted.warnings.len());
    response.extensions_mut().insert(LogNote(note));
    Ok(response)
}

/// The body of a POST, when it is sent as JSON and within the limit.
fn json_body(headers: &HeaderMap, body: Body, lang: Lang) -> Result<Bytes, Failure> {
    // `application/json`, with or without parameters (`; charset=utf-8`).
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        let status = StatusCode::UNSUPPORTED_MEDIA_TYPE;
        return Err(Failure::new(status, "not_json_content_type", lang));
    }
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            Failure::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", lang)
        }
        status => Failure::new(status, "body_unreadable", lang),
    })
}

async fn list(kind: RecordKind, State(app): State<Arc<App>>, lang: AcceptLanguage) -> Answer {
    let AcceptLanguage(lang) = lang;
    let rows = blocking(app, lang, move |app| Ok(app.store.list(Some(kind))?)).await?;
    Ok(json_response(StatusCode::OK, &json!({"rows": rows}), lang))
}

async fn get_one(
    kind: RecordKind,
    State(app): State<Arc<App>>,
    AcceptLanguage(lang): AcceptLanguage,
    id: RowId,
) -> Answer {
    let not_found = || Failure::new(StatusCode::NOT_FOUND, "not_found", lang);
    let Ok(Path(id)) = id else {
        return Err(not_found());
    };
    let row = blocking(app, lang, move |app| Ok(app.store.get(kind, id)?)).await?;
    let row = row.ok_or_else(not_found)?;
    Ok(json_response(StatusCode::OK, &row, lang))
}

/// The query of `/indicators`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorQuery {
    /// The reporting period (`2026`); default the year of `as_of`.
    period: Option<String>,
}

/// The indicator table of every stored record.
async fn indicators(
    State(app): State<Arc<App>>,
    AcceptLanguage(lang): AcceptLanguage,
    query: Result<Query<IndicatorQuery>, QueryRejection>,
) -> Answer {
    let Ok(Query(query)) = query else {
        return Err(Failure::new(StatusCode::BAD_REQUEST, "bad_query", lang));
    };
    let rows = blocking(app.clone(), lang, |app| Ok(app.store.list(None)?)).await?;
    let stored: Vec<StoredRecord> = rows
        .into_iter()
        .map(|row| StoredRecord {
            kind: row.kind,
            row: row.id,
            record: row.record,
        })
        .collect();
    let answer = app
        .rules
        .indicators(&stored, lang, query.period.as_deref())
        .map_err(|e| Failure::rules(&e, lang))?;
    let mut response = json_response(StatusCode::OK, &answer, lang);
    let note = format!("from {} records", stored.len());
    response.extensions_mut().insert(LogNote(note));
    Ok(response)
}

/// Runs a database call on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    app: Arc<App>,
    lang: Lang,
    work: impl FnOnce(&App) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Failure> {
    let done = tokio::task::spawn_blocking(move || work(&app)).await;
    match done {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(StoreError::Duplicate(row))) => {
            let failure = Failure::new(StatusCode::CONFLICT, "duplicate_id", lang);
            Err(match row {
                Some((kind, row)) => {
                    failure.with("existing", format!("{}/{row}", kind.collection()).into())
                }
                None => failure,
            })
        }
        Ok(Err(StoreError::Database(e))) => Err(Failure::storage(&e, lang)),
        Err(_) => Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage",
            lang,
        )),
    }
}

/// One line on stderr per request: method, route (the pattern, not the path a caller
/// typed), status and the handler's note.
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let note = response
        .extensions()
        .get::<LogNote>()
        .map_or("", |n| n.0.as_str());
    eprintln!(
        "treem-portal: {method} {route} {} {note}",
        response.status().as_u16()
    );
    response
}
