//! The C ABI (`treem_*_n` entry points) on arbitrary bytes, NUL bytes included.
//!
//! The binding crate builds only a `cdylib` and a `staticlib`; an `rlib` would share the
//! output name `libtreem.rlib` with the core's (both libraries are named `treem`), which
//! cargo reports as a filename collision. So this target compiles the binding's own source
//! as a module (`#[path]` below): the very functions a C caller links, run in-process under
//! the fuzzer. A caught panic comes back as `TREEM_STATUS_PANIC`, which the fuzzer would
//! never see: this target turns it into a crash.
//!
//! An input is `function NUL name NUL options NUL data`; an empty part is passed as a NULL
//! pointer with length 0, which the ABI reads as the empty string.
#![cfg_attr(fuzzing, no_main)]
#![allow(unsafe_code, dead_code, missing_docs, unreachable_pub)]

#[path = "shim.rs"]
mod shim;

#[path = "../../bindings/c/src/lib.rs"]
mod treem_c;

/// The binding's `marshal.rs` names its status type by the crate path `crate::status`.
mod status {
    pub use crate::treem_c::TreemStatus;
}

use std::ffi::{c_char, CStr};

use treem_c::TreemStatus;

const FUNCTIONS: &[&str] = &[
    "validate",
    "validate_many",
    "normalize",
    "parse",
    "catalog",
    "schema",
    "indicators",
    "call",
];

fn ptr(bytes: &[u8]) -> *const c_char {
    if bytes.is_empty() {
        std::ptr::null()
    } else {
        bytes.as_ptr().cast()
    }
}

fn run(input: &[u8]) {
    let mut it = input.splitn(4, |b| *b == 0);
    let function = shim::pick(it.next().unwrap_or_default(), FUNCTIONS);
    let name = it.next().unwrap_or_default();
    let options = it.next().unwrap_or_default();
    let data = it.next().unwrap_or_default();
    let (n, o, d) = (ptr(name), ptr(options), ptr(data));
    let (nl, ol, dl) = (name.len(), options.len(), data.len());
    let mut out: *mut c_char = std::ptr::null_mut();
    let status = match function {
        "validate" => treem_c::treem_validate_n(n, nl, d, dl, o, ol, &mut out),
        "validate_many" => treem_c::treem_validate_many_n(n, nl, d, dl, o, ol, &mut out),
        "normalize" => treem_c::treem_normalize_n(n, nl, d, dl, o, ol, &mut out),
        "parse" => treem_c::treem_parse_n(n, nl, d, dl, o, ol, &mut out),
        "catalog" => treem_c::treem_catalog_n(n, nl, o, ol, &mut out),
        "schema" => treem_c::treem_schema_n(n, nl, &mut out),
        "indicators" => treem_c::treem_indicators_n(d, dl, o, ol, &mut out),
        _ => treem_c::treem_call_n(n, nl, d, dl, o, ol, &mut out),
    };
    assert!(
        !out.is_null(),
        "{function}: no answer written (status {status:?})"
    );
    // SAFETY: the library wrote a NUL-terminated string to `out`; it is freed below, once.
    let text = unsafe { CStr::from_ptr(out) }.to_bytes().to_vec();
    treem_c::treem_string_free(out);
    let answer: serde_json::Value =
        serde_json::from_slice(&text).expect("every answer of the C ABI is JSON");
    assert!(
        status != TreemStatus::Panic && status != TreemStatus::InternalError,
        "{function}: status {status:?}: {answer}"
    );
    if status != TreemStatus::Ok {
        assert!(
            answer.get("error").is_some(),
            "{function}: error status without error JSON"
        );
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
