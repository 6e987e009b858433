//! `treem::api::indicators` on arbitrary input and options (caller definitions, periods,
//! suppression thresholds, partial output); a partial it writes merges back unchanged.
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

fn run(input: &[u8]) {
    let parts = shim::split(input);
    let Ok(answer) = treem::api::indicators(parts.data, parts.options) else {
        return;
    };
    let has_error = answer
        .issues
        .iter()
        .any(|i| i.severity == treem::Severity::Error);
    assert_eq!(answer.ok, !has_error, "ok disagrees with the issues");
    if let Some(partial) = &answer.partial {
        // A partial is valid input to the next round.
        let text = serde_json::to_string(partial).expect("a partial serializes");
        let again = treem::api::indicators(text.as_bytes(), br#"{"output": "partial"}"#)
            .expect("a partial is readable");
        assert!(
            !again
                .issues
                .iter()
                .any(|i| i.code.starts_with("json.")),
            "a partial treem wrote is refused: {:?}",
            again.issues
        );
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
