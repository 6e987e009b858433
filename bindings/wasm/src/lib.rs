//! WebAssembly binding of treem: marshaling only, every rule lives in the core.

use wasm_bindgen::prelude::*;

/// The library version and the editions of its data, as a JSON string.
#[wasm_bindgen]
pub fn version() -> String {
    treem::api::version().to_string()
}

/// Loads the national administrative-unit tables (the text of `national.tsv`, shipped next to
/// the package and fetched by the page) so that every later call sees every province,
/// district and commune; without it only Hải Phòng's are known. Answers
/// `{"ok": true, "coverage": "national"}` or `{"ok": false, "error": "geography_data" |
/// "already_loaded", "message": ...}`.
#[wasm_bindgen]
pub fn load_geography(text: &str) -> String {
    let answer = match treem::vn::admin::GeographyData::from_text(text) {
        Err(e) => {
            serde_json::json!({"ok": false, "error": "geography_data", "message": e.to_string()})
        }
        Ok(data) => {
            let coverage = data.coverage();
            match treem::vn::admin::install(data) {
                Ok(()) => serde_json::json!({"ok": true, "coverage": coverage.as_str()}),
                Err(_) => serde_json::json!({"ok": false, "error": "already_loaded",
                    "message": "geography tables can be loaded once per instance"}),
            }
        }
    };
    answer.to_string()
}
