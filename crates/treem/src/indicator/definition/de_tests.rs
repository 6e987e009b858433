//! The definitions' `Deserialize` (`data_deserialize!`) against serde's derive: copies of the
//! types with the derive and the same attributes are the oracles (named as ours: the names
//! are in the messages), their members of our types (each tested on its own here).

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{builtin, Definition, Dimension, Disaggregation};
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};

pub(crate) mod derived {
    use serde::{Deserialize, Serialize};

    use super::super as ours;
    use ours::IndicatorId;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Definition {
        pub id: IndicatorId,
        pub namespace: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub group: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub stt: Option<u32>,
        pub name_vi: String,
        pub name_en: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name_en_note: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_name_vi: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub national_code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub method_vi: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub numerator_vi: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub denominator_vi: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub fraction_note: Option<String>,
        pub factor: ours::Factor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub factor_note: Option<String>,
        #[serde(default)]
        pub disaggregations: Vec<ours::Disaggregation>,
        #[serde(default)]
        pub periods: Vec<ours::PublicationPeriod>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period_text_vi: Option<String>,
        pub computation_period: ours::ComputationPeriod,
        #[serde(default)]
        pub data_sources_vi: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub agency_vi: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub lead_agency_vi: Option<String>,
        #[serde(deserialize_with = "crate::vn::date::iso::deserialize_date")]
        pub in_force_from: chrono::NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub in_force_source: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "crate::vn::date::iso::deserialize_optional_date"
        )]
        pub in_force_until: Option<chrono::NaiveDate>,
        pub computability: ours::Computability,
        pub denominator_from: ours::DenominatorFrom,
        #[serde(default)]
        pub facts_needed: Vec<String>,
        pub additive: bool,
        pub source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Disaggregation {
        pub dimension: ours::Dimension,
        pub text_vi: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub from_records: bool,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(crate) enum Dimension {
        Sex,
        AgeGroup,
        EthnicGroup,
        UrbanRural,
        Province,
        Region,
        Disability,
        DisabilityType,
        SchoolLevel,
        AgeAppropriateness,
        AbuseForm,
        AbuseEnvironment,
        AccidentEnvironment,
        SupportType,
        SpecialCircumstanceGroup,
        ServiceType,
        FacilityType,
        KinshipCare,
        AdoptionOrigin,
        MalnutritionLevel,
        MotherEducation,
        Occupation,
        OffenderType,
        ParticipationForm,
        ManagingAuthority,
        Other,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum Factor {
        Number,
        Percent,
        #[serde(rename = "per_100")]
        Per100,
        #[serde(rename = "per_1000")]
        Per1000,
        #[serde(rename = "per_100000")]
        Per100000,
        Unclear,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum Computability {
        FromRecords,
        External,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum DenominatorFrom {
        None,
        Records,
        External,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) enum PublicationPeriod {
        #[serde(rename = "year")]
        Year,
        #[serde(rename = "2_years")]
        TwoYears,
        #[serde(rename = "5_years")]
        FiveYears,
        #[serde(rename = "twice_per_5_years")]
        TwicePerFiveYears,
        #[serde(rename = "10_years")]
        TenYears,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum ComputationPeriod {
        Year,
        SchoolYear,
    }
}

/// Every enum of the module against its derived copy, on each name and near misses.
fn assert_enums_same(value: &Value) {
    fn one<Ours, Derived>(value: &Value)
    where
        Ours: serde::de::DeserializeOwned + serde::Serialize,
        Derived: serde::de::DeserializeOwned + serde::Serialize,
    {
        // An enum has no positional form: the array case is the derive's too.
        let ours = Ours::deserialize(value).map(|v| serde_json::to_value(v).ok());
        let derived = Derived::deserialize(value).map(|v| serde_json::to_value(v).ok());
        assert_eq!(
            ours.map_err(|e| e.to_string()),
            derived.map_err(|e| e.to_string()),
            "{value}"
        );
    }
    one::<Dimension, derived::Dimension>(value);
    one::<super::Factor, derived::Factor>(value);
    one::<super::Computability, derived::Computability>(value);
    one::<super::DenominatorFrom, derived::DenominatorFrom>(value);
    one::<super::PublicationPeriod, derived::PublicationPeriod>(value);
    one::<super::ComputationPeriod, derived::ComputationPeriod>(value);
}

/// The variant names of every enum here, and near misses.
fn names() -> Vec<Value> {
    [
        "sex",
        "age_group",
        "other",
        "Sex",
        "number",
        "per_100",
        "per_1000",
        "per_100000",
        "unclear",
        "from_records",
        "external",
        "none",
        "records",
        "year",
        "2_years",
        "10_years",
        "twice_per_5_years",
        "school_year",
        "I:0101",
        "I0101",
        "2024-01-01",
        "2024-13-01",
        "Giới tính",
    ]
    .into_iter()
    .map(Value::from)
    .collect()
}

fn enum_input() -> impl Strategy<Value = Value> {
    let name = prop::sample::select(names());
    prop_oneof![
        3 => name.clone(),
        2 => (name, member_value(names())).prop_map(|(n, v)| json!({ n.as_str().unwrap_or(""): v })),
        1 => member_value(names()),
        1 => Just(json!({"sex": null, "other": null})),
    ]
}

fn definition_samples() -> Vec<Value> {
    let defs = &builtin().definitions;
    let mut samples: Vec<Value> = defs
        .iter()
        .take(3)
        .chain(defs.iter().filter(|d| d.in_force_until.is_some()).take(1))
        .chain(defs.iter().filter(|d| d.disaggregations.len() > 2).take(1))
        .filter_map(|d| serde_json::to_value(d).ok())
        .collect();
    // Every optional member given, the date of repeal too.
    if let Some(Value::Object(mut full)) = samples.first().cloned() {
        for key in [
            "group",
            "name_en_note",
            "content_name_vi",
            "national_code",
            "method_vi",
            "numerator_vi",
            "denominator_vi",
            "fraction_note",
            "factor_note",
            "period_text_vi",
            "agency_vi",
            "lead_agency_vi",
            "in_force_source",
            "note",
        ] {
            full.insert(key.into(), json!("x"));
        }
        full.insert("stt".into(), json!(3));
        full.insert("in_force_until".into(), json!("2030-12-31"));
        samples.push(Value::Object(full));
    }
    samples
}

#[test]
fn every_builtin_definition_reads_as_with_the_derive() {
    assert!(builtin().problems.is_empty(), "{:?}", builtin().problems);
    for sample in definition_samples() {
        assert_same_as_derive::<Definition, derived::Definition>(&sample, "struct Definition");
        assert!(Definition::deserialize(&sample).is_ok());
    }
    for def in &builtin().definitions {
        let value = serde_json::to_value(def).unwrap();
        assert_eq!(&Definition::deserialize(&value).unwrap(), def);
    }
}

#[test]
fn errors_are_the_derives() {
    let base = definition_samples().remove(0);
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
        (with("unknown", json!(1)), "unknown field `unknown`, expected one of `id`, `namespace`, `group`, `stt`, `name_vi`, `name_en`, `name_en_note`, `content_name_vi`, `national_code`, `method_vi`, `numerator_vi`, `denominator_vi`, `fraction_note`, `factor`, `factor_note`, `disaggregations`, `periods`, `period_text_vi`, `computation_period`, `data_sources_vi`, `agency_vi`, `lead_agency_vi`, `in_force_from`, `in_force_source`, `in_force_until`, `computability`, `denominator_from`, `facts_needed`, `additive`, `source`, `note`"),
        (without("source"), "missing field `source`"),
        (without("in_force_from"), "missing field `in_force_from`"),
        (with("stt", json!("3")), "invalid type: string \"3\", expected u32"),
        (with("factor", json!("per_10")), "unknown variant `per_10`, expected one of `number`, `percent`, `per_100`, `per_1000`, `per_100000`, `unclear`"),
        (with("factor", json!(1)), "invalid type: integer `1`, expected string or map"),
        (with("factor", json!({"percent": 1})), "invalid type: integer `1`, expected unit"),
        (with("factor", json!({})), "invalid value: map, expected map with a single key"),
        (with("disaggregations", json!([{"dimension": "sex"}])), "missing field `text_vi`"),
        (with("disaggregations", json!([{"dimension": "sex", "text_vi": "x", "y": 1}])), "unknown field `y`, expected one of `dimension`, `text_vi`, `from_records`"),
        (with("in_force_from", json!("2024-02-30")), "input is out of range"),
        (with("id", json!("I0101")), "expected appendix:code such as I:0101"),
        (json!("I:0101"), "invalid type: string \"I:0101\", expected struct Definition"),
        (json!(null), "invalid type: null, expected struct Definition"),
        (json!(-2), "invalid type: integer `-2`, expected struct Definition"),
        (json!(2.5), "invalid type: floating point `2.5`, expected struct Definition"),
        (json!({}), "missing field `id`"),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<Definition>(&value), expected, "{value}");
        assert_same_as_derive::<Definition, derived::Definition>(&value, "struct Definition");
    }
    // A factor `{"percent": null}` names the variant, as the derive reads it.
    assert!(Definition::deserialize(&with("factor", json!({"percent": null}))).is_ok());
}

#[test]
fn arrays_are_the_wrong_type() {
    // serde's derive read a definition or a disaggregation from an array, member by member.
    assert_eq!(
        message::<Disaggregation>(&json!(["sex", "Giới tính"])),
        "invalid type: sequence, expected struct Disaggregation"
    );
    assert_eq!(
        message::<Definition>(&json!([])),
        "invalid type: sequence, expected struct Definition"
    );
}

fn definition_keys() -> Vec<&'static str> {
    vec![
        "id",
        "namespace",
        "stt",
        "factor",
        "periods",
        "disaggregations",
        "in_force_from",
        "in_force_until",
        "computability",
        "additive",
        "source",
        "note",
        "other",
    ]
}

proptest! {
    #[test]
    fn enums_answer_as_the_derive(value in enum_input()) {
        assert_enums_same(&value);
    }

    #[test]
    fn disaggregations_answer_as_the_derive(
        value in near(
            json!({"dimension": "sex", "text_vi": "Giới tính"}),
            vec!["dimension", "text_vi", "from_records", "other"],
            prop_oneof![enum_input(), member_value(names())],
        )
    ) {
        assert_same_as_derive::<Disaggregation, derived::Disaggregation>(
            &value,
            "struct Disaggregation",
        );
    }

    #[test]
    fn definitions_answer_as_the_derive(
        (sample, value) in prop::sample::select(definition_samples()).prop_flat_map(|sample| {
            let values = prop_oneof![
                3 => member_value(names()),
                1 => enum_input(),
                1 => Just(json!([{"dimension": "sex", "text_vi": "x"}])),
                1 => Just(json!([{"dimension": "sexx", "text_vi": "x"}, {"text_vi": 1}])),
                1 => Just(json!(["year", "5_years"])),
                1 => Just(json!(["year", "month"])),
                1 => Just(json!(["a", 1])),
            ];
            (Just(sample.clone()), near(sample, definition_keys(), values))
        })
    ) {
        let _ = sample;
        assert_same_as_derive::<Definition, derived::Definition>(&value, "struct Definition");
    }
}
