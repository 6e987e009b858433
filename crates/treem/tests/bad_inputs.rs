//! The bad-input suite (`tests/bad-inputs/cases.json`) through the Rust API: every input gets
//! a structured answer or error within its time limit; nothing panics, hangs or aborts. The
//! Node (WebAssembly) and Python (C ABI) runners hold the bindings to the same file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::time::{Duration, Instant};

use serde_json::Value;

#[test]
fn every_bad_input_gets_a_structured_answer_in_time() {
    let doc = support::bad_input_doc();
    let limits = &doc["time_limit_ms"];
    let mut failures = Vec::new();
    let mut count = 0;
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        // `TREEM_BAD_INPUT=<name>` runs one case (to debug it, or to measure its memory).
        if std::env::var("TREEM_BAD_INPUT").is_ok_and(|only| only != name) {
            continue;
        }
        let input = support::build_bytes(&case["input"]);
        let limit_ms = if case.get("giant") == Some(&Value::Bool(true)) {
            limits["giant"].as_u64().unwrap()
        } else {
            limits["default"].as_u64().unwrap()
        };
        let start = Instant::now();
        let outcome = std::panic::catch_unwind(|| support::bad_input_answer(case, &input));
        let took = start.elapsed();
        count += 1;
        let answer = match outcome {
            Ok(answer) => answer,
            Err(_) => {
                failures.push(format!("{name}: panicked"));
                continue;
            }
        };
        if took > Duration::from_millis(limit_ms) {
            failures.push(format!("{name}: took {took:?}, limit {limit_ms} ms"));
        }
        for error in support::check_expectation(&case["expect"], &answer) {
            failures.push(format!("{name}: {error}"));
        }
        eprintln!("bad input {name}: {:?}", took);
    }
    assert!(
        count >= 40 || std::env::var("TREEM_BAD_INPUT").is_ok(),
        "only {count} bad inputs"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if let Some(peak) = peak_memory_mb() {
        // The largest input is 100 MB; a copy or two is expected, a blow-up is not.
        assert!(peak < 2048, "peak resident memory {peak} MB");
    }
    println!("{count} bad inputs answered");
}

/// Peak resident memory of this process in MB (Linux), if it can be read.
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
