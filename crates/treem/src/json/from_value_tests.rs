//! The value path ([`FromValue`]) gives serde's answer for every draft and member type, for
//! any JSON value: the property the WebAssembly package's size rests on (it links the value
//! path only), and the native text path (serde) and the value path must never disagree.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::fmt::Debug;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::{Field, FromValue, ReadMembers};

/// Any JSON value, its objects' members named from `names` (the members of the drafts under
/// test, so that nested drafts are read, not only kept as unknown) and a few others; numbers
/// on the edges of the integer types, and floats.
fn value_named(names: Vec<&'static str>) -> impl Strategy<Value = Value> {
    let strings: Vec<Value> = names
        .iter()
        .map(|n| Value::from(*n))
        .chain(["", "x", "2024-08-13", "31"].map(Value::from))
        .collect();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop::sample::select(vec![
            Value::from(0),
            Value::from(7),
            Value::from(-1),
            Value::from(i64::MIN),
            Value::from(u64::MAX),
            Value::from(1.0),
            Value::from(-2.5),
        ]),
        prop::sample::select(strings),
    ];
    let keys: Vec<String> = names
        .iter()
        .copied()
        .chain(["x", "unknown"])
        .map(str::to_owned)
        .collect();
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(keys.clone()), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// `T` read by the value path and by serde from the same values agree, and so does
/// `Field<T>` (a member holding a `T`).
fn agrees<T>(names: &[&'static str], cases: u32)
where
    T: FromValue + DeserializeOwned + PartialEq + Debug,
{
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    runner
        .run(&value_named(names.to_vec()), |value| {
            prop_assert_eq!(
                T::from_value(&value),
                T::deserialize(&value).ok(),
                "{}",
                value
            );
            prop_assert_eq!(
                Field::<T>::from_member(&value),
                Field::<T>::deserialize(&value).unwrap(),
                "{}",
                value
            );
            Ok(())
        })
        .unwrap();
}

/// A draft and every member name of the drafts it holds.
fn draft<T>(names: &[&'static str])
where
    T: ReadMembers + PartialEq + Debug,
{
    let mut all: Vec<&'static str> = T::MEMBERS.to_vec();
    all.extend_from_slice(names);
    agrees::<T>(&all, 256);
    // A whole object of the draft's members, each given some value.
    let object =
        prop::collection::vec(value_named(all.clone()), T::MEMBERS.len()).prop_map(|values| {
            Value::Object(
                T::MEMBERS
                    .iter()
                    .map(|n| (*n).to_owned())
                    .zip(values)
                    .collect(),
            )
        });
    let mut runner = TestRunner::new(Config {
        cases: 128,
        ..Config::default()
    });
    runner
        .run(&object, |value| {
            prop_assert_eq!(
                T::from_value(&value),
                T::deserialize(&value).ok(),
                "{}",
                value
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn member_types_agree_with_serde() {
    let names = &["a", "b"];
    agrees::<String>(names, 256);
    agrees::<i64>(names, 256);
    agrees::<u64>(names, 256);
    agrees::<bool>(names, 256);
    agrees::<Value>(names, 256);
    agrees::<Vec<String>>(names, 256);
    agrees::<Vec<Field<String>>>(names, 256);
    agrees::<Vec<Field<i64>>>(names, 256);
    agrees::<std::collections::BTreeMap<String, Value>>(names, 256);
}

#[cfg(feature = "child")]
#[test]
fn child_drafts_agree_with_serde() {
    use crate::child::draft::*;
    let nested: Vec<&'static str> = [
        ResidenceDraft::MEMBERS,
        GuardianDraft::MEMBERS,
        SchoolingDraft::MEMBERS,
        CircumstanceDraft::MEMBERS,
        DisabilityDraft::MEMBERS,
        AssistanceDraft::MEMBERS,
    ]
    .concat();
    draft::<ChildDraft>(&nested);
    draft::<ResidenceDraft>(&[]);
    draft::<GuardianDraft>(&[]);
    draft::<SchoolingDraft>(&[]);
    draft::<CircumstanceDraft>(&[]);
    draft::<DisabilityDraft>(&[]);
    draft::<AssistanceDraft>(&[]);
}

#[cfg(feature = "school")]
#[test]
fn school_drafts_agree_with_serde() {
    use crate::school::address::AddressDraft;
    use crate::school::SchoolDraft;
    draft::<SchoolDraft>(AddressDraft::MEMBERS);
    draft::<AddressDraft>(&[]);
}

#[cfg(feature = "case")]
#[test]
fn case_drafts_agree_with_serde() {
    use crate::case::{CaseDraft, SeparationDraft, StepDraft, StepsDraft};
    let nested = [
        StepsDraft::MEMBERS,
        StepDraft::MEMBERS,
        SeparationDraft::MEMBERS,
    ]
    .concat();
    draft::<CaseDraft>(&nested);
    draft::<StepsDraft>(StepDraft::MEMBERS);
    draft::<StepDraft>(&[]);
    draft::<SeparationDraft>(&[]);
}

#[cfg(feature = "safe-school")]
#[test]
fn safe_school_drafts_agree_with_serde() {
    use crate::safe_school::assessment::{AssessmentDraft, RemedyDraft, ResultDraft};
    use crate::safe_school::set_check::CriteriaSetDraft;
    let nested = [
        ResultDraft::MEMBERS,
        RemedyDraft::MEMBERS,
        crate::school::SchoolDraft::MEMBERS,
    ]
    .concat();
    draft::<AssessmentDraft>(&nested);
    draft::<ResultDraft>(RemedyDraft::MEMBERS);
    draft::<RemedyDraft>(&[]);
    agrees::<CriteriaSetDraft>(&["id", "criteria"], 256);
}

#[cfg(feature = "directive")]
#[test]
fn directive_and_task_report_drafts_agree_with_serde() {
    use crate::directive::model::*;
    use crate::task_report::model::*;
    let directive_nested = [
        RecipientDraft::MEMBERS,
        DocumentRefDraft::MEMBERS,
        SignerDraft::MEMBERS,
        SectionDraft::MEMBERS,
        TaskDraft::MEMBERS,
        IndicatorRefDraft::MEMBERS,
    ]
    .concat();
    draft::<DirectiveDraft>(&directive_nested);
    draft::<RecipientDraft>(&[]);
    draft::<DocumentRefDraft>(&[]);
    draft::<SignerDraft>(&[]);
    draft::<SectionDraft>(&directive_nested);
    draft::<TaskDraft>(&directive_nested);
    draft::<IndicatorRefDraft>(&[]);
    let report_nested = [
        UnitDraft::MEMBERS,
        TaskProgressDraft::MEMBERS,
        ActivityDraft::MEMBERS,
        ParticipantsDraft::MEMBERS,
    ]
    .concat();
    draft::<TaskReportDraft>(&report_nested);
    draft::<UnitDraft>(&[]);
    draft::<TaskProgressDraft>(&report_nested);
    draft::<ActivityDraft>(ParticipantsDraft::MEMBERS);
    draft::<ParticipantsDraft>(&[]);
}

/// The test's own check can fail: a reader that drops a member disagrees with serde.
#[test]
fn a_wrong_reader_is_caught() {
    #[derive(Debug, PartialEq, Default, serde::Deserialize)]
    #[serde(default)]
    struct Two {
        a: Field<String>,
        b: Field<i64>,
    }
    impl FromValue for Two {
        fn from_value(value: &Value) -> Option<Two> {
            let members = value.as_object()?;
            Some(Two {
                a: members.get("a").map_or(Field::Absent, Field::from_member),
                b: Field::Absent, // forgets `b`
            })
        }
    }
    let caught = std::panic::catch_unwind(|| agrees::<Two>(&["a", "b"], 256));
    assert!(caught.is_err(), "a reader that forgets a member passed");
}
