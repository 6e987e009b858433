//! The checked safe-school self-assessment ([`Assessment`]): an [`AssessmentDraft`] that
//! passed every assessment rule, read into domain values (see [`crate::record`]).

use serde::{Serialize, Serializer};

use super::assessment::{AssessmentDraft, CriteriaSetChoice, RemedyDraft, ResultDraft};
use super::criteria::CriteriaSet;
use super::score::{Outcome, Score};
use crate::context::Context;
use crate::json::Field;
use crate::record::{self, Checked, Record, Unknown, Unread};
use crate::report::{Location, Report};
use crate::school::School;

/// A safe-school self-assessment that passed the assessment rules (TT 18/2023/TT-BGDĐT Điều
/// 11–12, TT 45/2021/TT-BGDĐT Điều 8, QĐ 548/QĐ-LĐTBXH, NĐ 80/2017/NĐ-CP; see
/// [`crate::safe_school`]): its set is known and complete, every answer names a criterion of
/// it once, every mandatory criterion is answered.
///
/// The kind's `normalize` rewrites only the results' words (`đạt` → `dat`); the members it
/// keeps as written (the criterion codes, the school year, a remedy's `by` and deadline, the
/// events) are kept as written here too, so the record serialises to what `normalize` writes.
/// The school is the exception: the assessment's rules ran every school rule on it (at
/// `/school`), so it is held as a checked [`School`] and serialises in the school's canonical
/// form (what `normalize` of the kind `school` writes), which `normalize` of the assessment
/// does not rewrite.
///
/// # Examples
/// ```
/// use treem::record::Record;
/// let input = serde_json::json!({
///     "criteria_set": {
///         "id": "truong-x", "version": "1", "title": "Bộ tiêu chí của trường",
///         "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
///         "applies_to": ["truong_thcs"],
///         "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
///         "completeness": "complete",
///         "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}],
///     },
///     "criteria_set_version": "1",
///     "school": {"code": "1", "name": "Trường  THCS Lê Lợi", "school_type": "truong_thcs"},
///     "school_year": "2025-2026",
///     "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}],
/// });
/// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// let assessment = treem::safe_school::Assessment::check(&input, &ctx).unwrap().into_record();
/// assert_eq!(assessment.school.name, "Trường THCS Lê Lợi");
/// assert_eq!(assessment.school_years(), (2025, 2026));
/// assert_eq!(assessment.results[0].result, treem::safe_school::score::Outcome::Dat);
/// assert_eq!(assessment.criteria_set.set().id, "truong-x");
/// assert_eq!(assessment.score().met, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assessment {
    /// The criteria set the school assessed itself against.
    pub criteria_set: SetUsed,
    /// The version of the set, as written (the set's own version).
    pub criteria_set_version: String,
    /// The school, checked by the school rules.
    pub school: School,
    /// Năm học as written (`YYYY-YYYY`, consecutive years; see [`Assessment::school_years`]).
    pub school_year: String,
    /// One result per criterion answered, in the order given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<CriterionResult>,
    /// The set's disqualifying events that happened during the year, as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disqualifying_events: Vec<String>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The criteria set an assessment names. Serialises as the record gave it: a built-in set as
/// its id, a supplied one as the set.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SetUsed {
    /// A set treem ships (catalog `criteria_sets`), named by its id.
    BuiltIn(&'static CriteriaSet),
    /// A complete set the record gave inline, checked as the kind `criteria_set`.
    Supplied(Box<CriteriaSet>),
}

impl SetUsed {
    /// The set.
    ///
    /// # Examples
    /// See [`Assessment`].
    pub fn set(&self) -> &CriteriaSet {
        match self {
            SetUsed::BuiltIn(set) => set,
            SetUsed::Supplied(set) => set,
        }
    }
}

impl Serialize for SetUsed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SetUsed::BuiltIn(set) => s.serialize_str(&set.id),
            SetUsed::Supplied(set) => set.serialize(s),
        }
    }
}

/// One criterion's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CriterionResult {
    /// The criterion's code in its set, as written.
    pub criterion: String,
    /// Đạt, chưa đạt or không áp dụng (the last only for a criterion "nếu có").
    pub result: Outcome,
    /// Minh chứng.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The remedy plan (TT 18/2023 Điều 12 khoản 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A remedy plan (TT 18/2023/TT-BGDĐT Điều 12 khoản 1: "kế hoạch, biện pháp tự khắc phục hoặc
/// kiến nghị cơ quan có thẩm quyền khắc phục").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Remedy {
    /// Kế hoạch, biện pháp.
    pub measures: String,
    /// `tu_khac_phuc` or `kien_nghi`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The planned completion date as written (a date the rules read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Members the kind does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Assessment {
    /// The school year's first and last calendar years.
    ///
    /// # Examples
    /// See [`Assessment`].
    pub fn school_years(&self) -> (i32, i32) {
        // The rules accepted the year's form; (0, 0) cannot be reached.
        super::assessment::parse_school_year(&self.school_year).unwrap_or((0, 0))
    }

    /// The assessment's score against its set (the level and its reasons).
    ///
    /// # Examples
    /// See [`Assessment`].
    pub fn score(&self) -> Score {
        let mut answers = crate::sorted_map::SortedMap::new();
        for r in &self.results {
            answers.insert(r.criterion.trim().to_owned(), r.result);
        }
        let events: Vec<String> = self
            .disqualifying_events
            .iter()
            .map(|e| e.trim().to_owned())
            .collect();
        super::score::score(self.criteria_set.set(), &answers, &events)
    }

    /// Reads a draft that passed the rules, normalised or as given (its outcomes are read in
    /// any spelling the rules accept, its school normalised here).
    pub(crate) fn read(draft: &AssessmentDraft, ctx: &Context) -> Result<Assessment, Unread> {
        let root = Location::root();
        let at = |key| root.key(key);
        let required = |field, key| {
            let here = at(key);
            record::owned(field, &here)?.ok_or_else(|| Unread::at(&here))
        };
        let set_at = at("criteria_set");
        let criteria_set = match &draft.criteria_set {
            Field::Value(CriteriaSetChoice::BuiltIn(id)) => super::builtin::get(id)
                .map(SetUsed::BuiltIn)
                .ok_or_else(|| Unread::at(&set_at))?,
            Field::Value(CriteriaSetChoice::Supplied(set)) => SetUsed::Supplied(set.clone()),
            Field::Value(CriteriaSetChoice::Unread(value)) => {
                crate::json::data::FromJson::from_json(value)
                    .map(|set| SetUsed::Supplied(Box::new(set)))
                    .map_err(|_: crate::json::data::ReadError| Unread::at(&set_at))?
            }
            _ => return Err(Unread::at(&set_at)),
        };
        let school_at = at("school");
        let school = match &draft.school {
            Field::Value(school) => {
                let mut school = school.clone();
                crate::school::normalize(
                    &mut school,
                    &mut crate::normalize::ChangeLog::discarding(),
                );
                School::read_at(&school, ctx, &school_at)?
            }
            _ => return Err(Unread::at(&school_at)),
        };
        Ok(Assessment {
            criteria_set,
            criteria_set_version: required(&draft.criteria_set_version, "criteria_set_version")?,
            school,
            school_year: required(&draft.school_year, "school_year")?,
            results: record::list(&draft.results, &at("results"), |r, here| {
                CriterionResult::read(r, here).map(Some)
            })?,
            disqualifying_events: record::list(
                &draft.disqualifying_events,
                &at("disqualifying_events"),
                |code: &String, _| Ok(Some(code.clone())),
            )?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl CriterionResult {
    fn read(draft: &ResultDraft, at: &Location<'_>) -> Result<CriterionResult, Unread> {
        let criterion_at = at.key("criterion");
        let result_at = at.key("result");
        Ok(CriterionResult {
            criterion: record::owned(&draft.criterion, &criterion_at)?
                .ok_or_else(|| Unread::at(&criterion_at))?,
            result: record::parsed(&draft.result, &result_at, Outcome::parse)?
                .ok_or_else(|| Unread::at(&result_at))?,
            evidence: record::owned(&draft.evidence, &at.key("evidence"))?,
            remedy: record::object(&draft.remedy, &at.key("remedy"), Remedy::read)?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl Remedy {
    fn read(draft: &RemedyDraft, at: &Location<'_>) -> Result<Remedy, Unread> {
        let measures_at = at.key("measures");
        Ok(Remedy {
            measures: record::owned(&draft.measures, &measures_at)?
                .ok_or_else(|| Unread::at(&measures_at))?,
            by: record::owned(&draft.by, &at.key("by"))?,
            deadline: record::owned(&draft.deadline, &at.key("deadline"))?,
            unknown: draft.unknown.clone(),
        })
    }
}

impl record::sealed::Sealed for Assessment {
    fn check_value(value: serde_json::Value, ctx: &Context) -> Result<Checked<Assessment>, Report> {
        record::check(value, ctx, Assessment::read)
    }
}

impl Record for Assessment {
    const KIND: &'static str = "safe_school_assessment";
}
