//! The built-in criteria sets, kept as JSON data files under `crates/treem/data/criteria_sets/`
//! and compiled into the library.
//!
//! Each file cites its document. Only what treem's sources hold is encoded: the official
//! appendices of TT 18/2023, TT 45/2021 and QĐ 548/QĐ-LĐTBXH were not found, so those sets
//! are `thresholds_only`; the elements of NĐ 80/2017 Điều 3–6 are verbatim law and form a
//! `complete` checklist.

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

/// The built-in set with `id`.
pub fn get(id: &str) -> Option<&'static CriteriaSet> {
    all().iter().find(|s| s.id == id.trim())
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
