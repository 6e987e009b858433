//! The school vocabulary: education levels (cấp học), school types, ownership and managing
//! authorities, with the catalogs `school_levels` and `school_types`.
//!
//! Levels and grades: Luật Giáo dục 2019 (Luật số 43/2019/QH14) Điều 6 khoản 2 and Điều 28
//! khoản 1 (tiểu học lớp 1–5, THCS lớp 6–9, THPT lớp 10–12). Mầm non types: the same law,
//! Điều 26. Phổ thông and GDTX types: Thông tư 18/2023/TT-BGDĐT Điều 1 khoản 2 (and Luật
//! Giáo dục 2019 Điều 33 khoản 4 for "trường phổ thông có nhiều cấp học").

use serde::Serialize;

use crate::Lang;

use crate::code_list::{fold, label_folds_to};

/// A level (cấp học) of the national education system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Giáo dục nhà trẻ (03 tháng – 03 tuổi; Luật GD 2019 Điều 6.2a, Điều 26.1).
    NhaTre,
    /// Giáo dục mẫu giáo (03 – 06 tuổi; Luật GD 2019 Điều 6.2a, Điều 26.2).
    MauGiao,
    /// Tiểu học, lớp 1–5 (Luật GD 2019 Điều 28.1a).
    TieuHoc,
    /// Trung học cơ sở, lớp 6–9 (Luật GD 2019 Điều 28.1b).
    Thcs,
    /// Trung học phổ thông, lớp 10–12 (Luật GD 2019 Điều 28.1c).
    Thpt,
    /// Giáo dục thường xuyên (Luật GD 2019 Điều 6.1).
    Gdtx,
}

/// Every level, in catalog order.
pub const LEVELS: [Level; 6] = [
    Level::NhaTre,
    Level::MauGiao,
    Level::TieuHoc,
    Level::Thcs,
    Level::Thpt,
    Level::Gdtx,
];

impl Level {
    /// The stable code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::school::types::Level::MauGiao.code(), "mau_giao");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Level::NhaTre => "nha_tre",
            Level::MauGiao => "mau_giao",
            Level::TieuHoc => "tieu_hoc",
            Level::Thcs => "thcs",
            Level::Thpt => "thpt",
            Level::Gdtx => "gdtx",
        }
    }

    /// The label in `lang`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{school::types::Level, Lang};
    /// assert_eq!(Level::Thpt.label(Lang::Vi), "Trung học phổ thông");
    /// assert_eq!(Level::Thpt.label(Lang::En), "Upper secondary (grades 10–12)");
    /// ```
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::NhaTre, Lang::Vi) => "Giáo dục nhà trẻ",
            (Level::NhaTre, Lang::En) => "Nursery (3 months to 3 years)",
            (Level::MauGiao, Lang::Vi) => "Giáo dục mẫu giáo",
            (Level::MauGiao, Lang::En) => "Kindergarten (3 to 6 years)",
            (Level::TieuHoc, Lang::Vi) => "Tiểu học",
            (Level::TieuHoc, Lang::En) => "Primary (grades 1–5)",
            (Level::Thcs, Lang::Vi) => "Trung học cơ sở",
            (Level::Thcs, Lang::En) => "Lower secondary (grades 6–9)",
            (Level::Thpt, Lang::Vi) => "Trung học phổ thông",
            (Level::Thpt, Lang::En) => "Upper secondary (grades 10–12)",
            (Level::Gdtx, Lang::Vi) => "Giáo dục thường xuyên",
            (Level::Gdtx, Lang::En) => "Continuing education",
        }
    }

    /// The grades taught at this level (Luật GD 2019 Điều 28.1), or `None` where the law
    /// numbers no grades (mầm non) or treem has no verified grade range (GDTX).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Level;
    /// assert_eq!(Level::TieuHoc.grades(), Some((1, 5)));
    /// assert_eq!(Level::NhaTre.grades(), None);
    /// ```
    pub const fn grades(self) -> Option<(u8, u8)> {
        match self {
            Level::TieuHoc => Some((1, 5)),
            Level::Thcs => Some((6, 9)),
            Level::Thpt => Some((10, 12)),
            Level::NhaTre | Level::MauGiao | Level::Gdtx => None,
        }
    }

    /// True for the mầm non levels.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Level;
    /// assert!(Level::MauGiao.is_mam_non());
    /// assert!(!Level::TieuHoc.is_mam_non());
    /// ```
    pub const fn is_mam_non(self) -> bool {
        matches!(self, Level::NhaTre | Level::MauGiao)
    }

    /// Reads a code, a Vietnamese name (any case), or the English codes `nursery`,
    /// `kindergarten`, `primary`, `lower_secondary`, `upper_secondary`, `continuing_education`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Level;
    /// assert_eq!(Level::parse("thcs"), Some(Level::Thcs));
    /// assert_eq!(Level::parse("tiểu học"), Some(Level::TieuHoc));
    /// assert_eq!(Level::parse("primary"), Some(Level::TieuHoc));
    /// assert_eq!(Level::parse("đại học"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Level> {
        // A code as written (what forms send) without folding: the answer of the search
        // below, since no label or alias folds to another level's code (test
        // `codes_are_found_first`).
        if let Some(level) = LEVELS.into_iter().find(|l| l.code() == text) {
            return Some(level);
        }
        let folded = fold(text);
        LEVELS.into_iter().find(|l| {
            l.code() == folded
                || label_folds_to(l.label(Lang::Vi), &folded)
                || matches!(
                    (l, folded.as_str()),
                    (Level::Thcs, "thcs")
                        | (Level::Thpt, "thpt")
                        | (Level::Gdtx, "gdtx")
                        | (Level::NhaTre, "nhà trẻ")
                        | (Level::MauGiao, "mẫu giáo")
                        // English codes, as the child record spelt levels before the
                        // school list became the one list.
                        | (Level::NhaTre, "nursery")
                        | (Level::MauGiao, "kindergarten")
                        | (Level::TieuHoc, "primary")
                        | (Level::Thcs, "lower_secondary")
                        | (Level::Thpt, "upper_secondary")
                        | (Level::Gdtx, "continuing_education")
                )
        })
    }

    /// The legal source of the level.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Level;
    /// assert_eq!(Level::Gdtx.source(), "Luật Giáo dục 2019, Điều 6 khoản 1");
    /// ```
    pub const fn source(self) -> &'static str {
        match self {
            Level::NhaTre | Level::MauGiao => "Luật Giáo dục 2019, Điều 6 khoản 2 điểm a; Điều 26",
            Level::TieuHoc | Level::Thcs | Level::Thpt => {
                "Luật Giáo dục 2019, Điều 6 khoản 2 điểm b; Điều 28 khoản 1"
            }
            Level::Gdtx => "Luật Giáo dục 2019, Điều 6 khoản 1",
        }
    }
}

/// Which levels a school type may teach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelRule {
    /// Exactly these levels (a trường mầm non combines nhà trẻ and mẫu giáo, Điều 26.3).
    Exactly(&'static [Level]),
    /// At least `min` of these levels.
    AnyOf {
        /// The levels allowed.
        levels: &'static [Level],
        /// How many of them at least.
        min: usize,
    },
}

const PHO_THONG: &[Level] = &[Level::TieuHoc, Level::Thcs, Level::Thpt];

/// A type of school or education institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolType {
    /// Stable code.
    pub code: &'static str,
    /// Name as the law writes it.
    pub label_vi: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// The levels it teaches.
    pub levels: LevelRule,
    /// True for the independent groups and classes (nhóm trẻ, lớp mẫu giáo, lớp mầm non độc
    /// lập), which have their own threshold in Thông tư 45/2021/TT-BGDĐT Điều 8.2b.
    pub independent: bool,
    /// Legal source.
    pub source: &'static str,
}

impl SchoolType {
    /// The label in `lang`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{school::types::school_type, Lang};
    /// let t = school_type("nha_tre").unwrap();
    /// assert_eq!(t.label(Lang::Vi), "Nhà trẻ");
    /// assert_eq!(t.label(Lang::En), "Nursery");
    /// ```
    pub const fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.label_vi,
            Lang::En => self.label_en,
        }
    }

    /// True when the type may teach `level`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::{school_type, Level};
    /// let t = school_type("truong_thcs").unwrap();
    /// assert!(t.allows(Level::Thcs));
    /// assert!(!t.allows(Level::TieuHoc));
    /// ```
    pub fn allows(&self, level: Level) -> bool {
        match self.levels {
            LevelRule::Exactly(levels) | LevelRule::AnyOf { levels, .. } => levels.contains(&level),
        }
    }

    /// True when every level of the type is a mầm non level.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::school_type;
    /// assert!(school_type("truong_mam_non").unwrap().is_mam_non());
    /// assert!(!school_type("truong_pho_thong_nhieu_cap").unwrap().is_mam_non());
    /// ```
    pub fn is_mam_non(&self) -> bool {
        match self.levels {
            LevelRule::Exactly(levels) | LevelRule::AnyOf { levels, .. } => {
                levels.iter().all(|l| l.is_mam_non())
            }
        }
    }
}

const fn st(
    code: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
    levels: LevelRule,
    independent: bool,
    source: &'static str,
) -> SchoolType {
    SchoolType {
        code,
        label_vi,
        label_en,
        levels,
        independent,
        source,
    }
}

const D26: &str = "Luật Giáo dục 2019, Điều 26";
const TT18: &str = "Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2";

/// Every school type, in catalog order.
pub const SCHOOL_TYPES: &[SchoolType] = &[
    st(
        "nha_tre",
        "Nhà trẻ",
        "Nursery",
        LevelRule::Exactly(&[Level::NhaTre]),
        false,
        D26,
    ),
    st(
        "nhom_tre_doc_lap",
        "Nhóm trẻ độc lập",
        "Independent nursery group",
        LevelRule::Exactly(&[Level::NhaTre]),
        true,
        D26,
    ),
    st(
        "truong_mau_giao",
        "Trường mẫu giáo",
        "Kindergarten",
        LevelRule::Exactly(&[Level::MauGiao]),
        false,
        D26,
    ),
    st(
        "lop_mau_giao_doc_lap",
        "Lớp mẫu giáo độc lập",
        "Independent kindergarten class",
        LevelRule::Exactly(&[Level::MauGiao]),
        true,
        D26,
    ),
    st(
        "truong_mam_non",
        "Trường mầm non",
        "Preschool (nursery and kindergarten)",
        LevelRule::Exactly(&[Level::NhaTre, Level::MauGiao]),
        false,
        D26,
    ),
    st(
        "lop_mam_non_doc_lap",
        "Lớp mầm non độc lập",
        "Independent preschool class",
        LevelRule::Exactly(&[Level::NhaTre, Level::MauGiao]),
        true,
        D26,
    ),
    st(
        "truong_tieu_hoc",
        "Trường tiểu học",
        "Primary school",
        LevelRule::Exactly(&[Level::TieuHoc]),
        false,
        TT18,
    ),
    st(
        "truong_thcs",
        "Trường trung học cơ sở",
        "Lower secondary school",
        LevelRule::Exactly(&[Level::Thcs]),
        false,
        TT18,
    ),
    st(
        "truong_thpt",
        "Trường trung học phổ thông",
        "Upper secondary school",
        LevelRule::Exactly(&[Level::Thpt]),
        false,
        TT18,
    ),
    st(
        "truong_pho_thong_nhieu_cap",
        "Trường phổ thông có nhiều cấp học",
        "Multi-level general school",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 2,
        },
        false,
        "Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2; Luật Giáo dục 2019, Điều 33 khoản 4",
    ),
    st(
        "truong_pt_dan_toc_noi_tru",
        "Trường phổ thông dân tộc nội trú",
        "Ethnic minority boarding school",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 1,
        },
        false,
        TT18,
    ),
    st(
        "truong_pt_dan_toc_ban_tru",
        "Trường phổ thông dân tộc bán trú",
        "Ethnic minority semi-boarding school",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 1,
        },
        false,
        TT18,
    ),
    st(
        "truong_chuyen",
        "Trường chuyên",
        "Specialised (gifted) school",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 1,
        },
        false,
        TT18,
    ),
    st(
        "truong_nang_khieu",
        "Trường năng khiếu",
        "School for the talented",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 1,
        },
        false,
        TT18,
    ),
    st(
        "truong_nguoi_khuyet_tat",
        "Trường dành cho người khuyết tật",
        "School for learners with disabilities",
        LevelRule::AnyOf {
            levels: PHO_THONG,
            min: 1,
        },
        false,
        TT18,
    ),
    st(
        "trung_tam_gdtx",
        "Trung tâm giáo dục thường xuyên",
        "Continuing education centre",
        LevelRule::Exactly(&[Level::Gdtx]),
        false,
        TT18,
    ),
    st(
        "trung_tam_gdnn_gdtx",
        "Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên",
        "Vocational and continuing education centre",
        LevelRule::Exactly(&[Level::Gdtx]),
        false,
        TT18,
    ),
];

/// Looks up a school type by code or by its Vietnamese name (any case).
///
/// # Examples
///
/// ```
/// use treem::school::types::school_type;
/// let t = school_type("truong_tieu_hoc").unwrap();
/// assert_eq!(school_type("Trường tiểu học").map(|t| t.code), Some(t.code));
/// assert!(school_type("truong_dai_hoc").is_none());
/// ```
pub fn school_type(text: &str) -> Option<&'static SchoolType> {
    // A code as written (what forms send) without folding: the answer of the search below,
    // since no label folds to another type's code (test `codes_are_found_first`). A record
    // asks for its type several times, so this is most of the lookups.
    if let Some(exact) = SCHOOL_TYPES.iter().find(|t| t.code == text) {
        return Some(exact);
    }
    let folded = fold(text);
    SCHOOL_TYPES
        .iter()
        .find(|t| t.code == folded || label_folds_to(t.label_vi, &folded))
}

/// Ownership (loại hình). The three names appear in Nghị quyết 217/2025/QH15 (miễn, hỗ trợ
/// học phí: "cơ sở giáo dục công lập", "dân lập, tư thục"). Which ownership each level may
/// have (Luật Giáo dục 2019 Điều 47) was not read, so no rule ties ownership to level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    /// Công lập.
    CongLap,
    /// Dân lập.
    DanLap,
    /// Tư thục.
    TuThuc,
}

impl Ownership {
    /// Every ownership type.
    pub const ALL: [Ownership; 3] = [Ownership::CongLap, Ownership::DanLap, Ownership::TuThuc];

    /// The stable code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::school::types::Ownership::CongLap.code(), "cong_lap");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Ownership::CongLap => "cong_lap",
            Ownership::DanLap => "dan_lap",
            Ownership::TuThuc => "tu_thuc",
        }
    }

    /// The Vietnamese name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::school::types::Ownership::DanLap.label_vi(), "Dân lập");
    /// ```
    pub const fn label_vi(self) -> &'static str {
        match self {
            Ownership::CongLap => "Công lập",
            Ownership::DanLap => "Dân lập",
            Ownership::TuThuc => "Tư thục",
        }
    }

    /// Reads a code or the Vietnamese name.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Ownership;
    /// assert_eq!(Ownership::parse("tu_thuc"), Some(Ownership::TuThuc));
    /// assert_eq!(Ownership::parse("Công lập"), Some(Ownership::CongLap));
    /// assert_eq!(Ownership::parse("private"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Ownership> {
        // A code as written, without folding: the search's answer (test
        // `codes_are_found_first`).
        if let Some(exact) = Ownership::ALL.into_iter().find(|o| o.code() == text) {
            return Some(exact);
        }
        let folded = fold(text);
        Ownership::ALL
            .into_iter()
            .find(|o| o.code() == folded || label_folds_to(o.label_vi(), &folded))
    }
}

/// The education authority that manages a school directly ("cơ quan quản lý giáo dục trực
/// tiếp", Thông tư 18/2023/TT-BGDĐT Điều 12 khoản 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Sở Giáo dục và Đào tạo (provincial).
    SoGddt,
    /// Phòng Giáo dục và Đào tạo (district level; reports to Ủy ban nhân dân cấp huyện,
    /// TT 18/2023 Điều 12 khoản 3). The district level ended on 1 July 2025.
    PhongGddt,
    /// Ủy ban nhân dân cấp xã (commune level, two-level local government from 1 July 2025).
    UbndXa,
}

impl Authority {
    /// Every authority.
    pub const ALL: [Authority; 3] = [Authority::SoGddt, Authority::PhongGddt, Authority::UbndXa];

    /// The stable code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(treem::school::types::Authority::PhongGddt.code(), "phong_gddt");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Authority::SoGddt => "so_gddt",
            Authority::PhongGddt => "phong_gddt",
            Authority::UbndXa => "ubnd_xa",
        }
    }

    /// The label in `lang`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{school::types::Authority, Lang};
    /// assert_eq!(Authority::UbndXa.label(Lang::En), "Commune People's Committee");
    /// ```
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Authority::SoGddt, Lang::Vi) => "Sở Giáo dục và Đào tạo",
            (Authority::SoGddt, Lang::En) => "Provincial Department of Education and Training",
            (Authority::PhongGddt, Lang::Vi) => "Phòng Giáo dục và Đào tạo",
            (Authority::PhongGddt, Lang::En) => "District Office of Education and Training",
            (Authority::UbndXa, Lang::Vi) => "Ủy ban nhân dân cấp xã",
            (Authority::UbndXa, Lang::En) => "Commune People's Committee",
        }
    }

    /// Reads a code, the Vietnamese name, or the usual abbreviations (`Sở GD&ĐT`,
    /// `Phòng GDĐT`, `UBND xã`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::school::types::Authority;
    /// assert_eq!(Authority::parse("ubnd_xa"), Some(Authority::UbndXa));
    /// assert_eq!(Authority::parse("Sở GD&ĐT"), Some(Authority::SoGddt));
    /// assert_eq!(Authority::parse("bộ"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Authority> {
        // A code as written, without folding: the search's answer (test
        // `codes_are_found_first`).
        if let Some(exact) = Authority::ALL.into_iter().find(|a| a.code() == text) {
            return Some(exact);
        }
        let folded = fold(text).replace(['&', '-'], "");
        let squashed: String = folded.split_whitespace().collect();
        Authority::ALL.into_iter().find(|a| {
            a.code() == folded
                || label_folds_to(a.label(Lang::Vi), &folded)
                || matches!(
                    (a, squashed.as_str()),
                    (Authority::SoGddt, "sởgdđt" | "sởgddt")
                        | (Authority::PhongGddt, "phònggdđt" | "phònggddt")
                        | (Authority::UbndXa, "ubndxã" | "ubndcấpxã")
                )
        })
    }
}

/// Catalog `school_levels`.
pub(crate) fn levels_catalog(ctx: &crate::Context) -> Vec<serde_json::Value> {
    LEVELS
        .iter()
        .map(|l| {
            let grades = l
                .grades()
                .map(|(a, b)| serde_json::json!({"from": a, "to": b}));
            serde_json::json!({
                "code": l.code(),
                "label": l.label(ctx.lang),
                "grades": grades,
                "source": l.source(),
            })
        })
        .collect()
}

/// Catalog `school_types` (with the school record only: a child form lists levels, not types).
#[cfg(feature = "school")]
pub(crate) fn types_catalog(ctx: &crate::Context) -> Vec<serde_json::Value> {
    SCHOOL_TYPES
        .iter()
        .map(|t| {
            let (levels, min) = match t.levels {
                LevelRule::Exactly(levels) => (levels, levels.len()),
                LevelRule::AnyOf { levels, min } => (levels, min),
            };
            serde_json::json!({
                "code": t.code,
                "label": t.label(ctx.lang),
                "levels": levels.iter().map(|l| l.code()).collect::<Vec<_>>(),
                "min_levels": min,
                "levels_exact": matches!(t.levels, LevelRule::Exactly(_)),
                "independent": t.independent,
                "source": t.source,
            })
        })
        .collect()
}

// Tests compare with, or sort through, the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    /// The exact-code shortcuts of `school_type` and `Level::parse` answer what the folded
    /// search answers: no Vietnamese label (or alias) folds to a code of another entry.
    #[test]
    fn codes_are_found_first() {
        for t in super::SCHOOL_TYPES {
            let folded = super::fold(t.code);
            let first = super::SCHOOL_TYPES
                .iter()
                .find(|u| u.code == folded || super::label_folds_to(u.label_vi, &folded));
            assert_eq!(first.map(|u| u.code), Some(t.code));
        }
        for level in super::LEVELS {
            let folded = super::fold(level.code());
            for other in super::LEVELS {
                if other != level {
                    assert!(!super::label_folds_to(
                        other.label(crate::Lang::Vi),
                        &folded
                    ));
                }
            }
            assert_eq!(super::Level::parse(&folded), Some(level));
        }
        for authority in super::Authority::ALL {
            for other in super::Authority::ALL {
                if other != authority {
                    assert!(!super::label_folds_to(
                        other.label(crate::Lang::Vi),
                        authority.code()
                    ));
                }
            }
        }
        for ownership in super::Ownership::ALL {
            for other in super::Ownership::ALL {
                if other != ownership {
                    assert!(!super::label_folds_to(other.label_vi(), ownership.code()));
                }
            }
        }
    }

    use super::*;

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(Level::parse("THCS"), Some(Level::Thcs));
        assert_eq!(Level::parse("Trung học phổ thông"), Some(Level::Thpt));
        assert_eq!(Level::parse("lớp 5"), None);
        assert_eq!(
            school_type("Trường  mầm non").map(|t| t.code),
            Some("truong_mam_non")
        );
        assert_eq!(Ownership::parse("Tư thục"), Some(Ownership::TuThuc));
        assert_eq!(Authority::parse("Sở GD&ĐT"), Some(Authority::SoGddt));
        assert_eq!(Authority::parse("Phòng GDĐT"), Some(Authority::PhongGddt));
        assert_eq!(Authority::parse("UBND xã"), Some(Authority::UbndXa));
        assert_eq!(Authority::parse("Bộ"), None);
    }

    /// The general fold, as it was before the ASCII fast path.
    fn fold_general(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    #[test]
    fn label_matching_answers_as_folding_the_label() {
        let mut labels: Vec<&str> = LEVELS.iter().map(|l| l.label(Lang::Vi)).collect();
        labels.extend(SCHOOL_TYPES.iter().map(|t| t.label_vi));
        labels.extend(Ownership::ALL.iter().map(|o| o.label_vi()));
        labels.extend(Authority::ALL.iter().map(|a| a.label(Lang::Vi)));
        let mut typed: Vec<String> = labels.iter().map(|l| fold_general(l)).collect();
        typed.extend(["", " ", "tieu_hoc", "trung học", "trường mầm non x"].map(String::from));
        for label in &labels {
            for folded in &typed {
                assert_eq!(
                    label_folds_to(label, folded),
                    fold_general(label) == *folded,
                    "{label:?} / {folded:?}"
                );
            }
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for t in SCHOOL_TYPES {
            assert!(seen.insert(t.code));
            assert!(school_type(t.label_vi).is_some());
        }
        assert!(SCHOOL_TYPES
            .iter()
            .filter(|t| t.independent)
            .all(|t| t.is_mam_non()));
    }
}
