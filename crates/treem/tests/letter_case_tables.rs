//! The generator of `src/letter_case/tables.rs`, run as a test.
//!
//! The tables are read off the standard library of the toolchain that runs this test (its
//! `char::to_lowercase`, `char::to_uppercase` and `str::to_lowercase`), so they follow that
//! toolchain's Unicode version. The test fails when the committed file differs from what this
//! toolchain gives (a new Unicode version, or a changed encoding);
//! `TREEM_WRITE_CASE_TABLES=1 cargo test -p treem --test letter_case_tables` rewrites it.
//! The layout of a run is `treem::letter_case::Run::new`'s; `letter_case`'s unit tests check
//! every character against the standard library.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::path::Path;

/// The longest span (last - first) of one run: it is stored in 8 bits.
const MAX_SPAN: u32 = 255;

/// A run as the generator builds it.
struct Run {
    first: u32,
    last: u32,
    step: u32,
    delta: i64,
}

/// Every character's mapping, as runs of one-character mappings by a constant delta (every
/// character or every other one) and single entries for the multi-character ones.
fn table(map: impl Fn(char) -> Vec<char>) -> (Vec<Run>, Vec<Vec<char>>) {
    let mut runs: Vec<Run> = Vec::new();
    let mut expansions = Vec::new();
    for code in 0..=0x10_FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let mapped = map(c);
        if let [single] = mapped[..] {
            if single == c {
                continue;
            }
            let delta = i64::from(u32::from(single)) - i64::from(code);
            if let Some(run) = runs.last_mut() {
                let gap = code - run.last;
                let step_fits = if run.last == run.first {
                    gap == 1 || gap == 2
                } else {
                    gap == run.step
                };
                if run.step != 0 && run.delta == delta && step_fits && code - run.first <= MAX_SPAN
                {
                    run.step = gap;
                    run.last = code;
                    continue;
                }
            }
            runs.push(Run {
                first: code,
                last: code,
                step: 1,
                delta,
            });
        } else {
            assert!(mapped.len() <= 3 && !mapped.contains(&'\0'), "{c:?}");
            runs.push(Run {
                first: code,
                last: code,
                step: 0,
                delta: expansions.len() as i64,
            });
            expansions.push(mapped);
        }
    }
    (runs, expansions)
}

/// How `str::to_lowercase` reads a character beside a capital sigma, found by asking it:
/// 1 a cased letter that is not case-ignorable (`AΣ` ends in a final `ς`), 2 case-ignorable
/// (skipped: `A'Σ` ends in `ς` too), 0 anything else.
fn sigma_class(c: char) -> u8 {
    if format!("{c}Σ").to_lowercase().ends_with('ς') {
        1
    } else if format!("A{c}Σ").to_lowercase().ends_with('ς') {
        2
    } else {
        0
    }
}

/// The sigma classes as the character after each change of class: LEB128 numbers, each
/// `gap << 2 | class`, the gap counted from the previous change (from 0 for the first).
fn sigma_context() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut class = None;
    let mut previous = 0;
    for code in 0..=0x10_FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let now = sigma_class(c);
        if class == Some(now) {
            continue;
        }
        class = Some(now);
        let mut value = (code - previous) << 2 | u32::from(now);
        previous = code;
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                bytes.push(low);
                break;
            }
            bytes.push(low | 0x80);
        }
    }
    bytes
}

fn write_runs(out: &mut String, name: &str, doc: &str, runs: &[Run]) {
    writeln!(out, "{doc}").unwrap();
    writeln!(out, "pub(super) static {name}: [Run; {}] = [", runs.len()).unwrap();
    for run in runs {
        if run.step == 0 {
            writeln!(
                out,
                "    Run::expansion({:#06x}, {}),",
                run.first, run.delta
            )
            .unwrap();
        } else {
            writeln!(
                out,
                "    Run::new({:#06x}, {:#06x}, {}, {}),",
                run.first, run.last, run.step, run.delta
            )
            .unwrap();
        }
    }
    writeln!(out, "];\n").unwrap();
}

fn write_expansions(out: &mut String, name: &str, doc: &str, expansions: &[Vec<char>]) {
    writeln!(out, "{doc}").unwrap();
    writeln!(
        out,
        "pub(super) static {name}: [[char; 3]; {}] = [",
        expansions.len()
    )
    .unwrap();
    for chars in expansions {
        let mut padded = chars.clone();
        padded.resize(3, '\0');
        let items: Vec<String> = padded
            .iter()
            .map(|c| format!("'\\u{{{:x}}}'", u32::from(*c)))
            .collect();
        writeln!(out, "    [{}],", items.join(", ")).unwrap();
    }
    writeln!(out, "];\n").unwrap();
}

fn generate() -> String {
    let (major, minor, update) = char::UNICODE_VERSION;
    let mut out = format!(
        "//! Generated by `crates/treem/tests/letter_case_tables.rs` from the standard library of\n\
         //! the Rust toolchain that ran it: Unicode {major}.{minor}.{update}. Do not edit; regenerate with\n\
         //! `TREEM_WRITE_CASE_TABLES=1 cargo test -p treem --test letter_case_tables`.\n\n\
         use super::Run;\n\n\
         /// The Unicode version of these tables.\n\
         #[cfg(test)]\n\
         pub(super) const UNICODE_VERSION: (u8, u8, u8) = ({major}, {minor}, {update});\n\n"
    );
    let (lower, lower_expansions) = table(|c| c.to_lowercase().collect());
    let (upper, upper_expansions) = table(|c| c.to_uppercase().collect());
    write_runs(
        &mut out,
        "LOWER",
        "/// `char::to_lowercase` of every character that changes, by ascending first character.",
        &lower,
    );
    write_expansions(
        &mut out,
        "LOWER_EXPANSIONS",
        "/// The lower cases of several characters, `'\\0'`-padded.",
        &lower_expansions,
    );
    write_runs(
        &mut out,
        "UPPER",
        "/// `char::to_uppercase` of every character that changes, by ascending first character.",
        &upper,
    );
    write_expansions(
        &mut out,
        "UPPER_EXPANSIONS",
        "/// The upper cases of several characters, `'\\0'`-padded.",
        &upper_expansions,
    );
    let sigma = sigma_context();
    writeln!(
        out,
        "/// How a character beside `Σ` counts for the final-sigma rule (see `sigma_class`).\n\
         pub(super) static SIGMA_CONTEXT: [u8; {}] = [",
        sigma.len()
    )
    .unwrap();
    for line in sigma.chunks(16) {
        let items: Vec<String> = line.iter().map(|b| format!("{b:#04x}")).collect();
        writeln!(out, "    {},", items.join(", ")).unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}

#[test]
fn committed_case_tables_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/letter_case/tables.rs");
    let generated = generate();
    if std::env::var_os("TREEM_WRITE_CASE_TABLES").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "src/letter_case/tables.rs is stale (or this toolchain has another Unicode version); \
         regenerate it with:\n  TREEM_WRITE_CASE_TABLES=1 cargo test -p treem --test letter_case_tables"
    );
}
