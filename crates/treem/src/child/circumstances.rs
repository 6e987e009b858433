//! Special circumstances (Luật Trẻ em 2016, Điều 10; sub-categories: Nghị định 56/2017/NĐ-CP,
//! Điều 3–16), disability (Luật Người khuyết tật 2010, Điều 3) and monthly social assistance
//! (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1, 2 and 3).

use super::catalog::{
    special_circumstance, DISABILITY_LEVELS, DISABILITY_TYPES, HIV_POOR_HOUSEHOLD,
    SOCIAL_ASSISTANCE_CATEGORIES,
};
use super::dates::Dates;
use super::draft::{AssistanceDraft, CircumstanceDraft, DisabilityDraft};
use super::read;
use crate::fields::typed;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The sub-category is not a khoản of the group's article in Nghị định 56/2017/NĐ-CP
    /// (or the group, Điều 7 or Điều 11, has no sub-categories).
    CHILD_SUB_CATEGORY_NOT_IN_GROUP = "child.sub_category_not_in_group", Error, "child.special_circumstances",
        "Nghị định 56/2017/NĐ-CP, Điều 3–16",
        "Nhóm {letter} (Nghị định 56/2017/NĐ-CP, Điều {article}) có {count} tiểu nhóm; không có tiểu nhóm {sub_category}",
        "Group {letter} (Decree 56/2017/ND-CP, Article {article}) has {count} sub-categories; there is no sub-category {sub_category}";
    /// The same group is listed twice.
    CHILD_CIRCUMSTANCE_REPEATED = "child.circumstance_repeated", Warning, "child.special_circumstances", "treem",
        "Nhóm hoàn cảnh đặc biệt này đã có ở mục {other}",
        "This group of special circumstances is already listed at entry {other}";
    /// A disability level without a type of disability.
    CHILD_DISABILITY_LEVEL_WITHOUT_TYPE = "child.disability_level_without_type", Error, "child.disability",
        "Luật Người khuyết tật 2010, Điều 3",
        "Có mức độ khuyết tật nhưng chưa ghi dạng tật",
        "A disability level is given without a type of disability";
    /// The sub-category of group d (children with disabilities) disagrees with the recorded
    /// level: sub-categories 1–3 of Nghị định 56/2017/NĐ-CP, Điều 6 are the three levels.
    CHILD_DISABILITY_LEVEL_MISMATCH = "child.disability_level_mismatch", Error, "child.disability",
        "Nghị định 56/2017/NĐ-CP, Điều 6; Luật Người khuyết tật 2010, Điều 3 khoản 2",
        "Tiểu nhóm trẻ em khuyết tật không khớp với mức độ khuyết tật đã ghi ({level_vi})",
        "The disabled-children sub-category disagrees with the recorded disability level ({level_en})";
    /// The child is in the group of children with disabilities but no disability is recorded.
    CHILD_DISABILITY_MISSING = "child.disability_missing", Warning, "child.disability",
        "Luật Trẻ em 2016, Điều 10 khoản 1 điểm d",
        "Trẻ thuộc nhóm trẻ em khuyết tật nhưng chưa ghi dạng tật",
        "The child is in the group of children with disabilities but no type of disability is recorded";
    /// Monthly assistance under khoản 1 is for children under 16; it continues past 16 only
    /// while studying (khoản 2: "Người thuộc diện quy định tại khoản 1 Điều này đang hưởng trợ
    /// cấp xã hội hàng tháng mà đủ 16 tuổi nhưng đang học văn hóa, học nghề, trung học chuyên
    /// nghiệp, cao đẳng, đại học văn bằng thứ nhất thì tiếp tục được hưởng chính sách trợ giúp
    /// xã hội cho đến khi kết thúc học, nhưng tối đa không quá 22 tuổi"). Raised for a
    /// beneficiary of 16 or more with neither `studying: true` nor a `schooling` of the current
    /// school year.
    CHILD_ASSISTANCE_AGE = "child.assistance_age", Warning, "child.social_assistance",
        "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 và khoản 2",
        "Trợ cấp theo khoản 1 dành cho trẻ em dưới 16 tuổi; từ đủ 16 tuổi chỉ tiếp tục khi đang đi học (khoản 2)",
        "Assistance under clause 1 is for children under 16; from 16 it continues only while studying (clause 2)";
    /// A beneficiary under khoản 1 who is 22 or older: khoản 2 continues the assistance while
    /// studying "nhưng tối đa không quá 22 tuổi". Our reading: no longer from the 22nd
    /// birthday (a warning: "không quá 22 tuổi" could also be read as up to the 23rd).
    CHILD_ASSISTANCE_PAST_22 = "child.assistance_past_22", Warning, "child.social_assistance",
        "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2 (\"cho đến khi kết thúc học, nhưng tối đa không quá 22 tuổi\")",
        "Người hưởng theo khoản 1 đã đủ {age} tuổi: trợ cấp khi đang đi học tối đa không quá 22 tuổi (khoản 2)",
        "The beneficiary under clause 1 is {age}: assistance while studying lasts at most to age 22 (clause 2)";
    /// A beneficiary under khoản 3 ("Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo") who is 16 or
    /// older: "trẻ em" is a person under 16 (Luật Trẻ em 2016, Điều 1), Điều 6 gives khoản 3
    /// its coefficients only "từ đủ 4 tuổi đến dưới 16 tuổi", and khoản 2's continuation
    /// while studying is for "Người thuộc diện quy định tại khoản 1" only.
    CHILD_ASSISTANCE_HIV_AGE = "child.assistance_hiv_age", Warning, "child.social_assistance",
        "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3 (\"Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo\"), khoản 2 (chỉ cho khoản 1), Điều 6 khoản 1 điểm c; Luật Trẻ em 2016, Điều 1",
        "Trợ cấp theo khoản 3 dành cho trẻ em (dưới 16 tuổi) nhiễm HIV/AIDS thuộc hộ nghèo; việc tiếp tục hưởng khi đi học (khoản 2) chỉ áp dụng cho khoản 1",
        "Assistance under clause 3 is for children (under 16) with HIV/AIDS in poor households; the continuation while studying (clause 2) is for clause 1 only";
}

/// What the other rules need from this part of the record.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Findings {
    /// The child is recorded as orphaned of both parents (group a, or assistance category b).
    pub(crate) orphan_both: bool,
    /// Group c (trẻ em không nơi nương tựa) with a valid sub-category: the entry's index in
    /// `special_circumstances` and the sub-category (khoản of Nghị định 56/2017/NĐ-CP, Điều 5).
    pub(crate) without_support: Option<(usize, i64)>,
}

/// Checks the list of special circumstances.
pub(crate) fn check_circumstances(
    items: &[crate::json::Field<CircumstanceDraft>],
    disability: Option<&DisabilityDraft>,
    dates: &mut Dates,
    at: &Location<'_>,
    findings: &mut Findings,
    sink: &mut IssueSink,
) {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let here = at.index(index);
        let Some(item) = read::object(item, &here, sink) else {
            continue;
        };
        let group_at = here.key("group");
        let group = match read::text(&item.group, &group_at, sink) {
            Some(text) => {
                let group = special_circumstance(text);
                if group.is_none() {
                    sink.push(
                        &read::CHILD_CODE_UNKNOWN,
                        &group_at,
                        [("catalog", "special_circumstances".into())],
                    );
                }
                group
            }
            None => None,
        };
        let sub_at = here.key("sub_category");
        let sub = typed(&item.sub_category, &sub_at, "integer", sink).copied();
        let date_at = here.key("identified_on");
        if let Some(date) = read::date(&item.identified_on, &date_at, sink) {
            dates.event(date, &date_at, sink);
        }
        crate::fields::unknown_fields(&item.unknown, &here, sink);
        let Some(group) = group else { continue };
        if let Some(&(_, first)) = seen.iter().find(|(code, _)| *code == group.entry.code) {
            sink.push(
                &CHILD_CIRCUMSTANCE_REPEATED,
                &group_at,
                [("other", (first + 1).into())],
            );
        } else {
            seen.push((group.entry.code, index));
        }
        if group.entry.code == "orphan_both_parents" {
            findings.orphan_both = true;
        }
        if let Some(sub) = sub {
            if group.sub_category(sub).is_none() {
                sink.push(
                    &CHILD_SUB_CATEGORY_NOT_IN_GROUP,
                    &sub_at,
                    [
                        ("letter", group.letter.into()),
                        ("article", group.decree_article.into()),
                        ("count", group.sub_categories.len().into()),
                        ("sub_category", sub.into()),
                    ],
                );
            } else if group.entry.code == "disabled" {
                check_disability_sub(sub, disability, &sub_at, sink);
            } else if group.entry.code == "without_support" && findings.without_support.is_none() {
                findings.without_support = Some((index, sub));
            }
        }
        if group.entry.code == "disabled" && !disability.is_some_and(has_types) {
            sink.push(&CHILD_DISABILITY_MISSING, &group_at, []);
        }
    }
}

fn has_types(disability: &DisabilityDraft) -> bool {
    disability.types.value().is_some_and(|t| !t.is_empty())
}

/// Sub-category n of Nghị định 56/2017/NĐ-CP, Điều 6 is level n of Luật Người khuyết tật, Điều 3 khoản 2.
fn check_disability_sub(
    sub: i64,
    disability: Option<&DisabilityDraft>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let Some(level) = disability
        .and_then(|d| d.level.value())
        .and_then(|text| crate::code_list::lookup(DISABILITY_LEVELS, text))
    else {
        return;
    };
    let position = DISABILITY_LEVELS.iter().position(|e| e.code == level.code);
    if position.and_then(|p| i64::try_from(p + 1).ok()) != Some(sub) {
        sink.push(
            &CHILD_DISABILITY_LEVEL_MISMATCH,
            at,
            [("level_vi", level.vi.into()), ("level_en", level.en.into())],
        );
    }
}

/// Checks the disability members: known types and level; a level needs a type.
pub(crate) fn check_disability(
    disability: &DisabilityDraft,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let types_at = at.key("types");
    if let Some(types) = typed(&disability.types, &types_at, "array", sink) {
        for (i, item) in types.iter().enumerate() {
            read::code(
                item,
                &types_at.index(i),
                DISABILITY_TYPES,
                "disability_types",
                sink,
            );
        }
    }
    let level_at = at.key("level");
    let level = read::code(
        &disability.level,
        &level_at,
        DISABILITY_LEVELS,
        "disability_levels",
        sink,
    );
    // A types member of the wrong type is reported there; only a missing or empty list
    // leaves the level without a type.
    let no_types =
        disability.types.is_missing() || disability.types.value().is_some_and(Vec::is_empty);
    if level.is_some() && no_types {
        sink.push(&CHILD_DISABILITY_LEVEL_WITHOUT_TYPE, &level_at, []);
    }
    crate::fields::unknown_fields(&disability.unknown, at, sink);
}

/// Checks the social assistance members and the age limits: under 16 for khoản 1, to the end
/// of study but at most 22 while studying (khoản 2, `in_school` or `studying: true`), under 16
/// for khoản 3 (Nghị định 20/2021/NĐ-CP, Điều 5).
pub(crate) fn check_assistance(
    assistance: &AssistanceDraft,
    in_school: bool,
    dates: &mut Dates,
    at: &Location<'_>,
    findings: &mut Findings,
    sink: &mut IssueSink,
) {
    let category_at = at.key("category");
    let category = read::code(
        &assistance.category,
        &category_at,
        SOCIAL_ASSISTANCE_CATEGORIES,
        "social_assistance_categories",
        sink,
    );
    let since_at = at.key("since");
    if let Some(date) = read::date(&assistance.since, &since_at, sink) {
        dates.event(date, &since_at, sink);
    }
    let studying = typed(&assistance.studying, &at.key("studying"), "boolean", sink)
        .copied()
        .unwrap_or(false)
        || in_school;
    crate::fields::unknown_fields(&assistance.unknown, at, sink);
    let Some(category) = category else { return };
    if category.code == "orphan_both_parents" {
        findings.orphan_both = true;
    }
    let (Some(birth), Some(as_of)) = (dates.birth, dates.as_of) else {
        return;
    };
    let Some(age) = crate::vn::date::age_on(birth, as_of) else {
        return;
    };
    if age < super::identity::CHILD_AGE_LIMIT {
        return;
    }
    if category.code == HIV_POOR_HOUSEHOLD {
        sink.push(&CHILD_ASSISTANCE_HIV_AGE, &category_at, []);
    } else if age >= ASSISTANCE_STUDY_AGE_LIMIT {
        sink.push(
            &CHILD_ASSISTANCE_PAST_22,
            &category_at,
            [("age", age.into())],
        );
    } else if !studying {
        sink.push(&CHILD_ASSISTANCE_AGE, &category_at, []);
    }
}

/// The age at which assistance continued while studying ends: "tối đa không quá 22 tuổi"
/// (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2), read as the 22nd birthday.
const ASSISTANCE_STUDY_AGE_LIMIT: u32 = 22;
