//! Scoring a self-assessment against its criteria set.
//!
//! - Percent rule (TT 18/2023/TT-BGDĐT Điều 11 khoản 2 điểm a): "Đạt" when at least
//!   `min_percent` % of the criteria are met, with 100 % of the mandatory ones met. The text
//!   counts "tiêu chí được đánh giá"; a criterion answered "không áp dụng" (only allowed where
//!   the set marks it conditional, as the "(nếu có)" contents of the appendix) is left out of
//!   the denominator, since it was not assessed. An unanswered criterion counts as not met.
//!   "At least 80 %" is compared exactly in integers: `met × 100 ≥ 80 × applicable`.
//! - Count rule (TT 45/2021/TT-BGDĐT Điều 8 khoản 2; QĐ 548/QĐ-LĐTBXH): "Đạt" when at least
//!   `min_met` criteria are met, of which at least `min_mandatory_met` mandatory. The count is
//!   absolute, so "không áp dụng" simply does not count as met.
//! - A disqualifying event of the set (TT 45/2021 Điều 8 khoản 1; QĐ 548: no child injured at
//!   home that year) makes the result "Chưa đạt" whatever the counts.
//! - A checklist (NĐ 80/2017) has no pass rule: the counts are returned, no level.

use crate::sorted_map::SortedMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::criteria::{CriteriaSet, Threshold};

/// The answer given for one criterion.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Đạt.
    Dat,
    /// Chưa đạt.
    ChuaDat,
    /// Không áp dụng.
    KhongApDung,
}

impl Outcome {
    /// Reads `dat`, `chua_dat`, `khong_ap_dung` or the Vietnamese words (any case).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::score::Outcome;
    /// assert_eq!(Outcome::parse("chua_dat"), Some(Outcome::ChuaDat));
    /// assert_eq!(Outcome::parse("Đạt"), Some(Outcome::Dat));
    /// assert_eq!(Outcome::parse("maybe"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Outcome> {
        // A code as written (what forms send), without folding it: the same answer.
        match text {
            "dat" => return Some(Outcome::Dat),
            "chua_dat" => return Some(Outcome::ChuaDat),
            "khong_ap_dung" => return Some(Outcome::KhongApDung),
            _ => {}
        }
        match crate::code_list::fold(text).as_str() {
            "dat" | "đạt" => Some(Outcome::Dat),
            "chua_dat" | "chưa đạt" => Some(Outcome::ChuaDat),
            "khong_ap_dung" | "không áp dụng" => Some(Outcome::KhongApDung),
            _ => None,
        }
    }

    /// The stable code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::safe_school::score::Outcome::KhongApDung.code(), "khong_ap_dung");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Outcome::Dat => "dat",
            Outcome::ChuaDat => "chua_dat",
            Outcome::KhongApDung => "khong_ap_dung",
        }
    }
}

/// The level of the result (TT 18/2023 Điều 11 khoản 2: "theo 2 mức").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    JsonSchema,
    treem_derive::Data,
)]
#[serde(rename_all = "snake_case")]
pub enum ResultLevel {
    /// Chưa đạt.
    ChuaDat,
    /// Đạt.
    Dat,
}

/// Why the level is what it is. Every reason that applies is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The share of criteria met reached the minimum.
    PercentReached {
        /// Criteria met.
        met: u32,
        /// Criteria assessed (answered "không áp dụng" left out).
        applicable: u32,
        /// The minimum, in percent.
        min_percent: u32,
    },
    /// The share of criteria met is below the minimum.
    PercentBelow {
        /// Criteria met.
        met: u32,
        /// Criteria assessed.
        applicable: u32,
        /// The minimum, in percent.
        min_percent: u32,
    },
    /// Some mandatory criteria are not met (all must be).
    MandatoryNotMet {
        /// Their codes, in set order.
        criteria: Vec<String>,
    },
    /// The number of criteria met reached the minimum, mandatory ones included.
    CountReached {
        /// Criteria met.
        met: u32,
        /// Mandatory criteria met.
        mandatory_met: u32,
    },
    /// Fewer criteria met than the minimum.
    CountBelow {
        /// Criteria met.
        met: u32,
        /// The minimum.
        min_met: u32,
    },
    /// Fewer mandatory criteria met than the minimum.
    MandatoryCountBelow {
        /// Mandatory criteria met.
        mandatory_met: u32,
        /// The minimum.
        min_mandatory_met: u32,
    },
    /// A disqualifying event happened during the year.
    DisqualifyingEvent {
        /// The event's code.
        event: String,
    },
    /// The set is a checklist without a pass rule.
    Checklist,
}

/// The score of one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Score {
    /// The set's id.
    pub set_id: String,
    /// The set's version.
    pub set_version: String,
    /// Đạt or Chưa đạt; `None` for a checklist.
    pub level: Option<ResultLevel>,
    /// Criteria answered "đạt".
    pub met: u32,
    /// Criteria answered "chưa đạt".
    pub not_met: u32,
    /// Criteria answered "không áp dụng".
    pub not_applicable: u32,
    /// Criteria of the set with no answer (counted as not met).
    pub unanswered: u32,
    /// Mandatory criteria in the set.
    pub mandatory_total: u32,
    /// Mandatory criteria met.
    pub mandatory_met: u32,
    /// Criteria not met (answered "chưa đạt" or unanswered), in set order.
    pub failed: Vec<String>,
    /// The reasons for the level.
    pub reasons: Vec<Reason>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Scores `answers` (criterion code → outcome; codes not in the set are ignored) and the
/// disqualifying `events` that happened, against `set`.
///
/// # Examples
///
/// ```
/// use treem::safe_school::{builtin, score, score::Outcome};
/// let set = builtin::get("nd80-2017").unwrap();
/// let answers = [("3.1".to_string(), Outcome::Dat)].into_iter().collect();
/// let result = score(set, &answers, &[]);
/// assert_eq!((result.met, result.unanswered), (1, 22));
/// ```
pub fn score(set: &CriteriaSet, answers: &SortedMap<String, Outcome>, events: &[String]) -> Score {
    let mut met = 0usize;
    let mut not_met = 0usize;
    let mut not_applicable = 0usize;
    let mut unanswered = 0usize;
    let mut mandatory_met = 0usize;
    let mut failed = Vec::new();
    let mut failed_mandatory = Vec::new();
    for criterion in &set.criteria {
        match answers.get(&criterion.code) {
            Some(Outcome::Dat) => {
                met += 1;
                if criterion.mandatory {
                    mandatory_met += 1;
                }
            }
            Some(Outcome::KhongApDung) => not_applicable += 1,
            other => {
                if other.is_some() {
                    not_met += 1;
                } else {
                    unanswered += 1;
                }
                failed.push(criterion.code.clone());
                if criterion.mandatory {
                    failed_mandatory.push(criterion.code.clone());
                }
            }
        }
    }
    let mut reasons = Vec::new();
    let mut pass = match set.threshold {
        Threshold::Percent {
            min_percent,
            all_mandatory,
        } => {
            let applicable = met + not_met + unanswered;
            let enough = applicable > 0 && met * 100 >= min_percent as usize * applicable;
            let (met, applicable) = (count(met), count(applicable));
            reasons.push(if enough {
                Reason::PercentReached {
                    met,
                    applicable,
                    min_percent,
                }
            } else {
                Reason::PercentBelow {
                    met,
                    applicable,
                    min_percent,
                }
            });
            let mandatory_ok = !all_mandatory || failed_mandatory.is_empty();
            if !mandatory_ok {
                reasons.push(Reason::MandatoryNotMet {
                    criteria: failed_mandatory,
                });
            }
            Some(enough && mandatory_ok)
        }
        Threshold::Count {
            min_met,
            min_mandatory_met,
        } => {
            let count_ok = met >= min_met as usize;
            let mandatory_ok = mandatory_met >= min_mandatory_met as usize;
            if !count_ok {
                reasons.push(Reason::CountBelow {
                    met: count(met),
                    min_met,
                });
            }
            if !mandatory_ok {
                reasons.push(Reason::MandatoryCountBelow {
                    mandatory_met: count(mandatory_met),
                    min_mandatory_met,
                });
            }
            if count_ok && mandatory_ok {
                reasons.push(Reason::CountReached {
                    met: count(met),
                    mandatory_met: count(mandatory_met),
                });
            }
            Some(count_ok && mandatory_ok)
        }
        Threshold::Checklist => {
            reasons.push(Reason::Checklist);
            None
        }
    };
    for event in &set.disqualifying_events {
        if events.iter().any(|e| e == &event.code) {
            reasons.push(Reason::DisqualifyingEvent {
                event: event.code.clone(),
            });
            pass = pass.map(|_| false);
        }
    }
    Score {
        set_id: set.id.clone(),
        set_version: set.version.clone(),
        level: pass.map(|p| {
            if p {
                ResultLevel::Dat
            } else {
                ResultLevel::ChuaDat
            }
        }),
        met: count(met),
        not_met: count(not_met),
        not_applicable: count(not_applicable),
        unanswered: count(unanswered),
        mandatory_total: count(set.mandatory_count()),
        mandatory_met: count(mandatory_met),
        failed,
        reasons,
    }
}
