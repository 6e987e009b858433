//! Finding a unit from what people write: a code, or a name with or without its type words
//! and parents (`Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng`).

use super::data::GeographyData;
use super::fold::fold;
use super::unit::{Level, Unit, UnitType};
use crate::context::Edition;

/// Why a text did not name exactly one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved<'a> {
    /// The text is empty.
    Empty,
    /// No unit of the edition has this code or name.
    NotFound,
    /// The name fits several units; the parents (`…, Huyện X, Tỉnh Y`) would tell them apart.
    Ambiguous(Vec<&'a Unit>),
    /// Units have this name, but none lies in the parents given.
    ParentMismatch {
        /// How many units have the name.
        named: usize,
    },
}

/// Type words people write before a name, folded, with the types they stand for. Longer
/// forms first so `thi xa` is not read as `thi` + `xa`.
const PREFIXES: &[(&str, &[UnitType])] = &[
    ("thanh pho", &[UnitType::ThanhPho]),
    ("tp", &[UnitType::ThanhPho]),
    ("tinh", &[UnitType::Tinh]),
    ("quan", &[UnitType::Quan]),
    ("q", &[UnitType::Quan]),
    ("huyen", &[UnitType::Huyen]),
    ("h", &[UnitType::Huyen]),
    ("thi xa", &[UnitType::ThiXa]),
    ("tx", &[UnitType::ThiXa]),
    ("thi tran", &[UnitType::ThiTran]),
    ("tt", &[UnitType::ThiTran]),
    ("xa", &[UnitType::Xa]),
    ("x", &[UnitType::Xa]),
    ("phuong", &[UnitType::Phuong]),
    ("p", &[UnitType::Phuong]),
    ("dac khu", &[UnitType::DacKhu]),
];

/// Short forms people write for a whole name, folded.
const ALIASES: &[(&str, &str)] = &[("hcm", "ho chi minh"), ("tphcm", "ho chi minh")];

/// The ways to read one folded part: the whole text as a bare name (any type), or a type word
/// and the bare name after it.
fn readings(folded: &str) -> Vec<(&str, Option<&'static [UnitType]>)> {
    let mut out: Vec<(&str, Option<&'static [UnitType]>)> = vec![(folded, None)];
    if let Some((_, full)) = ALIASES.iter().find(|(short, _)| *short == folded) {
        out.push((full, Some(&[UnitType::ThanhPho])));
    }
    for (prefix, types) in PREFIXES {
        if let Some(rest) = folded
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix(' '))
        {
            let rest = ALIASES
                .iter()
                .find(|(short, _)| *short == rest)
                .map_or(rest, |(_, full)| *full);
            out.push((rest, Some(*types)));
        }
    }
    out
}

fn is_code(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Lower-cased with single spaces: the tie-breaker that keeps diacritics.
fn lower(text: &str) -> String {
    crate::letter_case::lower_str(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl GeographyData {
    /// The unit a text names in `edition`: a code (`11338`, `304`, `31`), or a name
    /// (case-, diacritic- and tone-placement-insensitive, with or without its type words or
    /// their abbreviations X., P., TT., Q., H., TX., TP.) optionally followed by its parents
    /// separated by commas.
    ///
    /// # Errors
    /// [`Unresolved`] when the text names no unit, or several.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::tables;
    /// use treem::Edition;
    /// let unit = tables().resolve("P. Cầu Tre, Q. Ngô Quyền", Edition::E2024).unwrap();
    /// assert_eq!(&*unit.code, "11338");
    /// ```
    pub fn resolve(&self, text: &str, edition: Edition) -> Result<&Unit, Unresolved<'_>> {
        let table = self.edition(edition);
        let mut parts = text
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let Some(target) = parts.next() else {
            return Err(Unresolved::Empty);
        };
        let parents: Vec<&str> = parts.filter(|p| fold(p) != "viet nam").collect();
        let mut named: Vec<&Unit> = if is_code(target) {
            table.find(target).into_iter().collect()
        } else {
            let folded = fold(target);
            if folded.is_empty() {
                return Err(Unresolved::Empty);
            }
            let mut found: Vec<&Unit> = Vec::new();
            for (key, types) in readings(&folded) {
                for unit in table.by_folded_name(key) {
                    let type_fits = types.is_none_or(|t| t.contains(&unit.unit_type));
                    if type_fits && !found.iter().any(|u| std::ptr::eq(*u, unit)) {
                        found.push(unit);
                    }
                }
            }
            found
        };
        if named.is_empty() {
            return Err(Unresolved::NotFound);
        }
        let count = named.len();
        named.retain(|unit| parents.iter().all(|p| self.has_ancestor_named(unit, p)));
        if named.is_empty() {
            return Err(Unresolved::ParentMismatch { named: count });
        }
        if named.len() > 1 {
            // Several readings survive: prefer the units spelt exactly as written.
            let written = lower(target);
            let exact: Vec<&Unit> = named
                .iter()
                .copied()
                .filter(|u| lower(&u.name) == written || lower(u.bare_name()) == written)
                .collect();
            if exact.len() == 1 {
                named = exact;
            }
        }
        match named.as_slice() {
            [one] => Ok(one),
            _ => {
                crate::sorting::sort_by(&mut named, |a, b| {
                    (a.level, &a.code).cmp(&(b.level, &b.code))
                });
                Err(Unresolved::Ambiguous(named))
            }
        }
    }

    /// True when a district or province above `unit` (in its edition) is named by `part`.
    fn has_ancestor_named(&self, unit: &Unit, part: &str) -> bool {
        let table = self.edition(unit.edition);
        let mut ancestors = Vec::new();
        if unit.level == Level::Commune {
            if let Some(d) = unit.district_code.as_deref().and_then(|c| table.find(c)) {
                ancestors.push(d);
            }
        }
        if unit.level != Level::Province {
            if let Some(p) = table.find(&unit.province_code) {
                ancestors.push(p);
            }
        }
        if is_code(part.trim()) {
            return ancestors.iter().any(|a| *a.code == *part.trim());
        }
        let folded = fold(part);
        let readings = readings(&folded);
        ancestors.iter().any(|a| {
            let bare = fold(a.bare_name());
            readings
                .iter()
                .any(|(key, types)| *key == bare && types.is_none_or(|t| t.contains(&a.unit_type)))
        })
    }
}
