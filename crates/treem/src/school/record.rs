//! The school record itself (kind `school`): its draft, rules and normalisation; re-exported
//! by [`crate::school`], whose documentation lists the rules and their sources.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::address;
use super::types::{self, Authority, Level, LevelRule, Ownership, SchoolType};
use crate::context::{Context, EDITION_2025_START};
use crate::fields::{required_text, typed, unknown_fields, CONTEXT_AS_OF_MISSING};
use crate::json::Field;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The school type is not one of the catalog `school_types`.
    SCHOOL_TYPE_UNKNOWN = "school.type_unknown", Error, "school.type",
        "Luật Giáo dục 2019, Điều 26; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2",
        "Loại hình trường không có trong danh mục school_types",
        "School type not in the catalog school_types";
    /// A level is not one of the catalog `school_levels`.
    SCHOOL_LEVEL_UNKNOWN = "school.level_unknown", Error, "school.levels",
        "Luật Giáo dục 2019, Điều 6 khoản 2",
        "Cấp học không có trong danh mục school_levels",
        "Level not in the catalog school_levels";
    /// A level the school type does not teach, or a missing level the type requires.
    SCHOOL_LEVEL_TYPE_MISMATCH = "school.level_type_mismatch", Error, "school.levels",
        "Luật Giáo dục 2019, Điều 26, Điều 28 khoản 1; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2",
        "Cấp học {level} không phù hợp với loại hình {school_type}",
        "Level {level} does not fit the school type {school_type}";
    /// Fewer levels than the type needs (a trường phổ thông có nhiều cấp học has at least two).
    SCHOOL_TOO_FEW_LEVELS = "school.too_few_levels", Error, "school.levels",
        "Luật Giáo dục 2019, Điều 33 khoản 4; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2",
        "Loại hình {school_type} phải có ít nhất {min} cấp học",
        "School type {school_type} needs at least {min} levels";
    /// A grade outside 1–12.
    SCHOOL_GRADE_OUT_OF_RANGE = "school.grade_out_of_range", Error, "school.grades",
        "Luật Giáo dục 2019, Điều 28 khoản 1",
        "Lớp {grade} không tồn tại (lớp 1 đến lớp 12)",
        "Grade {grade} does not exist (grades 1 to 12)";
    /// A grade that belongs to none of the school's levels.
    SCHOOL_GRADE_LEVEL_MISMATCH = "school.grade_level_mismatch", Error, "school.grades",
        "Luật Giáo dục 2019, Điều 28 khoản 1",
        "Lớp {grade} không thuộc cấp học nào của trường",
        "Grade {grade} belongs to none of the school's levels";
    /// A level of the school with none of its grades listed.
    SCHOOL_LEVEL_WITHOUT_GRADES = "school.level_without_grades", Warning, "school.grades",
        "Luật Giáo dục 2019, Điều 28 khoản 1",
        "Cấp học {level} không có lớp nào trong danh sách lớp",
        "Level {level} has none of its grades listed";
    /// The grade list repeats a grade.
    SCHOOL_GRADE_DUPLICATE = "school.grade_duplicate", Warning, "school.grades", "treem",
        "Lớp {grade} được ghi hai lần",
        "Grade {grade} is listed twice";
    /// Ownership is not công lập, dân lập or tư thục.
    SCHOOL_OWNERSHIP_UNKNOWN = "school.ownership_unknown", Error, "school.ownership",
        "Nghị quyết 217/2025/QH15 (công lập; dân lập, tư thục)",
        "Loại hình sở hữu phải là công lập, dân lập hoặc tư thục",
        "Ownership must be công lập, dân lập or tư thục";
    /// The managing authority is not one of Sở GD&ĐT, Phòng GD&ĐT, UBND cấp xã.
    SCHOOL_AUTHORITY_UNKNOWN = "school.authority_unknown", Error, "school.authority",
        "Thông tư 18/2023/TT-BGDĐT, Điều 12",
        "Cơ quan quản lý phải là so_gddt, phong_gddt hoặc ubnd_xa",
        "Managing authority must be so_gddt, phong_gddt or ubnd_xa";
    /// A Phòng GD&ĐT named as managing authority on or after 1 July 2025.
    SCHOOL_AUTHORITY_ABOLISHED = "school.authority_abolished", Error, "school.authority",
        "Nghị quyết 202/2025/QH15; Luật 72/2025/QH15 (bỏ cấp huyện từ 01/7/2025); Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 3",
        "Từ ngày 01/7/2025 không còn cấp huyện nên không còn Phòng GD&ĐT (ngày tính {as_of})",
        "From 1 July 2025 there is no district level, hence no Phòng GD&ĐT (as of {as_of})";
    /// A commune People's Committee named as managing authority before 1 July 2025.
    SCHOOL_AUTHORITY_BEFORE_REFORM = "school.authority_before_reform", Warning, "school.authority",
        "Nghị quyết 202/2025/QH15 (chính quyền hai cấp từ 01/7/2025); phân cấp trước đó chưa được kiểm chứng",
        "Trước ngày 01/7/2025 trường thường do Phòng hoặc Sở GD&ĐT quản lý (ngày tính {as_of}); cần kiểm tra",
        "Before 1 July 2025 schools were usually managed by a Phòng or Sở GD&ĐT (as of {as_of}); worth a check";
    /// An authority that does not usually manage this level (THPT or GDTX under a district or
    /// commune body). Phân cấp quản lý is not in treem's sources: a warning only.
    SCHOOL_AUTHORITY_UNUSUAL_FOR_LEVEL = "school.authority_unusual_for_level", Warning, "school.authority",
        "chưa kiểm chứng (phân cấp quản lý giáo dục chưa có trong nguồn của treem)",
        "Cấp học {level} thường không do {authority} quản lý; cần kiểm tra",
        "Level {level} is not usually managed by {authority}; worth a check";
    /// More teachers or counsellors than staff in all.
    SCHOOL_COUNT_EXCEEDS_STAFF = "school.count_exceeds_staff", Error, "school.counts", "treem",
        "Số {what_vi} ({count}) lớn hơn tổng số cán bộ, giáo viên, nhân viên ({staff})",
        "{what_en} ({count}) exceed the staff in all ({staff})";
    /// Learners but no teacher.
    SCHOOL_LEARNERS_WITHOUT_TEACHERS = "school.learners_without_teachers", Warning, "school.counts", "treem",
        "Trường có {learners} người học nhưng không có giáo viên",
        "The school has {learners} learners but no teachers";
}

/// A school record as typed by a person: every field optional, strings as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema, treem_derive::Draft)]
#[serde(default)]
pub struct SchoolDraft {
    /// Mã trường (the code in the sector's database).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub code: Field<String>,
    /// Tên trường.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub name: Field<String>,
    /// A code of the catalog `school_types` (or its Vietnamese name).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub school_type: Field<String>,
    /// Codes of the catalog `school_levels`; when absent, the levels of a single-level type.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub levels: Field<Vec<Field<String>>>,
    /// Grades taught (1–12); none for mầm non.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub grades: Field<Vec<Field<i64>>>,
    /// `cong_lap`, `dan_lap` or `tu_thuc`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub ownership: Field<String>,
    /// `so_gddt`, `phong_gddt` or `ubnd_xa`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub managing_authority: Field<String>,
    /// The address as administrative-unit codes.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub address: Field<address::AddressDraft>,
    /// Number of learners (children or pupils).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub learners: Field<u64>,
    /// Number of teachers.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub teachers: Field<u64>,
    /// Number of managers, teachers and other staff in all.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub staff: Field<u64>,
    /// Number of staff doing school counselling (tư vấn tâm lý, công tác xã hội trong nhà
    /// trường; TT 18/2023 Điều 4 khoản 5).
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub counsellors: Field<u64>,
    /// Members this kind does not know, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl SchoolDraft {
    /// The school type, when given and known.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::SchoolDraft;
    /// let draft: SchoolDraft = serde_json::from_value(serde_json::json!({
    ///     "school_type": "Trường tiểu học", "managing_authority": "UBND xã",
    ///     "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
    /// })).unwrap();
    /// assert_eq!(draft.school_type().map(|t| t.code), Some("truong_tieu_hoc"));
    /// ```
    pub fn school_type(&self) -> Option<&'static SchoolType> {
        self.school_type.value().and_then(|t| types::school_type(t))
    }

    /// The managing authority, when given and known.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::{types::Authority, SchoolDraft};
    /// let draft: SchoolDraft = serde_json::from_value(serde_json::json!({
    ///     "school_type": "Trường tiểu học", "managing_authority": "UBND xã",
    ///     "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
    /// })).unwrap();
    /// assert_eq!(draft.authority(), Some(Authority::UbndXa));
    /// ```
    pub fn authority(&self) -> Option<Authority> {
        self.managing_authority
            .value()
            .and_then(|a| Authority::parse(a))
    }

    /// The levels: those listed, else those of a type with a fixed set of levels.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::{types::Level, SchoolDraft};
    /// let draft: SchoolDraft = serde_json::from_value(serde_json::json!({
    ///     "school_type": "Trường tiểu học", "managing_authority": "UBND xã",
    ///     "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
    /// })).unwrap();
    /// assert_eq!(draft.levels(), [Level::TieuHoc]);
    /// ```
    pub fn levels(&self) -> Vec<Level> {
        self.level_list().into_owned()
    }

    /// [`SchoolDraft::levels`], a type's fixed levels borrowed: the rules ask twice per
    /// record, and copying a type's one or two levels was 1.7 % of a safe-school assessment's
    /// validation.
    pub(crate) fn level_list(&self) -> std::borrow::Cow<'static, [Level]> {
        if let Field::Value(list) = &self.levels {
            let mut out: Vec<Level> = list
                .iter()
                .filter_map(|f| f.value().and_then(|t| Level::parse(t)))
                .collect();
            crate::sorting::sort(&mut out);
            out.dedup();
            return std::borrow::Cow::Owned(out);
        }
        match self.school_type().map(|t| t.levels) {
            Some(LevelRule::Exactly(levels)) => std::borrow::Cow::Borrowed(levels),
            _ => std::borrow::Cow::Borrowed(&[]),
        }
    }

    /// The administrative unit of the managing authority, from the address: the province for
    /// a Sở, the district for a Phòng, the commune for a commune People's Committee.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::SchoolDraft;
    /// let draft: SchoolDraft = serde_json::from_value(serde_json::json!({
    ///     "school_type": "Trường tiểu học", "managing_authority": "UBND xã",
    ///     "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
    /// })).unwrap();
    /// assert_eq!(draft.authority_unit().as_deref(), Some("11311"));
    /// ```
    pub fn authority_unit(&self) -> Option<String> {
        let address = self.address.value()?;
        let code = match self.authority()? {
            Authority::SoGddt => &address.province_code,
            Authority::PhongGddt => &address.district_code,
            Authority::UbndXa => &address.commune_code,
        };
        code.value().map(|c| c.trim().to_owned())
    }
}

/// The kind `school`.
pub(crate) const KIND: crate::document::KindDef =
    crate::document::kind_def::<SchoolDraft>("school", "Hồ sơ trường học", "School record");

impl crate::document::Document for SchoolDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        check_at(self, ctx, &Location::root(), sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut crate::normalize::ChangeLog) {
        normalize(self, log);
    }
}

/// Runs every school rule on `draft`, which sits at `at` in the input (the root for a
/// `school` record, `/school` inside an assessment).
///
/// # Examples
///
/// ```
/// use treem::{report::{IssueSink, Location}, school::{check_at, SchoolDraft}, Lang};
/// let draft: SchoolDraft = serde_json::from_value(serde_json::json!({
///     "school_type": "Trường tiểu học", "managing_authority": "UBND xã",
///     "address": {"province_code": "31", "commune_code": "11311", "edition": "2025"},
/// })).unwrap();
/// let mut sink = IssueSink::new(Lang::En);
/// check_at(&draft, &treem::Context::default(), &Location::root(), &mut sink);
/// assert!(sink.finish().has_code("field.required")); // no code nor name
/// ```
pub fn check_at(draft: &SchoolDraft, ctx: &Context, at: &Location<'_>, sink: &mut IssueSink) {
    required_text(&draft.code, &at.key("code"), sink);
    required_text(&draft.name, &at.key("name"), sink);
    let type_at = at.key("school_type");
    let school_type = required_text(&draft.school_type, &type_at, sink).and_then(|text| {
        let found = types::school_type(text);
        if found.is_none() {
            sink.push(&SCHOOL_TYPE_UNKNOWN, &type_at, []);
        }
        found
    });
    check_levels(draft, school_type, at, sink);
    check_grades(draft, school_type, at, sink);
    let own_at = at.key("ownership");
    if let Some(text) = typed(&draft.ownership, &own_at, "string", sink) {
        if Ownership::parse(text).is_none() {
            sink.push(&SCHOOL_OWNERSHIP_UNKNOWN, &own_at, []);
        }
    }
    check_authority(draft, ctx, at, sink);
    let address_at = at.key("address");
    if let Some(address) = typed(&draft.address, &address_at, "object", sink) {
        address::check(address, ctx, &address_at, sink);
    }
    check_counts(draft, at, sink);
    unknown_fields(&draft.unknown, at, sink);
}

fn check_levels(
    draft: &SchoolDraft,
    school_type: Option<&'static SchoolType>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let levels_at = at.key("levels");
    let Some(list) = typed(&draft.levels, &levels_at, "array", sink) else {
        if let (Some(t), true) = (school_type, draft.levels.is_missing()) {
            if let LevelRule::AnyOf { .. } = t.levels {
                sink.push(&crate::fields::FIELD_REQUIRED, &levels_at, []);
            }
        }
        return;
    };
    let mut known = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let item_at = levels_at.index(i);
        if let Some(text) = typed(item, &item_at, "string", sink) {
            match Level::parse(text) {
                None => sink.push(&SCHOOL_LEVEL_UNKNOWN, &item_at, []),
                Some(level) => {
                    if let Some(t) = school_type {
                        if !t.allows(level) {
                            sink.push(
                                &SCHOOL_LEVEL_TYPE_MISMATCH,
                                &item_at,
                                [
                                    ("level", level.code().into()),
                                    ("school_type", t.code.into()),
                                ],
                            );
                        }
                    }
                    if !known.contains(&level) {
                        known.push(level);
                    }
                }
            }
        }
    }
    let Some(t) = school_type else { return };
    match t.levels {
        LevelRule::Exactly(required) => {
            for level in required.iter().filter(|l| !known.contains(l)) {
                sink.push(
                    &SCHOOL_LEVEL_TYPE_MISMATCH,
                    &levels_at,
                    [
                        ("level", level.code().into()),
                        ("school_type", t.code.into()),
                    ],
                );
            }
        }
        LevelRule::AnyOf { levels, min } => {
            let fitting = known.iter().filter(|l| levels.contains(l)).count();
            if fitting < min {
                sink.push(
                    &SCHOOL_TOO_FEW_LEVELS,
                    &levels_at,
                    [("school_type", t.code.into()), ("min", min.into())],
                );
            }
        }
    }
}

fn check_grades(
    draft: &SchoolDraft,
    school_type: Option<&'static SchoolType>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let grades_at = at.key("grades");
    let Some(list) = typed(&draft.grades, &grades_at, "array", sink) else {
        return;
    };
    let levels = draft.level_list();
    // Without known levels there is nothing to hold the grades against but their range.
    let judge_levels = school_type.is_some() || draft.levels.value().is_some();
    let mut seen = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let item_at = grades_at.index(i);
        let Some(&grade) = typed(item, &item_at, "integer", sink) else {
            continue;
        };
        if !(1..=12).contains(&grade) {
            sink.push(
                &SCHOOL_GRADE_OUT_OF_RANGE,
                &item_at,
                [("grade", grade.into())],
            );
            continue;
        }
        if seen.contains(&grade) {
            sink.push(&SCHOOL_GRADE_DUPLICATE, &item_at, [("grade", grade.into())]);
            continue;
        }
        seen.push(grade);
        // GDTX has no verified grade range in treem's sources: its grades are not judged.
        let fits = levels.iter().any(|l| match l.grades() {
            Some((from, to)) => (i64::from(from)..=i64::from(to)).contains(&grade),
            None => *l == Level::Gdtx,
        });
        if judge_levels && !fits {
            sink.push(
                &SCHOOL_GRADE_LEVEL_MISMATCH,
                &item_at,
                [("grade", grade.into())],
            );
        }
    }
    if !judge_levels || seen.is_empty() {
        return;
    }
    for level in levels.iter() {
        if let Some((from, to)) = level.grades() {
            if !seen
                .iter()
                .any(|g| (i64::from(from)..=i64::from(to)).contains(g))
            {
                sink.push(
                    &SCHOOL_LEVEL_WITHOUT_GRADES,
                    &grades_at,
                    [("level", level.code().into())],
                );
            }
        }
    }
}

fn check_authority(draft: &SchoolDraft, ctx: &Context, at: &Location<'_>, sink: &mut IssueSink) {
    let auth_at = at.key("managing_authority");
    let Some(text) = typed(&draft.managing_authority, &auth_at, "string", sink) else {
        return;
    };
    let Some(authority) = Authority::parse(text) else {
        sink.push(&SCHOOL_AUTHORITY_UNKNOWN, &auth_at, []);
        return;
    };
    match ctx.as_of {
        None => sink.push(&CONTEXT_AS_OF_MISSING, &auth_at, []),
        Some(as_of) => {
            // The date is written only for an issue (every school record passes here).
            if authority == Authority::PhongGddt && as_of >= EDITION_2025_START {
                sink.push(
                    &SCHOOL_AUTHORITY_ABOLISHED,
                    &auth_at,
                    [("as_of", as_of.to_string().into())],
                );
            } else if authority == Authority::UbndXa && as_of < EDITION_2025_START {
                sink.push(
                    &SCHOOL_AUTHORITY_BEFORE_REFORM,
                    &auth_at,
                    [("as_of", as_of.to_string().into())],
                );
            }
        }
    }
    if authority != Authority::SoGddt {
        let levels = draft.level_list();
        if let Some(level) = levels
            .iter()
            .find(|l| matches!(l, Level::Thpt | Level::Gdtx))
        {
            sink.push(
                &SCHOOL_AUTHORITY_UNUSUAL_FOR_LEVEL,
                &auth_at,
                [
                    ("level", level.code().into()),
                    ("authority", authority.code().into()),
                ],
            );
        }
    }
}

fn check_counts(draft: &SchoolDraft, at: &Location<'_>, sink: &mut IssueSink) {
    let mut counts = crate::sorted_map::SortedMap::new();
    for (key, field) in [
        ("learners", &draft.learners),
        ("teachers", &draft.teachers),
        ("staff", &draft.staff),
        ("counsellors", &draft.counsellors),
    ] {
        if let Some(&n) = typed(field, &at.key(key), "non-negative integer", sink) {
            counts.insert(key, n);
        }
    }
    if let Some(&staff) = counts.get("staff") {
        for (key, vi, en) in [
            ("teachers", "giáo viên", "Teachers"),
            ("counsellors", "người làm tư vấn", "Counsellors"),
        ] {
            if let Some(&n) = counts.get(key) {
                if n > staff {
                    sink.push(
                        &SCHOOL_COUNT_EXCEEDS_STAFF,
                        &at.key(key),
                        [
                            ("what_vi", vi.into()),
                            ("what_en", en.into()),
                            ("count", n.into()),
                            ("staff", staff.into()),
                        ],
                    );
                }
            }
        }
    }
    if let (Some(&learners), Some(&0)) = (counts.get("learners"), counts.get("teachers")) {
        if learners > 0 {
            sink.push(
                &SCHOOL_LEARNERS_WITHOUT_TEACHERS,
                &at.key("teachers"),
                [("learners", learners.into())],
            );
        }
    }
}

/// Rewrites `draft` into canonical form: codes for type, levels, ownership and authority;
/// whitespace in the name. Values that cannot be cleaned stay as they were.
pub(crate) fn normalize(draft: &mut SchoolDraft, log: &mut crate::normalize::ChangeLog) {
    use crate::normalize::{collapse_whitespace, Rewrite};
    let root = Location::root();
    if let Field::Value(name) = &mut draft.name {
        if let Some(clean) = collapse_whitespace(name) {
            *name = clean;
            log.push(&root.key("name"), Rewrite::Whitespace);
        }
    }
    let canon = |field: &mut Field<String>, code: Option<&'static str>, key, log: &mut _| {
        if let (Field::Value(text), Some(code)) = (field, code) {
            if text != code {
                *text = code.to_owned();
                crate::normalize::ChangeLog::push(log, &root.key(key), Rewrite::CanonicalCode);
            }
        }
    };
    let type_code = draft.school_type().map(|t| t.code);
    canon(&mut draft.school_type, type_code, "school_type", log);
    let own = draft
        .ownership
        .value()
        .and_then(|o| Ownership::parse(o))
        .map(Ownership::code);
    canon(&mut draft.ownership, own, "ownership", log);
    let auth = draft.authority().map(Authority::code);
    canon(
        &mut draft.managing_authority,
        auth,
        "managing_authority",
        log,
    );
    if let Field::Value(list) = &mut draft.levels {
        let levels_at = root.key("levels");
        for (i, item) in list.iter_mut().enumerate() {
            if let Field::Value(text) = item {
                if let Some(level) = Level::parse(text) {
                    if text != level.code() {
                        *text = level.code().to_owned();
                        log.push(&levels_at.index(i), Rewrite::CanonicalCode);
                    }
                }
            }
        }
    }
}
