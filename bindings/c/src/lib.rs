//! C ABI of treem: marshaling only, every rule lives in the core (`treem::api`).
//!
//! Every entry point returns a [`TreemStatus`] and writes its answer, a library-owned UTF-8
//! JSON string, through an `out` parameter; the caller frees it with [`treem_string_free`].
//! On an error status the error JSON `{"error": code, "message": text}` is written instead,
//! so a caller always has a message to show. Inputs come as NUL-terminated UTF-8 strings, or
//! through the `_n` variants as (pointer, length) for data that may hold NUL bytes. Every
//! entry point runs inside `catch_unwind`; nothing unwinds into the caller. The binding
//! holds no state, so any function may be called from many threads at once.
//!
//! `include/treem.h` is generated from this crate by cbindgen (`bindings/c/header.sh`).

use std::ffi::c_char;
use std::panic::catch_unwind;

mod marshal;
mod status;

use marshal::{c_arg, c_options, call, n_arg, text, Answer, Failure};
pub use status::TreemStatus;

/// The library version as a static NUL-terminated string, e.g. `"0.1.0"`.
///
/// Ownership: the string is static; never free it (neither with `free()` nor with
/// `treem_string_free`).
#[no_mangle]
pub extern "C" fn treem_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    catch_unwind(|| VERSION.as_ptr().cast()).unwrap_or(std::ptr::null())
}

/// Frees a string this library wrote to an `out` parameter. NULL is accepted and ignored.
///
/// Ownership: call it exactly once per string; never pass a string from anywhere else, and
/// never release the library's strings with `free()` (they come from Rust's allocator).
#[no_mangle]
pub extern "C" fn treem_string_free(s: *mut c_char) {
    // A free cannot panic; the guard keeps the "nothing unwinds" rule without exception.
    let _ = catch_unwind(|| marshal::free_string(s));
}

/// The library version and the editions of its data, as JSON:
/// `{"name": "treem", "version": "0.1.0", "kinds": [...], "geography_editions": [...]}`.
///
/// Ownership: on return `*out` holds a new string; free it with `treem_string_free`, never
/// `free()`. `out` must not be NULL (`TREEM_STATUS_NULL_ARGUMENT`).
#[no_mangle]
pub extern "C" fn treem_version_info(out: *mut *mut c_char) -> TreemStatus {
    call(out, || Ok(treem::api::version().to_string()))
}

/// Validates one record of `kind` (`"child"`, ...) given as JSON. The answer is the report
/// `{"ok": bool, "issues": [{"path", "code", "severity", "params", "message", "rule"}]}`;
/// invalid data is `TREEM_STATUS_OK` with `"ok": false`, never an error status.
///
/// `options` is JSON such as `{"as_of": "2026-11-28", "lang": "vi", "edition": "2025"}`, or
/// NULL for the defaults.
///
/// Ownership: inputs are borrowed for the call only. On return `*out` holds a new string
/// (the answer, or on an error status the error JSON); free it with `treem_string_free`,
/// never `free()`. Statuses: `NULL_ARGUMENT`, `INVALID_UTF8`, `NOT_JSON`, `UNKNOWN_KIND`,
/// `WRONG_TOP_LEVEL_TYPE`, `INVALID_OPTION`, `RECORD_TOO_LARGE` (the record is longer than
/// the option `max_record_bytes`, default 1 MiB; it was not parsed), `PANIC`.
#[no_mangle]
pub extern "C" fn treem_validate(
    kind: *const c_char,
    json: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        validate(
            c_arg(kind, "kind")?,
            c_arg(json, "json")?,
            c_options(options)?,
        )
    })
}

/// `treem_validate` with every text as (pointer, length): the data may hold NUL bytes. A
/// NULL pointer with length 0 is the empty string (for `options`: the defaults).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_validate_n(
    kind: *const c_char,
    kind_len: usize,
    json: *const c_char,
    json_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        validate(
            n_arg(kind, kind_len, "kind")?,
            n_arg(json, json_len, "json")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn validate(kind: &[u8], json: &[u8], options: &[u8]) -> Answer {
    let report = treem::api::validate(text(kind, "kind")?, json, options)?;
    serde_json::to_string(&report).map_err(|e| Failure::serialize(&e))
}

/// Validates many records at once: `json` is a JSON array of records, or NDJSON (one record
/// per line). The answer is a JSON array with one report per record, in input order; a
/// record that is not an object or not JSON, or longer than the option `max_record_bytes`
/// (default 1 MiB; issue `record.too_large`), gets a report saying so, and the batch goes on.
/// The batch is read record by record: the call needs about its input and its answer in
/// memory, plus one record.
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_validate_many(
    kind: *const c_char,
    json: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        validate_many(
            c_arg(kind, "kind")?,
            c_arg(json, "json")?,
            c_options(options)?,
        )
    })
}

/// `treem_validate_many` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_validate_many_n(
    kind: *const c_char,
    kind_len: usize,
    json: *const c_char,
    json_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        validate_many(
            n_arg(kind, kind_len, "kind")?,
            n_arg(json, json_len, "json")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn validate_many(kind: &[u8], json: &[u8], options: &[u8]) -> Answer {
    // Written report by report as the records are read: the reports are never all held at
    // once (see bindings/c/README.md, Memory).
    Ok(treem::__private::validate_many_json(
        text(kind, "kind")?,
        json,
        options,
    )?)
}

/// Rewrites one record into canonical form and validates the result. The answer is
/// `{"record": {...}, "changes": [{"path", "how", "message"}], "report": {...}}`.
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_normalize(
    kind: *const c_char,
    json: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        normalize(
            c_arg(kind, "kind")?,
            c_arg(json, "json")?,
            c_options(options)?,
        )
    })
}

/// `treem_normalize` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_normalize_n(
    kind: *const c_char,
    kind_len: usize,
    json: *const c_char,
    json_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        normalize(
            n_arg(kind, kind_len, "kind")?,
            n_arg(json, json_len, "json")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn normalize(kind: &[u8], json: &[u8], options: &[u8]) -> Answer {
    let normalized = treem::api::normalize(text(kind, "kind")?, json, options)?;
    serde_json::to_string(&normalized).map_err(|e| Failure::serialize(&e))
}

/// The JSON Schema (draft 2020-12) of the lenient input form of `kind`.
///
/// Ownership: on return `*out` holds a new string; free it with `treem_string_free`, never
/// `free()`. Statuses: `NULL_ARGUMENT`, `INVALID_UTF8`, `UNKNOWN_KIND`, `PANIC`.
#[no_mangle]
pub extern "C" fn treem_schema(kind: *const c_char, out: *mut *mut c_char) -> TreemStatus {
    call(out, || schema(c_arg(kind, "kind")?))
}

/// `treem_schema` with the kind as (pointer, length).
///
/// Ownership: as `treem_schema`.
#[no_mangle]
pub extern "C" fn treem_schema_n(
    kind: *const c_char,
    kind_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || schema(n_arg(kind, kind_len, "kind")?))
}

fn schema(kind: &[u8]) -> Answer {
    Ok(treem::api::schema(text(kind, "kind")?)?.to_string())
}

/// Parses one primitive: `what` names the parser (`"date"`, ...; the list comes from
/// `treem_parser_names`), `text` is what a person typed. The answer is
/// `{"ok": true, "value": ...}` or `{"ok": false, "issues": [...]}`.
///
/// Ownership: as `treem_validate`. Statuses: `NULL_ARGUMENT`, `INVALID_UTF8`,
/// `UNKNOWN_NAME`, `NOT_JSON` / `INVALID_OPTION` (options), `PANIC`.
#[no_mangle]
pub extern "C" fn treem_parse(
    what: *const c_char,
    text: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        parse(
            c_arg(what, "what")?,
            c_arg(text, "text")?,
            c_options(options)?,
        )
    })
}

/// `treem_parse` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_parse_n(
    what: *const c_char,
    what_len: usize,
    text: *const c_char,
    text_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        parse(
            n_arg(what, what_len, "what")?,
            n_arg(text, text_len, "text")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn parse(what: &[u8], input: &[u8], options: &[u8]) -> Answer {
    let value = treem::api::parse(text(what, "what")?, text(input, "text")?, options)?;
    Ok(value.to_string())
}

/// A catalog for select boxes: `name` from `treem_catalog_names` (`"sexes"`, `"kinds"`,
/// `"issue_codes"`, ...); options choose the language (`{"lang": "en"}`). The answer is
/// `{"name", "source", "lang", "items": [{"code", "label", ...}]}`.
///
/// Ownership: as `treem_validate`. Statuses: `NULL_ARGUMENT`, `INVALID_UTF8`,
/// `UNKNOWN_NAME`, `NOT_JSON` / `INVALID_OPTION` (options), `PANIC`.
#[no_mangle]
pub extern "C" fn treem_catalog(
    name: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || catalog(c_arg(name, "name")?, c_options(options)?))
}

/// `treem_catalog` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_catalog_n(
    name: *const c_char,
    name_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        catalog(
            n_arg(name, name_len, "name")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn catalog(name: &[u8], options: &[u8]) -> Answer {
    Ok(treem::api::catalog(text(name, "name")?, options)?.to_string())
}

/// The names of every parser `treem_parse` accepts, as a JSON array of strings.
///
/// Ownership: on return `*out` holds a new string; free it with `treem_string_free`, never
/// `free()`.
#[no_mangle]
pub extern "C" fn treem_parser_names(out: *mut *mut c_char) -> TreemStatus {
    call(out, || {
        serde_json::to_string(&treem::api::parser_names()).map_err(|e| Failure::serialize(&e))
    })
}

/// The names of every catalog `treem_catalog` accepts, as a JSON array of strings.
///
/// Ownership: on return `*out` holds a new string; free it with `treem_string_free`, never
/// `free()`.
#[no_mangle]
pub extern "C" fn treem_catalog_names(out: *mut *mut c_char) -> TreemStatus {
    call(out, || {
        serde_json::to_string(&treem::api::catalog_names()).map_err(|e| Failure::serialize(&e))
    })
}

/// Computes statistical indicators (TT 13/2021/TT-BLĐTBXH and treem's own) from `input`, a
/// JSON array or NDJSON of caller values, tagged records or partials. `options` as in
/// `treem_validate`, plus `period`, `suppression_threshold`, `output` (`table`|`partial`)
/// and `definitions`. The answer is `{"ok", "issues", "table" | "partial"}`.
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_indicators(
    input: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        indicators(c_arg(input, "input")?, c_options(options)?)
    })
}

/// `treem_indicators` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_indicators_n(
    input: *const c_char,
    input_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        indicators(
            n_arg(input, input_len, "input")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn indicators(input: &[u8], options: &[u8]) -> Answer {
    let answer = treem::api::indicators(input, options)?;
    serde_json::to_string(&answer).map_err(|e| Failure::serialize(&e))
}

/// Runs a named domain operation (`case_deadlines`, `safe_school_assess`,
/// `task_report_rollup`, ...; the list comes from `treem_operation_names`) on JSON input and
/// options. New operations of the core arrive here with no change to the binding.
///
/// Ownership: as `treem_validate`. Statuses: `NULL_ARGUMENT`, `INVALID_UTF8`,
/// `UNKNOWN_NAME` (operation), `NOT_JSON`, `WRONG_TOP_LEVEL_TYPE`, `INVALID_OPTION`, `PANIC`.
#[no_mangle]
pub extern "C" fn treem_call(
    operation: *const c_char,
    input: *const c_char,
    options: *const c_char,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        operation_call(
            c_arg(operation, "operation")?,
            c_arg(input, "input")?,
            c_options(options)?,
        )
    })
}

/// `treem_call` with every text as (pointer, length).
///
/// Ownership: as `treem_validate`.
#[no_mangle]
pub extern "C" fn treem_call_n(
    operation: *const c_char,
    operation_len: usize,
    input: *const c_char,
    input_len: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
) -> TreemStatus {
    call(out, || {
        operation_call(
            n_arg(operation, operation_len, "operation")?,
            n_arg(input, input_len, "input")?,
            n_arg(options, options_len, "options")?,
        )
    })
}

fn operation_call(operation: &[u8], input: &[u8], options: &[u8]) -> Answer {
    Ok(treem::api::call(text(operation, "operation")?, input, options)?.to_string())
}

/// The names of every operation `treem_call` accepts, as a JSON array of strings.
///
/// Ownership: on return `*out` holds a new string; free it with `treem_string_free`, never
/// `free()`.
#[no_mangle]
pub extern "C" fn treem_operation_names(out: *mut *mut c_char) -> TreemStatus {
    call(out, || {
        serde_json::to_string(&treem::api::operation_names()).map_err(|e| Failure::serialize(&e))
    })
}

/// Test hook: always panics inside the library, so that the tests of a binding (C, Python,
/// PHP, ...) can check that a panic comes back as `TREEM_STATUS_PANIC` with the error JSON
/// in `*out` and leaves the process running. Never useful otherwise. (The panic message is
/// printed to stderr by Rust's default panic hook.)
///
/// Ownership: as `treem_version_info`.
#[no_mangle]
pub extern "C" fn treem_test_panic(out: *mut *mut c_char) -> TreemStatus {
    call(out, deliberate_panic)
}

#[allow(clippy::panic)] // The one deliberate panic of the crate: the test hook above.
fn deliberate_panic() -> Answer {
    panic!("treem_test_panic: a deliberate panic to test the panic status")
}
