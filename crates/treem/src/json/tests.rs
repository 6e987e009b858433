//! What the derived readers accept and reject, member type by member type: for any JSON value
//! put in a member, the answer from a parsed `Value` and from JSON text, against a statement
//! of the type's JSON written here (not a copy of another reader).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

/// A draft with one member of each plain type, a nested draft, lists of drafts, a renamed
/// member, and its unknown members kept.
#[derive(Default, Debug, PartialEq, treem_derive::Draft)]
struct Every {
    text: Field<String>,
    int: Field<i64>,
    count: Field<u64>,
    flag: Field<bool>,
    any: Field<Value>,
    object: Field<BTreeMap<String, Value>>,
    texts: Field<Vec<String>>,
    fields: Field<Vec<Field<String>>>,
    ints: Field<Vec<Field<i64>>>,
    inner: Field<Inner>,
    inners: Field<Vec<Field<Inner>>>,
    plain_inners: Field<Vec<Inner>>,
    r#type: Field<String>,
    #[serde(rename = "other-name")]
    renamed: Field<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, Value>,
}

/// A nested draft that skips unknown members.
#[derive(Default, Debug, PartialEq, treem_derive::Draft)]
struct Inner {
    name: Field<String>,
    n: Field<i64>,
}

/// Every member name of [`Every`] as written in JSON, and one it does not know.
const NAMES: &[&str] = &[
    "text",
    "int",
    "count",
    "flag",
    "any",
    "object",
    "texts",
    "fields",
    "ints",
    "inner",
    "inners",
    "plain_inners",
    "type",
    "other-name",
    "x",
];

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..3).prop_map(Value::from),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(1.5)),
        Just(json!(2.0)),
        "[a-z]{0,3}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec!["name", "n", "x"]).prop_map(str::to_owned),
                inner,
                0..3
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The member as the statement of its type reads `value`: `null` is `Null`, a value of the
/// type is `Value`, anything else is kept whole.
fn expect<T>(value: &Value, read: impl FnOnce(&Value) -> Option<T>) -> Field<T> {
    if value.is_null() {
        return Field::Null;
    }
    match read(value) {
        Some(v) => Field::Value(v),
        None => Field::Invalid(value.clone()),
    }
}

fn all<T>(value: &Value, each: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    value.as_array()?.iter().map(each).collect()
}

/// The nested draft as its statement reads an object: its two members, others skipped.
fn inner_of(value: &Value) -> Option<Inner> {
    let object = value.as_object()?;
    let member = |name: &str| object.get(name).map_or(Value::Null, Clone::clone);
    Some(Inner {
        name: if object.contains_key("name") {
            expect(&member("name"), |v| v.as_str().map(str::to_owned))
        } else {
            Field::Absent
        },
        n: if object.contains_key("n") {
            expect(&member("n"), Value::as_i64)
        } else {
            Field::Absent
        },
    })
}

/// The member called `name`, printed.
fn member(draft: &Every, name: &str) -> String {
    match name {
        "text" => format!("{:?}", draft.text),
        "int" => format!("{:?}", draft.int),
        "count" => format!("{:?}", draft.count),
        "flag" => format!("{:?}", draft.flag),
        "any" => format!("{:?}", draft.any),
        "object" => format!("{:?}", draft.object),
        "texts" => format!("{:?}", draft.texts),
        "fields" => format!("{:?}", draft.fields),
        "ints" => format!("{:?}", draft.ints),
        "inner" => format!("{:?}", draft.inner),
        "inners" => format!("{:?}", draft.inners),
        "plain_inners" => format!("{:?}", draft.plain_inners),
        "type" => format!("{:?}", draft.r#type),
        "other-name" => format!("{:?}", draft.renamed),
        other => format!("{:?}", draft.unknown.get(other)),
    }
}

/// Reads `record` from a `Value` and from its text; both must agree.
fn read(record: &Value) -> Every {
    let from_value = Every::from_value(record.clone()).expect("an object reads");
    let from_text: Every = serde_json::from_str(&record.to_string()).unwrap();
    assert_eq!(from_value, from_text, "{record}");
    // treem's own reader, compact and pretty: it never stops on JSON serde_json wrote.
    for written in [
        record.to_string(),
        serde_json::to_string_pretty(record).unwrap(),
    ] {
        let from_own = text::read::<Every>(&written).expect("read by treem's reader");
        assert_eq!(from_value, from_own, "{written}");
    }
    // How WebAssembly builds read a draft from a value: by its text.
    assert_eq!(
        text::from_value::<Every>(record.clone()).unwrap(),
        from_value
    );
    from_value
}

proptest! {
    /// Each member type against any JSON value.
    #[test]
    fn each_member_type_reads_what_its_type_says(value in any_value(), name in prop::sample::select(NAMES)) {
        let record = json!({ name: value.clone() });
        let draft = read(&record);
        let mut want = Every::default();
        match name {
            "text" => want.text = expect(&value, |v| v.as_str().map(str::to_owned)),
            // A float is not an integer, even `2.0`.
            "int" => want.int = expect(&value, Value::as_i64),
            "count" => want.count = expect(&value, Value::as_u64),
            "flag" => want.flag = expect(&value, Value::as_bool),
            "any" => want.any = expect(&value, |v| Some(v.clone())),
            "object" => want.object = expect(&value, |v| {
                v.as_object().map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            }),
            "texts" => want.texts = expect(&value, |v| all(v, |e| e.as_str().map(str::to_owned))),
            // Each element is a field of its own: one wrong element does not spoil the list.
            "fields" => want.fields = expect(&value, |v| all(v, |e| {
                Some(expect(e, |e| e.as_str().map(str::to_owned)))
            })),
            "ints" => want.ints = expect(&value, |v| all(v, |e| Some(expect(e, Value::as_i64)))),
            // A nested draft reads any object.
            "inner" => want.inner = expect(&value, inner_of),
            "inners" => want.inners = expect(&value, |v| all(v, |e| Some(expect(e, inner_of)))),
            // A list of drafts without fields reads only when every element is an object.
            "plain_inners" => want.plain_inners = expect(&value, |v| all(v, inner_of)),
            "type" => want.r#type = expect(&value, |v| v.as_str().map(str::to_owned)),
            "other-name" => want.renamed = expect(&value, |v| v.as_str().map(str::to_owned)),
            _ => { want.unknown.insert(name.to_owned(), value.clone()); }
        }
        prop_assert_eq!(draft, want);
    }

    /// Every member present reads as it does alone; absent ones stay absent.
    #[test]
    fn members_read_independently(values in prop::collection::vec(any_value(), NAMES.len())) {
        let record = Value::Object(NAMES.iter().map(|n| n.to_string()).zip(values.clone()).collect());
        let together = read(&record);
        for (name, value) in NAMES.iter().zip(values) {
            let alone = read(&json!({ *name: value }));
            prop_assert_eq!(member(&together, name), member(&alone, name));
        }
        prop_assert_eq!(Every::default(), read(&json!({})));
    }

    /// A draft is read from an object only: from a `Value`, anything else is not a draft; as
    /// a member, it is kept whole.
    #[test]
    fn a_draft_is_an_object(value in any_value()) {
        prop_assert_eq!(Inner::accepts(&value), value.is_object());
        // Refused, the value comes back untouched.
        match Inner::from_value(value.clone()) {
            Ok(_) => prop_assert!(value.is_object()),
            Err(back) => prop_assert_eq!(back, value.clone()),
        }
        prop_assert_eq!(
            serde_json::from_str::<Inner>(&value.to_string()).is_ok(),
            value.is_object()
        );
    }

    /// A member written twice keeps its last value, from text as from a `Value`.
    #[test]
    fn repeated_members_keep_the_last(a in "[a-z]{0,3}", b in "[a-z]{0,3}") {
        let text = format!(r#"{{"text": "{a}", "x": 1, "text": "{b}", "x": 2}}"#);
        let from_text: Every = serde_json::from_str(&text).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&from_text, &Every::from_value(value).unwrap());
        prop_assert_eq!(from_text.text, Field::Value(b));
        prop_assert_eq!(from_text.unknown.get("x"), Some(&json!(2)));
    }
}

/// Unknown members are kept by a draft with a flattened map, skipped by one without.
#[test]
fn unknown_members_kept_or_skipped() {
    let every = read(&json!({"x": [1], "inner": {"name": "a", "y": 2}}));
    assert_eq!(every.unknown.get("x"), Some(&json!([1])));
    assert_eq!(
        every.inner,
        Field::Value(Inner {
            name: Field::Value("a".to_owned()),
            n: Field::Absent
        })
    );
}

#[test]
fn invalid_utf8_reports_offset() {
    let err = parse_bytes(b"{\"a\":\"\xff\"}").unwrap_err();
    assert!(err.is_not_json());
    assert!(err.to_string().contains("offset 6"), "{err}");
}

/// treem's text reader and serde_json agree on what is JSON: a text the reader reads is JSON
/// (serde_json parses it) and reads as the value path reads it; an object serde_json parses is
/// read by the reader (it never stops on JSON, so the value path is only for errors).
fn reader_agrees_with_serde_json(text: &str) {
    let own = text::read::<Every>(text);
    match serde_json::from_str::<Value>(text) {
        Ok(value) if value.is_object() => {
            let read = own.unwrap_or_else(|_| panic!("the reader stopped on JSON: {text}"));
            assert_eq!(read, Every::from_value(value).unwrap(), "{text}");
        }
        _ => assert!(
            own.is_err(),
            "the reader read what is not a JSON object: {text}"
        ),
    }
}

proptest! {
    /// Any object, then the same text with one character taken out or put in (a quote, a
    /// bracket, an escape, a control character, a letter...), is read alike or refused alike.
    #[test]
    fn the_reader_reads_json_as_serde_json_does(
        values in prop::collection::vec(any_value(), 1..4),
        names in prop::collection::vec(prop::sample::select(NAMES), 1..4),
        edit in 0usize..400,
        put in prop::sample::select(vec![
            "", "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\u{1}", "a", "é", "1",
            "-", ".", "e", "n", "\\u00e9", "\\ud800", "\\\"", "\\n", "\\x", "tru", "nul",
        ]),
    ) {
        let record = Value::Object(names.iter().map(|n| n.to_string()).zip(values).collect());
        let text = record.to_string();
        reader_agrees_with_serde_json(&text);
        let at = edit % (text.len() + 1);
        if text.is_char_boundary(at) {
            let mut inserted = text.clone();
            inserted.insert_str(at, put);
            reader_agrees_with_serde_json(&inserted);
            if let Some(c) = text[at..].chars().next() {
                let mut removed = text.clone();
                removed.replace_range(at..at + c.len_utf8(), put);
                reader_agrees_with_serde_json(&removed);
            }
        }
    }
}

/// Strings with escapes, in names and values, and JSON's four whitespace characters only.
#[test]
fn the_reader_reads_escapes_and_whitespace() {
    for text in [
        r#"{"te\u0078t": "a\"b\\c\/d\u00e9\ud83d\ude00\n", "x": "\t"}"#,
        "{ \"text\" :\t\"a\"\r\n, \"inner\" : { \"name\" : \"b\" } }",
        r#"{"inners": [{"name": "a"}, null, 3, {"n": 1}], "plain_inners": [{"name": "a"}, 2]}"#,
        r#"{"fields": ["a", 1, null], "texts": ["a", "b"], "ints": [1, -2, 2.5]}"#,
        r#"{"text": "a", "text": null, "inner": {"name": "x"}, "inner": 4}"#,
        "{\"text\": \"a\u{a0}\"}\u{a0}",
        "{\"text\": \"\u{1}\"}",
        r#"{"text": "\ud800"}"#,
        r#"{"int": 01}"#,
        r#"{"int": 1,}"#,
        r#"{"any": [1,]}"#,
        "\u{feff}{}",
        "{} {}",
    ] {
        reader_agrees_with_serde_json(text);
    }
}

/// The reader's nesting limit is serde_json's, to the level.
#[test]
fn the_reader_nests_as_deep_as_serde_json() {
    for depth in 120..132 {
        let arrays = format!(r#"{{"any": {}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        reader_agrees_with_serde_json(&arrays);
        let objects = format!(
            r#"{{"any": {}1{}}}"#,
            r#"{"a":"#.repeat(depth),
            "}".repeat(depth)
        );
        reader_agrees_with_serde_json(&objects);
        let drafts = format!(
            r#"{{"inners": [{{"name": {}{}}}]}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        reader_agrees_with_serde_json(&drafts);
    }
}
