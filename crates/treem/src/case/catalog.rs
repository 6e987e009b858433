//! The coded lists of a protection case: forms of abuse (Luật Trẻ em 2016, Điều 4), accidents
//! and injuries (ours), and the steps of case handling (Nghị định 56/2017/NĐ-CP, Điều 25–32).

use crate::code_list::Entry;

/// Forms of abuse (xâm hại trẻ em): Luật Trẻ em 2016, Điều 4 khoản 5, with the definitions of
/// khoản 6–9. Trafficking (mua bán) has no definition in Điều 4.
pub const ABUSE_FORMS: &[Entry] = &[
    abuse(
        "violence",
        "Bạo lực",
        "Violence",
        "Luật Trẻ em 2016, Điều 4 khoản 5, khoản 6",
        &["bao_luc"],
    ),
    abuse(
        "exploitation",
        "Bóc lột",
        "Exploitation",
        "Luật Trẻ em 2016, Điều 4 khoản 5, khoản 7",
        &["boc_lot"],
    ),
    abuse(
        "sexual_abuse",
        "Xâm hại tình dục",
        "Sexual abuse",
        "Luật Trẻ em 2016, Điều 4 khoản 5, khoản 8",
        &["xam_hai_tinh_duc"],
    ),
    abuse(
        "trafficking",
        "Mua bán",
        "Trafficking",
        "Luật Trẻ em 2016, Điều 4 khoản 5",
        &["mua_ban"],
    ),
    abuse(
        "abandonment",
        "Bỏ rơi",
        "Abandonment",
        "Luật Trẻ em 2016, Điều 4 khoản 5, khoản 9",
        &["bo_roi"],
    ),
    abuse(
        "neglect",
        "Bỏ mặc",
        "Neglect",
        "Luật Trẻ em 2016, Điều 4 khoản 5, khoản 9",
        &["bo_mac"],
    ),
    abuse(
        "other_harm",
        "Các hình thức gây tổn hại khác",
        "Other forms of harm",
        "Luật Trẻ em 2016, Điều 4 khoản 5",
        &["khac", "khác"],
    ),
];

const fn abuse(
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    source: &'static str,
    aliases: &'static [&'static str],
) -> Entry {
    Entry {
        code,
        vi,
        en,
        source,
        aliases,
    }
}

/// Where the abuse happened: the breakdown "Môi trường xâm hại" of Thông tư
/// 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0101. The Thông tư lists no categories for it; the only
/// environment categories it writes are those of Phụ lục III mã 0210, "Môi trường xảy ra tai
/// nạn (Gia đình, cộng đồng, trường học)". These three, and nothing else, are the list: their
/// use for abuse is our reading, said in each entry's source.
pub const ENVIRONMENTS: &[Entry] = &[
    environment("family", "Gia đình", "Family", &["gia_dinh"]),
    environment("community", "Cộng đồng", "Community", &["cong_dong"]),
    environment("school", "Trường học", "School", &["truong_hoc"]),
];

const fn environment(
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Entry {
    Entry {
        code,
        vi,
        en,
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục III mã 0210 (\"Môi trường xảy ra tai nạn (Gia đình, cộng đồng, trường học)\"), read for \"Môi trường xâm hại\" of Phụ lục IV mã 0101, which lists no categories (our reading)",
        aliases,
    }
}

/// The offender's relation to the child: the four groups of offenders of Thông tư
/// 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111, each quoted from its name.
pub const OFFENDER_RELATIONS: &[Entry] = &[
    Entry {
        code: "acquaintance_or_neighbour",
        vi: "Người quen, hàng xóm",
        en: "Acquaintance or neighbour",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108: \"đối tượng xâm hại trẻ em là người quen, hàng xóm\"",
        aliases: &["nguoi_quen_hang_xom", "người quen", "hàng xóm"],
    },
    Entry {
        code: "family_member",
        vi: "Thành viên gia đình",
        en: "Family member",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0109: \"đối tượng xâm hại trẻ em là thành viên gia đình\"",
        aliases: &["thanh_vien_gia_dinh"],
    },
    Entry {
        code: "institution_staff",
        vi: "Cán bộ quản lý, giáo viên, nhân viên cơ sở giáo dục, cơ sở trợ giúp xã hội, cơ sở cung cấp dịch vụ bảo vệ trẻ em",
        en: "Manager, teacher or staff of an education, social assistance or child protection service facility",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0110: \"đối tượng xâm hại trẻ em là cán bộ quản lý, giáo viên, nhân viên cơ sở giáo dục, cơ sở trợ giúp xã hội, cơ sở cung cấp dịch vụ bảo vệ trẻ em\"",
        aliases: &["can_bo_giao_vien_nhan_vien"],
    },
    Entry {
        code: "other",
        vi: "Đối tượng khác",
        en: "Other",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0111: \"đối tượng khác xâm hại trẻ em\"",
        aliases: &["doi_tuong_khac", "khac"],
    },
];

/// Accidents and injuries (tai nạn, thương tích). This list is ours: the law read so far
/// enumerates no types of injury; it follows the causes child-injury prevention work names
/// and will be replaced by an official list when one is verified.
pub const INJURY_TYPES: &[Entry] = &[
    ours("drowning", "Đuối nước", "Drowning", &["duoi_nuoc"]),
    ours(
        "traffic",
        "Tai nạn giao thông",
        "Traffic accident",
        &["giao_thong"],
    ),
    ours("fall", "Ngã", "Fall", &["nga", "té ngã"]),
    ours("burn", "Bỏng", "Burn", &["bong"]),
    ours(
        "electric_shock",
        "Điện giật",
        "Electric shock",
        &["dien_giat"],
    ),
    ours("poisoning", "Ngộ độc", "Poisoning", &["ngo_doc"]),
    ours(
        "animal_bite",
        "Động vật cắn",
        "Animal bite",
        &["dong_vat_can", "chó cắn"],
    ),
    ours("other", "Khác", "Other", &["khac"]),
];

const fn ours(
    code: &'static str,
    vi: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Entry {
    Entry {
        code,
        vi,
        en,
        source: "treem (no official list verified)",
        aliases,
    }
}

/// How a step's time limit is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// No time limit in the decree (or "ngay", immediately, which has no measurable length).
    None,
    /// Hours from the receipt of the information (`reported_at`).
    HoursFromReport(i64),
    /// Working days from the completion of another step.
    WorkingDaysAfter(Step, u32),
}

/// A step of case handling (Nghị định 56/2017/NĐ-CP, Điều 25–32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Recording the report (Điều 25 khoản 1, Mẫu số 01).
    Intake,
    /// Initial assessment of risk and harm (Điều 26 khoản 2, Mẫu số 02).
    InitialAssessment,
    /// Emergency intervention within 12 hours (Điều 26 khoản 3; Điều 31 khoản 2).
    EmergencyIntervention,
    /// Decision on temporary separation within 12 hours (Điều 32 khoản 2, Mẫu số 07).
    TemporarySeparation,
    /// Information gathering and detailed risk assessment (Điều 27 khoản 1, Mẫu số 03).
    DetailedAssessment,
    /// Support and intervention plan within 5 working days (Điều 28 khoản 1, Mẫu số 04).
    SupportPlan,
    /// Approval of the plan within 2 working days (Điều 28 khoản 2, 4; Mẫu số 05).
    PlanApproval,
    /// Carrying out the plan (Điều 29).
    Implementation,
    /// Review after the plan (Điều 30, Mẫu số 06).
    Review,
}

/// What the library knows of each step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDef {
    /// The step.
    pub step: Step,
    /// Its code and labels.
    pub entry: Entry,
    /// The form of the decree's appendix, when there is one.
    pub form: Option<&'static str>,
    /// Its time limit.
    pub limit: Limit,
    /// The step it follows (its completion must not be earlier).
    pub after: Option<Step>,
}

/// The steps, in the order of the decree.
pub const CASE_STEPS: &[StepDef] = &[
    StepDef {
        step: Step::Intake,
        entry: Entry {
            code: "intake",
            vi: "Tiếp nhận, ghi chép thông tin",
            en: "Receiving and recording the report",
            source: "Nghị định 56/2017/NĐ-CP, Điều 25 khoản 1",
            aliases: &[],
        },
        form: Some("Mẫu số 01"),
        limit: Limit::None,
        after: None,
    },
    StepDef {
        step: Step::InitialAssessment,
        entry: Entry {
            code: "initial_assessment",
            vi: "Đánh giá nguy cơ ban đầu, mức độ tổn hại",
            en: "Initial assessment of risk and harm",
            source: "Nghị định 56/2017/NĐ-CP, Điều 26 khoản 2",
            aliases: &[],
        },
        form: Some("Mẫu số 02"),
        limit: Limit::None,
        after: None,
    },
    StepDef {
        step: Step::EmergencyIntervention,
        entry: Entry {
            code: "emergency_intervention",
            vi: "Can thiệp khẩn cấp",
            en: "Emergency intervention",
            source: "Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3; Điều 31 khoản 2",
            aliases: &[],
        },
        form: None,
        limit: Limit::HoursFromReport(12),
        after: None,
    },
    StepDef {
        step: Step::TemporarySeparation,
        entry: Entry {
            code: "temporary_separation",
            vi: "Quyết định tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc",
            en: "Decision on temporary separation from parents or caregivers",
            source: "Nghị định 56/2017/NĐ-CP, Điều 32 khoản 2",
            aliases: &[],
        },
        form: Some("Mẫu số 07"),
        limit: Limit::HoursFromReport(12),
        after: None,
    },
    StepDef {
        step: Step::DetailedAssessment,
        entry: Entry {
            code: "detailed_assessment",
            vi: "Thu thập thông tin, đánh giá nguy cơ cụ thể",
            en: "Information gathering and detailed risk assessment",
            source: "Nghị định 56/2017/NĐ-CP, Điều 27 khoản 1",
            aliases: &[],
        },
        form: Some("Mẫu số 03"),
        limit: Limit::None,
        after: None,
    },
    StepDef {
        step: Step::SupportPlan,
        entry: Entry {
            code: "support_plan",
            vi: "Xây dựng kế hoạch hỗ trợ, can thiệp",
            en: "Drawing up the support and intervention plan",
            source: "Nghị định 56/2017/NĐ-CP, Điều 28 khoản 1",
            aliases: &[],
        },
        form: Some("Mẫu số 04"),
        limit: Limit::WorkingDaysAfter(Step::DetailedAssessment, 5),
        after: Some(Step::DetailedAssessment),
    },
    StepDef {
        step: Step::PlanApproval,
        entry: Entry {
            code: "plan_approval",
            vi: "Phê duyệt kế hoạch hỗ trợ, can thiệp",
            en: "Approval of the plan",
            source: "Nghị định 56/2017/NĐ-CP, Điều 28 khoản 2, khoản 4",
            aliases: &[],
        },
        form: Some("Mẫu số 05"),
        limit: Limit::WorkingDaysAfter(Step::SupportPlan, 2),
        after: Some(Step::SupportPlan),
    },
    StepDef {
        step: Step::Implementation,
        entry: Entry {
            code: "implementation",
            vi: "Thực hiện kế hoạch hỗ trợ, can thiệp",
            en: "Carrying out the plan",
            source: "Nghị định 56/2017/NĐ-CP, Điều 29",
            aliases: &[],
        },
        form: None,
        limit: Limit::None,
        after: Some(Step::PlanApproval),
    },
    StepDef {
        step: Step::Review,
        entry: Entry {
            code: "review",
            vi: "Rà soát, đánh giá sau khi thực hiện kế hoạch",
            en: "Review after the plan",
            source: "Nghị định 56/2017/NĐ-CP, Điều 30",
            aliases: &[],
        },
        form: Some("Mẫu số 06"),
        limit: Limit::None,
        after: Some(Step::Implementation),
    },
];

/// The longest temporary separation, in days, unless a competent authority requires it to
/// continue (Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3).
pub const SEPARATION_MAX_DAYS: i64 = 15;

/// The definition of `step`.
///
/// # Examples
///
/// ```
/// use treem::case::catalog::{step_def, Step};
/// let def = step_def(Step::PlanApproval).unwrap();
/// assert_eq!(def.after, Some(Step::SupportPlan));
/// ```
pub fn step_def(step: Step) -> Option<&'static StepDef> {
    CASE_STEPS.iter().find(|d| d.step == step)
}

/// The catalog `case_steps`: each step with its form and time limit.
pub(crate) fn steps_items(ctx: &crate::Context) -> Vec<serde_json::Value> {
    CASE_STEPS
        .iter()
        .map(|d| {
            let limit = match d.limit {
                Limit::None => serde_json::Value::Null,
                Limit::HoursFromReport(h) => serde_json::json!({"hours_from_report": h}),
                Limit::WorkingDaysAfter(step, n) => serde_json::json!({
                    "working_days": n,
                    "after": step_def(step).map(|s| s.entry.code),
                    "except_emergency": true,
                }),
            };
            serde_json::json!({
                "code": d.entry.code,
                "label": d.entry.label(ctx.lang),
                "source": d.entry.source,
                "form": d.form,
                "limit": limit,
            })
        })
        .collect()
}
