//! The roll-up partial's `Deserialize` (`data_deserialize!`) against serde's derive: copies
//! of the types with the derive are the oracles (named as ours: the names are in the
//! messages), their members of our types (each tested on its own here).

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{ResultLevel, RollupEntry, RollupPartial};
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};

mod derived {
    use std::collections::BTreeSet;

    use serde::{Deserialize, Serialize};

    use super::super as ours;
    use crate::sorted_map::SortedMap;

    #[derive(Serialize, Deserialize)]
    pub(super) struct RollupEntry {
        pub school_code: String,
        pub school_year: String,
        pub set_id: String,
        pub set_version: String,
        pub level: Option<ours::ResultLevel>,
        pub failed_criteria: Vec<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) struct RollupPartial {
        pub authorities: SortedMap<String, BTreeSet<ours::RollupEntry>>,
        pub invalid: u64,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum ResultLevel {
        ChuaDat,
        Dat,
    }
}

fn entry() -> Value {
    json!({"school_code": "31001", "school_year": "2024-2025", "set_id": "tt18-2023",
           "set_version": "2023-12-01", "level": "chua_dat", "failed_criteria": ["1.1"]})
}

fn partial() -> Value {
    json!({"authorities": {"so_gddt:31": [entry()]}, "invalid": 2})
}

fn values() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        3 => member_value(vec![json!("dat"), json!("chua_dat"), json!("Dat"), json!("31001")]),
        1 => prop::sample::select(vec![
            entry(),
            json!([entry()]),
            json!({"dat": null}),
            json!({"dat": 1}),
            json!({"so_gddt:31": [entry(), {"school_code": 1}]}),
            json!(["1.1", 2]),
        ]),
    ]
}

#[test]
fn errors_are_the_derives() {
    let mut entry_without_level = entry();
    entry_without_level.as_object_mut().unwrap().remove("level");
    assert_eq!(
        RollupEntry::deserialize(&entry_without_level)
            .unwrap()
            .level,
        None
    );
    let cases = [
        (json!({"authorities": {}}), "missing field `invalid`"),
        (
            json!({"authorities": {"a": [{"school_code": "1"}]}, "invalid": 0}),
            "missing field `school_year`",
        ),
        (
            json!({"authorities": {"a": [["1", "2", "s", "v", null, []]]}, "invalid": 0}),
            "invalid type: sequence, expected struct RollupEntry",
        ),
        (
            json!({"authorities": {}, "invalid": -1}),
            "invalid value: integer `-1`, expected u64",
        ),
        (
            json!(7),
            "invalid type: integer `7`, expected struct RollupPartial",
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<RollupPartial>(&value), expected, "{value}");
        assert_same_as_derive::<RollupPartial, derived::RollupPartial>(
            &value,
            "struct RollupPartial",
        );
    }
    assert_eq!(
        message::<ResultLevel>(&json!("pass")),
        "unknown variant `pass`, expected `chua_dat` or `dat`"
    );
}

proptest! {
    #[test]
    fn answers_as_the_derive(
        partial in near(partial(), vec!["authorities", "invalid", "other"], values()),
        entry in near(entry(), vec!["school_code", "level", "failed_criteria", "other"], values()),
        level in values(),
    ) {
        assert_same_as_derive::<RollupPartial, derived::RollupPartial>(&partial, "struct RollupPartial");
        assert_same_as_derive::<RollupEntry, derived::RollupEntry>(&entry, "struct RollupEntry");
        // An enum has no positional form: arrays too are compared with the derive.
        let ours = ResultLevel::deserialize(&level).map_err(|e| e.to_string());
        let theirs = derived::ResultLevel::deserialize(&level)
            .map(|l| serde_json::from_value(serde_json::to_value(l).unwrap()).unwrap())
            .map_err(|e| e.to_string());
        prop_assert_eq!(ours, theirs);
    }
}
