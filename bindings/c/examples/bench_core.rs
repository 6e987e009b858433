//! Per-call cost of `treem::api::validate` called directly from Rust, on the records of a
//! file: the baseline of the C ABI benchmark (`bindings/c/bench/bench.sh`). Two numbers per
//! record: the call alone (a Rust caller keeps the `Report`), and the call plus writing the
//! report as JSON (what every binding must hand over).
//!
//! Usage: `bench_core FILE ITERATIONS REPEATS` (best of REPEATS runs of ITERATIONS calls).

use std::hint::black_box;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(iterations), Some(repeats)) = (args.get(1), args.get(2), args.get(3))
    else {
        return Err("usage: bench_core FILE ITERATIONS REPEATS".into());
    };
    let iterations: u32 = iterations.parse()?;
    let repeats: u32 = repeats.parse()?;
    let options = br#"{"as_of": "2026-11-28"}"#;
    let text = std::fs::read_to_string(file)?;
    let (mut total_call, mut total_json, mut records) = (0.0, 0.0, 0_u32);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let best = |with_json: bool| -> Result<f64, treem::Error> {
            let mut best = f64::MAX;
            for _ in 0..repeats {
                let start = Instant::now();
                for _ in 0..iterations {
                    let report =
                        treem::api::validate("child", black_box(line.as_bytes()), options)?;
                    if with_json {
                        black_box(serde_json::to_string(&report).unwrap_or_default());
                    } else {
                        black_box(report);
                    }
                }
                let per_call = start.elapsed().as_nanos() as f64 / f64::from(iterations);
                best = best.min(per_call);
            }
            Ok(best)
        };
        let (call, json) = (best(false)?, best(true)?);
        records += 1;
        println!("rust record {records}: {call:.0} ns/call, {json:.0} ns/call with JSON out");
        total_call += call;
        total_json += json;
    }
    let n = f64::from(records.max(1));
    println!(
        "rust mean: {:.0} ns/call, {:.0} ns/call with JSON out, over {records} records",
        total_call / n,
        total_json / n
    );
    Ok(())
}
