//! Every parser (`treem::api::parser_names()`) on arbitrary text.
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

fn run(input: &[u8]) {
    let parts = shim::split(input);
    let names = treem::api::parser_names();
    let what = shim::pick(parts.name, &names);
    // Text reaches a parser as `&str`; bytes that are not UTF-8 are read lossily so that
    // the run still exercises the parser.
    let text = String::from_utf8_lossy(parts.data);
    if let Ok(answer) = treem::api::parse(what, &text, parts.options) {
        let ok = answer.get("ok").and_then(serde_json::Value::as_bool);
        assert!(ok.is_some(), "parse answer without ok: {answer}");
        if ok == Some(false) {
            let issues = answer.get("issues").and_then(serde_json::Value::as_array);
            assert!(
                issues.is_some_and(|i| !i.is_empty()),
                "refused without an issue"
            );
        }
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
