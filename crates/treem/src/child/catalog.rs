//! The coded lists of the child record, each from its law: the 14 groups of children in
//! special circumstances with their sub-categories, types and levels of disability, monthly
//! social assistance categories, the three protection levels, and the lists of relationship
//! and living status that are ours (no law enumerates them). School levels are the school
//! module's ([`crate::school::types::Level`], catalog `school_levels`): one list.

use crate::code_list::Entry;

/// A group of children in special circumstances (Luật Trẻ em 2016, Điều 10 khoản 1) with the
/// sub-categories Nghị định 56/2017/NĐ-CP gives it (Điều 3–16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Code, labels and source of the group.
    pub entry: Entry,
    /// The letter of the group in Điều 10 khoản 1 (`a`, `b`, ..., `đ`, ..., `o`).
    pub letter: &'static str,
    /// The article of Nghị định 56/2017/NĐ-CP that details the group.
    pub decree_article: u8,
    /// The sub-categories, verbatim in Vietnamese; sub-category `n` is khoản `n` of the
    /// article. Empty for Điều 7 and Điều 11, which are not divided into khoản.
    pub sub_categories: &'static [&'static str],
}

impl Group {
    /// The sub-category numbered `number` (1-based, the khoản of the decree article).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(any(feature = "child", feature = "case"))] {
    /// let group = treem::child::catalog::special_circumstance("a").unwrap();
    /// assert_eq!(group.sub_category(3), Some("Trẻ em mồ côi cả cha và mẹ sống với người thân thích."));
    /// assert_eq!(group.sub_category(0), None);
    /// # }
    /// ```
    pub fn sub_category(&self, number: i64) -> Option<&'static str> {
        let index = usize::try_from(number.checked_sub(1)?).ok()?;
        self.sub_categories.get(index).copied()
    }
}

/// The 14 groups, in the order of Điều 10 khoản 1 (Vietnamese lettering skips f and j).
pub const SPECIAL_CIRCUMSTANCES: &[Group] = &[
    Group {
        entry: Entry {
            code: "orphan_both_parents",
            vi: "Trẻ em mồ côi cả cha và mẹ",
            en: "Children orphaned of both parents",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm a; Nghị định 56/2017/NĐ-CP, Điều 3",
            aliases: &["a", "mo_coi_ca_cha_va_me"],
        },
        letter: "a",
        decree_article: 3,
        sub_categories: &[
            "Trẻ em mồ côi cả cha và mẹ không có người chăm sóc.",
            "Trẻ em mồ côi cả cha và mẹ được nuôi dưỡng trong cơ sở cung cấp dịch vụ bảo vệ trẻ em hoặc cơ sở trợ giúp xã hội.",
            "Trẻ em mồ côi cả cha và mẹ sống với người thân thích.",
            "Trẻ em mồ côi cả cha và mẹ được nhận chăm sóc thay thế bởi cá nhân, gia đình không phải người thân thích, trừ trường hợp được nhận làm con nuôi.",
        ],
    },
    Group {
        entry: Entry {
            code: "abandoned",
            vi: "Trẻ em bị bỏ rơi",
            en: "Abandoned children",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm b; Nghị định 56/2017/NĐ-CP, Điều 4",
            aliases: &["b", "bo_roi"],
        },
        letter: "b",
        decree_article: 4,
        sub_categories: &[
            "Trẻ em bị bỏ rơi chưa được chăm sóc thay thế.",
            "Trẻ em bị bỏ rơi được chăm sóc thay thế.",
        ],
    },
    Group {
        entry: Entry {
            code: "without_support",
            vi: "Trẻ em không nơi nương tựa",
            en: "Children with no one to rely on",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm c; Nghị định 56/2017/NĐ-CP, Điều 5",
            aliases: &["c", "khong_noi_nuong_tua"],
        },
        letter: "c",
        decree_article: 5,
        sub_categories: &[
            "Trẻ em mồ côi cha hoặc mẹ và người còn lại mất tích theo quy định của pháp luật.",
            "Trẻ em mồ côi cha hoặc mẹ và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội hoặc không còn khả năng chăm sóc, nuôi dưỡng.",
            "Trẻ em mồ côi cha hoặc mẹ và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc.",
            "Trẻ em có cả cha và mẹ mất tích theo quy định của pháp luật.",
            "Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội.",
            "Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc.",
            "Trẻ em có cả cha và mẹ không còn khả năng chăm sóc trẻ em.",
            "Trẻ em có cả cha và mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội.",
            "Trẻ em có cả cha và mẹ đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc.",
            "Trẻ em có cha hoặc mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc.",
            "Trẻ em sống trong gia đình có cả cha và mẹ trong độ tuổi trẻ em.",
            "Trẻ em có cả cha và mẹ bị hạn chế quyền làm cha mẹ hoặc tạm thời cách ly khỏi cha hoặc mẹ theo quy định của pháp luật.",
        ],
    },
    Group {
        entry: Entry {
            code: "disabled",
            vi: "Trẻ em khuyết tật",
            en: "Children with disabilities",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm d; Nghị định 56/2017/NĐ-CP, Điều 6",
            aliases: &["d", "khuyet_tat"],
        },
        letter: "d",
        decree_article: 6,
        sub_categories: &[
            "Trẻ em khuyết tật đặc biệt nặng.",
            "Trẻ em khuyết tật nặng.",
            "Trẻ em khuyết tật nhẹ.",
        ],
    },
    Group {
        entry: Entry {
            code: "hiv_aids",
            vi: "Trẻ em nhiễm HIV/AIDS",
            en: "Children living with HIV/AIDS",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm đ; Nghị định 56/2017/NĐ-CP, Điều 7",
            aliases: &["đ", "hiv", "dd"],
        },
        letter: "đ",
        decree_article: 7,
        sub_categories: &[
        ],
    },
    Group {
        entry: Entry {
            code: "in_conflict_with_law",
            vi: "Trẻ em vi phạm pháp luật",
            en: "Children in conflict with the law",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm e; Nghị định 56/2017/NĐ-CP, Điều 8",
            aliases: &["e", "vi_pham_phap_luat"],
        },
        letter: "e",
        decree_article: 8,
        sub_categories: &[
            "Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp xử lý hành chính, giáo dục tại xã, phường, thị trấn hoặc biện pháp đưa vào trường giáo dưỡng; đang bị áp dụng biện pháp thay thế xử lý vi phạm hành chính quản lý tại gia đình.",
            "Trẻ em vi phạm pháp luật chưa xác định được nơi cư trú ổn định đang chấp hành biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn, tại cơ sở cung cấp dịch vụ bảo vệ trẻ em, cơ sở trợ giúp xã hội.",
            "Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp tư pháp giáo dục tại xã, phường, thị trấn hoặc đưa vào trường giáo dưỡng; đang bị áp dụng hình phạt cải tạo không giam giữ, tù có thời hạn hoặc tù có thời hạn nhưng được hưởng án treo.",
            "Trẻ em chấp hành xong hình phạt tù có thời hạn hoặc chấp hành xong biện pháp đưa vào trường giáo dưỡng.",
        ],
    },
    Group {
        entry: Entry {
            code: "drug_addicted",
            vi: "Trẻ em nghiện ma túy",
            en: "Children addicted to drugs",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm g; Nghị định 56/2017/NĐ-CP, Điều 9",
            aliases: &["g", "nghien_ma_tuy"],
        },
        letter: "g",
        decree_article: 9,
        sub_categories: &[
            "Trẻ em nghiện ma túy trong cơ sở cai nghiện.",
            "Trẻ em nghiện ma túy đang áp dụng biện pháp cai nghiện, điều trị nghiện tại gia đình, cộng đồng.",
        ],
    },
    Group {
        entry: Entry {
            code: "dropped_out_to_work",
            vi: "Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở",
            en: "Children who left school to earn a living before completing lower-secondary universal education",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm h; Nghị định 56/2017/NĐ-CP, Điều 10",
            aliases: &["h", "bo_hoc_kiem_song"],
        },
        letter: "h",
        decree_article: 10,
        sub_categories: &[
            "Trẻ em phải bỏ học kiếm sống chưa hoàn thành phố cập giáo dục trung học cơ sở không có người chăm sóc.",
            "Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở sống cùng cha, mẹ hoặc người chăm sóc.",
        ],
    },
    Group {
        entry: Entry {
            code: "seriously_harmed_by_violence",
            vi: "Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực",
            en: "Children seriously harmed physically and mentally by violence",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm i; Nghị định 56/2017/NĐ-CP, Điều 11",
            aliases: &["i", "ton_hai_do_bao_luc"],
        },
        letter: "i",
        decree_article: 11,
        sub_categories: &[
        ],
    },
    Group {
        entry: Entry {
            code: "exploited",
            vi: "Trẻ em bị bóc lột",
            en: "Exploited children",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm k; Nghị định 56/2017/NĐ-CP, Điều 12",
            aliases: &["k", "boc_lot"],
        },
        letter: "k",
        decree_article: 12,
        sub_categories: &[
            "Trẻ em bị bắt buộc tham gia lao động trái quy định của pháp luật về lao động.",
            "Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trình diễn hoặc bị sử dụng trong sản xuất các sản phẩm khiêu dâm.",
            "Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động du lịch mà bị xâm hại tình dục; bị cho, nhận hoặc cung cấp để hoạt động mại dâm.",
            "Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động vận chuyển, mua bán, sản xuất, tàng trữ chất gây nghiện và các hàng hóa khác bị cấm giao dịch theo quy định của pháp luật.",
            "Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trục lợi khác.",
        ],
    },
    Group {
        entry: Entry {
            code: "sexually_abused",
            vi: "Trẻ em bị xâm hại tình dục",
            en: "Sexually abused children",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm l; Nghị định 56/2017/NĐ-CP, Điều 13",
            aliases: &["l", "xam_hai_tinh_duc"],
        },
        letter: "l",
        decree_article: 13,
        sub_categories: &[
            "Trẻ em bị hiếp dâm.",
            "Trẻ em bị cưỡng dâm.",
            "Trẻ em bị giao cấu.",
            "Trẻ em bị dâm ô.",
            "Trẻ em bị sử dụng vào mục đích mại dâm, khiêu dâm dưới mọi hình thức.",
        ],
    },
    Group {
        entry: Entry {
            code: "trafficked",
            vi: "Trẻ em bị mua bán",
            en: "Trafficked children",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm m; Nghị định 56/2017/NĐ-CP, Điều 14",
            aliases: &["m", "mua_ban"],
        },
        letter: "m",
        decree_article: 14,
        sub_categories: &[
            "Trẻ em bị mua bán trở về sống với cha, mẹ.",
            "Trẻ em bị mua bán trở về được nhận chăm sóc thay thế.",
        ],
    },
    Group {
        entry: Entry {
            code: "serious_illness_poor_household",
            vi: "Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo",
            en: "Children with a serious or long-term illness in a poor or near-poor household",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm n; Nghị định 56/2017/NĐ-CP, Điều 15",
            aliases: &["n", "benh_hiem_ngheo"],
        },
        letter: "n",
        decree_article: 15,
        sub_categories: &[
            "Trẻ em thuộc hộ nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền.",
            "Trẻ em thuộc hộ cận nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền.",
        ],
    },
    Group {
        entry: Entry {
            code: "migrant_or_refugee_unaccompanied",
            vi: "Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc",
            en: "Migrant, displaced or refugee children whose parents are unknown or who have no carer",
            source: "Luật Trẻ em 2016, Điều 10 khoản 1 điểm o; Nghị định 56/2017/NĐ-CP, Điều 16",
            aliases: &["o", "di_cu_lanh_nan"],
        },
        letter: "o",
        decree_article: 16,
        sub_categories: &[
            "Trẻ em là công dân Việt Nam di cư, lánh nạn trong nước chưa xác định được cha mẹ hoặc không có người chăm sóc.",
            "Trẻ em có quốc tịch nước ngoài di cư, lánh nạn, tị nạn không có người chăm sóc.",
            "Trẻ em chưa xác định được quốc tịch, chưa xác định được cha mẹ hoặc không có người chăm sóc di cư, lánh nạn, tị nạn vào Việt Nam.",
        ],
    },
];

/// Finds a group by code, letter or alias.
///
/// # Examples
/// ```
/// # #[cfg(any(feature = "child", feature = "case"))] {
/// let group = treem::child::catalog::special_circumstance("bo_roi").unwrap();
/// assert_eq!(group.entry.code, "abandoned");
/// assert_eq!(group.letter, "b");
/// # }
/// ```
pub fn special_circumstance(text: &str) -> Option<&'static Group> {
    let entry = crate::code_list::lookup(&GROUP_ENTRIES, text)?;
    SPECIAL_CIRCUMSTANCES
        .iter()
        .find(|g| g.entry.code == entry.code)
}

const GROUP_ENTRIES: [Entry; 14] = {
    let mut out = [Entry {
        code: "",
        vi: "",
        en: "",
        source: "",
        aliases: &[],
    }; 14];
    let mut i = 0;
    while i < 14 {
        // The index is below the constant length of both arrays: checked at compile time.
        #[allow(clippy::indexing_slicing)]
        {
            out[i] = SPECIAL_CIRCUMSTANCES[i].entry;
        }
        i += 1;
    }
    out
};

/// Types of disability (Luật Người khuyết tật 2010, Điều 3 khoản 1; defined in Nghị định
/// 28/2012/NĐ-CP, Điều 2).
pub const DISABILITY_TYPES: &[Entry] = &[
    Entry {
        code: "mobility",
        vi: "Khuyết tật vận động",
        en: "Physical (mobility) disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm a",
        aliases: &["van_dong", "vận động"],
    },
    Entry {
        code: "hearing_speech",
        vi: "Khuyết tật nghe, nói",
        en: "Hearing and speech disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm b",
        aliases: &["nghe_noi", "nghe, nói"],
    },
    Entry {
        code: "visual",
        vi: "Khuyết tật nhìn",
        en: "Visual disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm c",
        aliases: &["nhin", "nhìn"],
    },
    Entry {
        code: "neurological_mental",
        vi: "Khuyết tật thần kinh, tâm thần",
        en: "Neurological or mental disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm d",
        aliases: &["than_kinh_tam_than", "thần kinh, tâm thần"],
    },
    Entry {
        code: "intellectual",
        vi: "Khuyết tật trí tuệ",
        en: "Intellectual disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm đ",
        aliases: &["tri_tue", "trí tuệ"],
    },
    Entry {
        code: "other",
        vi: "Khuyết tật khác",
        en: "Other disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1 điểm e",
        aliases: &["khac", "khác"],
    },
];

/// Levels of disability (Luật Người khuyết tật 2010, Điều 3 khoản 2; Nghị định 28/2012/NĐ-CP,
/// Điều 3). Their order matches sub-categories 1–3 of Nghị định 56/2017/NĐ-CP, Điều 6.
pub const DISABILITY_LEVELS: &[Entry] = &[
    Entry {
        code: "extremely_severe",
        vi: "Khuyết tật đặc biệt nặng",
        en: "Extremely severe disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 2 điểm a",
        aliases: &["dac_biet_nang", "đặc biệt nặng"],
    },
    Entry {
        code: "severe",
        vi: "Khuyết tật nặng",
        en: "Severe disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 2 điểm b",
        aliases: &["nang", "nặng"],
    },
    Entry {
        code: "mild",
        vi: "Khuyết tật nhẹ",
        en: "Mild disability",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 2 điểm c",
        aliases: &["nhe", "nhẹ"],
    },
];

/// Children entitled to monthly social assistance (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1
/// and khoản 3, original text as in force from 1 July 2021). Amendments by Nghị định
/// 76/2024/NĐ-CP were not read and are not encoded.
///
/// The eleven cases of khoản 1 ("Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng thuộc một
/// trong các trường hợp sau đây: ...") come first, then khoản 3: "3. Trẻ em nhiễm HIV/AIDS
/// thuộc hộ nghèo." (the Bộ Pháp điển text in `tests/sources/laws/tro-giup-xa-hoi.md`).
pub const SOCIAL_ASSISTANCE_CATEGORIES: &[Entry] = &[
    assistance("abandoned_not_adopted", "a", "Bị bỏ rơi chưa có người nhận làm con nuôi", "Abandoned, not yet adopted"),
    assistance("orphan_both_parents", "b", "Mồ côi cả cha và mẹ", "Orphaned of both parents"),
    assistance("orphan_other_missing", "c", "Mồ côi cha hoặc mẹ và người còn lại bị tuyên bố mất tích theo quy định của pháp luật", "Orphaned of one parent, the other declared missing"),
    assistance("orphan_other_in_care", "d", "Mồ côi cha hoặc mẹ và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội", "Orphaned of one parent, the other cared for in a social assistance facility"),
    assistance("orphan_other_detained", "đ", "Mồ côi cha hoặc mẹ và người còn lại đang trong thời gian chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định xử lý vi phạm hành chính tại trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc", "Orphaned of one parent, the other imprisoned or held under an administrative measure"),
    assistance("both_missing", "e", "Cả cha và mẹ bị tuyên bố mất tích theo quy định của pháp luật", "Both parents declared missing"),
    assistance("both_in_care", "g", "Cả cha và mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội", "Both parents cared for in a social assistance facility"),
    assistance("both_detained", "h", "Cả cha và mẹ đang trong thời gian chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định xử lý vi phạm hành chính tại trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc", "Both parents imprisoned or held under an administrative measure"),
    assistance("one_missing_other_in_care", "i", "Cha hoặc mẹ bị tuyên bố mất tích theo quy định của pháp luật và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội", "One parent declared missing, the other cared for in a social assistance facility"),
    assistance("one_missing_other_detained", "k", "Cha hoặc mẹ bị tuyên bố mất tích theo quy định của pháp luật và người còn lại đang trong thời gian chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định xử lý vi phạm hành chính tại trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc", "One parent declared missing, the other imprisoned or held under an administrative measure"),
    assistance("one_in_care_other_detained", "l", "Cha hoặc mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội và người còn lại đang trong thời gian chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định xử lý vi phạm hành chính tại trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc", "One parent in a social assistance facility, the other imprisoned or held under an administrative measure"),
    Entry {
        code: HIV_POOR_HOUSEHOLD,
        vi: "Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo",
        en: "Child living with HIV/AIDS in a poor household",
        source: "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3",
        aliases: &[],
    },
];

/// The code of Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3 ("Trẻ em nhiễm HIV/AIDS thuộc hộ
/// nghèo"), the one category of [`SOCIAL_ASSISTANCE_CATEGORIES`] outside khoản 1.
pub const HIV_POOR_HOUSEHOLD: &str = "hiv_poor_household";

const fn assistance(
    code: &'static str,
    letter: &'static str,
    vi: &'static str,
    en: &'static str,
) -> Entry {
    Entry {
        code,
        vi,
        en,
        source: match letter.as_bytes() {
            b"a" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm a",
            b"b" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm b",
            b"c" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm c",
            b"d" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm d",
            b"e" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm e",
            b"g" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm g",
            b"h" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm h",
            b"i" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm i",
            b"k" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm k",
            b"l" => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm l",
            _ => "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm đ",
        },
        aliases: &[],
    }
}

/// The three levels of child protection (Luật Trẻ em 2016, Điều 47 khoản 1; measures of each
/// in Điều 48, 49, 50).
pub const PROTECTION_LEVELS: &[Entry] = &[
    Entry {
        code: "prevention",
        vi: "Phòng ngừa",
        en: "Prevention",
        source: "Luật Trẻ em 2016, Điều 47 khoản 1 điểm a; Điều 48",
        aliases: &["phong_ngua"],
    },
    Entry {
        code: "support",
        vi: "Hỗ trợ",
        en: "Support",
        source: "Luật Trẻ em 2016, Điều 47 khoản 1 điểm b; Điều 49",
        aliases: &["ho_tro"],
    },
    Entry {
        code: "intervention",
        vi: "Can thiệp",
        en: "Intervention",
        source: "Luật Trẻ em 2016, Điều 47 khoản 1 điểm c; Điều 50",
        aliases: &["can_thiep"],
    },
];

/// How a person is related to the child. Ours: no law enumerates relationships; the terms
/// come from Luật Trẻ em 2016, Điều 4 khoản 3–4 (người chăm sóc, người giám hộ, chăm sóc thay thế).
pub const RELATIONSHIPS: &[Entry] = &[
    ours("father", "Cha", "Father", &["cha", "bố"]),
    ours("mother", "Mẹ", "Mother", &["mẹ", "me"]),
    ours("grandparent", "Ông, bà", "Grandparent", &["ông", "bà"]),
    ours("sibling", "Anh, chị, em", "Sibling", &["anh", "chị", "em"]),
    ours(
        "other_relative",
        "Người thân thích khác",
        "Other relative",
        &["người thân"],
    ),
    ours("guardian", "Người giám hộ", "Legal guardian", &["giám hộ"]),
    ours(
        "alternative_caregiver",
        "Người nhận chăm sóc thay thế",
        "Alternative caregiver",
        &["chăm sóc thay thế"],
    ),
    ours("other", "Khác", "Other", &["khác"]),
];

/// Whether a person listed for the child is living. Ours; `missing` is the legal status of
/// a person declared missing that Nghị định 56/2017/NĐ-CP, Điều 5 and Nghị định 20/2021/NĐ-CP,
/// Điều 5 khoản 1 refer to.
pub const PERSON_STATUSES: &[Entry] = &[
    ours("alive", "Còn sống", "Living", &["sống", "con song"]),
    ours(
        "deceased",
        "Đã chết",
        "Deceased",
        &["chết", "đã mất", "mất", "chet"],
    ),
    ours(
        "missing",
        "Bị tuyên bố mất tích",
        "Declared missing",
        &["mất tích", "mat tich"],
    ),
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
        source: "treem",
        aliases,
    }
}

/// The catalog `special_circumstances`: each group with its letter, decree article and
/// sub-categories (labels of sub-categories are the decree's Vietnamese text in both languages).
#[cfg(feature = "child")]
pub(crate) fn special_circumstances_items(ctx: &crate::Context) -> Vec<serde_json::Value> {
    SPECIAL_CIRCUMSTANCES
        .iter()
        .map(|g| {
            let subs: Vec<serde_json::Value> = g
                .sub_categories
                .iter()
                .enumerate()
                .map(|(i, label)| serde_json::json!({"code": i + 1, "label": label}))
                .collect();
            serde_json::json!({
                "code": g.entry.code,
                "letter": g.letter,
                "label": g.entry.label(ctx.lang),
                "source": g.entry.source,
                "sub_categories": subs,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourteen_groups_with_the_decrees_counts() {
        let counts: Vec<usize> = SPECIAL_CIRCUMSTANCES
            .iter()
            .map(|g| g.sub_categories.len())
            .collect();
        assert_eq!(counts, [4, 2, 12, 3, 0, 4, 2, 2, 0, 5, 5, 2, 2, 3]);
        let letters: String = SPECIAL_CIRCUMSTANCES.iter().map(|g| g.letter).collect();
        assert_eq!(letters, "abcdđeghiklmno");
        let articles: Vec<u8> = SPECIAL_CIRCUMSTANCES
            .iter()
            .map(|g| g.decree_article)
            .collect();
        assert_eq!(articles, (3..=16).collect::<Vec<u8>>());
    }

    #[test]
    fn groups_found_by_letter_and_code() {
        assert_eq!(
            special_circumstance("đ").map(|g| g.entry.code),
            Some("hiv_aids")
        );
        assert_eq!(
            special_circumstance("D").map(|g| g.entry.code),
            Some("disabled")
        );
        assert_eq!(
            special_circumstance("trafficked").map(|g| g.letter),
            Some("m")
        );
        assert!(special_circumstance("f").is_none());
        let c = special_circumstance("c").unwrap();
        assert!(c.sub_category(12).is_some());
        assert!(c.sub_category(13).is_none());
        assert!(c.sub_category(0).is_none());
        assert!(c.sub_category(-1).is_none());
    }

    #[test]
    fn codes_are_unique_within_each_list() {
        for list in [
            &GROUP_ENTRIES[..],
            DISABILITY_TYPES,
            DISABILITY_LEVELS,
            SOCIAL_ASSISTANCE_CATEGORIES,
            PROTECTION_LEVELS,
            RELATIONSHIPS,
            PERSON_STATUSES,
        ] {
            let mut codes: Vec<&str> = list.iter().map(|e| e.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
        assert_eq!(SOCIAL_ASSISTANCE_CATEGORIES.len(), 12);
        assert!(SOCIAL_ASSISTANCE_CATEGORIES[..11].iter().all(|e| e
            .source
            .starts_with("Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1")));
        assert_eq!(
            SOCIAL_ASSISTANCE_CATEGORIES[11].source,
            "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3"
        );
        assert_eq!(
            SOCIAL_ASSISTANCE_CATEGORIES[4].source,
            "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm đ"
        );
    }
}
