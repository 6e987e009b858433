//! One administrative unit: its level, type, code, name and parents.

use serde::Serialize;

use crate::context::Edition;

/// The level of a unit in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp tỉnh: tỉnh or thành phố trực thuộc trung ương (2-digit code).
    Province,
    /// Cấp huyện: quận, huyện, thị xã, thành phố thuộc tỉnh (3-digit code; 2024 edition only,
    /// the level was abolished on 1 July 2025 by Luật Tổ chức chính quyền địa phương 72/2025/QH15).
    District,
    /// Cấp xã: xã, phường, thị trấn (2024), đặc khu (2025) (5-digit code).
    Commune,
}

impl Level {
    /// The number of digits of a code at this level.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::Level;
    /// assert_eq!(Level::Commune.code_len(), 5);
    /// ```
    pub const fn code_len(self) -> usize {
        match self {
            Level::Province => 2,
            Level::District => 3,
            Level::Commune => 5,
        }
    }

    /// The level whose codes have `len` digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::Level;
    /// assert_eq!(Level::of_code_len(3), Some(Level::District));
    /// assert_eq!(Level::of_code_len(4), None);
    /// ```
    pub const fn of_code_len(len: usize) -> Option<Level> {
        match len {
            2 => Some(Level::Province),
            3 => Some(Level::District),
            5 => Some(Level::Commune),
            _ => None,
        }
    }
}

/// The type of a unit, as its official name begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    /// Tỉnh (province level).
    Tinh,
    /// Thành phố: trực thuộc trung ương (province level) or thuộc tỉnh / thuộc thành phố
    /// (district level, 2024).
    ThanhPho,
    /// Quận (district level, 2024).
    Quan,
    /// Huyện (district level, 2024).
    Huyen,
    /// Thị xã (district level, 2024).
    ThiXa,
    /// Xã.
    Xa,
    /// Phường.
    Phuong,
    /// Thị trấn (commune level, 2024).
    ThiTran,
    /// Đặc khu (commune level, 2025).
    DacKhu,
}

impl UnitType {
    /// The word(s) official names start with, e.g. `Thị trấn`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::UnitType;
    /// assert_eq!(UnitType::ThiTran.prefix(), "Thị trấn");
    /// ```
    pub const fn prefix(self) -> &'static str {
        match self {
            UnitType::Tinh => "Tỉnh",
            UnitType::ThanhPho => "Thành phố",
            UnitType::Quan => "Quận",
            UnitType::Huyen => "Huyện",
            UnitType::ThiXa => "Thị xã",
            UnitType::Xa => "Xã",
            UnitType::Phuong => "Phường",
            UnitType::ThiTran => "Thị trấn",
            UnitType::DacKhu => "Đặc khu",
        }
    }

    /// The types allowed at `level`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::{Level, UnitType};
    /// assert!(UnitType::at(Level::Commune).contains(&UnitType::Phuong));
    /// assert!(!UnitType::at(Level::Province).contains(&UnitType::Phuong));
    /// ```
    pub const fn at(level: Level) -> &'static [UnitType] {
        match level {
            Level::Province => &[UnitType::Tinh, UnitType::ThanhPho],
            Level::District => &[
                UnitType::Quan,
                UnitType::Huyen,
                UnitType::ThiXa,
                UnitType::ThanhPho,
            ],
            Level::Commune => &[
                UnitType::Xa,
                UnitType::Phuong,
                UnitType::ThiTran,
                UnitType::DacKhu,
            ],
        }
    }

    /// The type of an official name at `level`, read from its first words, and the bare name
    /// after them (`Thị trấn Núi Đèo` → `ThiTran`, `Núi Đèo`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::{Level, UnitType};
    /// assert_eq!(UnitType::split_name(Level::Commune, "Thị trấn Núi Đèo"), Some((UnitType::ThiTran, "Núi Đèo")));
    /// ```
    pub fn split_name(level: Level, name: &str) -> Option<(UnitType, &str)> {
        UnitType::at(level).iter().find_map(|t| {
            let rest = name.strip_prefix(t.prefix())?.strip_prefix(' ')?;
            (!rest.trim().is_empty()).then_some((*t, rest))
        })
    }
}

/// One administrative unit of one edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The edition the code belongs to (codes are reused across editions with other meanings).
    pub edition: Edition,
    /// Province, district or commune.
    pub level: Level,
    /// The type its name starts with.
    #[serde(rename = "type")]
    pub unit_type: UnitType,
    /// The official code, zero-padded (2, 3 or 5 digits).
    pub code: Box<str>,
    /// The official name with its type, e.g. `Phường Lạch Tray`.
    pub name: Box<str>,
    /// The code of the province it belongs to (its own code for a province).
    pub province_code: Box<str>,
    /// The code of the district it belongs to (2024 communes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district_code: Option<Box<str>>,
}

impl Unit {
    /// The name without its type words: `Phường Lạch Tray` → `Lạch Tray`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::admin::find_commune;
    /// use treem::Edition;
    /// assert_eq!(find_commune(Edition::E2024, "11338").unwrap().bare_name(), "Cầu Tre");
    /// ```
    pub fn bare_name(&self) -> &str {
        self.name
            .strip_prefix(self.unit_type.prefix())
            .map_or(&*self.name, str::trim_start)
    }
}
