//! Criteria sets as data: the document a set comes from, its pass rule, how complete treem's
//! copy is, and its criteria. The same type carries the built-in sets ([`super::builtin`])
//! and a complete set supplied by the caller as JSON (kind `criteria_set`, or inline as the
//! `criteria_set` member of an assessment).

use schemars::JsonSchema;
use serde::Serialize;

/// A versioned set of criteria from one official document.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data, treem_derive::DataText,
)]
#[serde(deny_unknown_fields)]
pub struct CriteriaSet {
    /// Stable identifier, e.g. `tt18-2023`.
    pub id: String,
    /// Version of the set (the date of the document for the built-in sets).
    pub version: String,
    /// Title of the set.
    pub title: String,
    /// The document the set comes from.
    pub document: DocumentRef,
    /// School type codes (catalog `school_types`) the set is for, or `ho_gia_dinh` for homes.
    pub applies_to: Vec<String>,
    /// The pass rule.
    pub threshold: Threshold,
    /// How much of the official list this copy holds.
    pub completeness: Completeness,
    /// Content areas (nội dung) the criteria are grouped in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content_areas: Vec<ContentArea>,
    /// The criteria (empty when only the thresholds are known).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// Events that make the result "Chưa đạt" whatever the criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disqualifying_events: Vec<Event>,
    /// True when the document asks for a remedy plan for every criterion not met.
    #[serde(default)]
    pub remedy_required: bool,
    /// The total number of criteria a source reports for the official list, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_total: Option<u32>,
    /// The number of mandatory criteria a source reports, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_mandatory: Option<u32>,
    /// What treem knows and does not know about the set, with sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The official document a set comes from.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data, treem_derive::DataText,
)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    /// Số, ký hiệu, e.g. `18/2023/TT-BGDĐT`.
    pub number: String,
    /// Title of the document.
    pub title: String,
    /// Date of issue (ISO 8601), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    /// First day in force (ISO 8601), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<String>,
    /// The articles that carry the criteria and the pass rule.
    pub articles: String,
}

/// The pass rule of a set.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    JsonSchema,
    treem_derive::Data,
    treem_derive::DataText,
)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Threshold {
    /// At least `min_percent` % of the applicable criteria met and, when `all_mandatory`,
    /// every mandatory criterion met (TT 18/2023 Điều 11 khoản 2).
    Percent {
        /// Minimum share of criteria met, in percent (1–100).
        min_percent: u32,
        /// Every mandatory criterion must be met.
        all_mandatory: bool,
    },
    /// At least `min_met` criteria met, of which at least `min_mandatory_met` mandatory
    /// (TT 45/2021 Điều 8 khoản 2; QĐ 548/QĐ-LĐTBXH).
    Count {
        /// Minimum number of criteria met.
        min_met: u32,
        /// Minimum number of mandatory criteria met.
        min_mandatory_met: u32,
    },
    /// A checklist without a pass rule (NĐ 80/2017): scoring counts, gives no level.
    Checklist,
}

/// How much of the official list a copy holds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    JsonSchema,
    treem_derive::Data,
    treem_derive::DataText,
)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// Only the pass rule (and counts) are known; no criterion can be assessed.
    ThresholdsOnly,
    /// Some criteria are known, not all: assessments cannot be scored authoritatively.
    Partial,
    /// Every criterion with its mandatory flag.
    Complete,
}

impl Completeness {
    /// The code used in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// let set = treem::safe_school::builtin::get("nd80-2017").unwrap();
    /// assert_eq!(set.completeness.code(), "complete");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Completeness::ThresholdsOnly => "thresholds_only",
            Completeness::Partial => "partial",
            Completeness::Complete => "complete",
        }
    }
}

/// A content area (nội dung) of a set.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data, treem_derive::DataText,
)]
#[serde(deny_unknown_fields)]
pub struct ContentArea {
    /// Stable code within the set.
    pub code: String,
    /// Title as the document writes it.
    pub title: String,
}

/// One criterion (tiêu chí).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data, treem_derive::DataText,
)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable code within the set (the document's numbering where it has one).
    pub code: String,
    /// Text as the document writes it.
    pub text: String,
    /// Code of its content area, when the set has areas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Tiêu chí bắt buộc.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mandatory: bool,
    /// True when the criterion applies only where the thing exists ("(nếu có)"), so
    /// "không áp dụng" is an allowed answer.
    #[serde(default, skip_serializing_if = "is_false")]
    pub conditional: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(value: &bool) -> bool {
    !*value
}

/// An event that disqualifies the result for the year.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data, treem_derive::DataText,
)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable code within the set.
    pub code: String,
    /// Description, with its source when not the document's own wording.
    pub text: String,
}

impl CriteriaSet {
    /// The criterion with `code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let set = treem::safe_school::builtin::get("nd80-2017").unwrap();
    /// assert_eq!(set.criterion("3.1").map(|c| c.code.as_str()), Some("3.1"));
    /// assert!(set.criterion("99").is_none());
    /// ```
    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    /// The number of mandatory criteria.
    ///
    /// # Examples
    ///
    /// ```
    /// let set = treem::safe_school::builtin::get("nd80-2017").unwrap();
    /// assert_eq!(set.mandatory_count(), 0);
    /// ```
    pub fn mandatory_count(&self) -> usize {
        self.criteria.iter().filter(|c| c.mandatory).count()
    }

    /// True when the set is for the school type `code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let set = treem::safe_school::builtin::get("tt18-2023").unwrap();
    /// assert!(set.applies_to("truong_tieu_hoc"));
    /// assert!(!set.applies_to("truong_mam_non"));
    /// ```
    pub fn applies_to(&self, code: &str) -> bool {
        self.applies_to.iter().any(|t| t == code)
    }

    /// The first day in force, when known and well formed.
    ///
    /// # Examples
    ///
    /// ```
    /// let set = treem::safe_school::builtin::get("tt18-2023").unwrap();
    /// assert_eq!(set.in_force_from(), chrono::NaiveDate::from_ymd_opt(2023, 12, 12));
    /// ```
    pub fn in_force_from(&self) -> Option<chrono::NaiveDate> {
        self.document
            .in_force_from
            .as_deref()
            .and_then(|d| crate::vn::date::iso::read_date(d).ok())
    }
}
