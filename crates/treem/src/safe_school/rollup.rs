//! The roll-up Phòng and Sở compile: per managing authority, the schools "Đạt" and "Chưa
//! đạt" with the criteria not met (Thông tư 18/2023/TT-BGDĐT Điều 12 khoản 3–4; Điều 15
//! khoản 2: "lập danh sách đối với các nhà trường “Đạt” và “Chưa đạt” ..., xác định rõ lý do
//! các tiêu chí chưa đạt").
//!
//! A [`RollupPartial`] is built from any slice of assessments and merged with others: `merge`
//! is a set union (plus a sum of counts), so it is associative, commutative and idempotent
//! on entries, and the merged partial of the parts equals the partial of the whole whatever
//! the order. Everything is kept in ordered maps: the output order is deterministic.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::assessment::AssessmentDraft;
use super::score::ResultLevel;
use crate::context::Context;
use crate::sorted_map::{SortedMap, SortedSet};

/// One school's result in the roll-up.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema, treem_derive::Data,
)]
pub struct RollupEntry {
    /// Mã trường.
    pub school_code: String,
    /// Năm học.
    pub school_year: String,
    /// The criteria set's id.
    pub set_id: String,
    /// The set's version.
    pub set_version: String,
    /// Đạt, Chưa đạt, or `None` for a checklist.
    pub level: Option<ResultLevel>,
    /// Criteria not met, in set order.
    pub failed_criteria: Vec<String>,
}

/// A mergeable partial roll-up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema, treem_derive::Data)]
pub struct RollupPartial {
    /// Entries per authority key `authority:unit` (e.g. `so_gddt:31`; the unit is the
    /// province, district or commune code of the school's address, empty when unknown).
    /// Each authority's entries are a `BTreeSet`: they grow with its schools (thousands for
    /// a Sở), added one assessment at a time. The map is a `BTreeMap` too: its keys grow with
    /// the communes of a dataset (3,321 in the 2025 list) and arrive in any order, where a
    /// sorted `Vec` would shift on every new key.
    pub authorities: BTreeMap<String, BTreeSet<RollupEntry>>,
    /// Records left out because they were not valid assessments.
    pub invalid: u64,
}

/// One authority's lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AuthorityRollup {
    /// `so_gddt`, `phong_gddt`, `ubnd_xa`, or empty when the school named none.
    pub authority: String,
    /// The authority's administrative unit code (may be empty).
    pub unit: String,
    /// Schools "Đạt".
    pub dat: Vec<RollupEntry>,
    /// Schools "Chưa đạt", with the criteria not met.
    pub chua_dat: Vec<RollupEntry>,
    /// Checklist assessments (no level).
    pub checklist: Vec<RollupEntry>,
    /// School codes with more than one different result for the same year and set.
    pub conflicts: Vec<String>,
}

/// The finished roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rollup {
    /// One block per authority, in key order.
    pub authorities: Vec<AuthorityRollup>,
    /// Records left out because they were not valid assessments.
    pub invalid: u64,
}

impl RollupPartial {
    /// An empty partial.
    ///
    /// # Examples
    ///
    /// ```
    /// let rollup = treem::safe_school::RollupPartial::new().finish();
    /// assert!(rollup.authorities.is_empty());
    /// ```
    pub fn new() -> RollupPartial {
        RollupPartial::default()
    }

    /// Adds one assessment record: checked and scored, and counted as invalid when it has
    /// errors.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::RollupPartial;
    /// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
    ///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
    ///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
    ///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
    ///   "criteria_set_version": "1", "school_year": "2025-2026",
    ///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
    ///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
    ///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
    /// let mut partial = RollupPartial::new();
    /// partial.add(&record, &ctx);
    /// assert_eq!(partial.finish().authorities[0].dat.len(), 1);
    /// ```
    pub fn add(&mut self, record: &serde_json::Value, ctx: &Context) {
        let Ok(draft) = crate::document::draft_of::<AssessmentDraft>(record.clone()) else {
            self.invalid += 1;
            return;
        };
        // Scored and grouped from the checked assessment: its typed authority, unit and school
        // year, read once by the rules. Codes trimmed: the checked record keeps a code as
        // written, and " 31 " is the same unit as "31".
        let Ok((assessment, _warnings)) =
            crate::record::check_draft(&draft, ctx, super::Assessment::read)
        else {
            self.invalid += 1;
            return;
        };
        let score = assessment.score();
        let school = &assessment.school;
        let unit = school
            .authority_unit()
            .map(|unit| unit.code().trim().to_owned())
            .unwrap_or_default();
        let authority = school.managing_authority.map(|a| a.code()).unwrap_or("");
        let (first_year, second_year) = assessment.school_years();
        let entry = RollupEntry {
            school_code: school.code.trim().to_owned(),
            school_year: format!("{first_year}-{second_year}"),
            set_id: score.set_id,
            set_version: score.set_version,
            level: score.level,
            failed_criteria: score.failed,
        };
        self.authorities
            .entry(format!("{authority}:{unit}"))
            .or_default()
            .insert(entry);
    }

    /// Merges `other` into this partial (set union; counts added).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::RollupPartial;
    /// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
    ///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
    ///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
    ///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
    ///   "criteria_set_version": "1", "school_year": "2025-2026",
    ///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
    ///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
    ///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
    /// let (mut a, mut b) = (RollupPartial::new(), RollupPartial::new());
    /// a.add(&record, &ctx);
    /// b.add(&serde_json::json!({}), &ctx);
    /// a.merge(b);
    /// assert_eq!(a.finish().invalid, 1);
    /// ```
    pub fn merge(&mut self, other: RollupPartial) {
        for (key, entries) in other.authorities {
            self.authorities.entry(key).or_default().extend(entries);
        }
        self.invalid += other.invalid;
    }

    /// The lists per authority.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::RollupPartial;
    /// let record = serde_json::json!({"criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
    ///     "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
    ///     "applies_to": ["truong_thcs"], "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
    ///     "completeness": "complete", "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
    ///   "criteria_set_version": "1", "school_year": "2025-2026",
    ///   "school": {"code": "1", "name": "Trường THCS Số 1", "school_type": "truong_thcs",
    ///     "managing_authority": "so_gddt", "address": {"province_code": "31"}},
    ///   "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
    /// let mut partial = RollupPartial::new();
    /// partial.add(&record, &ctx);
    /// let rollup = partial.finish();
    /// assert_eq!((rollup.authorities[0].unit.as_str(), rollup.invalid), ("31", 0));
    /// ```
    pub fn finish(&self) -> Rollup {
        let authorities = self
            .authorities
            .iter()
            .map(|(key, entries)| {
                let (authority, unit) = key.split_once(':').unwrap_or((key.as_str(), ""));
                // Entries come in `RollupEntry` order, whose first fields are this key:
                // each new key goes at the end.
                let mut seen = SortedMap::new();
                for e in entries {
                    *seen
                        .entry((&e.school_code, &e.school_year, &e.set_id))
                        .or_insert(0u32) += 1;
                }
                let conflicts: SortedSet<String> = seen
                    .into_iter()
                    .filter(|(_, n)| *n > 1)
                    .map(|((code, _, _), _)| code.clone())
                    .collect();
                let pick = |level: Option<ResultLevel>| {
                    entries
                        .iter()
                        .filter(|e| e.level == level)
                        .cloned()
                        .collect()
                };
                AuthorityRollup {
                    authority: authority.to_owned(),
                    unit: unit.to_owned(),
                    dat: pick(Some(ResultLevel::Dat)),
                    chua_dat: pick(Some(ResultLevel::ChuaDat)),
                    checklist: pick(None),
                    conflicts: conflicts.into_iter().collect(),
                }
            })
            .collect();
        Rollup {
            authorities,
            invalid: self.invalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment(school_code: &str, commune_code: &str) -> serde_json::Value {
        serde_json::json!({
            "criteria_set": {"id": "truong-x", "version": "1", "title": "Bộ tiêu chí",
                "document": {"number": "01/QĐ-X", "title": "Quyết định", "articles": "Điều 1"},
                "applies_to": ["truong_thcs"],
                "threshold": {"rule": "count", "min_met": 1, "min_mandatory_met": 1},
                "completeness": "complete",
                "criteria": [{"code": "1", "text": "Có nội quy", "mandatory": true}]},
            "criteria_set_version": "1", "school_year": "2025-2026",
            "school": {"code": school_code, "name": "Trường THCS Số 1",
                "school_type": "truong_thcs", "managing_authority": "UBND xã",
                "address": {"province_code": "31", "commune_code": commune_code,
                    "edition": "2025"}},
            "results": [{"criterion": "1", "result": "đạt", "evidence": "Biên bản"}]})
    }

    /// The same school written with and without spaces around its codes is one school of one
    /// commune's People's Committee: the checked assessment's codes are grouped trimmed.
    #[test]
    fn codes_written_with_spaces_group_as_one_school() {
        let ctx = Context::at(chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
        let mut partial = RollupPartial::new();
        partial.add(&assessment("THCS-1", "11311"), &ctx);
        partial.add(&assessment(" THCS-1 ", " 11311 "), &ctx);
        assert_eq!(partial.invalid, 0);
        let keys: Vec<&String> = partial.authorities.keys().collect();
        assert_eq!(keys, ["ubnd_xa:11311"]);
        let entries = partial.authorities.get("ubnd_xa:11311").unwrap();
        assert_eq!(entries.len(), 1);
        let entry = entries.iter().next().unwrap();
        assert_eq!(
            (entry.school_code.as_str(), entry.school_year.as_str()),
            ("THCS-1", "2025-2026")
        );
    }
}
