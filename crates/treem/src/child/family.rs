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

impl Person {
    /// A father or mother recorded as living.
    pub(crate) fn is_living_parent(&self) -> bool {
        matches!(self.relationship, Some("father" | "mother")) && self.status == Some("alive")
    }
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

/// A child orphaned of both parents has no living parent listed.
pub(crate) fn check_orphan(people: &[Person], at: &Location<'_>, sink: &mut IssueSink) {
    for person in people.iter().filter(|p| p.is_living_parent()) {
        let here = at.index(person.index);
        sink.push(&CHILD_ORPHAN_WITH_LIVING_PARENT, &here.key("status"), []);
    }
}
