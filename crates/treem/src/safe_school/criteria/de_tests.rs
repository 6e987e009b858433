//! The criteria sets' `Deserialize` (`data_deserialize!`) against serde's derive: copies of
//! the types with the derive and the same attributes are the oracles (named as ours: the
//! names are in the messages), their members of our types (each tested on its own here).

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{Completeness, ContentArea, CriteriaSet, Criterion, DocumentRef, Event};
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};
use crate::safe_school::builtin;

mod derived {
    use serde::{Deserialize, Serialize};

    use super::super as ours;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct CriteriaSet {
        pub id: String,
        pub version: String,
        pub title: String,
        pub document: ours::DocumentRef,
        pub applies_to: Vec<String>,
        pub threshold: ours::Threshold,
        pub completeness: ours::Completeness,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub content_areas: Vec<ours::ContentArea>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub criteria: Vec<ours::Criterion>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub disqualifying_events: Vec<ours::Event>,
        #[serde(default)]
        pub remedy_required: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reported_total: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reported_mandatory: Option<u32>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub notes: Vec<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct DocumentRef {
        pub number: String,
        pub title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub issued: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub in_force_from: Option<String>,
        pub articles: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum Completeness {
        ThresholdsOnly,
        Partial,
        Complete,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct ContentArea {
        pub code: String,
        pub title: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Criterion {
        pub code: String,
        pub text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub area: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub mandatory: bool,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub conditional: bool,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Event {
        pub code: String,
        pub text: String,
    }
}

fn names() -> Vec<Value> {
    [
        "thresholds_only",
        "partial",
        "complete",
        "Complete",
        "percent",
        "tt18-2023",
        "2023-12-01",
        "x",
    ]
    .into_iter()
    .map(Value::from)
    .collect()
}

/// Member values: the general ones, and parts of sets that read or nearly do.
fn values() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        4 => member_value(names()),
        1 => prop::sample::select(vec![
            json!({"rule": "percent", "min_percent": 80, "all_mandatory": true}),
            json!({"rule": "count", "min_met": 1}),
            json!({"number": "1", "title": "t", "articles": "a"}),
            json!({"number": "1", "title": "t"}),
            json!([{"code": "1", "text": "t", "mandatory": true}]),
            json!([{"code": "1", "text": "t", "mandatory": 1}]),
            json!([{"code": "1", "title": "t"}]),
            json!([{"code": "1", "title": "t", "x": 1}]),
            json!(["a", "b"]),
            json!(["a", 1]),
            json!({"complete": null}),
        ]),
    ]
}

fn set_samples() -> Vec<Value> {
    let mut samples: Vec<Value> = builtin::all()
        .iter()
        .filter_map(|set| serde_json::to_value(set).ok())
        .collect();
    if let Some(Value::Object(mut full)) = samples.first().cloned() {
        full.insert("reported_total".into(), json!(40));
        full.insert("reported_mandatory".into(), json!(20));
        full.insert("remedy_required".into(), json!(true));
        full.insert("notes".into(), json!(["n"]));
        full.insert(
            "disqualifying_events".into(),
            json!([{"code": "e", "text": "t"}]),
        );
        full.insert("content_areas".into(), json!([{"code": "1", "title": "t"}]));
        samples.push(Value::Object(full));
    }
    samples
}

#[test]
fn every_builtin_set_reads_as_with_the_derive() {
    assert!(!builtin::all().is_empty());
    for sample in set_samples() {
        assert_same_as_derive::<CriteriaSet, derived::CriteriaSet>(&sample, "struct CriteriaSet");
        assert!(CriteriaSet::deserialize(&sample).is_ok(), "{sample}");
    }
    for set in builtin::all() {
        let value = serde_json::to_value(set).unwrap();
        assert_eq!(&CriteriaSet::deserialize(&value).unwrap(), set);
    }
}

#[test]
fn errors_are_the_derives() {
    let base = set_samples().remove(0);
    let with = |key: &str, value: Value| {
        let mut v = base.clone();
        v[key] = value;
        v
    };
    let without = |key: &str| {
        let mut v = base.clone();
        v.as_object_mut().unwrap().remove(key);
        v
    };
    let cases = [
        (with("x", json!(1)), "unknown field `x`, expected one of `id`, `version`, `title`, `document`, `applies_to`, `threshold`, `completeness`, `content_areas`, `criteria`, `disqualifying_events`, `remedy_required`, `reported_total`, `reported_mandatory`, `notes`"),
        (without("completeness"), "missing field `completeness`"),
        (without("applies_to"), "missing field `applies_to`"),
        (with("completeness", json!("full")), "unknown variant `full`, expected one of `thresholds_only`, `partial`, `complete`"),
        (with("document", json!({"number": "1", "title": "t"})), "missing field `articles`"),
        (with("document", json!("18/2023/TT-BGDĐT")), "invalid type: string \"18/2023/TT-BGDĐT\", expected struct DocumentRef"),
        (with("criteria", json!([{"code": "1", "text": "t", "mandatory": "yes"}])), "invalid type: string \"yes\", expected a boolean"),
        (with("criteria", json!([{"code": "1", "text": "t", "weight": 1}])), "unknown field `weight`, expected one of `code`, `text`, `area`, `mandatory`, `conditional`"),
        (with("content_areas", json!([{"code": "1"}])), "missing field `title`"),
        (with("disqualifying_events", json!([{"code": "1", "text": 2}])), "invalid type: integer `2`, expected a string"),
        (with("reported_total", json!(-1)), "invalid value: integer `-1`, expected u32"),
        (json!([]), "invalid type: sequence, expected struct CriteriaSet"),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<CriteriaSet>(&value), expected, "{value}");
        assert_same_as_derive::<CriteriaSet, derived::CriteriaSet>(&value, "struct CriteriaSet");
    }
    // serde's derive read these from arrays, member by member; now they are the wrong type.
    assert_eq!(
        message::<Event>(&json!(["e", "t"])),
        "invalid type: sequence, expected struct Event"
    );
    assert_eq!(
        message::<Criterion>(&json!(["1", "t"])),
        "invalid type: sequence, expected struct Criterion"
    );
}

proptest! {
    #[test]
    fn sets_answer_as_the_derive(
        value in prop::sample::select(set_samples()).prop_flat_map(|sample| {
            near(
                sample,
                vec!["id", "document", "threshold", "completeness", "criteria", "notes", "other"],
                values(),
            )
        })
    ) {
        assert_same_as_derive::<CriteriaSet, derived::CriteriaSet>(&value, "struct CriteriaSet");
    }

    #[test]
    fn parts_answer_as_the_derive(
        document in near(
            json!({"number": "1", "title": "t", "issued": "2023-01-01", "in_force_from": "2023-02-01", "articles": "a"}),
            vec!["number", "issued", "articles", "other"],
            values(),
        ),
        criterion in near(
            json!({"code": "1", "text": "t", "area": "a", "mandatory": true, "conditional": false}),
            vec!["code", "area", "mandatory", "other"],
            values(),
        ),
        pair in near(json!({"code": "1", "text": "t"}), vec!["code", "title", "text", "other"], values()),
        pair2 in near(json!({"code": "1", "title": "t"}), vec!["code", "title", "text", "other"], values()),
        completeness in values(),
    ) {
        assert_same_as_derive::<DocumentRef, derived::DocumentRef>(&document, "struct DocumentRef");
        assert_same_as_derive::<Criterion, derived::Criterion>(&criterion, "struct Criterion");
        assert_same_as_derive::<Event, derived::Event>(&pair, "struct Event");
        assert_same_as_derive::<ContentArea, derived::ContentArea>(&pair2, "struct ContentArea");
        // An enum has no positional form: arrays too are compared with the derive.
        let ours = Completeness::deserialize(&completeness).map_err(|e| e.to_string());
        let theirs = derived::Completeness::deserialize(&completeness)
            .map(|c| serde_json::from_value(serde_json::to_value(c).unwrap()).unwrap())
            .map_err(|e| e.to_string());
        prop_assert_eq!(ours, theirs);
    }
}
