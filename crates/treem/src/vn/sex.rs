//! Sex as recorded in the national population database (giới tính: nam, nữ).
//!
//! The personal identification number encodes it in its fourth digit (Nghị định
//! 137/2015/NĐ-CP, Điều 13; Thông tư 07/2016/TT-BCA, Phụ lục III), so both the child record
//! and [`crate::vn::personal_id`] use this one type.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Sex as recorded in the population database.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Sex {
    /// Reads `male`, `nam`, `m`, `female`, `nữ`, `nu`, `f` (any case).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::sex::Sex;
    /// assert_eq!(Sex::parse(" Nữ "), Some(Sex::Female));
    /// assert_eq!(Sex::parse("x"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Sex> {
        match crate::letter_case::lower_str(text.trim()).as_str() {
            "male" | "nam" | "m" => Some(Sex::Male),
            "female" | "nữ" | "nu" | "f" => Some(Sex::Female),
            _ => None,
        }
    }

    /// The canonical code (`male`, `female`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::sex::Sex;
    /// assert_eq!(Sex::Female.code(), "female");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// The label in Vietnamese (`Nam`, `Nữ`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::sex::Sex;
    /// assert_eq!(Sex::Female.label_vi(), "Nữ");
    /// ```
    pub const fn label_vi(self) -> &'static str {
        match self {
            Sex::Male => "Nam",
            Sex::Female => "Nữ",
        }
    }

    /// The label in English (`Male`, `Female`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::vn::sex::Sex;
    /// assert_eq!(Sex::Male.label_en(), "Male");
    /// ```
    pub const fn label_en(self) -> &'static str {
        match self {
            Sex::Male => "Male",
            Sex::Female => "Female",
        }
    }
}
