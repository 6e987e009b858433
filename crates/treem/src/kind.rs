//! The document kinds and what each one can do: [`Kind`], a handle to a kind's registered
//! definition (`crate::document::KindDef`).

use std::fmt;
use std::str::FromStr;

use crate::context::Context;
use crate::document::KindDef;
use crate::normalize::Normalized;
use crate::report::Report;
use crate::{Error, Lang};

/// A kind of record the library validates (`child`, ...): a handle to its registered
/// definition, cheap to copy.
#[derive(Clone, Copy)]
pub struct Kind(&'static KindDef);

impl Kind {
    /// Every kind, in registry order.
    ///
    /// # Examples
    /// ```
    /// assert!(treem::Kind::all().any(|kind| kind.name() == "case"));
    /// ```
    pub fn all() -> impl Iterator<Item = Kind> {
        crate::registry::KINDS.iter().map(Kind)
    }

    /// The names of every kind.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Kind::names()[0], "child");
    /// ```
    pub fn names() -> Vec<&'static str> {
        Kind::all().map(Kind::name).collect()
    }

    /// The name used in the API (`child`, ...).
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = " child ".parse()?;
    /// assert_eq!(kind.name(), "child");
    /// assert!("tre_em".parse::<treem::Kind>().unwrap_err().is_unknown_kind());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// A short label in `lang`.
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = "case".parse()?;
    /// assert!(!kind.label(treem::Lang::Vi).is_empty());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.0.label_vi,
            Lang::En => self.0.label_en,
        }
    }

    /// Validates a parsed record of this kind.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = "child".parse()?;
    /// let report = kind.validate(&serde_json::json!({"sex": "x"}), &treem::Context::default())?;
    /// assert!(!report.ok);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate(self, record: &serde_json::Value, ctx: &Context) -> Result<Report, Error> {
        (self.0.validate)(record.clone(), ctx)
    }

    /// Validates a record given as JSON bytes: the same answer as parsing the bytes and
    /// calling [`Kind::validate`], faster (no intermediate `serde_json::Value`).
    ///
    /// # Errors
    /// An error that `is_not_json()` when `input` is not UTF-8 JSON, and one that
    /// `is_wrong_top_level_type()` when it is not an object.
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = "child".parse()?;
    /// let report = kind.validate_json(br#"{"sex": "nam"}"#, &treem::Context::default())?;
    /// assert!(report.ok);
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn validate_json(self, input: &[u8], ctx: &Context) -> Result<Report, Error> {
        (self.0.validate_json)(input, ctx)
    }

    /// Rewrites a record into canonical form and validates the result.
    ///
    /// # Errors
    /// An error that `is_wrong_top_level_type()` when `record` is not a JSON object.
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = "child".parse()?;
    /// let out = kind.normalize(&serde_json::json!({"sex": " Nam "}), &treem::Context::default())?;
    /// assert_eq!(out.record["sex"], "male");
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn normalize(self, record: &serde_json::Value, ctx: &Context) -> Result<Normalized, Error> {
        (self.0.normalize)(record.clone(), ctx)
    }

    /// [`Kind::normalize`] of a record given as JSON bytes (read straight into the draft).
    pub(crate) fn normalize_json(
        self,
        input: &[u8],
        ctx: &Context,
        answer: crate::document::Answer,
    ) -> Result<Normalized, Error> {
        (self.0.normalize_json)(input, ctx, answer)
    }

    /// The JSON Schema (draft 2020-12) of the lenient input form of this kind.
    ///
    /// With the feature `live-schemas` (default) `schemars` derives it from the draft type;
    /// without it (the WebAssembly package, where that code would be about a sixth of the
    /// module) it is the committed text `data/schemas/<kind>.json`, the same value: the test
    /// `tests/schemas.rs` fails when a committed file is stale.
    ///
    /// # Examples
    /// ```
    /// let kind: treem::Kind = "child".parse()?;
    /// assert!(kind.schema()["$schema"].is_string());
    /// # Ok::<(), treem::Error>(())
    /// ```
    pub fn schema(self) -> serde_json::Value {
        #[cfg(feature = "live-schemas")]
        return (self.0.schema)();
        #[cfg(not(feature = "live-schemas"))]
        return committed_schema(self.0.name).unwrap_or(serde_json::Value::Null);
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Kind {}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.0.name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = Error;

    fn from_str(name: &str) -> Result<Kind, Error> {
        Kind::all()
            .find(|k| k.name() == name.trim())
            .ok_or_else(|| Error::unknown_kind(name, &Kind::names()))
    }
}

/// The committed JSON Schema of the kind `name` (`data/schemas/<name>.json`), if any.
#[cfg(any(test, not(feature = "live-schemas")))]
pub(crate) fn committed_schema(name: &str) -> Option<serde_json::Value> {
    let (_, text) = crate::registry::SCHEMAS
        .iter()
        .find(|(kind, _)| *kind == name)?;
    serde_json::from_str(text).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every kind has a committed schema that reads as a JSON Schema object, whatever the
    /// features (`tests/schemas.rs` checks that it equals the derived one).
    #[test]
    fn every_kind_has_a_committed_schema() {
        for kind in Kind::all() {
            let schema = committed_schema(kind.name());
            assert!(
                schema.as_ref().is_some_and(|s| s.get("$schema").is_some()),
                "no committed schema for {kind}"
            );
        }
        assert_eq!(crate::registry::SCHEMAS.len(), Kind::all().count());
    }

    /// The fast path answers exactly as the value path, including where it falls back.
    #[test]
    fn validate_json_equals_validate() {
        let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        let inputs: &[&[u8]] = &[
            b"{}",
            br#"{"full_name": "  An ", "date_of_birth": "31/2/2016", "sex": "x"}"#,
            br#"{"full_name": 12, "date_of_birth": null, "sex": ["nam"], "extra": {"a": [1, 2.5]}}"#,
            br#"{"sex": "nam", "sex": "x"}"#,
            br#"{"date_of_birth": "2030-01-01", "z": 1, "a": "b"}"#,
            b"[1]",
            b"3",
            b"{\"full_name\": \"\xff\"}",
            b"{\"a\": ",
            b"{} x",
            br#"{"residence": "Hai Phong", "guardians": {"full_name": "An"}, "schooling": [1]}"#,
            br#"{"residence": {"province_code": 31, "x": [1]}, "guardians": [1, "a", [2], null, {"phone": true}]}"#,
            br#"{"guardians": [{"full_name": "An", "full_name": "Binh"}], "disability": {"types": "x"}}"#,
            br#"{"residence": {"edition": "2025", "edition": "2024"}, "social_assistance": null}"#,
            br#"{"special_circumstances": [{"group": "a", "sub_category": "2"}, {}], "schooling": {"grade": 2.5}}"#,
        ];
        for kind in Kind::all() {
            for input in inputs {
                let fast = kind.validate_json(input, &ctx);
                let slow = crate::json::parse_bytes(input).and_then(|v| kind.validate(&v, &ctx));
                match (fast, slow) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(input)),
                    (Err(a), Err(b)) => assert_eq!(a.to_json(), b.to_json()),
                    (a, b) => unreachable!("{a:?} vs {b:?}"),
                }
            }
        }
    }

    /// Any JSON value, nested a few levels, with the member names drafts know, so that every
    /// member and nested draft of every kind meets values of every type (and duplicates).
    fn any_json() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let names = prop::sample::select(vec![
            "full_name",
            "date_of_birth",
            "sex",
            "residence",
            "guardians",
            "schooling",
            "disability",
            "types",
            "special_circumstances",
            "social_assistance",
            "phone",
            "province_code",
            "commune_code",
            "edition",
            "grade",
            "group",
            "level",
            "id",
            "x",
        ]);
        let leaf = prop_oneof![
            Just("null".to_owned()),
            any::<bool>().prop_map(|b| b.to_string()),
            (-3i64..30).prop_map(|n| n.to_string()),
            Just("2.5".to_owned()),
            prop::sample::select(vec!["\"nam\"", "\"31\"", "\"2025\"", "\"An\"", "\"\""])
                .prop_map(str::to_owned),
        ];
        leaf.prop_recursive(3, 24, 4, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                prop::collection::vec((names.clone(), inner), 0..5).prop_map(|members| {
                    let members: Vec<String> = members
                        .iter()
                        .map(|(k, v)| format!("\"{k}\":{v}"))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        /// The byte path (drafts read straight from JSON, nested drafts included) gives the
        /// value path's answer for any input.
        #[test]
        fn byte_path_equals_value_path(input in any_json()) {
            let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
            for kind in Kind::all() {
                let fast = kind.validate_json(input.as_bytes(), &ctx);
                let slow = crate::json::parse_bytes(input.as_bytes())
                    .and_then(|v| kind.validate(&v, &ctx));
                match (fast, slow) {
                    (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b, "{}", input),
                    (Err(a), Err(b)) => proptest::prop_assert_eq!(a.to_json(), b.to_json()),
                    (a, b) => proptest::prop_assert!(false, "{:?} vs {:?}", a, b),
                }
            }
        }
    }
}
