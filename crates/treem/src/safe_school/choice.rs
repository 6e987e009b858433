//! The criteria set an assessment's draft chose ([`CriteriaSetChoice`]): a built-in set by its
//! id, or a set given inline, read as it is read, once.

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use super::criteria::CriteriaSet;
use crate::json::data_text::DataText;
use crate::json::text::{Fallback, FromText, Text};
use crate::json::{Field, FromValue};

/// The member `criteria_set` of an assessment as typed: the id of a built-in set (catalog
/// `criteria_sets`), or a complete set given inline (the kind `criteria_set`).
///
/// An inline set is read into a [`CriteriaSet`] when the draft is read (straight from the
/// record's JSON text where it can be), so the rules check the set without reading it again.
/// One that does not read as a criteria set is kept as given ([`CriteriaSetChoice::Unread`]),
/// and the rules say why. A member of another type (a number, an array) is the draft's
/// [`Field::Invalid`].
///
/// Serialises as given: the id as its text, an unread set as its value, a read set as the
/// kind `criteria_set` writes it (its members in declaration order, `remedy_required` always,
/// an empty list, a `false` `mandatory` or an absent option left out), which reads back to the
/// same set. Its JSON Schema is any value, as the member's was.
///
/// # Examples
///
/// ```
/// use treem::safe_school::assessment::{AssessmentDraft, CriteriaSetChoice};
/// let draft: AssessmentDraft = serde_json::from_value(serde_json::json!({
///     "criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
///         "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///         "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///         "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
/// })).unwrap();
/// match draft.criteria_set.value() {
///     Some(CriteriaSetChoice::Supplied(set)) => assert_eq!(set.mandatory_count(), 1),
///     other => unreachable!("{other:?}"),
/// }
///
/// let named: AssessmentDraft = serde_json::from_str(r#"{"criteria_set": "nd80-2017"}"#).unwrap();
/// assert_eq!(named.criteria_set.value(), Some(&CriteriaSetChoice::BuiltIn("nd80-2017".into())));
///
/// let unread: AssessmentDraft = serde_json::from_str(r#"{"criteria_set": {"id": 1}}"#).unwrap();
/// assert!(matches!(unread.criteria_set.value(), Some(CriteriaSetChoice::Unread(_))));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CriteriaSetChoice {
    /// The id of a built-in set, as written (the rules look it up in catalog `criteria_sets`).
    BuiltIn(String),
    /// A set given inline that reads as the kind `criteria_set` (its own rules, the coherence
    /// of its codes and its pass rule, are the assessment rules' to check).
    Supplied(Box<CriteriaSet>),
    /// An object given inline that does not read as a criteria set, kept as it was written.
    Unread(serde_json::Value),
}

impl CriteriaSetChoice {
    /// An object read as a set, by the value path's reader; kept as given when it does not
    /// read.
    fn from_object(value: serde_json::Value) -> CriteriaSetChoice {
        match crate::json::data::FromJson::from_json(&value) {
            Ok(set) => CriteriaSetChoice::Supplied(Box::new(set)),
            Err(_) => CriteriaSetChoice::Unread(value),
        }
    }
}

/// A text or an object; anything else stays the member's value, kept as
/// [`Field::Invalid`].
impl FromValue for CriteriaSetChoice {
    fn accepts(value: &serde_json::Value) -> bool {
        value.is_string() || value.is_object()
    }

    fn from_value(value: serde_json::Value) -> Result<CriteriaSetChoice, serde_json::Value> {
        match value {
            serde_json::Value::String(id) => Ok(CriteriaSetChoice::BuiltIn(id)),
            object @ serde_json::Value::Object(_) => Ok(CriteriaSetChoice::from_object(object)),
            other => Err(other),
        }
    }
}

/// An inline set straight from the record's text where the text reader follows it (no
/// `serde_json::Value` built, read and dropped: a quarter of an assessment's validation);
/// where it does not, through the value, which answers as [`FromValue`] does.
impl FromText for CriteriaSetChoice {
    fn field_from_text(text: &mut Text<'_>) -> Result<Field<CriteriaSetChoice>, Fallback> {
        match text.peek() {
            Some(b'"') => Ok(Field::Value(CriteriaSetChoice::BuiltIn(
                text.string()?.into_owned(),
            ))),
            Some(b'{') => Ok(Field::Value(
                match text.or_value(CriteriaSet::data_from_text)? {
                    Ok(set) => CriteriaSetChoice::Supplied(Box::new(set)),
                    Err(value) => CriteriaSetChoice::from_object(value),
                },
            )),
            _ => Ok(Field::from_member(text.value()?)),
        }
    }
}

impl crate::json::Plain for CriteriaSetChoice {}

impl Serialize for CriteriaSetChoice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CriteriaSetChoice::BuiltIn(id) => s.serialize_str(id),
            CriteriaSetChoice::Supplied(set) => set.serialize(s),
            CriteriaSetChoice::Unread(value) => value.serialize(s),
        }
    }
}

/// Any value, as the member's schema has always been: an id or a whole set (the kind
/// `criteria_set`'s schema says what a set holds).
impl JsonSchema for CriteriaSetChoice {
    fn inline_schema() -> bool {
        <serde_json::Value as JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <serde_json::Value as JsonSchema>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <serde_json::Value as JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::*;
    use crate::json::data::FromJson;
    use crate::safe_school::assessment::AssessmentDraft;

    /// A complete set with every member a set can have, written as a caller would (members
    /// in the type's order, a threshold's `rule` first).
    const FULL_SET: &str = r#"{"id": "truong-x", "version": "2026-01-01", "title": "Bộ tiêu chí \"an toàn\"",
        "document": {"number": "01/QĐ-X", "title": "Quyết định", "issued": "2026-01-01",
            "in_force_from": null, "articles": "Điều 1"},
        "applies_to": ["truong_thcs", "truong_thpt"],
        "threshold": {"rule": "count", "min_met": 2, "min_mandatory_met": 1},
        "completeness": "complete",
        "content_areas": [{"code": "A", "title": "Cơ sở vật chất"}],
        "criteria": [
            {"code": "1", "text": "Có nội quy", "area": "A", "mandatory": true},
            {"code": "2", "text": "Có camera", "mandatory": false, "conditional": true}
        ],
        "disqualifying_events": [{"code": "E1", "text": "Tai nạn"}],
        "remedy_required": true, "reported_total": 2, "reported_mandatory": null,
        "notes": ["ghi chú"]}"#;

    fn full_set() -> Value {
        serde_json::from_str(FULL_SET).unwrap()
    }

    /// The draft of `text` read straight from it, and through its parsed value.
    fn both(text: &str) -> (Option<AssessmentDraft>, Option<AssessmentDraft>) {
        let own = crate::json::text::read::<AssessmentDraft>(text).ok();
        let by_value = match serde_json::from_str::<Value>(text) {
            Ok(value) if value.is_object() => AssessmentDraft::from_value(value).ok(),
            _ => None,
        };
        (own, by_value)
    }

    /// The text reader reads an inline set exactly as the value path does: the same draft
    /// for any JSON, and no draft for what is not JSON.
    fn agree(text: &str) {
        let (own, by_value) = both(text);
        assert_eq!(own, by_value, "{text}");
    }

    /// Built-in sets written out, and a set with every member, read straight from text (no
    /// value built: the reader does not stop on them) to the set the value path reads.
    #[test]
    fn sets_are_read_straight_from_text() {
        // Written from the type (a threshold's tag first, as serde writes it), and in
        // `Value`'s order (the tag after the members it decides).
        let mut texts: Vec<String> = super::super::builtin::all()
            .iter()
            .flat_map(|set| {
                [
                    serde_json::to_string(set).unwrap(),
                    serde_json::to_value(set).unwrap().to_string(),
                ]
            })
            .collect();
        texts.push(FULL_SET.to_owned());
        texts.push(full_set().to_string());
        for text in texts {
            let value: Value = serde_json::from_str(&text).unwrap();
            let read = CriteriaSet::data_from_text(&mut Text::new(&text))
                .unwrap_or_else(|_| panic!("the reader stopped on {text}"));
            assert_eq!(read, CriteriaSet::from_json(&value).unwrap());
            let record = format!(r#"{{"criteria_set": {text}}}"#);
            let draft = crate::json::text::read::<AssessmentDraft>(&record).unwrap();
            assert_eq!(
                draft.criteria_set,
                Field::Value(CriteriaSetChoice::Supplied(Box::new(read)))
            );
            agree(&record);
        }
    }

    /// What is not a set to read (an unknown member, a member of another type, a missing
    /// one, a tagged threshold in any order, a number of another form) is read through its
    /// value: kept whole when it does not read, read when it does.
    #[test]
    fn what_the_text_reader_does_not_follow_the_value_path_answers() {
        // Compact, with the type's order of members (the edits below are of this text).
        let set: String = FULL_SET
            .split('\n')
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("")
            .replace("\": ", "\":")
            .replace(", \"", ",\"");
        assert!(
            set.contains(r#""threshold":{"rule":"count","min_met":2,"min_mandatory_met":1}"#),
            "{set}"
        );
        for edit in [
            set.replace(
                r#""remedy_required":true"#,
                r#""remedy_required":true,"x":1"#,
            ),
            set.replace(r#""min_met":2"#, r#""min_met":2.0"#),
            set.replace(r#""min_met":2"#, r#""min_met":-2"#),
            set.replace(r#""min_met":2"#, r#""min_met":4294967296"#),
            set.replace(r#""reported_total":2"#, r#""reported_total":02"#),
            set.replace(r#""mandatory":true"#, r#""mandatory":1"#),
            set.replace(r#""mandatory":true"#, r#""mandatory":null"#),
            set.replace(r#""completeness":"complete""#, r#""completeness":"all""#),
            set.replace(r#""id":"truong-x","#, ""),
            set.replace(r#""rule":"count","#, "").replace(
                r#""min_mandatory_met":1"#,
                r#""min_mandatory_met":1,"rule":"count""#,
            ),
            set.replace(r#""id":"truong-x""#, r#""id":"truong-x","id":7"#),
            set.replace(r#""id":"truong-x""#, r#""id":7,"id":"truong-x""#),
            set.replace(
                r#""title":"Quyết định""#,
                r#""title":"Quy\u1ebft \u0111\u1ecbnh""#,
            ),
            set.replace(r#""notes":["ghi chú"]"#, r#""notes":"ghi chú""#),
            set.replace(
                r#""applies_to":["truong_thcs","truong_thpt"]"#,
                r#""applies_to":["truong_thcs",1]"#,
            ),
            "[]".to_owned(),
            "7".to_owned(),
            "null".to_owned(),
            r#""nd80-2017""#.to_owned(),
            r#""nd\u00380-2017""#.to_owned(),
            set.replace(
                r#""rule":"count","min_met":2"#,
                r#""rule":"count","rule":"percent","min_met":2"#,
            ),
            set.replace(
                r#""min_mandatory_met":1}"#,
                r#""min_mandatory_met":1,"min_percent":5}"#,
            ),
            set.replace(
                r#"{"rule":"count","min_met":2,"min_mandatory_met":1}"#,
                r#"{"rule":"checklist","min_met":2}"#,
            ),
            set.replace(
                r#"{"rule":"count","min_met":2,"min_mandatory_met":1}"#,
                r#"{"rule":"checklist","x":1,"rule":"count"}"#,
            ),
            set.replace(
                r#"{"rule":"count","min_met":2,"min_mandatory_met":1}"#,
                r#"{"rule":"percent","min_percent":60,"all_mandatory":true}"#,
            ),
            set.replace(
                r#"{"rule":"count","min_met":2,"min_mandatory_met":1}"#,
                r#"{"rule":"percent","min_percent":60}"#,
            ),
            set.replace(r#"{"rule":"count","#, r#"{"rule":"counts","#),
            set.replace(r#"{"rule":"count","#, r#"{"rule":7,"#),
        ] {
            assert_ne!(edit, set, "an edit that changes nothing");
            agree(&format!(
                r#"{{"criteria_set": {edit}, "school_year": "2025-2026"}}"#
            ));
        }
    }

    proptest! {
        /// A set with one character taken out or put in anywhere (a quote, a bracket, an
        /// escape, a digit, a letter...) is read alike by the text reader and the value path,
        /// or refused alike.
        #[test]
        fn any_edit_of_a_set_is_read_as_the_value_path_reads_it(
            edit in 0usize..2000,
            put in prop::sample::select(vec![
                "", "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\u{1}", "a", "é", "0", "1",
                "-", ".", "e", "n", "null", "true", "\\u00e9", "\\ud800", "\\n", r#""x":1,"#,
                r#""id":"y","#, r#""rule":"percent","#,
            ]),
        ) {
            let text = format!(r#"{{"criteria_set": {FULL_SET}, "school_year": "2025-2026"}}"#);
            let at = edit % (text.len() + 1);
            if text.is_char_boundary(at) {
                let mut inserted = text.clone();
                inserted.insert_str(at, put);
                let (own, by_value) = both(&inserted);
                prop_assert_eq!(own, by_value, "{}", inserted);
                if let Some(c) = text[at..].chars().next() {
                    let mut replaced = text.clone();
                    replaced.replace_range(at..at + c.len_utf8(), put);
                    let (own, by_value) = both(&replaced);
                    prop_assert_eq!(own, by_value, "{}", replaced);
                }
            }
        }
    }

    /// A draft writes its set back as given when it did not read, as the kind `criteria_set`
    /// writes it when it did (which reads back to the same set), and a built-in set's id as
    /// written.
    #[test]
    fn a_choice_is_written_as_it_reads_back() {
        for value in [full_set(), json!({"id": 1}), json!("nd80-2017")] {
            let choice = CriteriaSetChoice::from_value(value.clone()).unwrap();
            let written = serde_json::to_value(&choice).unwrap();
            match &choice {
                CriteriaSetChoice::Supplied(set) => {
                    assert_eq!(&CriteriaSet::from_json(&written).unwrap(), &**set);
                }
                _ => assert_eq!(written, value),
            }
        }
        assert_eq!(CriteriaSetChoice::from_value(json!(1)), Err(json!(1)));
    }
}
