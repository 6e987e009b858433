//! Any bytes fed to any JSON entry point give a value or an error value, never a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;

fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        ".{0,200}".prop_map(String::into_bytes),
        // JSON-shaped text exercises the rules rather than the JSON parser.
        proptest::collection::btree_map("[a-z_]{1,14}", ".{0,20}", 0..6)
            .prop_map(|m| serde_json::to_vec(&m).unwrap()),
        proptest::collection::btree_map(
            prop_oneof![
                Just("full_name".to_owned()),
                Just("date_of_birth".to_owned()),
                Just("sex".to_owned())
            ],
            prop_oneof![
                any::<i64>().prop_map(serde_json::Value::from),
                ".{0,12}".prop_map(serde_json::Value::from),
                Just(serde_json::json!([{}]))
            ],
            0..4
        )
        .prop_map(|m| serde_json::to_vec(&m).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn validate_and_normalize_never_panic(input in any_input(), options in any_input()) {
        for kind in ["child", "unknown"] {
            let _ = treem::api::validate(kind, &input, &options);
            let _ = treem::api::validate(kind, &input, b"{\"as_of\":\"2026-11-28\"}");
            let _ = treem::api::validate_many(kind, &input, b"");
            if let Ok(normalized) = treem::api::normalize(kind, &input, b"{\"as_of\":\"2026-11-28\"}") {
                // Normalising the normalised record changes nothing more.
                let again = treem::api::normalize(kind, normalized.record.to_string().as_bytes(), b"{\"as_of\":\"2026-11-28\"}").unwrap();
                prop_assert!(again.changes.is_empty(), "not idempotent: {:?}", again.changes);
                prop_assert_eq!(again.record, normalized.record);
            }
        }
    }

    #[test]
    fn parse_catalog_schema_never_panic(what in ".{0,12}", text in ".{0,64}", options in any_input()) {
        for parser in treem::api::parser_names() {
            let _ = treem::api::parse(parser, &text, &options);
        }
        let _ = treem::api::parse(&what, &text, &options);
        let _ = treem::api::catalog(&what, &options);
        let _ = treem::api::schema(&what);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert!(treem::api::validate("child", deep.as_bytes(), b"")
        .unwrap_err()
        .is_not_json());
    let deep_field = format!("{{\"full_name\": {}}}", "[".repeat(100_000));
    assert!(treem::api::validate("child", deep_field.as_bytes(), b"")
        .unwrap_err()
        .is_not_json());
}
