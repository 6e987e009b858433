//! A caller value's `Deserialize` (`data_deserialize!`) against serde's derive: a copy of the
//! type with the derive is the oracle (named as ours: the name is in the messages).

use proptest::prelude::*;
use serde_json::{json, Value};

use super::ValueItem;
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};

mod derived {
    use serde::{Deserialize, Serialize};

    use crate::indicator::partial::Breakdown;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct ValueItem {
        kind: String,
        indicator: String,
        #[serde(default)]
        period: Option<String>,
        unit: String,
        #[serde(default)]
        breakdown: Option<Breakdown>,
        #[serde(default)]
        numerator: Option<serde_json::Number>,
        #[serde(default)]
        denominator: Option<serde_json::Number>,
        #[serde(default)]
        value: Option<serde_json::Number>,
    }
}

fn item() -> Value {
    json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "period": "2024",
           "breakdown": {"dimension": "sex", "category": "female"}, "numerator": 120,
           "denominator": 400, "value": 30.5})
}

#[test]
fn errors_are_the_derives() {
    let cases = [
        (json!({"kind": "indicator_value", "indicator": "I:0101"}), "missing field `unit`"),
        (json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "note": 1}), "unknown field `note`, expected one of `kind`, `indicator`, `period`, `unit`, `breakdown`, `numerator`, `denominator`, `value`"),
        (json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31", "value": "1"}), "invalid type: string \"1\", expected a JSON number"),
        (json!(["indicator_value", "I:0101", null, "31"]), "invalid type: sequence, expected struct ValueItem"),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<ValueItem>(&value), expected, "{value}");
        assert_same_as_derive::<ValueItem, derived::ValueItem>(&value, "struct ValueItem");
    }
}

proptest! {
    #[test]
    fn answers_as_the_derive(
        value in near(
            item(),
            vec!["kind", "unit", "breakdown", "value", "other"],
            prop_oneof![
                3 => member_value(vec![json!("I:0101"), json!("2024"), json!("sex")]),
                1 => prop::sample::select(vec![
                    json!({"dimension": "sex", "category": "f"}),
                    json!({"dimension": "sexx", "category": "f"}),
                    json!({"dimension": "sex"}),
                    json!(["sex", "f"]),
                ]),
            ],
        )
    ) {
        assert_same_as_derive::<ValueItem, derived::ValueItem>(&value, "struct ValueItem");
    }
}
