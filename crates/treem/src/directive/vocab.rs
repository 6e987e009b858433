//! The closed vocabularies of directives and task reports, with labels in both languages.

use crate::Lang;

/// A coded value with its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The stable code used in JSON.
    pub code: &'static str,
    /// Vietnamese label.
    pub vi: &'static str,
    /// English label.
    pub en: &'static str,
}

impl Term {
    /// The label in `lang`.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::{directive::vocab::{find, UNIT_TYPES}, Lang};
    /// let term = find(UNIT_TYPES, "affiliated_unit").unwrap();
    /// assert_eq!(term.label(Lang::Vi), "Đơn vị trực thuộc Sở");
    /// ```
    pub const fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// Finds a term by code.
///
/// # Examples
///
/// ```
/// use treem::directive::vocab::{find, UNIT_TYPES};
/// assert_eq!(find(UNIT_TYPES, "preschool").map(|t| t.en), Some("Preschool"));
/// assert!(find(UNIT_TYPES, "university").is_none());
/// ```
pub fn find<'t>(terms: &'t [Term], code: &str) -> Option<&'t Term> {
    terms.iter().find(|t| t.code == code)
}

/// Kinds of unit a task can be assigned to and that report on it. The first four are the
/// seed's addressees ("Kính gửi"); the school levels are the education institutions that
/// Phòng GD&ĐT manage, to whom the seed's closing part also speaks ("các cơ sở giáo dục").
pub const UNIT_TYPES: &[Term] = &[
    Term {
        code: "phong_gddt",
        vi: "Phòng Giáo dục và Đào tạo",
        en: "District education office (Phòng GD&ĐT)",
    },
    Term {
        code: "thpt_school",
        vi: "Trường trung học phổ thông",
        en: "Upper secondary school",
    },
    Term {
        code: "multi_level_school",
        vi: "Trường phổ thông có nhiều cấp học",
        en: "Multi-level general school",
    },
    Term {
        code: "affiliated_unit",
        vi: "Đơn vị trực thuộc Sở",
        en: "Unit affiliated to the Department",
    },
    Term {
        code: "preschool",
        vi: "Cơ sở giáo dục mầm non",
        en: "Preschool",
    },
    Term {
        code: "primary_school",
        vi: "Trường tiểu học",
        en: "Primary school",
    },
    Term {
        code: "lower_secondary_school",
        vi: "Trường trung học cơ sở",
        en: "Lower secondary school",
    },
    Term {
        code: "education_institution",
        vi: "Cơ sở giáo dục (mọi loại)",
        en: "Any education institution",
    },
];

/// The unit types that `education_institution` covers: every school and affiliated unit,
/// not the Phòng GD&ĐT (a management office, not an institution).
pub const EDUCATION_INSTITUTIONS: &[&str] = &[
    "thpt_school",
    "multi_level_school",
    "affiliated_unit",
    "preschool",
    "primary_school",
    "lower_secondary_school",
];

/// True when a task assigned to `assignee` applies to a unit of type `unit_type`.
///
/// # Examples
///
/// ```
/// use treem::directive::vocab::assignee_covers;
/// assert!(assignee_covers("education_institution", "primary_school"));
/// assert!(!assignee_covers("education_institution", "phong_gddt"));
/// ```
pub fn assignee_covers(assignee: &str, unit_type: &str) -> bool {
    assignee == unit_type
        || (assignee == "education_institution" && EDUCATION_INSTITUTIONS.contains(&unit_type))
}

/// Signing capacities of Nghị định 30/2020/NĐ-CP Điều 13 (TM., KT., TUQ., TL.) and Q.
/// (quyền, acting head), the abbreviations of its Phụ lục I.
pub const SIGNING_CAPACITIES: &[Term] = &[
    Term {
        code: "TM",
        vi: "Thay mặt (tập thể)",
        en: "On behalf of (a collective body)",
    },
    Term {
        code: "KT",
        vi: "Ký thay (cấp phó ký thay cấp trưởng)",
        en: "Signed for (deputy for the head)",
    },
    Term {
        code: "TUQ",
        vi: "Thừa ủy quyền",
        en: "By authorisation",
    },
    Term {
        code: "TL",
        vi: "Thừa lệnh",
        en: "By order",
    },
    Term {
        code: "Q",
        vi: "Quyền (cấp trưởng)",
        en: "Acting (head)",
    },
];

/// Occasions the seed ties campaigns to (mục 1 điểm b), with the calendar months in which an
/// activity for them is expected. The months are our data-quality convention, not law:
/// Tháng hành động vì trẻ em is June and Quốc tế thiếu nhi 1 June (late May allowed for
/// preparation); Tết Trung thu (15th day of the 8th lunar month) always falls in September or
/// early October; Tết Nguyên đán between late January and mid February (December allowed).
pub const OCCASIONS: &[(Term, &[u32])] = &[
    (
        Term {
            code: "thang_hanh_dong_vi_tre_em",
            vi: "Tháng hành động vì trẻ em",
            en: "Month of Action for Children",
        },
        &[6],
    ),
    (
        Term {
            code: "quoc_te_thieu_nhi",
            vi: "Ngày Quốc tế thiếu nhi (01/6)",
            en: "International Children's Day (1 June)",
        },
        &[5, 6],
    ),
    (
        Term {
            code: "tet_trung_thu",
            vi: "Tết Trung thu",
            en: "Mid-Autumn Festival",
        },
        &[8, 9, 10],
    ),
    (
        Term {
            code: "tet_nguyen_dan",
            vi: "Tết Nguyên đán",
            en: "Lunar New Year",
        },
        &[12, 1, 2],
    ),
];

/// Communication products named in the seed (mục 1 điểm b): video, pa-nô, áp-phích, tờ rơi,
/// tờ gấp, sách mỏng, tài liệu, and articles (chuyên trang, chuyên mục, bài viết, phóng sự).
pub const MEDIA_TYPES: &[Term] = &[
    Term {
        code: "video",
        vi: "Video",
        en: "Video",
    },
    Term {
        code: "pa_no",
        vi: "Pa-nô",
        en: "Panel",
    },
    Term {
        code: "ap_phich",
        vi: "Áp-phích",
        en: "Poster",
    },
    Term {
        code: "to_roi",
        vi: "Tờ rơi",
        en: "Leaflet",
    },
    Term {
        code: "to_gap",
        vi: "Tờ gấp",
        en: "Folded brochure",
    },
    Term {
        code: "sach_mong",
        vi: "Sách mỏng",
        en: "Booklet",
    },
    Term {
        code: "tai_lieu",
        vi: "Tài liệu tuyên truyền",
        en: "Communication material",
    },
    Term {
        code: "bai_viet",
        vi: "Bài viết, chuyên mục, phóng sự",
        en: "Article, column or report",
    },
];

/// Kinds of activity in a task report.
pub const ACTIVITY_KINDS: &[Term] = &[
    Term {
        code: "event",
        vi: "Hội nghị, hội thảo, tập huấn, diễn đàn, hội thi",
        en: "Meeting, workshop, training, forum or contest",
    },
    Term {
        code: "media",
        vi: "Sản phẩm truyền thông",
        en: "Communication products",
    },
    Term {
        code: "campaign",
        vi: "Chiến dịch truyền thông, sự kiện",
        en: "Campaign or event",
    },
];

/// The hotlines the seed publicises (mục 1 điểm a): the national child protection hotline
/// 111 (legal-facts §12.3) and Hải Phòng's counselling line 18006605.
pub const HOTLINES: &[Term] = &[
    Term { code: "111", vi: "Tổng đài điện thoại quốc gia bảo vệ trẻ em", en: "National child protection hotline" },
    Term {
        code: "18006605",
        vi: "Tổng đài tư vấn chính sách trợ giúp xã hội và bảo vệ, chăm sóc giáo dục trẻ em (Hải Phòng)",
        en: "Hải Phòng counselling line on social assistance and child protection",
    },
];

/// Task statuses in a report.
pub const TASK_STATUSES: &[Term] = &[
    Term {
        code: "done",
        vi: "Đã hoàn thành",
        en: "Done",
    },
    Term {
        code: "in_progress",
        vi: "Đang thực hiện",
        en: "In progress",
    },
    Term {
        code: "not_started",
        vi: "Chưa thực hiện",
        en: "Not started",
    },
];
