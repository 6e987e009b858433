//! Parents, caregivers and guardians (Luật Trẻ em 2016, Điều 4 khoản 4: người chăm sóc trẻ
//! em includes the guardian and the alternative caregiver).
//!
//! Each name is read by [`crate::vn::name`] and each phone by [`crate::vn::phone`] (mobile
//! prefixes and the 2017 landline area codes; codes `phone.*`). Duplicate guardians are found
//! on the folded name (case, tones and marks ignored: `Hoà` = `Hòa`) and the phone in
//! national form (`+84 912…` = `0912…`).

use super::catalog::{PERSON_STATUSES, RELATIONSHIPS};
use super::draft::GuardianDraft;
use super::read;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// The same person is listed twice: same relationship and name, and no different phone.
    CHILD_GUARDIAN_DUPLICATE = "child.guardian_duplicate", Warning, "child.family", "treem",
        "Người này trùng với người thứ {other} trong danh sách (cùng quan hệ, họ tên và số điện thoại)",
        "This person repeats entry {other} of the list (same relationship, name and phone)";
    /// A child recorded as orphaned of both parents lists a parent as living.
    CHILD_ORPHAN_WITH_LIVING_PARENT = "child.orphan_with_living_parent", Error, "child.family",
        "Luật Trẻ em 2016, Điều 10 khoản 1 điểm a; Nghị định 56/2017/NĐ-CP, Điều 3; Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm b",
        "Trẻ được ghi là mồ côi cả cha và mẹ nhưng cha hoặc mẹ được ghi là còn sống",
        "The child is recorded as orphaned of both parents but this parent is recorded as living";
    /// A child recorded as orphaned of both parents (group a, "Trẻ em mồ côi cả cha và mẹ")
    /// lists a parent as declared missing: missing is not dead (a child orphaned of one
    /// parent whose other parent is missing is group c, sub-category 1; both missing is
    /// sub-category 4). NĐ 56/2017/NĐ-CP, Điều 5 khoản 1: "Trẻ em mồ côi cha hoặc mẹ và người
    /// còn lại mất tích theo quy định của pháp luật"; khoản 4: "Trẻ em có cả cha và mẹ mất
    /// tích theo quy định của pháp luật".
    CHILD_ORPHAN_WITH_MISSING_PARENT = "child.orphan_with_missing_parent", Error, "child.family",
        "Luật Trẻ em 2016, Điều 10 khoản 1 điểm a; Nghị định 56/2017/NĐ-CP, Điều 5 khoản 1 và khoản 4",
        "Trẻ được ghi là mồ côi cả cha và mẹ nhưng cha hoặc mẹ được ghi là bị tuyên bố mất tích: mất tích không phải đã chết (xem nhóm c, tiểu nhóm 1 hoặc 4)",
        "The child is recorded as orphaned of both parents but this parent is recorded as declared missing, which is not dead (see group c, sub-category 1 or 4)";
    /// The sub-category of group c (trẻ em không nơi nương tựa) says what the parents'
    /// statuses are, and the statuses recorded for the father and mother contradict it.
    /// Nghị định 56/2017/NĐ-CP, Điều 5, read for the three statuses a record holds (alive,
    /// deceased, declared missing): "mồ côi" is a parent who died; "mất tích theo quy định của
    /// pháp luật" a parent declared missing; a parent "đang hưởng chế độ chăm sóc, nuôi dưỡng
    /// tại cơ sở trợ giúp xã hội", "không còn khả năng chăm sóc", "đang chấp hành án phạt tù",
    /// "trong độ tuổi trẻ em" or "bị hạn chế quyền làm cha mẹ" is living. Khoản 12 ("có cả cha
    /// và mẹ bị hạn chế quyền làm cha mẹ hoặc tạm thời cách ly khỏi cha hoặc mẹ") is read as
    /// needing at least one living parent only, since its second half names one parent.
    CHILD_SUB_CATEGORY_CONTRADICTS_PARENTS = "child.sub_category_contradicts_parents", Error, "child.family",
        "Nghị định 56/2017/NĐ-CP, Điều 5 khoản 1–12",
        "Tiểu nhóm {sub_category} của nhóm c (Nghị định 56/2017/NĐ-CP, Điều 5 khoản {sub_category}) cần cha, mẹ {needed_vi}, nhưng hồ sơ ghi {recorded_vi}",
        "Sub-category {sub_category} of group c (Decree 56/2017/ND-CP, Article 5 clause {sub_category}) needs parents {needed_en}, but the record says {recorded_en}";
}

/// What Nghị định 56/2017/NĐ-CP, Điều 5 khoản n says of the parents' recorded statuses.
#[derive(Debug, Clone, Copy)]
enum ParentsNeed {
    /// The two parents have these statuses, in either order.
    Pair(&'static str, &'static str),
    /// At least one parent is living (khoản 12).
    OneLiving,
}

/// Điều 5 khoản 1–12, in order (statuses `alive`, `deceased`, `missing` of the catalog
/// `person_statuses`).
const GROUP_C_PARENTS: [ParentsNeed; 12] = [
    // 1. mồ côi cha hoặc mẹ và người còn lại mất tích
    ParentsNeed::Pair("deceased", "missing"),
    // 2. mồ côi cha hoặc mẹ và người còn lại đang hưởng chế độ ... tại cơ sở trợ giúp xã hội
    //    hoặc không còn khả năng chăm sóc, nuôi dưỡng
    ParentsNeed::Pair("deceased", "alive"),
    // 3. mồ côi cha hoặc mẹ và người còn lại đang chấp hành án phạt tù ...
    ParentsNeed::Pair("deceased", "alive"),
    // 4. cả cha và mẹ mất tích
    ParentsNeed::Pair("missing", "missing"),
    // 5. cha hoặc mẹ mất tích và người còn lại ... tại cơ sở trợ giúp xã hội
    ParentsNeed::Pair("missing", "alive"),
    // 6. cha hoặc mẹ mất tích và người còn lại đang chấp hành án phạt tù ...
    ParentsNeed::Pair("missing", "alive"),
    // 7. cả cha và mẹ không còn khả năng chăm sóc trẻ em
    ParentsNeed::Pair("alive", "alive"),
    // 8. cả cha và mẹ ... tại cơ sở trợ giúp xã hội
    ParentsNeed::Pair("alive", "alive"),
    // 9. cả cha và mẹ đang chấp hành án phạt tù ...
    ParentsNeed::Pair("alive", "alive"),
    // 10. cha hoặc mẹ ... tại cơ sở trợ giúp xã hội và người còn lại đang chấp hành án phạt tù
    ParentsNeed::Pair("alive", "alive"),
    // 11. sống trong gia đình có cả cha và mẹ trong độ tuổi trẻ em
    ParentsNeed::Pair("alive", "alive"),
    // 12. cả cha và mẹ bị hạn chế quyền làm cha mẹ hoặc tạm thời cách ly khỏi cha hoặc mẹ
    ParentsNeed::OneLiving,
];

fn status_words(status: &str) -> (&'static str, &'static str) {
    match status {
        "alive" => ("còn sống", "living"),
        "deceased" => ("đã chết", "deceased"),
        _ => ("bị tuyên bố mất tích", "declared missing"),
    }
}

/// Group c, sub-category `sub`, against the statuses recorded for the first father and the
/// first mother listed (issue at `at`, the sub-category).
pub(crate) fn check_without_support(
    people: &[Person],
    sub: i64,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let Some(need) = usize::try_from(sub)
        .ok()
        .and_then(|s| s.checked_sub(1))
        .and_then(|i| GROUP_C_PARENTS.get(i))
    else {
        return;
    };
    let parent = |relationship: &'static str| {
        people
            .iter()
            .find(|p| p.relationship == Some(relationship))
            .and_then(|p| p.status.map(|s| (relationship, s)))
    };
    let recorded: Vec<(&str, &str)> = [parent("father"), parent("mother")]
        .into_iter()
        .flatten()
        .collect();
    if recorded.is_empty() {
        return;
    }
    let (fits, needed_vi, needed_en) = match *need {
        ParentsNeed::Pair(a, b) => {
            let mut left = vec![a, b];
            let fits =
                recorded
                    .iter()
                    .all(|(_, status)| match left.iter().position(|s| s == status) {
                        Some(i) => {
                            left.swap_remove(i);
                            true
                        }
                        None => false,
                    });
            let (avi, aen) = status_words(a);
            let (bvi, ben) = status_words(b);
            let (vi, en) = if a == b {
                (format!("cả hai {avi}"), format!("both {aen}"))
            } else {
                (
                    format!("một người {avi}, người kia {bvi}"),
                    format!("one {aen}, the other {ben}"),
                )
            };
            (fits, vi, en)
        }
        ParentsNeed::OneLiving => (
            recorded.len() < 2 || recorded.iter().any(|(_, s)| *s == "alive"),
            "ít nhất một người còn sống".to_owned(),
            "at least one living".to_owned(),
        ),
    };
    if fits {
        return;
    }
    let describe = |lang_vi: bool| {
        recorded
            .iter()
            .map(|(relationship, status)| {
                let (vi, en) = status_words(status);
                match (lang_vi, *relationship) {
                    (true, "father") => format!("cha {vi}"),
                    (true, _) => format!("mẹ {vi}"),
                    (false, "father") => format!("father {en}"),
                    (false, _) => format!("mother {en}"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    sink.push(
        &CHILD_SUB_CATEGORY_CONTRADICTS_PARENTS,
        at,
        [
            ("sub_category", sub.into()),
            ("needed_vi", needed_vi.into()),
            ("needed_en", needed_en.into()),
            ("recorded_vi", describe(true).into()),
            ("recorded_en", describe(false).into()),
        ],
    );
}

/// A guardian as the cross-field rules see it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Person {
    pub(crate) index: usize,
    pub(crate) relationship: Option<&'static str>,
    pub(crate) status: Option<&'static str>,
    name_key: Option<String>,
    phone_key: Option<String>,
}

/// The phone in national form when it is a valid number (issues at `at` otherwise); empty
/// text counts as absent.
fn phone_key(
    field: &crate::json::Field<String>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<String> {
    let text = read::text(field, at, sink)?;
    if crate::fields::is_blank(text) {
        return None;
    }
    crate::vn::phone::parse(text, at, sink).map(|p| p.national)
}

/// Checks each guardian and the list as a whole; returns what the cross-field rules need.
pub(crate) fn check(
    guardians: &[crate::json::Field<GuardianDraft>],
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::with_capacity(guardians.len());
    for (index, item) in guardians.iter().enumerate() {
        let here = at.index(index);
        let Some(guardian) = read::object(item, &here, sink) else {
            continue;
        };
        let name_key = read::person_name(&guardian.full_name, &here.key("full_name"), sink);
        let relationship = read::code(
            &guardian.relationship,
            &here.key("relationship"),
            RELATIONSHIPS,
            "relationships",
            sink,
        );
        let status = read::code(
            &guardian.status,
            &here.key("status"),
            PERSON_STATUSES,
            "person_statuses",
            sink,
        );
        let phone_key = phone_key(&guardian.phone, &here.key("phone"), sink);
        crate::fields::unknown_fields(&guardian.unknown, &here, sink);
        let person = Person {
            index,
            relationship: relationship.map(|e| e.code),
            status: status.map(|e| e.code),
            name_key,
            phone_key,
        };
        if let Some(first) = people.iter().find(|p| same_person(p, &person)) {
            sink.push(
                &CHILD_GUARDIAN_DUPLICATE,
                &here,
                [("other", (first.index + 1).into())],
            );
        }
        people.push(person);
    }
    people
}

fn same_person(a: &Person, b: &Person) -> bool {
    // A shared phone alone is not a duplicate: parents often share one family phone.
    let same_name = a.name_key.is_some() && a.name_key == b.name_key;
    let same_phone = a.phone_key.is_none() || b.phone_key.is_none() || a.phone_key == b.phone_key;
    same_name && a.relationship == b.relationship && same_phone
}

/// A child orphaned of both parents has no living parent listed, nor one declared missing.
pub(crate) fn check_orphan(people: &[Person], at: &Location<'_>, sink: &mut IssueSink) {
    for person in people {
        let parent = matches!(person.relationship, Some("father" | "mother"));
        let def = match person.status {
            Some("alive") if parent => &CHILD_ORPHAN_WITH_LIVING_PARENT,
            Some("missing") if parent => &CHILD_ORPHAN_WITH_MISSING_PARENT,
            _ => continue,
        };
        sink.push(def, &at.index(person.index).key("status"), []);
    }
}
