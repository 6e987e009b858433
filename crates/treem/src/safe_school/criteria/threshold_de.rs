//! Reading a [`Threshold`] (`{"rule": "percent", "min_percent": 90, "all_mandatory": true}`)
//! by hand, as serde's derive for `#[serde(tag = "rule", rename_all = "snake_case",
//! deny_unknown_fields)]` reads it, without the derive's `Content` buffer (see
//! [`crate::json::buffered`]). Caller-supplied sets show these messages (issue
//! `safe_school.criteria_set_schema`), so they are the derive's, word for word:
//! - an object: `rule` first read as a variant name wherever it stands, then the other members
//!   as the variant's fields (unknown ones refused, except by `checklist`, which ignores them);
//! - an array (serde's sequence form): the variant name, then the fields in order.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, Error, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::Threshold;
use crate::json::buffered::{read, set_once, Members};

/// The tag member.
const TAG: &str = "rule";

/// The variant names, as the derive lists them in its errors.
const VARIANTS: &[&str] = &["percent", "count", "checklist"];

/// The value of `rule`.
#[derive(Clone, Copy)]
enum Rule {
    Percent,
    Count,
    Checklist,
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        struct RuleVisitor;
        impl Visitor<'_> for RuleVisitor {
            type Value = Rule;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("variant identifier")
            }
            fn visit_str<E: Error>(self, value: &str) -> Result<Rule, E> {
                match value {
                    "percent" => Ok(Rule::Percent),
                    "count" => Ok(Rule::Count),
                    "checklist" => Ok(Rule::Checklist),
                    _ => Err(E::unknown_variant(value, VARIANTS)),
                }
            }
        }
        deserializer.deserialize_identifier(RuleVisitor)
    }
}

/// What follows the tag, buffered: the other members, or the other elements.
enum Rest {
    Members(Members),
    Elements(Vec<Value>),
}

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Threshold, D::Error> {
        // As in the derive, the variant is read after the input is: its errors carry no
        // position, those of the tag do.
        let (rule, rest) = deserializer.deserialize_any(TaggedVisitor)?;
        match (rule, rest) {
            (Rule::Percent, Rest::Members(members)) => {
                let (min_percent, all_mandatory) =
                    fields_of(members, &["min_percent", "all_mandatory"])?;
                Ok(Threshold::Percent {
                    min_percent,
                    all_mandatory,
                })
            }
            (Rule::Count, Rest::Members(members)) => {
                let (min_met, min_mandatory_met) =
                    fields_of(members, &["min_met", "min_mandatory_met"])?;
                Ok(Threshold::Count {
                    min_met,
                    min_mandatory_met,
                })
            }
            (Rule::Percent, Rest::Elements(elements)) => {
                let (min_percent, all_mandatory) = elements_of(
                    &elements,
                    "struct variant Threshold::Percent with 2 elements",
                )?;
                Ok(Threshold::Percent {
                    min_percent,
                    all_mandatory,
                })
            }
            (Rule::Count, Rest::Elements(elements)) => {
                let (min_met, min_mandatory_met) =
                    elements_of(&elements, "struct variant Threshold::Count with 2 elements")?;
                Ok(Threshold::Count {
                    min_met,
                    min_mandatory_met,
                })
            }
            // The derive's unit variant reads and ignores any other member, but no element.
            (Rule::Checklist, Rest::Members(_)) => Ok(Threshold::Checklist),
            (Rule::Checklist, Rest::Elements(elements)) if elements.is_empty() => {
                Ok(Threshold::Checklist)
            }
            (Rule::Checklist, Rest::Elements(elements)) => Err(D::Error::invalid_length(
                elements.len(),
                &"0 elements in sequence",
            )),
        }
    }
}

/// Reads the tag and buffers the rest (serde's `TaggedContentVisitor`).
struct TaggedVisitor;

impl<'de> Visitor<'de> for TaggedVisitor {
    type Value = (Rule, Rest);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum Threshold")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(Rule, Rest), A::Error> {
        let mut rule: Option<Rule> = None;
        let mut rest = Members::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == TAG {
                set_once(&mut rule, TAG, || map.next_value())?;
            } else {
                rest.push((key, map.next_value()?));
            }
        }
        let rule = rule.ok_or_else(|| A::Error::missing_field(TAG))?;
        Ok((rule, Rest::Members(rest)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(Rule, Rest), A::Error> {
        let rule = seq
            .next_element::<Rule>()?
            .ok_or_else(|| A::Error::missing_field(TAG))?;
        let mut rest = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            rest.push(item);
        }
        Ok((rule, Rest::Elements(rest)))
    }
}

/// The two fields of a struct variant from its members: each read where it stands, unknown
/// members refused, missing ones reported in declaration order.
fn fields_of<A: DeserializeOwned, B: DeserializeOwned, E: Error>(
    members: Members,
    names: &'static [&'static str; 2],
) -> Result<(A, B), E> {
    let [first_name, second_name] = *names;
    let (mut first, mut second) = (None, None);
    for (key, value) in &members {
        if key == first_name {
            set_once(&mut first, first_name, || read(value))?;
        } else if key == second_name {
            set_once(&mut second, second_name, || read(value))?;
        } else {
            return Err(E::unknown_field(key, names));
        }
    }
    let first = first.ok_or_else(|| E::missing_field(first_name))?;
    let second = second.ok_or_else(|| E::missing_field(second_name))?;
    Ok((first, second))
}

/// The two fields of a struct variant from the elements after the tag (serde's sequence form).
fn elements_of<A: DeserializeOwned, B: DeserializeOwned, E: Error>(
    elements: &[Value],
    expecting: &'static str,
) -> Result<(A, B), E> {
    let first = match elements.first() {
        Some(value) => read(value)?,
        None => return Err(E::invalid_length(0, &expecting)),
    };
    let second = match elements.get(1) {
        Some(value) => read(value)?,
        None => return Err(E::invalid_length(1, &expecting)),
    };
    if elements.len() > 2 {
        return Err(E::invalid_length(elements.len(), &"2 elements in sequence"));
    }
    Ok((first, second))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde's derive with `Threshold`'s attributes: the oracle (named `Threshold` too, as
    /// the name is in its messages).
    mod derived {
        #[derive(Debug, serde::Deserialize)]
        #[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
        pub(super) enum Threshold {
            Percent {
                min_percent: u32,
                all_mandatory: bool,
            },
            Count {
                min_met: u32,
                min_mandatory_met: u32,
            },
            Checklist,
        }
    }
    use derived::Threshold as Derived;

    impl From<Derived> for Threshold {
        fn from(d: Derived) -> Threshold {
            match d {
                Derived::Percent {
                    min_percent,
                    all_mandatory,
                } => Threshold::Percent {
                    min_percent,
                    all_mandatory,
                },
                Derived::Count {
                    min_met,
                    min_mandatory_met,
                } => Threshold::Count {
                    min_met,
                    min_mandatory_met,
                },
                Derived::Checklist => Threshold::Checklist,
            }
        }
    }

    fn outcome<T, E: fmt::Display>(result: Result<T, E>) -> Result<T, String> {
        result.map_err(|e| e.to_string())
    }

    /// Ours and the derive's answer, from JSON text (streaming, with positions), from a
    /// borrowed `Value` (the path of caller-supplied sets) and from an owned one.
    fn assert_same_as_derive(text: &str) {
        let ours = outcome(serde_json::from_str::<Threshold>(text));
        let derived = outcome(serde_json::from_str::<Derived>(text).map(Threshold::from));
        assert_eq!(ours, derived, "from text {text}");
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return;
        };
        let ours = outcome(Threshold::deserialize(&value));
        let derived = outcome(Derived::deserialize(&value).map(Threshold::from));
        assert_eq!(ours, derived, "from &Value {value}");
        let ours = outcome(serde_json::from_value::<Threshold>(value.clone()));
        let derived = outcome(serde_json::from_value::<Derived>(value).map(Threshold::from));
        assert_eq!(ours, derived, "from Value {text}");
    }

    fn read_text(text: &str) -> Result<Threshold, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        outcome(Threshold::deserialize(&value))
    }

    #[test]
    fn reads_each_rule() {
        assert_eq!(
            read_text(r#"{"rule": "percent", "min_percent": 90, "all_mandatory": true}"#),
            Ok(Threshold::Percent {
                min_percent: 90,
                all_mandatory: true
            })
        );
        assert_eq!(
            read_text(r#"{"min_mandatory_met": 3, "min_met": 10, "rule": "count"}"#),
            Ok(Threshold::Count {
                min_met: 10,
                min_mandatory_met: 3
            })
        );
        assert_eq!(
            read_text(r#"{"rule": "checklist"}"#),
            Ok(Threshold::Checklist)
        );
        assert_eq!(
            read_text(r#"["count", 10, 3]"#),
            Ok(Threshold::Count {
                min_met: 10,
                min_mandatory_met: 3
            })
        );
    }

    #[test]
    fn errors_are_the_derives() {
        let cases = [
            (
                r#"{"rule": "share", "min_percent": 90}"#,
                "unknown variant `share`, expected one of `percent`, `count`, `checklist`",
            ),
            (r#"{"min_percent": 90}"#, "missing field `rule`"),
            (
                r#"{"rule": "percent", "min_percent": 90, "all": true}"#,
                "unknown field `all`, expected `min_percent` or `all_mandatory`",
            ),
            (
                r#"{"rule": "percent", "min_percent": 90}"#,
                "missing field `all_mandatory`",
            ),
            (
                r#"{"rule": "count", "min_met": "10", "min_mandatory_met": 3}"#,
                "invalid type: string \"10\", expected u32",
            ),
            (
                r#"{"rule": "count", "min_met": -1, "min_mandatory_met": 3}"#,
                "invalid value: integer `-1`, expected u32",
            ),
            (
                r#"{"rule": 1}"#,
                "invalid type: integer `1`, expected variant identifier",
            ),
            (
                r#""percent""#,
                "invalid type: string \"percent\", expected internally tagged enum Threshold",
            ),
            (r#"[]"#, "missing field `rule`"),
            (
                r#"["percent", 90]"#,
                "invalid length 1, expected struct variant Threshold::Percent with 2 elements",
            ),
            (
                r#"["checklist", 1]"#,
                "invalid length 1, expected 0 elements in sequence",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(read_text(text), Err(message.to_owned()), "{text}");
            assert_same_as_derive(text);
        }
        // A checklist ignores other members, as the derive's unit variant does.
        assert_eq!(
            read_text(r#"{"rule": "checklist", "min_met": 3}"#),
            Ok(Threshold::Checklist)
        );
    }

    fn threshold() -> impl Strategy<Value = Threshold> {
        prop_oneof![
            (any::<u32>(), any::<bool>()).prop_map(|(min_percent, all_mandatory)| {
                Threshold::Percent {
                    min_percent,
                    all_mandatory,
                }
            }),
            (any::<u32>(), any::<u32>()).prop_map(|(min_met, min_mandatory_met)| {
                Threshold::Count {
                    min_met,
                    min_mandatory_met,
                }
            }),
            Just(Threshold::Checklist),
        ]
    }

    /// Member values near the ones that matter: names of rules, fitting and unfitting numbers.
    fn member_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            prop::sample::select(vec!["percent", "count", "checklist", "Percent", "x"])
                .prop_map(Value::from),
            any::<u32>().prop_map(Value::from),
            prop::sample::select(vec![-1_i64, 4_294_967_296]).prop_map(Value::from),
            Just(Value::from(1.5)),
            any::<bool>().prop_map(Value::from),
            Just(Value::Null),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!([1, true])),
        ]
    }

    fn member_key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "rule",
            "min_percent",
            "all_mandatory",
            "min_met",
            "min_mandatory_met",
            "other",
        ])
    }

    /// JSON text of an object (keys in any order, possibly repeated), an array or a scalar.
    fn input_text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::collection::vec((member_key(), member_value()), 0..5).prop_map(|members| {
                let body: Vec<String> = members
                    .iter()
                    .map(|(k, v)| format!("{}: {v}", Value::from(*k)))
                    .collect();
                format!("{{{}}}", body.join(", "))
            }),
            2 => prop::collection::vec(member_value(), 0..4)
                .prop_map(|items| Value::Array(items).to_string()),
            1 => member_value().prop_map(|v| v.to_string()),
        ]
    }

    proptest! {
        #[test]
        fn round_trips(threshold in threshold()) {
            let value = serde_json::to_value(threshold).unwrap();
            prop_assert_eq!(Threshold::deserialize(&value).unwrap(), threshold);
            let text = serde_json::to_string(&threshold).unwrap();
            prop_assert_eq!(serde_json::from_str::<Threshold>(&text).unwrap(), threshold);
        }

        #[test]
        fn answers_as_the_derive(text in input_text()) {
            assert_same_as_derive(&text);
        }
    }
}
