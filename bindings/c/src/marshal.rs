//! Reading the caller's arguments and handing answers back.
//!
//! This module holds every `unsafe` block of the binding. The entry points in `lib.rs` are
//! safe `extern "C"` functions over raw pointers: the crate builds only a `cdylib` and a
//! `staticlib` (no `rlib`), so no Rust code can call them, and the C caller's side of the
//! contract (valid pointers, NUL-terminated strings, strings freed once) is written in
//! `include/treem.h`. Every block below relies on that contract and on nothing else.

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::status::TreemStatus;

/// Why a call has no answer: the status to return and the error JSON to hand over.
#[derive(Debug)]
pub(crate) struct Failure {
    status: TreemStatus,
    json: String,
}

/// What a call body produces: the answer as JSON text, or why there is none.
pub(crate) type Answer = Result<String, Failure>;

impl Failure {
    /// A failure found by the binding itself, in the same shape as the core's errors.
    fn binding(status: TreemStatus, code: &str, message: String) -> Failure {
        Failure {
            status,
            json: serde_json::json!({ "error": code, "message": message }).to_string(),
        }
    }

    fn null_argument(name: &str) -> Failure {
        Failure::binding(
            TreemStatus::NullArgument,
            "null_argument",
            format!("argument `{name}` is NULL"),
        )
    }

    fn invalid_length(name: &str, len: usize) -> Failure {
        Failure::binding(
            TreemStatus::InvalidLength,
            "invalid_length",
            format!("argument `{name}_len` ({len}) is larger than any object can be"),
        )
    }

    fn invalid_utf8(name: &str, offset: usize) -> Failure {
        Failure::binding(
            TreemStatus::InvalidUtf8,
            "invalid_utf8",
            format!("argument `{name}` is not valid UTF-8 (first invalid byte at offset {offset})"),
        )
    }

    /// The panic payload is not echoed: a standard-library panic message can quote the
    /// input (a name, an ID number), and children's records are sensitive personal data.
    fn panic() -> Failure {
        Failure::binding(
            TreemStatus::Panic,
            "panic",
            "internal error: treem panicked and the call was stopped (a bug in treem; please \
             report it with the input that caused it)"
                .to_owned(),
        )
    }

    /// An answer that could not be serialised (cannot happen for the core's types).
    pub(crate) fn serialize(err: &serde_json::Error) -> Failure {
        Failure::binding(
            TreemStatus::InternalError,
            "internal_error",
            format!("the answer could not be written as JSON: {err}"),
        )
    }
}

impl From<treem::Error> for Failure {
    fn from(err: treem::Error) -> Failure {
        Failure {
            status: TreemStatus::from_core_code(err.code()),
            json: err.to_json().to_string(),
        }
    }
}

/// A NUL-terminated argument as bytes (without the NUL).
pub(crate) fn c_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure::null_argument(name));
    }
    // SAFETY: `ptr` is not NULL, and the header's contract makes the caller pass a
    // NUL-terminated string that stays valid and unchanged until the call returns; the
    // borrow never outlives the call (answers are copied into a new string).
    Ok(unsafe { CStr::from_ptr(ptr) }.to_bytes())
}

/// NUL-terminated options: NULL means the defaults.
pub(crate) fn c_options<'a>(ptr: *const c_char) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Ok(b"");
    }
    c_arg(ptr, "options")
}

/// A (pointer, length) argument as bytes. A NULL pointer with length 0 is the empty string
/// (an empty buffer in many languages has no address); NULL with a length is an error.
pub(crate) fn n_arg<'a>(ptr: *const c_char, len: usize, name: &str) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(b"");
    }
    if ptr.is_null() {
        return Err(Failure::null_argument(name));
    }
    if isize::try_from(len).is_err() {
        return Err(Failure::invalid_length(name, len));
    }
    // SAFETY: `ptr` is not NULL, `len` is above 0 and at most `isize::MAX`, bytes need no
    // alignment, and the header's contract makes the caller pass `len` readable bytes that
    // stay valid and unchanged until the call returns (the borrow never outlives it).
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// A name or text argument, which must be UTF-8.
pub(crate) fn text<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, Failure> {
    std::str::from_utf8(bytes).map_err(|e| Failure::invalid_utf8(name, e.valid_up_to()))
}

/// Runs one entry point: checks `out`, runs `body` with panics caught, and hands the answer
/// (or the error JSON) to the caller through `out`.
///
/// Nothing unwinds out of here: the body runs inside `catch_unwind`, and so does the
/// hand-over. `AssertUnwindSafe` is sound because after a panic nothing the body touched is
/// used again; the caller's data was only read.
pub(crate) fn call(out: *mut *mut c_char, body: impl FnOnce() -> Answer) -> TreemStatus {
    catch_unwind(AssertUnwindSafe(|| {
        if out.is_null() {
            return TreemStatus::NullArgument;
        }
        // Cleared first, so that `out` never holds a stale pointer whatever happens next.
        write_out(out, std::ptr::null_mut());
        let answer = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Err(Failure::panic()));
        let (status, json) = match answer {
            Ok(json) => (TreemStatus::Ok, json),
            Err(failure) => (failure.status, failure.json),
        };
        // serde_json escapes U+0000, so JSON text never holds a NUL byte.
        let (status, owned) = match CString::new(json) {
            Ok(owned) => (status, owned),
            Err(_) => (
                TreemStatus::InternalError,
                CString::from(
                    c"{\"error\":\"internal_error\",\"message\":\"the answer held a NUL byte\"}",
                ),
            ),
        };
        write_out(out, owned.into_raw());
        status
    }))
    .unwrap_or(TreemStatus::Panic)
}

fn write_out(out: *mut *mut c_char, value: *mut c_char) {
    // SAFETY: `call` checked that `out` is not NULL, and the header's contract makes the
    // caller pass the address of a writable, aligned `char *`.
    unsafe { out.write(value) }
}

/// Frees a string made by `call`.
pub(crate) fn free_string(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: the header's contract: `s` was written to `*out` by this library (made by
    // `CString::into_raw` in `call`) and is freed exactly once.
    drop(unsafe { CString::from_raw(s) });
}
