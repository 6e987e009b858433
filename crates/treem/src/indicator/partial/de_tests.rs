//! `Deserialize` of the breakdown, the partial's wire form and the output form
//! (`data_deserialize!`) against serde's derive: copies of the types with the derive are the
//! oracles (named as ours: the names are in the messages), their members of our types.

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{Breakdown, PartialWire};
use crate::indicator::OutputForm;
use crate::json::data::testing::{assert_same_as_derive, member_value, message, near};

mod derived {
    use serde::{Deserialize, Serialize};

    use super::super as ours;

    #[derive(Serialize, Deserialize)]
    pub(super) struct Breakdown {
        pub dimension: ours::Dimension,
        pub category: String,
    }

    #[derive(Serialize, Deserialize)]
    pub(super) struct PartialWire {
        pub format: String,
        pub cells: Vec<ours::WireCell>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum OutputForm {
        Table,
        Partial,
    }
}

fn cell() -> Value {
    json!({"indicator": "I:0101", "period": "2024", "unit": "01", "numerator": 3})
}

fn values() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        3 => member_value(vec![json!("sex"), json!("female"), json!("table"), json!("partial"),
                               json!("treem.indicators.partial/1")]),
        1 => prop::sample::select(vec![
            json!([cell()]),
            json!([cell(), {"indicator": "I0101"}]),
            json!({"sex": null}),
            json!({"partial": {}}),
            json!(["sex", "female"]),
        ]),
    ]
}

#[test]
fn errors_are_the_derives() {
    let cases = [
        (json!({"format": "f"}), "missing field `cells`"),
        (
            json!({"format": "f", "cells": [{"period": "2024", "unit": "01"}]}),
            "missing field `indicator`",
        ),
        (
            json!({"format": 1, "cells": []}),
            "invalid type: integer `1`, expected a string",
        ),
        (
            json!([]),
            "invalid type: sequence, expected struct PartialWire",
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(message::<PartialWire>(&value), expected, "{value}");
        assert_same_as_derive::<PartialWire, derived::PartialWire>(&value, "struct PartialWire");
    }
    assert_eq!(
        message::<Breakdown>(&json!({"dimension": "gender", "category": "f"})),
        "unknown variant `gender`, expected one of `sex`, `age_group`, `ethnic_group`, `urban_rural`, `province`, `region`, `disability`, `disability_type`, `school_level`, `age_appropriateness`, `abuse_form`, `abuse_environment`, `accident_environment`, `support_type`, `special_circumstance_group`, `service_type`, `facility_type`, `kinship_care`, `adoption_origin`, `malnutrition_level`, `mother_education`, `occupation`, `offender_type`, `participation_form`, `managing_authority`, `other`"
    );
    assert_eq!(
        message::<Breakdown>(&json!(["sex", "female"])),
        "invalid type: sequence, expected struct Breakdown"
    );
    assert_eq!(
        message::<OutputForm>(&json!("csv")),
        "unknown variant `csv`, expected `table` or `partial`"
    );
}

proptest! {
    #[test]
    fn answers_as_the_derive(
        breakdown in near(json!({"dimension": "sex", "category": "female"}), vec!["dimension", "category", "other"], values()),
        wire in near(json!({"format": "treem.indicators.partial/1", "cells": [cell()]}), vec!["format", "cells", "other"], values()),
        form in values(),
    ) {
        assert_same_as_derive::<Breakdown, derived::Breakdown>(&breakdown, "struct Breakdown");
        assert_same_as_derive::<PartialWire, derived::PartialWire>(&wire, "struct PartialWire");
        // An enum has no positional form: arrays too are compared with the derive.
        let ours = OutputForm::deserialize(&form).map_err(|e| e.to_string());
        let theirs = derived::OutputForm::deserialize(&form)
            .map(|f| serde_json::from_value(serde_json::to_value(f).unwrap()).unwrap())
            .map_err(|e| e.to_string());
        prop_assert_eq!(ours, theirs);
    }
}
