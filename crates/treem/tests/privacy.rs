//! No message echoes a child's identifiers: every conformance vector and every bad input
//! (but the giant ones, which hold no personal data) is run, and no issue message, issue
//! parameter, change message or error message may contain a full personal ID (12 digits), a
//! phone number (10 digits, or 11 with the 84 prefix) or a person's name from the input.
//! How the library handles personal data: `docs/privacy.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;

use serde_json::Value;

/// What must never be printed: identifiers (as digit strings) and names.
#[derive(Default)]
struct Secrets {
    numbers: BTreeSet<String>,
    names: BTreeSet<String>,
}

impl Secrets {
    /// Collects the secrets of a string found at member `key` of the input.
    fn add_text(&mut self, key: &str, text: &str) {
        // Identifiers as typed ("031 199 000 123", "0912.345.678", fullwidth digits) are
        // compared by their digits.
        let digits = digits_of(text);
        if matches!(digits.len(), 10..=12) && digits_of_share(text) {
            self.numbers.insert(digits);
        }
        for run in text.split(|c: char| !c.is_ascii_digit()) {
            if run.len() >= 10 {
                self.numbers.insert(run.to_owned());
            }
        }
        let words = text.split_whitespace().count();
        if key.contains("name") && words >= 2 && text.chars().count() <= 100 {
            self.names.insert(text.trim().to_owned());
        }
    }

    fn add_value(&mut self, key: &str, value: &Value) {
        match value {
            Value::String(s) => self.add_text(key, s),
            Value::Number(n) => self.add_text(key, &n.to_string()),
            Value::Array(items) => items.iter().for_each(|v| self.add_value(key, v)),
            Value::Object(map) => map.iter().for_each(|(k, v)| self.add_value(k, v)),
            _ => {}
        }
    }

    /// What in `printed` gives a secret away.
    fn leaks(&self, printed: &str) -> Vec<String> {
        let squeezed: String = printed
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}'))
            .map(fold_digit)
            .collect();
        let mut found: Vec<String> = self
            .numbers
            .iter()
            .filter(|n| squeezed.contains(n.as_str()))
            .cloned()
            .collect();
        found.extend(
            self.names
                .iter()
                .filter(|n| printed.contains(n.as_str()))
                .cloned(),
        );
        found
    }
}

fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap(),
        c => c,
    }
}

fn digits_of(text: &str) -> String {
    text.chars()
        .map(fold_digit)
        .filter(char::is_ascii_digit)
        .collect()
}

/// True when digits are most of the text (an identifier with separators, not a sentence).
fn digits_of_share(text: &str) -> bool {
    let total = text.chars().filter(|c| !c.is_whitespace()).count();
    digits_of(text).len() * 10 >= total * 7
}

/// Every printed text of an answer: messages (issues, changes, errors) and issue params.
fn printed_texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("message", Value::String(s)) => out.push(s.clone()),
                    ("params", params) => out.push(params.to_string()),
                    _ => printed_texts(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| printed_texts(v, out)),
        _ => {}
    }
}

fn check(label: &str, secrets: &Secrets, answer: &Value, failures: &mut Vec<String>) -> usize {
    let mut texts = Vec::new();
    printed_texts(answer, &mut texts);
    for text in &texts {
        for leak in secrets.leaks(text) {
            failures.push(format!("{label}: {leak:?} printed in {text}"));
        }
    }
    texts.len()
}

#[test]
fn no_message_prints_a_personal_id_phone_or_name() {
    let mut failures = Vec::new();
    let (mut runs, mut printed, mut secret_count) = (0, 0, 0);
    for (file, case) in support::vector_cases() {
        let mut secrets = Secrets::default();
        secrets.add_value("", &case.get("input").cloned().unwrap_or(Value::Null));
        for key in ["input_text", "text"] {
            if let Some(text) = case.get(key).and_then(Value::as_str) {
                let what = case.get("what").and_then(Value::as_str).unwrap_or("");
                secrets.add_text(what, text);
            }
        }
        secret_count += secrets.numbers.len() + secrets.names.len();
        let label = format!(
            "{file}: {}",
            case["description"].as_str().unwrap_or("(no description)")
        );
        printed += check(
            &label,
            &secrets,
            &support::vector_answer(&case),
            &mut failures,
        );
        runs += 1;
        // The same record normalised: its change messages must not print it either.
        if case.get("op").and_then(Value::as_str).unwrap_or("validate") == "validate" {
            let mut normalize = case.clone();
            normalize["op"] = "normalize".into();
            printed += check(
                &format!("{label} (normalize)"),
                &secrets,
                &support::vector_answer(&normalize),
                &mut failures,
            );
            runs += 1;
        }
    }
    let doc = support::bad_input_doc();
    for case in doc["cases"].as_array().unwrap() {
        if case.get("giant") == Some(&Value::Bool(true)) {
            continue;
        }
        let input = support::build_bytes(&case["input"]);
        let mut secrets = Secrets::default();
        let text = String::from_utf8_lossy(&input);
        match serde_json::from_str::<Value>(&text) {
            Ok(value) => secrets.add_value("", &value),
            Err(_) => secrets.add_text(
                case.get("what").and_then(Value::as_str).unwrap_or(""),
                &text,
            ),
        }
        secret_count += secrets.numbers.len() + secrets.names.len();
        let label = format!("bad input {}", case["name"]);
        printed += check(
            &label,
            &secrets,
            &support::bad_input_answer(case, &input),
            &mut failures,
        );
        runs += 1;
    }
    assert!(
        secret_count >= 20,
        "only {secret_count} identifiers and names found in the inputs"
    );
    assert!(
        failures.is_empty(),
        "{} leaks:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{runs} runs, {printed} printed texts, {secret_count} identifiers and names: no leak");
}

/// The detector itself finds what it must (a privacy test that cannot fail proves nothing).
#[test]
fn the_detector_finds_identifiers_as_typed() {
    let mut secrets = Secrets::default();
    secrets.add_value(
        "",
        &serde_json::json!({"personal_id": "031 199 000 123", "guardians": [{"full_name": "Trần Thị Bình", "phone": "0912.345.678"}]}),
    );
    assert!(!secrets.leaks("Số 031199000123 sai").is_empty());
    assert!(!secrets.leaks("gọi 0912 345 678").is_empty());
    assert!(!secrets.leaks("của Trần Thị Bình").is_empty());
    assert!(secrets
        .leaks("số 031*******23, T. T. B., 091*****78")
        .is_empty());
}
