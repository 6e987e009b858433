//! C ABI of treem: marshaling only, every rule lives in the core.

use std::ffi::c_char;

/// The library version as a static NUL-terminated string. Never free it.
#[no_mangle]
pub extern "C" fn treem_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    VERSION.as_ptr().cast()
}
