//! Administrative units of Viet Nam, in two editions, and the map from old to new.
//!
//! * Edition `2024`: the three-level list (63 provinces with the codes of Quyết định
//!   124/2004/QĐ-TTg, 696 district-level units, 10,035 communes) as in force from 1 March 2025
//!   (Nghị quyết 1365/NQ-UBTVQH15) to 30 June 2025.
//! * Edition `2025`: the two-level list from 1 July 2025 (Nghị quyết 202/2025/QH15; codes of
//!   Quyết định 19/2025/QĐ-TTg, list of Công văn 1027/CTK-CSCL): 34 provinces, 3,321 communes.
//! * The old → new commune map: the statistics office's conversion table (10,565 links; 440
//!   old communes were split across several new units, so one old code may have several
//!   successors), plus the five island districts that had no communes.
//!
//! Codes are reused across editions with other meanings (00004 was Phường Trúc Bạch and is
//! now Phường Ba Đình), so every lookup takes an [`Edition`]; callers pick it with
//! [`crate::Context::edition`] (the `edition` option, else the one in force at `as_of`).
//! Data, sources and checks: `tests/sources/admin-units/SOURCES.md` in the repository.
//!
//! ## Which tables are loaded
//!
//! With the cargo feature `national-geography` (on by default; the CLI and the C binding keep
//! it) the national tables are compiled in (`data/admin/national.tsv`, about 470 KB of text).
//! Without it (the default WebAssembly build) only `data/admin/hai-phong.tsv` is: every
//! province of both editions, and the lower levels of the new Hải Phòng (2025 province 31)
//! and of the two old provinces it was formed from (Hải Phòng 31, Hải Dương 30). A browser
//! loads the national tables at run time: it fetches `national.tsv` (about 140 KB gzipped),
//! builds a [`GeographyData`] with [`GeographyData::from_text`] and hands it to [`install`].
//! The core reads no files; the caller hands in the text. Installed tables replace the
//! compiled-in ones for every later call (they can be installed once per process).
//!
//! Not encoded: units abolished before 1 March 2025 (older addresses may carry them); the
//! changes in force from 30 April 2026 (Đồng Nai becoming a thành phố, ten of its xã becoming
//! phường); the spelling variants of `name-variants.csv` beyond case, tone placement and
//! apostrophes (which the fold already absorbs).

mod catalog;
mod data;
mod fold;
mod lookup;
mod parser;
pub mod place;
mod unit;

use std::sync::OnceLock;

pub use data::{Coverage, DataError, EditionTable, GeographyData, Relation, Successor};
pub use fold::fold;
pub use lookup::Unresolved;
pub use unit::{Level, Unit, UnitType};

pub(crate) use catalog::{check_filters, communes, districts, provinces, CATALOG_SOURCE};
pub(crate) use parser::parse_admin_unit;
pub use parser::{
    ADMIN_UNIT_AMBIGUOUS, ADMIN_UNIT_EMPTY, ADMIN_UNIT_PARENT_MISMATCH,
    ADMIN_UNIT_TABLES_NOT_LOADED, ADMIN_UNIT_UNKNOWN, CODES,
};

use crate::context::Edition;

/// The compiled-in tables, in the compact text format.
#[cfg(feature = "national-geography")]
pub const BUILT_IN_TEXT: &str = include_str!("../../../data/admin/national.tsv");
/// The compiled-in tables, in the compact text format (Hải Phòng only in this build).
#[cfg(not(feature = "national-geography"))]
pub const BUILT_IN_TEXT: &str = include_str!("../../../data/admin/hai-phong.tsv");

static INSTALLED: OnceLock<GeographyData> = OnceLock::new();
static BUILT_IN: OnceLock<GeographyData> = OnceLock::new();

/// Installs tables the caller loaded (e.g. the national file in a browser). They are used by
/// every later lookup in the process.
///
/// # Errors
/// [`AlreadyInstalled`] when tables were already installed: they can be set once, so that
/// answers cannot change under a running batch.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::{install, GeographyData, BUILT_IN_TEXT};
/// install(GeographyData::from_text(BUILT_IN_TEXT).unwrap()).unwrap();
/// assert!(install(GeographyData::from_text(BUILT_IN_TEXT).unwrap()).is_err());
/// ```
pub fn install(data: GeographyData) -> Result<(), AlreadyInstalled> {
    INSTALLED.set(data).map_err(|_| AlreadyInstalled)
}

/// Tables were already installed in this process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("geography tables were already installed")]
pub struct AlreadyInstalled;

/// The tables in use: the installed ones, else the compiled-in ones.
///
/// # Examples
///
/// ```
/// use treem::Edition;
/// let units = treem::vn::admin::tables().edition(Edition::E2025);
/// assert_eq!(units.find("31").map(|u| &*u.name), Some("Thành phố Hải Phòng"));
/// ```
pub fn tables() -> &'static GeographyData {
    if let Some(data) = INSTALLED.get() {
        return data;
    }
    BUILT_IN.get_or_init(|| {
        // The compiled-in text is checked by the tests; an empty table would only show up
        // as units not found, never as a panic.
        GeographyData::from_text(BUILT_IN_TEXT).unwrap_or_else(|_| GeographyData::empty())
    })
}

/// The unit with `code` in `edition` (the code's length gives the level).
///
/// # Examples
///
/// ```
/// use treem::vn::admin::{find, Level};
/// use treem::Edition;
/// let unit = find(Edition::E2024, "304").unwrap();
/// assert_eq!((&*unit.name, unit.level), ("Quận Ngô Quyền", Level::District));
/// ```
pub fn find(edition: Edition, code: &str) -> Option<&'static Unit> {
    tables().edition(edition).find(code)
}

/// The commune-level unit with the 5-digit `code` in `edition`.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::find_commune;
/// use treem::Edition;
/// assert_eq!(find_commune(Edition::E2024, "11338").map(|u| &*u.name), Some("Phường Cầu Tre"));
/// assert!(find_commune(Edition::E2024, "31").is_none());
/// ```
pub fn find_commune(edition: Edition, code: &str) -> Option<&'static Unit> {
    find(edition, code).filter(|u| u.level == Level::Commune)
}

/// The province with the 2-digit `code` in `edition`.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::find_province;
/// use treem::Edition;
/// assert_eq!(find_province(Edition::E2025, "31").map(|u| &*u.name), Some("Thành phố Hải Phòng"));
/// ```
pub fn find_province(edition: Edition, code: &str) -> Option<&'static Unit> {
    find(edition, code).filter(|u| u.level == Level::Province)
}

/// The district-level unit with the 3-digit `code` (edition 2024 only: the 2025 edition has
/// no district level).
///
/// # Examples
///
/// ```
/// use treem::vn::admin::find_district;
/// assert_eq!(find_district("304").map(|u| &*u.name), Some("Quận Ngô Quyền"));
/// ```
pub fn find_district(code: &str) -> Option<&'static Unit> {
    find(Edition::E2024, code).filter(|u| u.level == Level::District)
}

/// The unit a text names in `edition` (see [`GeographyData::resolve`]).
///
/// # Errors
/// [`Unresolved`] when the text names no unit, or several (the candidates are listed).
///
/// # Examples
///
/// ```
/// use treem::vn::admin::{resolve, Level};
/// use treem::Edition;
/// let unit = resolve("tp hai phong", Edition::E2025).unwrap();
/// assert_eq!((&*unit.code, unit.level), ("31", Level::Province));
/// ```
pub fn resolve(text: &str, edition: Edition) -> Result<&'static Unit, Unresolved<'static>> {
    tables().resolve(text, edition)
}

/// The province a unit belongs to, in the unit's own edition (itself for a province).
///
/// # Examples
///
/// ```
/// use treem::vn::admin::{find_commune, province_of};
/// use treem::Edition;
/// let commune = find_commune(Edition::E2024, "11338").unwrap();
/// assert_eq!(province_of(commune).map(|u| &*u.code), Some("31"));
/// ```
pub fn province_of(unit: &Unit) -> Option<&'static Unit> {
    find_province(unit.edition, &unit.province_code)
}

/// The new (2025) unit(s) an old (2024) commune code went into, with the statistics office's
/// notes: one-to-many (`successors("…").len() > 1` for the 440 split communes). The old code
/// of one of the five island districts without communes gives its đặc khu.
///
/// # Examples
///
/// ```
/// use treem::vn::admin::successors;
/// let links = successors("11338");
/// assert_eq!(links.iter().map(|s| &*s.new_code).collect::<Vec<_>>(), ["11329"]);
/// assert!(successors("99999").is_empty());
/// ```
pub fn successors(old_code: &str) -> &'static [Successor] {
    tables().successors(old_code)
}

/// The new (2025) province an old (2024) province went into (Nghị quyết 202/2025/QH15).
///
/// # Examples
///
/// ```
/// use treem::vn::admin::new_province_of;
/// assert_eq!(new_province_of("30").map(|u| &*u.name), Some("Thành phố Hải Phòng"));
/// ```
pub fn new_province_of(old_province_code: &str) -> Option<&'static Unit> {
    tables().province_successor(old_province_code)
}

impl GeographyData {
    fn empty() -> GeographyData {
        GeographyData {
            coverage: Coverage::HaiPhong,
            e2024: EditionTable::default(),
            e2025: EditionTable::default(),
            successors: Vec::new(),
            province_successors: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
