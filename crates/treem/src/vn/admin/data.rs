//! The geography tables and their compact text format.
//!
//! One format serves the tables compiled into the library and the national file a browser
//! loads at run time (`crates/treem/data/admin/national.tsv`, generated from
//! `tests/sources/admin-units/` by `crates/treem/tests/admin_data.rs`). UTF-8 lines,
//! fields separated by a tab (`→` below):
//!
//! ```text
//! treem-geography→1
//! scope→national                    (or hai_phong)
//! [2024]                            one line per unit: code→official name; the level is
//! 31→Thành phố Hải Phòng            the code length (2 province, 3 district, 5 commune) and
//! 304→Quận Ngô Quyền                the parent is the nearest line above of the level above
//! 11365→Phường Lạch Tray
//! [2025]                            provinces and communes only
//! [notes]                           relation→note of the statistics office (numbered from 0)
//! [map]                             old commune (or district) code→new unit code→note number
//! [province-map]                    old province code→new province code
//! ```
//!
//! (`→` stands for a tab.)

use std::fmt;

use serde::Serialize;

use super::fold::fold;
use super::unit::{Level, Unit, UnitType};
use crate::context::Edition;

/// How much of the country a table covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Every province, district and commune.
    National,
    /// Every province, but lower levels only for the new Hải Phòng (2025 province 31) and the
    /// old provinces it was formed from (Hải Phòng 31 and Hải Dương 30, NQ 1669/NQ-UBTVQH15).
    HaiPhong,
}

impl Coverage {
    /// `national` or `hai_phong`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::Coverage;
    /// assert_eq!(Coverage::HaiPhong.as_str(), "hai_phong");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Coverage::National => "national",
            Coverage::HaiPhong => "hai_phong",
        }
    }
}

/// How an old commune went into a new unit: the statistics office's note, normalised
/// (`relation` column of `commune-map-2025.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The whole commune ("Nhập toàn bộ", also "Đổi tên", "Đổi loại hình").
    Whole,
    /// Kept as it was ("Giữ nguyên").
    Unchanged,
    /// Part of it ("Nhập một phần", "Nhập một phần diện tích").
    Partial,
    /// Part of its area and all its population.
    PartialAreaWholePopulation,
    /// Part of its population.
    PartialPopulation,
    /// All its area and part of its population.
    WholeAreaPartialPopulation,
}

impl Relation {
    fn parse(text: &str) -> Option<Relation> {
        Some(match text {
            "whole" => Relation::Whole,
            "unchanged" => Relation::Unchanged,
            "partial" => Relation::Partial,
            "partial_area_whole_population" => Relation::PartialAreaWholePopulation,
            "partial_population" => Relation::PartialPopulation,
            "whole_area_partial_population" => Relation::WholeAreaPartialPopulation,
            _ => return None,
        })
    }
}

/// One link of the official old → new map (Bảng chuyển đổi ĐVHC mới – cũ of the statistics
/// office, July 2025): an old (2024) commune, or one of the five island districts that had no
/// communes, and a new (2025) unit it went into, wholly or in part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Successor {
    /// The old code (5-digit commune, or 3-digit district without communes).
    pub old_code: Box<str>,
    /// The new (2025) unit code.
    pub new_code: Box<str>,
    /// How it went in.
    pub relation: Relation,
    /// The statistics office's note, verbatim (e.g. `Nhập một phần`).
    pub note_vi: Box<str>,
}

/// Why a geography text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("geography data, line {line}: {reason}")]
pub struct DataError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

/// The units of one edition, each level sorted by code, with a folded-name index.
#[derive(Debug, Clone, Default)]
pub struct EditionTable {
    pub(crate) provinces: Vec<Unit>,
    pub(crate) districts: Vec<Unit>,
    pub(crate) communes: Vec<Unit>,
    /// (folded bare name, level, index in that level), sorted; built on the first search by
    /// name (folding and sorting some 14,000 names was most of the start-up of a run that
    /// only ever looks codes up).
    pub(crate) names: std::sync::OnceLock<Vec<(Box<str>, Level, u32)>>,
    /// The codes of each level (province, district, commune) as numbers, in the order of
    /// the units: a search of these compact keys touches no unit (a search of the units'
    /// boxed codes missed the cache at every step and was the largest part of a residence
    /// check). Empty for a level whose codes are not all digits, which is searched by text.
    pub(crate) numeric_codes: [Vec<u32>; 3],
}

/// A code of digits only, as a number; `None` for anything else (or more than 9 digits).
fn numeric_code(code: &str) -> Option<u32> {
    if code.is_empty() || code.len() > 9 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    code.parse().ok()
}

const fn level_slot(level: Level) -> usize {
    match level {
        Level::Province => 0,
        Level::District => 1,
        Level::Commune => 2,
    }
}

/// Tables are equal when their units are: the indexes are derived from them (and the name
/// index may not be built yet).
impl PartialEq for EditionTable {
    fn eq(&self, other: &EditionTable) -> bool {
        self.provinces == other.provinces
            && self.districts == other.districts
            && self.communes == other.communes
    }
}

impl Eq for EditionTable {}

impl EditionTable {
    /// The units of `level`, sorted by code.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::{tables, Level};
    /// use treem::Edition;
    /// let provinces = tables().edition(Edition::E2025).units(Level::Province);
    /// assert!(provinces.iter().any(|u| &*u.code == "31"));
    /// assert!(tables().edition(Edition::E2025).units(Level::District).is_empty());
    /// ```
    pub fn units(&self, level: Level) -> &[Unit] {
        match level {
            Level::Province => &self.provinces,
            Level::District => &self.districts,
            Level::Commune => &self.communes,
        }
    }

    /// The unit with `code` (its length gives the level).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::tables;
    /// use treem::Edition;
    /// let unit = tables().edition(Edition::E2024).find("11338").unwrap();
    /// assert_eq!(&*unit.name, "Phường Cầu Tre");
    /// ```
    pub fn find(&self, code: &str) -> Option<&Unit> {
        let level = Level::of_code_len(code.len())?;
        let units = self.units(level);
        let numeric = self
            .numeric_codes
            .get(level_slot(level))
            .map_or(&[][..], Vec::as_slice);
        if numeric.len() == units.len() && !numeric.is_empty() {
            // Codes of one level have one length, so the numbers sort as the texts do; a
            // code that is not all digits is in no such level.
            let key = numeric_code(code)?;
            return numeric.binary_search(&key).ok().and_then(|i| units.get(i));
        }
        units
            .binary_search_by(|u| (*u.code).cmp(code))
            .ok()
            .and_then(|i| units.get(i))
    }

    /// Every unit whose bare name folds to `key`.
    pub(crate) fn by_folded_name<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Unit> + 'a {
        let names = self.names();
        let start = names.partition_point(|(k, _, _)| &**k < key);
        let key = key.to_owned();
        names
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(k, _, _)| **k == *key)
            .filter_map(|(_, level, i)| self.units(*level).get(*i as usize))
    }

    fn finish(&mut self) {
        for level in [Level::Province, Level::District, Level::Commune] {
            let units = match level {
                Level::Province => &mut self.provinces,
                Level::District => &mut self.districts,
                Level::Commune => &mut self.communes,
            };
            crate::sorting::sort_by(units, |a, b| a.code.cmp(&b.code));
            let same_length = units.windows(2).all(|w| match w {
                [a, b] => a.code.len() == b.code.len(),
                _ => true,
            });
            let numeric: Option<Vec<u32>> = units.iter().map(|u| numeric_code(&u.code)).collect();
            if let (true, Some(numeric), Some(slot)) = (
                same_length,
                numeric,
                self.numeric_codes.get_mut(level_slot(level)),
            ) {
                *slot = numeric;
            }
        }
    }

    /// The folded-name index, built on first use.
    fn names(&self) -> &[(Box<str>, Level, u32)] {
        self.names.get_or_init(|| {
            let mut names = Vec::new();
            for level in [Level::Province, Level::District, Level::Commune] {
                for (i, unit) in self.units(level).iter().enumerate() {
                    names.push((fold(unit.bare_name()).into(), level, i as u32));
                }
            }
            crate::sorting::sort(&mut names);
            names
        })
    }

    fn has_duplicate_code(&self) -> bool {
        [&self.provinces, &self.districts, &self.communes]
            .iter()
            .any(|units| {
                units
                    .windows(2)
                    .any(|w| matches!(w, [a, b] if a.code == b.code))
            })
    }
}

/// The geography tables: both editions and the old → new map.
///
/// The core reads no files: build one from text the caller holds with
/// [`GeographyData::from_text`] (e.g. `national.tsv` fetched by a browser) and hand it to
/// [`super::install`]; otherwise the tables compiled in are used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeographyData {
    pub(crate) coverage: Coverage,
    pub(crate) e2024: EditionTable,
    pub(crate) e2025: EditionTable,
    /// Sorted by old code; the links of one old code keep the order of the official table.
    pub(crate) successors: Vec<Successor>,
    /// (old province code, new province code), sorted.
    pub(crate) province_successors: Vec<(Box<str>, Box<str>)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Units(Edition),
    Notes,
    Map,
    ProvinceMap,
}

impl GeographyData {
    /// Reads the compact text format (module docs).
    ///
    /// # Errors
    /// A [`DataError`] naming the first bad line: a wrong header, an unknown section, a code
    /// of the wrong length or repeated, a name without its type words, a unit without a parent,
    /// a map link to a unit the tables do not hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::{GeographyData, BUILT_IN_TEXT};
    /// use treem::Edition;
    /// let data = GeographyData::from_text(BUILT_IN_TEXT).unwrap();
    /// assert!(data.edition(Edition::E2024).find("304").is_some());
    /// assert_eq!(GeographyData::from_text("not tables").unwrap_err().line, 1);
    /// ```
    pub fn from_text(text: &str) -> Result<GeographyData, DataError> {
        let mut data = GeographyData {
            coverage: Coverage::National,
            e2024: EditionTable::default(),
            e2025: EditionTable::default(),
            successors: Vec::new(),
            province_successors: Vec::new(),
        };
        let mut notes: Vec<(Relation, Box<str>)> = Vec::new();
        let mut section = Section::Header;
        let mut seen_magic = false;
        let (mut province, mut district): (Option<Box<str>>, Option<Box<str>>) = (None, None);
        for (n, line) in text.lines().enumerate() {
            let fail = |reason| DataError {
                line: n + 1,
                reason,
            };
            if line.is_empty() {
                continue;
            }
            if !seen_magic {
                if line != "treem-geography\t1" {
                    return Err(fail("expected the header `treem-geography<TAB>1`"));
                }
                seen_magic = true;
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "2024" => Section::Units(Edition::E2024),
                    "2025" => Section::Units(Edition::E2025),
                    "notes" => Section::Notes,
                    "map" => Section::Map,
                    "province-map" => Section::ProvinceMap,
                    _ => return Err(fail("unknown section")),
                };
                (province, district) = (None, None);
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
                return Err(fail("expected tab-separated fields"));
            };
            let c = fields.next();
            if fields.next().is_some() {
                return Err(fail("too many fields"));
            }
            match section {
                Section::Header => match (a, b) {
                    ("scope", "national") => data.coverage = Coverage::National,
                    ("scope", "hai_phong") => data.coverage = Coverage::HaiPhong,
                    _ => return Err(fail("unknown header line")),
                },
                Section::Units(edition) => {
                    let level = Level::of_code_len(a.len())
                        .filter(|_| a.bytes().all(|b| b.is_ascii_digit()))
                        .ok_or(fail("a code has 2, 3 or 5 digits"))?;
                    let (unit_type, _) = UnitType::split_name(level, b)
                        .ok_or(fail("the name does not start with a type of its level"))?;
                    if c.is_some() {
                        return Err(fail("too many fields"));
                    }
                    let table = match edition {
                        Edition::E2024 => &mut data.e2024,
                        Edition::E2025 => &mut data.e2025,
                    };
                    let (province_code, district_code) = match level {
                        Level::Province => {
                            province = Some(a.into());
                            district = None;
                            (a.into(), None)
                        }
                        Level::District if edition == Edition::E2025 => {
                            return Err(fail("the 2025 edition has no district level"))
                        }
                        Level::District => {
                            district = Some(a.into());
                            (
                                province
                                    .clone()
                                    .ok_or(fail("a district before its province"))?,
                                None,
                            )
                        }
                        Level::Commune => {
                            let p = province
                                .clone()
                                .ok_or(fail("a commune before its province"))?;
                            if edition == Edition::E2024 && district.is_none() {
                                return Err(fail("a 2024 commune before its district"));
                            }
                            (p, district.clone())
                        }
                    };
                    let unit = Unit {
                        edition,
                        level,
                        unit_type,
                        code: a.into(),
                        name: b.into(),
                        province_code,
                        district_code,
                    };
                    match level {
                        Level::Province => table.provinces.push(unit),
                        Level::District => table.districts.push(unit),
                        Level::Commune => table.communes.push(unit),
                    }
                }
                Section::Notes => {
                    let relation = Relation::parse(a).ok_or(fail("unknown relation"))?;
                    notes.push((relation, b.into()));
                }
                Section::Map => {
                    let (relation, note) = c
                        .and_then(|c| c.parse::<usize>().ok())
                        .and_then(|i| notes.get(i))
                        .ok_or(fail("expected a note number from [notes]"))?;
                    data.successors.push(Successor {
                        old_code: a.into(),
                        new_code: b.into(),
                        relation: *relation,
                        note_vi: note.clone(),
                    });
                }
                Section::ProvinceMap => data.province_successors.push((a.into(), b.into())),
            }
        }
        if !seen_magic {
            return Err(DataError {
                line: 1,
                reason: "empty geography data",
            });
        }
        data.e2024.finish();
        data.e2025.finish();
        if data.e2024.has_duplicate_code() || data.e2025.has_duplicate_code() {
            return Err(DataError {
                line: 0,
                reason: "a code is listed twice in one edition",
            });
        }
        crate::sorting::sort_by(&mut data.successors, |a, b| a.old_code.cmp(&b.old_code));
        crate::sorting::sort(&mut data.province_successors);
        let bad_link = data.successors.iter().any(|s| {
            data.e2024
                .find(&s.old_code)
                .is_none_or(|u| u.level == Level::Province)
                || data
                    .e2025
                    .find(&s.new_code)
                    .is_none_or(|u| u.level != Level::Commune)
        }) || data.province_successors.iter().any(|(old, new)| {
            data.e2024
                .find(old)
                .is_none_or(|u| u.level != Level::Province)
                || data
                    .e2025
                    .find(new)
                    .is_none_or(|u| u.level != Level::Province)
        });
        if bad_link {
            return Err(DataError {
                line: 0,
                reason: "a map link names a unit the tables do not hold",
            });
        }
        Ok(data)
    }

    /// How much of the country the tables cover.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::{tables, Coverage};
    /// let expected = if cfg!(feature = "national-geography") { Coverage::National } else { Coverage::HaiPhong };
    /// assert_eq!(tables().coverage(), expected);
    /// ```
    pub fn coverage(&self) -> Coverage {
        self.coverage
    }

    /// The units of `edition`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::tables;
    /// use treem::Edition;
    /// assert!(tables().edition(Edition::E2024).find("304").is_some());
    /// assert!(tables().edition(Edition::E2025).find("304").is_none());
    /// ```
    pub fn edition(&self, edition: Edition) -> &EditionTable {
        match edition {
            Edition::E2024 => &self.e2024,
            Edition::E2025 => &self.e2025,
        }
    }

    /// The links of an old (2024) commune code, or of an old district that had no communes,
    /// to the new (2025) unit(s): one-to-many, empty when the code is not in the map.
    ///
    /// # Examples
    ///
    /// ```
    /// let links = treem::vn::admin::tables().successors("11596");
    /// assert_eq!(links.len(), 3);
    /// ```
    pub fn successors(&self, old_code: &str) -> &[Successor] {
        let start = self.successors.partition_point(|s| &*s.old_code < old_code);
        let end = self
            .successors
            .partition_point(|s| &*s.old_code <= old_code);
        self.successors.get(start..end).unwrap_or_default()
    }

    /// The new (2025) province an old (2024) province went into (NQ 202/2025/QH15).
    ///
    /// # Examples
    ///
    /// ```
    /// let new = treem::vn::admin::tables().province_successor("30").unwrap();
    /// assert_eq!(&*new.code, "31");
    /// ```
    pub fn province_successor(&self, old_province_code: &str) -> Option<&Unit> {
        let i = self
            .province_successors
            .binary_search_by(|(old, _)| (**old).cmp(old_province_code))
            .ok()?;
        let (_, new) = self.province_successors.get(i)?;
        self.e2025.find(new)
    }

    /// The old (2024) communes (or districts) that went, wholly or in part, into a new unit.
    ///
    /// # Examples
    ///
    /// ```
    /// let old: Vec<_> = treem::vn::admin::tables().predecessors("11329").map(|s| &*s.old_code).collect();
    /// assert!(old.contains(&"11338"));
    /// ```
    pub fn predecessors<'a>(
        &'a self,
        new_code: &'a str,
    ) -> impl Iterator<Item = &'a Successor> + 'a {
        self.successors
            .iter()
            .filter(move |s| &*s.new_code == new_code)
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The text search [`EditionTable::find`] did before the numeric keys.
    fn find_by_text<'a>(table: &'a EditionTable, code: &str) -> Option<&'a Unit> {
        let units = table.units(Level::of_code_len(code.len())?);
        units
            .binary_search_by(|u| (*u.code).cmp(code))
            .ok()
            .and_then(|i| units.get(i))
    }

    #[test]
    fn numeric_search_finds_what_the_text_search_finds() {
        let data = GeographyData::from_text(super::super::BUILT_IN_TEXT).unwrap();
        for edition in [Edition::E2024, Edition::E2025] {
            let table = data.edition(edition);
            // The numeric search is the one under test: provinces and communes have keys.
            assert!(!table.numeric_codes[0].is_empty() && !table.numeric_codes[2].is_empty());
            let mut probes: Vec<String> = Vec::new();
            for level in [Level::Province, Level::District, Level::Commune] {
                for unit in table.units(level) {
                    probes.push(unit.code.to_string());
                    let n: u32 = unit.code.parse().unwrap();
                    let width = unit.code.len();
                    probes.push(format!("{:0width$}", n + 1));
                    probes.push(format!("{:0width$}", n.saturating_sub(1)));
                }
            }
            probes.extend(
                [
                    "", "3", "31a", "3 1", "+31", "-1", "99999", "00000", "0031", "311",
                ]
                .map(String::from),
            );
            for code in &probes {
                assert_eq!(table.find(code), find_by_text(table, code), "{code}");
            }
            for unit in table.units(Level::Commune) {
                assert_eq!(table.find(&unit.code).map(|u| &u.code), Some(&unit.code));
            }
        }
    }
}
