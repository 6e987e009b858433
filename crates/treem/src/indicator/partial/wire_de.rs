//! Reading a serialised cell (`{"indicator": "I:0101", "period": "2024", "unit": "01",
//! "dimension": "sex", "category": "female", "numerator": 3, "inputs": 1}`) by hand, as
//! serde's derive reads `WireCell` (two `#[serde(flatten)]` members: the [`CellKey`], itself
//! with a flattened optional [`Breakdown`], and the [`Accum`]), without the derive's `Content`
//! buffer (see [`crate::json::buffered`]). What the derive accepts, this accepts, with the
//! same results and messages (tests compare the two):
//! - the key members are read first, in input order, then the sums;
//! - unknown members are ignored;
//! - the breakdown is there only when `dimension` and `category` both read; otherwise the
//!   cell is the unit's total, without an error (serde reads a flattened `Option` so).

use std::fmt;

use serde::de::{Deserializer, Error, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::{Accum, Breakdown, CellKey, Reported, WireCell};
use crate::indicator::definition::Dimension;
use crate::json::buffered::{members, read, set_once, Members};
use crate::sorted_map::SortedSet;

impl<'de> Deserialize<'de> for WireCell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WireCell, D::Error> {
        deserializer.deserialize_map(WireCellVisitor)
    }
}

struct WireCellVisitor;

impl<'de> Visitor<'de> for WireCellVisitor {
    type Value = WireCell;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct WireCell")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WireCell, A::Error> {
        let members = members(&mut map)?;
        let key = cell_key(&members)?;
        let accum = accum(&members)?;
        Ok(WireCell { key, accum })
    }
}

/// The key members, each read where it stands; the missing ones reported in declaration order.
fn cell_key<E: Error>(members: &Members) -> Result<CellKey, E> {
    let (mut indicator, mut period, mut unit) = (None, None, None);
    for (name, value) in members {
        match name.as_str() {
            "indicator" => set_once(&mut indicator, "indicator", || read(value))?,
            "period" => set_once(&mut period, "period", || read(value))?,
            "unit" => set_once(&mut unit, "unit", || read(value))?,
            _ => {}
        }
    }
    Ok(CellKey {
        indicator: indicator.ok_or_else(|| E::missing_field("indicator"))?,
        period: period.ok_or_else(|| E::missing_field("period"))?,
        unit: unit.ok_or_else(|| E::missing_field("unit"))?,
        breakdown: breakdown(members),
    })
}

/// The breakdown when `dimension` and `category` are each given once and read; `None` for
/// anything else (serde's flattened `Option` turns the inner error into `None`).
fn breakdown(members: &Members) -> Option<Breakdown> {
    let (mut dimension, mut category) = (None, None);
    for (name, value) in members {
        let slot = match name.as_str() {
            "dimension" => &mut dimension,
            "category" => &mut category,
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return None;
        }
    }
    Some(Breakdown {
        dimension: dimension_of(dimension?)?,
        category: category?.as_str()?.to_owned(),
    })
}

/// A dimension as serde's buffered reading takes it: its name, or a one-member object naming
/// it whose value is `null` or, there only, `{}`.
fn dimension_of(value: &Value) -> Option<Dimension> {
    let only_member = value
        .as_object()
        .filter(|object| object.len() == 1)
        .and_then(|object| object.iter().next());
    match only_member {
        Some((name, Value::Object(inner))) if inner.is_empty() => {
            read::<_, serde_json::Error>(&Value::String(name.clone())).ok()
        }
        _ => read::<_, serde_json::Error>(value).ok(),
    }
}

/// The sums, each read where it stands; a missing one is zero or empty.
fn accum<E: Error>(members: &Members) -> Result<Accum, E> {
    let (mut numerator, mut denominator, mut inputs, mut reported) = (None, None, None, None);
    for (name, value) in members {
        match name.as_str() {
            "numerator" => set_once(&mut numerator, "numerator", || read(value))?,
            "denominator" => set_once(&mut denominator, "denominator", || read(value))?,
            "inputs" => set_once(&mut inputs, "inputs", || read(value))?,
            "reported" => set_once(&mut reported, "reported", || reported_of(value))?,
            _ => {}
        }
    }
    Ok(Accum {
        numerator: numerator.unwrap_or_default(),
        denominator: denominator.flatten(),
        inputs: inputs.unwrap_or_default(),
        reported: reported.unwrap_or_default(),
    })
}

/// The reported values. serde's buffered reading words one error differently from a
/// `Value`'s: a value given as an array longer than its three fields.
fn reported_of<E: Error>(value: &Value) -> Result<SortedSet<Reported>, E> {
    let Value::Array(items) = value else {
        return read(value);
    };
    let mut set = SortedSet::new();
    for item in items {
        let reported = match item {
            Value::Array(fields) if fields.len() > 3 => {
                read::<Reported, E>(&Value::Array(fields.iter().take(3).cloned().collect()))?;
                return Err(E::invalid_length(fields.len(), &"3 elements in sequence"));
            }
            _ => read(item)?,
        };
        set.insert(reported);
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::definition::IndicatorId;
    use crate::indicator::partial::{Num, Partial};
    use proptest::prelude::*;

    /// serde's derive of the cell (flattened key and sums): the oracle, named as ours, with
    /// derived copies of the key down to its `Dimension` (ours is not derived: it reads
    /// buffered content as a `Value` does, and this reader keeps the derive's answer).
    mod derived {
        use crate::indicator::definition::de_tests::derived::Dimension;
        use crate::indicator::definition::IndicatorId;
        use crate::indicator::partial::Accum;
        use crate::indicator::period::Period;

        #[derive(serde::Deserialize)]
        pub(super) struct Breakdown {
            pub(super) dimension: Dimension,
            pub(super) category: String,
        }

        #[derive(serde::Deserialize)]
        pub(super) struct CellKey {
            pub(super) indicator: IndicatorId,
            pub(super) period: Period,
            pub(super) unit: String,
            #[serde(default, flatten)]
            pub(super) breakdown: Option<Breakdown>,
        }

        #[derive(serde::Deserialize)]
        pub(super) struct WireCell {
            #[serde(flatten)]
            pub(super) key: CellKey,
            #[serde(flatten)]
            pub(super) accum: Accum,
        }

        impl From<CellKey> for super::CellKey {
            fn from(key: CellKey) -> super::CellKey {
                super::CellKey {
                    indicator: key.indicator,
                    period: key.period,
                    unit: key.unit,
                    breakdown: key.breakdown.map(|b| super::Breakdown {
                        dimension: serde_json::to_value(b.dimension)
                            .ok()
                            .and_then(|v| serde::Deserialize::deserialize(&v).ok())
                            .unwrap_or(super::Dimension::Other),
                        category: b.category,
                    }),
                }
            }
        }
    }

    type Outcome = Result<(CellKey, Accum), String>;

    fn ours<'de, D: Deserializer<'de>>(deserializer: D) -> Outcome {
        WireCell::deserialize(deserializer)
            .map(|c| (c.key, c.accum))
            .map_err(|e| e.to_string())
    }

    fn derives<'de, D: Deserializer<'de>>(deserializer: D) -> Outcome {
        derived::WireCell::deserialize(deserializer)
            .map(|c| (c.key.into(), c.accum))
            .map_err(|e| e.to_string())
    }

    /// Ours and the derive's answer, from JSON text (streaming, with positions), from a
    /// borrowed `Value` (the indicator input's path) and from an owned one.
    fn assert_same_as_derive(text: &str) {
        let from_text = |read: fn(&mut serde_json::Deserializer<_>) -> Outcome| {
            let mut de = serde_json::Deserializer::from_str(text);
            read(&mut de)
        };
        assert_eq!(
            from_text(|d| ours(d)),
            from_text(|d| derives(d)),
            "from text {text}"
        );
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return;
        };
        assert_eq!(ours(&value), derives(&value), "from &Value {value}");
        assert_eq!(
            ours(value.clone()),
            derives(value.clone()),
            "from Value {value}"
        );
    }

    fn read_text(text: &str) -> Outcome {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        ours(&value)
    }

    #[test]
    fn reads_a_cell() {
        let (key, accum) = read_text(
            r#"{"indicator": "I:0101", "period": "2024", "unit": "01", "dimension": "sex",
                "category": "female", "numerator": 3, "denominator": 7, "inputs": 2,
                "reported": [{"value": 1.5}, [null, 2, 3]], "note": "ignored"}"#,
        )
        .unwrap();
        assert_eq!(key.indicator, IndicatorId::new("I", "0101"));
        assert_eq!(key.period.to_string(), "2024");
        assert_eq!(key.unit, "01");
        assert_eq!(
            key.breakdown,
            Some(Breakdown {
                dimension: Dimension::Sex,
                category: "female".into()
            })
        );
        assert_eq!(
            (accum.numerator, accum.denominator, accum.inputs),
            (3, Some(7), 2)
        );
        assert_eq!(accum.reported.len(), 2);
    }

    #[test]
    fn a_breakdown_that_does_not_read_is_the_total_as_with_the_derive() {
        for breakdown in [
            r#""dimension": "sex""#,
            r#""dimension": "gender", "category": "female""#,
            r#""dimension": "sex", "category": 1"#,
            r#""dimension": {"sex": 1}, "category": "female""#,
        ] {
            let text = format!(
                r#"{{"indicator": "I:0101", "period": "2024", "unit": "01", {breakdown}}}"#
            );
            assert_eq!(read_text(&text).unwrap().0.breakdown, None, "{text}");
            assert_same_as_derive(&text);
        }
        // serde's buffered enum reading takes `{}` as a unit variant's content.
        let text = r#"{"indicator": "I:0101", "period": "2024", "unit": "01",
                       "dimension": {"sex": {}}, "category": "f"}"#;
        assert!(read_text(text).unwrap().0.breakdown.is_some());
        assert_same_as_derive(text);
    }

    #[test]
    fn errors_are_the_derives() {
        let cases = [
            (
                r#"{"period": "2024", "unit": "01"}"#,
                "missing field `indicator`",
            ),
            (
                r#"{"indicator": "I0101", "period": "2024", "unit": "01"}"#,
                "expected appendix:code such as I:0101",
            ),
            (
                r#"{"indicator": "I:0101", "period": 2024, "unit": "01"}"#,
                "invalid type: integer `2024`, expected a string",
            ),
            (
                r#"{"indicator": "I:0101", "period": "2024", "unit": "01", "numerator": -1}"#,
                "invalid value: integer `-1`, expected u64",
            ),
            (
                r#"{"indicator": "I:0101", "period": "2024", "unit": "01", "inputs": 1.5}"#,
                "invalid type: floating point `1.5`, expected u64",
            ),
            (
                r#"{"indicator": "I:0101", "period": "2024", "unit": "01", "reported": {}}"#,
                "invalid type: map, expected a sequence",
            ),
            (
                r#"{"indicator": "I:0101", "period": "2024", "unit": "01",
                    "reported": [[1, 2, 3, 4]]}"#,
                "invalid length 4, expected 3 elements in sequence",
            ),
            (r#"[]"#, "invalid type: sequence, expected struct WireCell"),
        ];
        for (text, message) in cases {
            assert_eq!(read_text(text), Err(message.to_owned()), "{text}");
            assert_same_as_derive(text);
        }
    }

    /// Member values near the ones that matter, right and wrong.
    fn member_value() -> impl Strategy<Value = Value> {
        use serde_json::json;
        prop_oneof![
            prop::sample::select(vec![
                json!("I:0101"),
                json!("I0101"),
                json!("2024"),
                json!("2024Q5"),
                json!("01"),
                json!("sex"),
                json!("age_group"),
                json!("gender"),
                json!("female"),
                json!({"sex": null}),
                json!({"sex": {}}),
                json!({"sex": []}),
                json!({"sex": 1}),
                json!({"sex": null, "age_group": null}),
                json!({}),
                json!([]),
                json!(null),
                json!(true),
                json!(-1),
                json!(1.5),
                json!(u64::MAX),
                json!([{"value": 1.5}, {"numerator": 2, "other": 1}]),
                json!([[1, 2, 3, 4]]),
                json!([[1, "x", 3, 4]]),
                json!([[1]]),
                json!([[null, 2, 3]]),
                json!([1]),
                json!([null]),
                json!([{"value": "x"}]),
            ]),
            any::<u64>().prop_map(Value::from),
        ]
    }

    fn member_key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "indicator",
            "period",
            "unit",
            "dimension",
            "category",
            "numerator",
            "denominator",
            "inputs",
            "reported",
            "other",
        ])
    }

    /// JSON text of a cell: often starting with a readable key, then members in any order
    /// (possibly repeated); sometimes not an object at all.
    fn input_text() -> impl Strategy<Value = String> {
        let members = (
            any::<bool>(),
            prop::collection::vec((member_key(), member_value()), 0..6),
        )
            .prop_map(|(keyed, members)| {
                let mut body: Vec<String> = Vec::new();
                if keyed {
                    body.push(r#""indicator": "I:0101", "period": "2024", "unit": "01""#.into());
                }
                body.extend(
                    members
                        .iter()
                        .map(|(k, v)| format!("{}: {v}", Value::from(*k))),
                );
                format!("{{{}}}", body.join(", "))
            });
        prop_oneof![
            6 => members,
            1 => member_value().prop_map(|v| v.to_string()),
        ]
    }

    fn cell() -> impl Strategy<Value = (CellKey, Accum)> {
        let reported = (
            proptest::option::of(-1e9..1e9_f64),
            proptest::option::of(0..1000_u32),
            proptest::option::of(any::<f64>().prop_filter("finite", |v| v.is_finite())),
        )
            .prop_map(|(numerator, denominator, value)| Reported {
                numerator: numerator.map(Num),
                denominator: denominator.map(|d| Num(f64::from(d))),
                value: value.map(Num),
            });
        let breakdown = proptest::option::of(
            (
                prop::sample::select(vec![Dimension::Sex, Dimension::AgeGroup, Dimension::Other]),
                "[a-z0-9_]{1,6}",
            )
                .prop_map(|(dimension, category)| Breakdown {
                    dimension,
                    category,
                }),
        );
        (
            prop::sample::select(vec!["I:0101", "II:12", "treem:x.1"]),
            prop::sample::select(vec!["2024", "2024Q1", "2024-01", "2024-2025", "2021/2025"]),
            "[0-9]{2,5}",
            breakdown,
            (
                any::<u64>(),
                proptest::option::of(any::<u64>()),
                any::<u64>(),
                prop::collection::vec(reported, 0..3),
            ),
        )
            .prop_map(
                |(
                    indicator,
                    period,
                    unit,
                    breakdown,
                    (numerator, denominator, inputs, reported),
                )| {
                    (
                        CellKey {
                            indicator: indicator.parse().unwrap(),
                            period: period.parse().unwrap(),
                            unit,
                            breakdown,
                        },
                        Accum {
                            numerator,
                            denominator,
                            inputs,
                            reported: reported.into_iter().collect(),
                        },
                    )
                },
            )
    }

    proptest! {
        #[test]
        fn partials_round_trip(cells in prop::collection::vec(cell(), 0..6)) {
            let mut partial = Partial::new();
            for (key, accum) in cells {
                partial.cell_mut(key).merge(&accum);
            }
            let value = partial.to_json();
            prop_assert_eq!(&Partial::deserialize(&value).unwrap(), &partial);
            let text = serde_json::to_string(&partial).unwrap();
            prop_assert_eq!(serde_json::from_str::<Partial>(&text).unwrap(), partial);
        }

        #[test]
        fn answers_as_the_derive(text in input_text()) {
            assert_same_as_derive(&text);
        }
    }
}
