//! Synthetic protection cases (kind `case`) linked to generated children by `child_id`, with
//! the steps of Nghị định 56/2017/NĐ-CP taken in time, and planted errors at the error rate.

use chrono::{Datelike, Days, NaiveDate};
use serde_json::{json, Value};

use super::rng::Rng;
use super::Child;

/// Forms of abuse (core codes) with synthetic weights.
const ABUSE: &[(&str, u32)] = &[
    ("violence", 40),
    ("neglect", 20),
    ("sexual_abuse", 15),
    ("exploitation", 8),
    ("abandonment", 7),
    ("trafficking", 2),
    ("other_harm", 8),
];

/// Injuries (core codes), for accident cases.
const INJURIES: &[&str] = &[
    "drowning",
    "traffic",
    "fall",
    "burn",
    "poisoning",
    "animal_bite",
];

/// A case of `child`, reported in the year before `as_of` (and after the birth).
pub(crate) fn case(
    rng: &mut Rng,
    number: u64,
    child: &Child,
    as_of: NaiveDate,
    error: bool,
) -> Value {
    let earliest = child
        .birth
        .max(as_of.checked_sub_days(Days::new(365)).unwrap_or(as_of));
    let span = (as_of - earliest).num_days().max(1) as u64;
    let reported = earliest
        .checked_add_days(Days::new(rng.below(span)))
        .unwrap_or(earliest);
    let incident = reported
        .checked_sub_days(Days::new(rng.below(3)))
        .unwrap_or(reported)
        .max(child.birth);
    let hour = 7 + rng.below(10) as u32;
    let at = |h: u32, m: u32| format!("{}T{:02}:{:02}", reported.format("%Y-%m-%d"), h, m);
    let emergency = rng.chance(150_000);
    let mut steps = json!({
        "intake": {"done_at": at(hour, 15)},
        "initial_assessment": {"done_at": at((hour + 4).min(23), 0)},
    });
    if emergency {
        super::set(
            &mut steps,
            "emergency_intervention",
            json!({"done_at": at((hour + 2).min(23), 0)}),
        );
    }
    let mut record = json!({
        "id": format!("VV-{:04}-{number:06}", reported.year()),
        "child_id": child.id,
        "reported_at": at(hour, 0),
        "incident_date": incident.format("%Y-%m-%d").to_string(),
        "protection_level": if emergency { "intervention" } else { "support" },
        "emergency": emergency,
        "steps": steps,
    });
    if rng.chance(200_000) {
        super::set(
            &mut record,
            "injuries",
            json!([rng.pick(INJURIES).copied().unwrap_or("fall")]),
        );
        super::set(&mut record, "protection_level", "prevention");
    } else {
        super::set(
            &mut record,
            "abuse_forms",
            json!([rng.weighted(ABUSE).copied().unwrap_or("violence")]),
        );
    }
    if error {
        match rng.below(3) {
            // A form of abuse no catalog has (as typed in a free-text column).
            0 => super::set(&mut record, "abuse_forms", json!(["bắt nạt"])),
            // A child id that is in no record of the dataset.
            1 => super::set(&mut record, "child_id", format!("{}-X", child.id)),
            // A report date without a time, and steps before the report.
            _ => {
                super::set(
                    &mut record,
                    "reported_at",
                    reported.format("%d/%m/%Y").to_string(),
                );
                super::set(&mut record, "protection_level", "cao");
            }
        }
    }
    record
}
