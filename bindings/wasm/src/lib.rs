//! WebAssembly binding of treem: marshaling only, every rule lives in the core.

use wasm_bindgen::prelude::*;

/// The library version and the editions of its data, as a JSON string.
#[wasm_bindgen]
pub fn version() -> String {
    treem::api::version().to_string()
}
