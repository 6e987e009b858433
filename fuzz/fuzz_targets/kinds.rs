//! Every kind's validate, normalize and validate_many on arbitrary bytes, the kind picked
//! from `treem::Kind::names()`. Also: normalizing a normalized record changes nothing more,
//! and a record read from its text and from a parsed value gets the same report.
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

fn run(input: &[u8]) {
    let parts = shim::split(input);
    let names = treem::Kind::names();
    let kind = shim::pick(parts.name, &names);
    if let Ok(report) = treem::api::validate(kind, parts.data, parts.options) {
        shim::check_report(&report);
        // The two readers of a draft agree. Natively, `validate` reads an object's JSON text
        // with serde; `validate_many` reads each element of an array from its parsed `Value`
        // with `json::FromValue`, the only reader in the WebAssembly package.
        let mut wrapped = b"[".to_vec();
        wrapped.extend_from_slice(parts.data);
        wrapped.push(b']');
        if let Ok(many) = treem::api::validate_many(kind, &wrapped, parts.options) {
            if let [from_value] = many.as_slice() {
                assert_eq!(from_value, &report, "the value path and the text path disagree");
            }
        }
    }
    if let Ok(normalized) = treem::api::normalize(kind, parts.data, parts.options) {
        shim::check_report(&normalized.report);
        // Idempotence: the cleaned record is already clean.
        let again = treem::api::normalize(
            kind,
            normalized.record.to_string().as_bytes(),
            parts.options,
        )
        .expect("a normalized record is a valid object");
        assert_eq!(
            again.record, normalized.record,
            "normalize is not idempotent"
        );
    }
    if let Ok(reports) = treem::api::validate_many(kind, parts.data, parts.options) {
        reports.iter().for_each(shim::check_report);
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
