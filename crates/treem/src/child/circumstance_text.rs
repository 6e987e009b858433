//! Special circumstances written as text, as officers keep them in a spreadsheet column
//! ("Hoàn cảnh đặc biệt": `Mồ côi cả cha và mẹ; Khuyết tật`), read into the group codes of
//! Luật Trẻ em 2016, Điều 10 khoản 1 (parser `special_circumstances`).
//!
//! A cell may name several groups, separated by `;`, line breaks or commas. A part is read
//! when, folded (no diacritics, lower case, punctuation as spaces, without a leading "trẻ
//! em"), it is a group's code, letter or label in the law's wording, or contains one of the
//! short forms below. The short forms are treem's reading of how officers write the groups,
//! not the law's text; each holds the words that name only its group. A part that names no
//! group is an issue at the text, never dropped: "mồ côi cha" alone is not a group of Điều
//! 10 (whether the child is without support depends on the other parent, Nghị định
//! 56/2017/NĐ-CP, Điều 5), so it is reported, not guessed.

use serde_json::{json, Value};

use super::catalog::{special_circumstance, SPECIAL_CIRCUMSTANCES};
use crate::report::{IssueSink, Location};

crate::codes! {
    /// A part of the text names no group of special circumstances.
    CHILD_CIRCUMSTANCE_TEXT_UNKNOWN = "child.circumstance_text_unknown", Error, "child.special_circumstances",
        "Luật Trẻ em 2016, Điều 10 khoản 1",
        "“{text}” không ứng với nhóm hoàn cảnh đặc biệt nào (Luật Trẻ em, Điều 10): hãy ghi tên nhóm, ví dụ “Trẻ em mồ côi cả cha và mẹ”",
        "“{text}” names no group of special circumstances (Law on Children, Article 10): write the group, e.g. “Children orphaned of both parents”";
}

/// Short forms officers write, folded, by group code (treem's reading; see the module docs).
const SHORT_FORMS: &[(&str, &[&str])] = &[
    (
        "orphan_both_parents",
        &[
            "mo coi ca cha va me",
            "mo coi ca cha lan me",
            "mo coi ca cha me",
        ],
    ),
    ("abandoned", &["bo roi"]),
    ("without_support", &["khong noi nuong tua"]),
    ("disabled", &["khuyet tat"]),
    ("hiv_aids", &["hiv", "aids"]),
    ("in_conflict_with_law", &["vi pham phap luat"]),
    ("drug_addicted", &["nghien ma tuy"]),
    (
        "dropped_out_to_work",
        &["bo hoc kiem song", "bo hoc di lam", "bo hoc lao dong"],
    ),
    (
        "seriously_harmed_by_violence",
        &["ton hai nghiem trong", "bi bao luc"],
    ),
    ("exploited", &["boc lot"]),
    ("sexually_abused", &["xam hai tinh duc"]),
    ("trafficked", &["bi mua ban", "bi buon ban"]),
    (
        "serious_illness_poor_household",
        &["benh hiem ngheo", "dieu tri dai ngay"],
    ),
    (
        "migrant_or_refugee_unaccompanied",
        &["di cu", "lanh nan", "ti nan"],
    ),
];

/// How much of a part an issue quotes.
const SHOWN: usize = 60;

/// One piece of the text (between separators) and the groups it names (none: unread).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'t> {
    /// The piece as written, trimmed.
    pub text: &'t str,
    /// The groups it names, in the order written.
    pub groups: Vec<&'static str>,
}

/// The pieces of `text` with the groups each names.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// let pieces = treem::child::circumstance_text::pieces("Mồ côi cả cha và mẹ; mồ côi cha");
/// assert_eq!(pieces[0].groups, ["orphan_both_parents"]);
/// assert_eq!(pieces[1].text, "mồ côi cha");
/// assert!(pieces[1].groups.is_empty());
/// # }
/// ```
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for part in text.split([';', '\n', '\r']) {
        if part.trim().is_empty() {
            continue;
        }
        // The law's own labels hold commas ("Trẻ em di cư, trẻ em lánh nạn, tị nạn ..."): a
        // part that is a label is read whole; any other part comma by comma.
        match by_name(part) {
            Some(group) => out.push(Piece {
                text: part.trim(),
                groups: vec![group],
            }),
            None => out.extend(
                part.split(',')
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| Piece {
                        text: p.trim(),
                        groups: groups_of(p),
                    }),
            ),
        }
    }
    out
}

/// The groups `text` names, in the order written and each once; every piece that names none
/// is reported at `at`.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// use treem::report::{IssueSink, Location};
/// let mut sink = IssueSink::new(treem::Lang::Vi);
/// let groups = treem::child::circumstance_text::read("Bị bỏ rơi; mồ côi cha", &Location::root(), &mut sink);
/// assert_eq!(groups, ["abandoned"]);
/// assert_eq!(sink.len(), 1);
/// # }
/// ```
pub fn read(text: &str, at: &Location<'_>, sink: &mut IssueSink) -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for piece in pieces(text) {
        if piece.groups.is_empty() {
            sink.push(
                &CHILD_CIRCUMSTANCE_TEXT_UNKNOWN,
                at,
                [("text", crate::privacy::truncate(piece.text, SHOWN).into())],
            );
        }
        for group in piece.groups {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    groups
}

/// The group a part names by its code, letter or label (the law's wording, with or without
/// the leading "trẻ em").
fn by_name(part: &str) -> Option<&'static str> {
    if let Some(group) = special_circumstance(part.trim()) {
        return Some(group.entry.code);
    }
    let folded = crate::vn::admin::fold(part);
    let bare = without_tre_em(&folded);
    if bare.is_empty() {
        return None;
    }
    SPECIAL_CIRCUMSTANCES
        .iter()
        .find(|g| without_tre_em(&crate::vn::admin::fold(g.entry.vi)) == bare)
        .map(|g| g.entry.code)
}

fn without_tre_em(folded: &str) -> &str {
    folded
        .strip_prefix("tre em ")
        .or_else(|| folded.strip_prefix("tre "))
        .unwrap_or(folded)
}

/// The groups one piece names: by name, else by the short forms it contains, in the order
/// they are written.
fn groups_of(piece: &str) -> Vec<&'static str> {
    if let Some(group) = by_name(piece) {
        return vec![group];
    }
    let padded = format!(" {} ", crate::vn::admin::fold(piece));
    let mut found: Vec<(usize, &'static str)> = SHORT_FORMS
        .iter()
        .filter_map(|(code, forms)| {
            forms
                .iter()
                .filter_map(|f| padded.find(&format!(" {f} ")))
                .min()
                .map(|at| (at, *code))
        })
        .collect();
    crate::sorting::sort_by(&mut found, |a, b| a.cmp(b));
    found.into_iter().map(|(_, code)| code).collect()
}

/// The `special_circumstances` parser: the groups as the list a child record holds
/// (`[{"group": "orphan_both_parents"}, ...]`), or `None` when a part names no group.
pub(crate) fn parse(text: &str, _ctx: &crate::Context, sink: &mut IssueSink) -> Option<Value> {
    let before = sink.len();
    let groups = read(text, &Location::root(), sink);
    if sink.len() > before {
        return None;
    }
    if groups.is_empty() {
        sink.push(
            &CHILD_CIRCUMSTANCE_TEXT_UNKNOWN,
            &Location::root(),
            [("text", crate::privacy::truncate(text.trim(), SHOWN).into())],
        );
        return None;
    }
    Some(Value::Array(
        groups.into_iter().map(|g| json!({ "group": g })).collect(),
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::Lang;

    fn groups(text: &str) -> (Vec<&'static str>, Vec<String>) {
        let mut sink = IssueSink::new(Lang::Vi);
        let found = read(text, &Location::root(), &mut sink);
        let texts = sink
            .into_issues()
            .into_iter()
            .map(|i| i.params["text"].as_str().unwrap().to_owned())
            .collect();
        (found, texts)
    }

    #[test]
    fn the_law_s_wording_and_short_forms_name_their_groups() {
        assert_eq!(
            groups("Mồ côi cả cha và mẹ; Khuyết tật"),
            (vec!["orphan_both_parents", "disabled"], vec![])
        );
        assert_eq!(
            groups("Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc"),
            (vec!["migrant_or_refugee_unaccompanied"], vec![])
        );
        assert_eq!(
            groups("khuyết tật vận động, bị bỏ rơi\nNHIỄM HIV"),
            (vec!["disabled", "abandoned", "hiv_aids"], vec![])
        );
        assert_eq!(
            groups("a; đ; disabled"),
            (vec!["orphan_both_parents", "hiv_aids", "disabled"], vec![])
        );
        assert_eq!(groups("Khuyết tật; khuyết tật"), (vec!["disabled"], vec![]));
        // Every group's own label names it.
        for g in SPECIAL_CIRCUMSTANCES {
            assert_eq!(groups(g.entry.vi).0, vec![g.entry.code], "{}", g.entry.vi);
        }
    }

    #[test]
    fn a_part_that_names_no_group_is_reported_not_dropped() {
        assert_eq!(
            groups("Mồ côi cha; Khuyết tật, hộ nghèo"),
            (
                vec!["disabled"],
                vec!["Mồ côi cha".to_owned(), "hộ nghèo".to_owned()]
            )
        );
        let mut sink = IssueSink::new(Lang::En);
        assert_eq!(
            parse("Mồ côi mẹ", &crate::Context::default(), &mut sink),
            None
        );
        assert_eq!(sink.len(), 1);
        let mut sink = IssueSink::new(Lang::En);
        assert_eq!(
            parse(
                "bị xâm hại tình dục; bị mua bán",
                &crate::Context::default(),
                &mut sink
            ),
            Some(json!([{"group": "sexually_abused"}, {"group": "trafficked"}]))
        );
    }
}
