//! The CLI's dataset readers (CSV with its header mapping, Excel `.xlsx`, NDJSON, JSON
//! arrays) on arbitrary bytes: every reader must hand out records or bad rows until the end,
//! never panic, and account for its input (a bad row is kept, never dropped). The readers are
//! reached through the `treem_cli` library (`treem_cli::readers`), the code the binary runs.
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

use treem_cli::readers::{drain, Format, NotDrained};

fn run(data: &[u8]) {
    let parts = shim::split(data);
    let format = match shim::pick(parts.name, &["csv", "xlsx", "ndjson", "json"]) {
        "csv" => Format::Csv,
        "xlsx" => Format::Xlsx,
        "ndjson" => Format::Ndjson,
        _ => Format::JsonArray,
    };
    // The options part is a caller's column mapping when it is text.
    let user_map = std::str::from_utf8(parts.options).ok().filter(|m| !m.trim().is_empty());
    // A bound so that a reader that never ends fails instead of hanging the fuzzer.
    match drain(format, parts.data.to_vec(), user_map, 100_000) {
        Ok(_) | Err(NotDrained::Mapping) => {}
        Err(NotDrained::NoEnd) => panic!("reader did not reach the end of a small input"),
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
