//! The built-in criteria sets, kept as JSON data files under `crates/treem/data/criteria_sets/`
//! and compiled into the library.
//!
//! Each file cites its document. Only what treem's sources hold is encoded: the official
//! appendices of TT 18/2023, TT 45/2021 and QĐ 548/QĐ-LĐTBXH were not found, so those sets
//! are `thresholds_only`; the elements of NĐ 80/2017 Điều 3–6 are verbatim law and form a
//! `complete` checklist.
//!
//! Each set's pass rule carries the quality of the source it was read in
//! ([`threshold_source`], shown as `threshold_source` in the catalog): none is from the
//! gazette, so a caller's set that differs from one is a warning, not an error.

use std::sync::OnceLock;

use super::criteria::CriteriaSet;

/// The data files, in catalog order.
const FILES: [&str; 5] = [
    include_str!("../../data/criteria_sets/tt18-2023.json"),
    include_str!("../../data/criteria_sets/tt45-2021-truong.json"),
    include_str!("../../data/criteria_sets/tt45-2021-nhom-lop.json"),
    include_str!("../../data/criteria_sets/qd548-2011.json"),
    include_str!("../../data/criteria_sets/nd80-2017.json"),
];

/// Every built-in set. The files are parsed once and kept: read-only data, the same on every
/// call, so this cache changes no answer. A file that failed to parse would be left out; the
/// test `every_file_parses` guards against that.
///
/// # Examples
///
/// ```
/// let ids: Vec<&str> = treem::safe_school::builtin::all().iter().map(|s| s.id.as_str()).collect();
/// assert!(ids.contains(&"tt18-2023"));
/// assert_eq!(ids.len(), 5);
/// ```
pub fn all() -> &'static [CriteriaSet] {
    static SETS: OnceLock<Vec<CriteriaSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|text| serde_json::from_str::<serde_json::Value>(text).ok())
            .filter_map(|value| crate::json::data::FromJson::from_json(&value).ok())
            .collect()
    })
}

/// How good the source of a built-in pass rule is. Only a threshold read in the gazette
/// (Công báo) is enforced as law: a caller's set that differs from any other is a warning
/// naming the source (`criteria_set.threshold_differs_from_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceQuality {
    /// The official gazette (Công báo) or the signed document.
    Gazette,
    /// An official government portal (vbpl.vn, chinhphu.vn, the ministry's site).
    OfficialPortal,
    /// A full Vietnamese text transcribed by a third party (not checked against the gazette).
    Transcription,
    /// A news article quoting or summarising the document.
    News,
    /// An unofficial translation.
    Translation,
}

impl SourceQuality {
    /// Stable code.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::builtin::SourceQuality;
    /// assert_eq!(SourceQuality::OfficialPortal.code(), "official_portal");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            SourceQuality::Gazette => "gazette",
            SourceQuality::OfficialPortal => "official_portal",
            SourceQuality::Transcription => "transcription",
            SourceQuality::News => "news",
            SourceQuality::Translation => "translation",
        }
    }

    /// Vietnamese label.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::builtin::SourceQuality;
    /// assert_eq!(SourceQuality::Gazette.vi(), "Công báo");
    /// ```
    pub const fn vi(self) -> &'static str {
        match self {
            SourceQuality::Gazette => "Công báo",
            SourceQuality::OfficialPortal => "cổng thông tin chính thức",
            SourceQuality::Transcription => "bản chép toàn văn của bên thứ ba",
            SourceQuality::News => "bài báo",
            SourceQuality::Translation => "bản dịch không chính thức",
        }
    }

    /// English label.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::safe_school::builtin::SourceQuality;
    /// assert_eq!(SourceQuality::News.en(), "a news article");
    /// ```
    pub const fn en(self) -> &'static str {
        match self {
            SourceQuality::Gazette => "the official gazette",
            SourceQuality::OfficialPortal => "an official portal",
            SourceQuality::Transcription => "a third-party transcription of the full text",
            SourceQuality::News => "a news article",
            SourceQuality::Translation => "an unofficial translation",
        }
    }
}

/// Where the pass rule of a built-in set was read: its quality and the source named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThresholdSource {
    /// The quality of the source.
    pub quality: SourceQuality,
    /// The source as cited in the set's notes.
    pub source: &'static str,
}

/// The source of each built-in set's pass rule (the notes of each data file say the same).
/// No built-in threshold was read in the gazette.
const THRESHOLD_SOURCES: [(&str, ThresholdSource); 5] = [
    (
        "tt18-2023",
        ThresholdSource {
            quality: SourceQuality::Transcription,
            source: "Thông tư 18/2023/TT-BGDĐT Điều 11 khoản 2 điểm a, toàn văn chép lại trong kho legal-edu-chatbot (GitHub)",
        },
    ),
    (
        "tt45-2021-truong",
        ThresholdSource {
            quality: SourceQuality::Translation,
            source: "Thông tư 45/2021/TT-BGDĐT Điều 8 khoản 2 điểm a, bản dịch tiếng Anh không chính thức (lawnet.vn)",
        },
    ),
    (
        "tt45-2021-nhom-lop",
        ThresholdSource {
            quality: SourceQuality::Translation,
            source: "Thông tư 45/2021/TT-BGDĐT Điều 8 khoản 2 điểm b, bản dịch tiếng Anh không chính thức (lawnet.vn)",
        },
    ),
    (
        "qd548-2011",
        ThresholdSource {
            quality: SourceQuality::News,
            source: "baobariavungtau.com.vn (2021): \"phải đạt 23/33 tiêu chí, trong đó có 15 tiêu chí bắt buộc\"",
        },
    ),
    (
        "nd80-2017",
        ThresholdSource {
            quality: SourceQuality::Transcription,
            source: "Nghị định 80/2017/NĐ-CP Điều 3–6 (không có ngưỡng đạt), toàn văn chép lại trong kho legal-edu-chatbot (GitHub)",
        },
    ),
];

/// The source of the pass rule of the built-in set `id`.
///
/// # Examples
///
/// ```
/// use treem::safe_school::builtin::{threshold_source, SourceQuality};
/// let source = threshold_source("qd548-2011").unwrap();
/// assert_eq!(source.quality, SourceQuality::News);
/// ```
pub fn threshold_source(id: &str) -> Option<ThresholdSource> {
    let id = crate::fields::trim(id);
    THRESHOLD_SOURCES
        .iter()
        .find(|(set, _)| *set == id)
        .map(|(_, source)| *source)
}

/// The built-in set with `id`.
///
/// # Examples
///
/// ```
/// let set = treem::safe_school::builtin::get("tt45-2021-truong").unwrap();
/// assert_eq!(set.id, "tt45-2021-truong");
/// assert!(treem::safe_school::builtin::get("no-such-set").is_none());
/// ```
pub fn get(id: &str) -> Option<&'static CriteriaSet> {
    let id = crate::fields::trim(id);
    all().iter().find(|s| s.id == id)
}

/// Catalog `criteria_sets`: each set with its document, threshold, completeness and criteria.
pub(crate) fn catalog(_ctx: &crate::Context) -> Vec<serde_json::Value> {
    all()
        .iter()
        .map(|set| {
            let mut value = serde_json::to_value(set).unwrap_or_default();
            if let serde_json::Value::Object(map) = &mut value {
                map.insert("code".into(), set.id.clone().into());
                map.insert("label".into(), set.title.clone().into());
                map.insert("source".into(), set.document.number.clone().into());
                if let Some(t) = threshold_source(&set.id) {
                    map.insert(
                        "threshold_source".into(),
                        serde_json::json!({"quality": t.quality.code(), "source": t.source}),
                    );
                }
            }
            value
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_set_names_the_source_of_its_threshold() {
        for set in all() {
            assert!(threshold_source(&set.id).is_some(), "{}", set.id);
        }
    }

    #[test]
    fn every_file_parses() {
        for text in FILES {
            let set: Result<CriteriaSet, _> = serde_json::from_str(text);
            assert!(set.is_ok(), "{:?}", set.err());
        }
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn thresholds_are_those_of_the_documents() {
        use super::super::criteria::Threshold;
        assert_eq!(
            get("tt18-2023").unwrap().threshold,
            Threshold::Percent {
                min_percent: 80,
                all_mandatory: true
            }
        );
        assert_eq!(
            get("tt45-2021-truong").unwrap().threshold,
            Threshold::Count {
                min_met: 40,
                min_mandatory_met: 20
            }
        );
        assert_eq!(
            get("tt45-2021-nhom-lop").unwrap().threshold,
            Threshold::Count {
                min_met: 30,
                min_mandatory_met: 15
            }
        );
        assert_eq!(
            get("qd548-2011").unwrap().threshold,
            Threshold::Count {
                min_met: 23,
                min_mandatory_met: 15
            }
        );
        assert_eq!(get("tt18-2023").unwrap().content_areas.len(), 5);
        assert_eq!(
            get("tt45-2021-truong").unwrap().disqualifying_events.len(),
            3
        );
    }

    #[test]
    fn built_in_sets_pass_their_own_validation() {
        for set in all() {
            let value = serde_json::to_value(set).unwrap();
            let report =
                crate::api::validate("criteria_set", value.to_string().as_bytes(), b"").unwrap();
            assert!(report.issues.is_empty(), "{}: {:?}", set.id, report.issues);
        }
    }
}
