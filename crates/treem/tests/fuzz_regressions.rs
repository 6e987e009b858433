//! Regression tests for what the fuzzer found (`scripts/ci/fuzz.sh`, `fuzz/README.md`).
//! Each test names the target and what it found; its input is the crash, minimised.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

/// Target `kinds`, normalize idempotence: a 90-digit number in a record came back from a
/// second normalisation as another number (serde_json's fast float parser is not correctly
/// rounded: 1.2222222222222224e89 written, 1.2222222222222223e89 read). Fixed by serde_json's
/// `float_roundtrip` feature.
#[test]
fn kinds_normalize_keeps_a_huge_number_exactly() {
    let digits = format!("1{}", "2".repeat(89));
    let input = format!(r#"{{"guardians": [1, {digits}, 0]}}"#);
    for kind in treem::Kind::names() {
        let once = treem::api::normalize(kind, input.as_bytes(), b"").unwrap();
        let twice = treem::api::normalize(kind, once.record.to_string().as_bytes(), b"").unwrap();
        assert_eq!(once.record, twice.record, "{kind}");
    }
    let value: serde_json::Value = serde_json::from_str(&digits).unwrap();
    let again: serde_json::Value = serde_json::from_str(&value.to_string()).unwrap();
    assert_eq!(value, again);
}
