//! The CLI's dataset readers (CSV with its header mapping, Excel `.xlsx`, NDJSON, JSON
//! arrays) on arbitrary bytes: every reader must hand out records or bad rows until the end,
//! never panic, and account for its input (a bad row is kept, never dropped).
//!
//! The readers live in the `treem` binary crate, which has no library target; like
//! `c_abi.rs`, this target compiles their source as modules of its own (with the two small
//! modules they use: `args` for the input format, `failure` for the error type).
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

#[allow(dead_code, unreachable_pub, clippy::all)]
#[path = "../../crates/treem-cli/src/args.rs"]
mod args;
#[allow(dead_code, unreachable_pub, clippy::all)]
#[path = "../../crates/treem-cli/src/failure.rs"]
mod failure;
#[allow(dead_code, unreachable_pub, clippy::all)]
#[path = "../../crates/treem-cli/src/input/mod.rs"]
mod input;

use std::io::BufReader;

use input::RecordReader;

/// Reads every record of `reader`, in chunks, with a bound so a reader that never ends fails.
fn drain(mut reader: impl RecordReader) {
    for _ in 0..100_000 {
        match reader.next_chunk(64) {
            Ok(chunk) if chunk.is_empty() => return,
            Ok(_) => {}
            // A reader may refuse the whole input (not a workbook, no header): an answer.
            Err(_) => return,
        }
    }
    panic!("reader did not reach the end of a small input");
}

fn run(data: &[u8]) {
    let parts = shim::split(data);
    let format = shim::pick(parts.name, &["csv", "xlsx", "ndjson", "json"]);
    let Ok(kind) = "child".parse::<treem::Kind>() else { return };
    // The options part is a caller's column mapping when it is JSON.
    let user_map = std::str::from_utf8(parts.options).ok().filter(|m| !m.trim().is_empty());
    let Ok(mapping) = input::mapping::Mapping::for_kind(kind, user_map) else { return };
    let bytes = parts.data.to_vec();
    match format {
        "csv" => {
            if let Ok((_, _, reader)) = input::tabular::CsvReader::open(BufReader::new(std::io::Cursor::new(bytes)), &mapping) {
                drain(reader);
            }
        }
        "xlsx" => {
            if let Ok((_, reader)) = input::xlsx::XlsxReader::open(bytes, &mapping, None) {
                drain(reader);
            }
        }
        "ndjson" => drain(input::ndjson::NdjsonReader::new(BufReader::new(std::io::Cursor::new(bytes)))),
        _ => drain(input::json_array::ArrayReader::new(BufReader::new(std::io::Cursor::new(bytes)))),
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
