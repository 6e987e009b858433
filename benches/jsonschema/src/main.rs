//! `treem-bench-jsonschema SCHEMA NDJSON [THREADS]`: parses every line into a
//! `serde_json::Value` and validates it against the schema with the `jsonschema` crate, on
//! THREADS threads (default 2) each taking a contiguous share of the lines, the file read
//! once into memory beforehand (which favours the peer: the CLI streams). Prints one JSON line:
//! records, invalid, seconds, records_per_second. Parsing is included in the timing.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(schema_path), Some(data_path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: treem-bench-jsonschema SCHEMA NDJSON [THREADS]");
        std::process::exit(2);
    };
    let threads: usize = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(2).max(1);
    let schema: serde_json::Value = match std::fs::read(schema_path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(schema) => schema,
        Err(e) => {
            eprintln!("cannot read the schema: {e}");
            std::process::exit(2);
        }
    };
    let validator = match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("bad schema: {e}");
            std::process::exit(2);
        }
    };
    let data = match std::fs::read(data_path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read the data: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let share = lines.len().div_ceil(threads);
    let (records, invalid) = std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(share.max(1))
            .map(|part| {
                let validator = &validator;
                scope.spawn(move || {
                    let mut invalid = 0u64;
                    for line in part {
                        match serde_json::from_slice::<serde_json::Value>(line) {
                            Ok(value) => {
                                if !validator.is_valid(&value) {
                                    invalid += 1;
                                }
                            }
                            Err(_) => invalid += 1,
                        }
                    }
                    (part.len() as u64, invalid)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((0, 0)))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{{\"records\":{records},\"invalid\":{invalid},\"threads\":{threads},\"seconds\":{seconds:.3},\"records_per_second\":{:.0}}}",
        records as f64 / seconds
    );
}
