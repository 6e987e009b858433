//! Fields the generator can fill but the kind does not accept yet, in one place.
//!
//! Each entry is emitted only when the kind's JSON Schema lists the field, so the sample
//! grows by itself when the `child` kind lands `personal_id` or `ethnic_group`. To add one:
//! a line here. Values are synthetic.

use super::rng::Rng;
use super::Child;

/// A pending field: its name and how to make a value for a generated child.
pub(crate) struct Pending {
    /// The field name the kind will accept.
    pub(crate) field: &'static str,
    /// Makes the value.
    pub(crate) make: fn(&mut Rng, &Child) -> serde_json::Value,
}

/// Every pending field.
pub(crate) const PENDING: &[Pending] = &[
    Pending {
        field: "personal_id",
        make: personal_id,
    },
    Pending {
        field: "ethnic_group",
        make: ethnic_group,
    },
];

/// A 12-digit number shaped as NĐ 137/2015/NĐ-CP, Điều 13 describes (6 digits of
/// century/sex, year and province of birth registration, then 6 random digits), with the
/// province code `031` commonly used for Hải Phòng and the century/sex digit
/// 2 (male) / 3 (female) for births in 2000–2099 (FROM MEMORY: synthetic data only, never a
/// rule).
fn personal_id(rng: &mut Rng, child: &Child) -> serde_json::Value {
    let century_sex = if child.female { 3 } else { 2 };
    let year = child.birth_year.rem_euclid(100);
    format!("031{century_sex}{year:02}{:06}", rng.below(1_000_000)).into()
}

/// Ethnic group: almost all children in Hải Phòng are Kinh (synthetic proportions).
fn ethnic_group(rng: &mut Rng, _child: &Child) -> serde_json::Value {
    let groups: &[(&str, u32)] = &[("Kinh", 985), ("Tày", 5), ("Mường", 4), ("Hoa", 6)];
    rng.weighted(groups).copied().unwrap_or("Kinh").into()
}
