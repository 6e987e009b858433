//! The roll-up partial's `Deserialize` (`data_deserialize!`) against serde's derive: copies
//! of the types with the derive are the oracles (named as ours: the names are in the
//! messages), their members of our types (each tested on its own here).

use proptest::prelude::*;
use serde_json::{json, Value};

use super::{RollupPartial, TaskSummary, Totals, UnitSummary};
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};

mod derived {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::super as ours;
    use crate::sorted_map::{SortedMap, SortedSet};

    #[derive(Serialize, Deserialize)]
    pub(super) struct Totals {
        pub activities: BTreeMap<String, u64>,
        pub occasions: BTreeMap<String, u64>,
        pub participants: BTreeMap<String, u64>,
        pub media: BTreeMap<String, u64>,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) struct TaskSummary {
        pub status: String,
        pub totals: ours::Totals,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) struct UnitSummary {
        pub unit_type: String,
        pub period: String,
        pub tasks: SortedMap<String, ours::TaskSummary>,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) struct RollupPartial {
        pub units: BTreeMap<String, ours::UnitSummary>,
        pub duplicates: SortedSet<String>,
        pub rejected: BTreeMap<String, u64>,
    }
}

fn totals() -> Value {
    json!({"activities": {"event": 2}, "occasions": {"1/6": 1}, "participants": {"learners": 30}, "media": {}})
}

fn task() -> Value {
    json!({"status": "done", "totals": totals()})
}

fn unit() -> Value {
    json!({"unit_type": "school", "period": "2024", "tasks": {"t1": task()}})
}

fn partial() -> Value {
    json!({"units": {"01": unit()}, "duplicates": ["02"], "rejected": {"?": 1}})
}

fn values() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        3 => member_value(vec![json!("done"), json!("school")]),
        1 => prop::sample::select(vec![
            totals(),
            task(),
            unit(),
            json!({"event": 1}),
            json!({"event": -1}),
            json!({"t1": {"status": "done"}}),
            json!({"01": {"unit_type": 1}}),
            json!(["a", "b"]),
            json!(["a", 1]),
        ]),
    ]
}

#[test]
fn errors_are_the_derives() {
    let cases = [
        (
            json!({"units": {}, "duplicates": []}),
            "missing field `rejected`",
        ),
        (
            json!({"units": {"01": {"unit_type": "s", "period": "p"}}, "duplicates": [], "rejected": {}}),
            "missing field `tasks`",
        ),
        (
            json!({"units": {"01": ["s", "p", {}]}, "duplicates": [], "rejected": {}}),
            "invalid type: sequence, expected struct UnitSummary",
        ),
        (
            json!({"units": {}, "duplicates": [1], "rejected": {}}),
            "invalid type: integer `1`, expected a string",
        ),
        (
            json!("partial"),
            "invalid type: string \"partial\", expected struct RollupPartial",
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<RollupPartial>(&value), expected, "{value}");
        assert_same_as_derive::<RollupPartial, derived::RollupPartial>(
            &value,
            "struct RollupPartial",
        );
    }
    // Unknown members are ignored, as by the derive.
    let mut with_other = partial();
    with_other["other"] = json!(1);
    assert!(serde_json::from_value::<RollupPartial>(with_other).is_ok());
}

proptest! {
    #[test]
    fn answers_as_the_derive(
        partial in near(partial(), vec!["units", "duplicates", "rejected", "other"], values()),
        unit in near(unit(), vec!["unit_type", "period", "tasks", "other"], values()),
        task in near(task(), vec!["status", "totals", "other"], values()),
        totals in near(totals(), vec!["activities", "media", "other"], values()),
    ) {
        assert_same_as_derive::<RollupPartial, derived::RollupPartial>(&partial, "struct RollupPartial");
        assert_same_as_derive::<UnitSummary, derived::UnitSummary>(&unit, "struct UnitSummary");
        assert_same_as_derive::<TaskSummary, derived::TaskSummary>(&task, "struct TaskSummary");
        assert_same_as_derive::<Totals, derived::Totals>(&totals, "struct Totals");
    }
}
