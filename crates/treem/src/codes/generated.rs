// Generated from the code table by `TREEM_WRITE_DOCS=1 cargo test -p treem --test docs`
// (tests/docs.rs fails when this file is stale). Do not edit.

/// The codes `field.*`.
pub mod field {
    /// Error (rule `record.fields`; source: treem): "Expected {expected}, found {found}"
    pub const WRONG_TYPE: &str = "field.wrong_type";
    /// Error (rule `record.fields`; source: treem): "This field is required"
    pub const REQUIRED: &str = "field.required";
}

/// The codes `record.*`.
pub mod record {
    /// Warning (rule `record.fields`; source: treem): "Field {field} is not part of this record type (kept as is)"
    pub const UNKNOWN_FIELD: &str = "record.unknown_field";
    /// Error (rule `record.fields`; source: treem): "A record must be a JSON object, found {found}"
    pub const NOT_OBJECT: &str = "record.not_object";
    /// Error (rule `record.size`; source: treem): "The record is {bytes} bytes long, more than the limit of {limit} bytes (option max_record_bytes): it was not read"
    pub const TOO_LARGE: &str = "record.too_large";
    /// Error (rule `record.checked`; source: treem): "A value that passed the checks could not be read as its type (a defect of treem, please report it)"
    pub const VALUE_UNREAD: &str = "record.value_unread";
}

/// The codes `context.*`.
pub mod context {
    /// Warning (rule `context`; source: treem): "No as_of date given: rules that depend on the date were not checked"
    pub const AS_OF_MISSING: &str = "context.as_of_missing";
}

/// The codes `json.*`.
pub mod json {
    /// Error (rule `json.data`; source: treem): "Expected {expected}, found {found}"
    pub const WRONG_TYPE: &str = "json.wrong_type";
    /// Error (rule `json.data`; source: treem): "The required member {expected} is missing"
    pub const MISSING_MEMBER: &str = "json.missing_member";
    /// Error (rule `json.data`; source: treem): "Unknown member {found} (expected one of: {expected})"
    pub const UNKNOWN_MEMBER: &str = "json.unknown_member";
    /// Error (rule `json.data`; source: treem): "Unknown value {found}; expected one of: {expected}"
    pub const UNKNOWN_VALUE: &str = "json.unknown_value";
    /// Error (rule `json.data`; source: treem): "Invalid value: expected {expected}"
    pub const INVALID_VALUE: &str = "json.invalid_value";
}

/// The codes `report.*`.
pub mod report {
    /// Warning (rule `report`; source: treem): "{dropped} more issues are not listed (a report lists at most {max})"
    pub const TRUNCATED: &str = "report.truncated";
}

/// The codes `normalize.*`.
pub mod normalize {
    /// Warning (rule `normalize`; source: treem): "Value normalised ({how_en})"
    pub const REWRITTEN: &str = "normalize.rewritten";
}

/// The codes `date.*`.
pub mod date {
    /// Error (rule `vn.date`; source: treem): "Not a date in an accepted form (use day/month/year such as 13/8/2024, or 2024-08-13)"
    pub const INVALID_FORMAT: &str = "date.invalid_format";
    /// Error (rule `vn.date`; source: treem): "{day}/{month}/{year} is not a calendar date: {reason_en}"
    pub const IMPOSSIBLE: &str = "date.impossible";
    /// Error (rule `vn.date`; source: treem): "Year {year} is outside 1900–2100"
    pub const YEAR_OUT_OF_RANGE: &str = "date.year_out_of_range";
}

/// The codes `personal_id.*`.
pub mod personal_id {
    /// Error (rule `vn.personal_id`; source: Nghị định 137/2015/NĐ-CP, Điều 13): "A personal ID number has digits only (character {position} is not a digit)"
    pub const NON_DIGIT: &str = "personal_id.non_digit";
    /// Error (rule `vn.personal_id`; source: Nghị định 137/2015/NĐ-CP, Điều 13): "A personal ID number has 12 digits, this one has {length}"
    pub const WRONG_LENGTH: &str = "personal_id.wrong_length";
    /// Warning (rule `vn.personal_id`; source: Thông tư 07/2016/TT-BCA, Phụ lục I): "Code {code} (first three digits) is none of the 63 province codes; for a birth registered abroad it may be a country code (not checked)"
    pub const UNKNOWN_PROVINCE: &str = "personal_id.unknown_province";
    /// Error (rule `vn.personal_id`; source: Thông tư 07/2016/TT-BCA, Phụ lục III): "The fourth digit is {digit}: birth year {year} is impossible"
    pub const IMPOSSIBLE_CENTURY: &str = "personal_id.impossible_century";
    /// Error (rule `vn.personal_id`; source: Thông tư 07/2016/TT-BCA, Phụ lục III): "The personal ID encodes birth year {year}, after the as-of date {as_of}"
    pub const BIRTH_YEAR_IN_FUTURE: &str = "personal_id.birth_year_in_future";
    /// Error (rule `vn.personal_id`; source: Nghị định 137/2015/NĐ-CP, Điều 13): "Personal ID {id} encodes birth year {id_year}, but the date of birth is in {dob_year}"
    pub const BIRTH_YEAR_MISMATCH: &str = "personal_id.birth_year_mismatch";
    /// Error (rule `vn.personal_id`; source: Nghị định 137/2015/NĐ-CP, Điều 13): "Personal ID {id} encodes sex {id_sex_en}, but the record says {sex_en}"
    pub const SEX_MISMATCH: &str = "personal_id.sex_mismatch";
}

/// The codes `phone.*`.
pub mod phone {
    /// Error (rule `vn.phone`; source: treem): "The phone number has an invalid character (character {position})"
    pub const NON_DIGIT: &str = "phone.non_digit";
    /// Error (rule `vn.phone`; source: Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (2018); QĐ 2036/QĐ-BTTTT (2017)): "The phone number has {length} digits; mobile numbers have 10 digits and landlines 11 (with the leading 0)"
    pub const WRONG_LENGTH: &str = "phone.wrong_length";
    /// Error (rule `vn.phone`; source: Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (15/9/2018 – 30/6/2019)): "Prefix {old_prefix} became {new_prefix} in 2018 (the last 7 digits are kept)"
    pub const OLD_MOBILE_PREFIX: &str = "phone.old_mobile_prefix";
    /// Error (rule `vn.phone`; source: Bộ TT&TT, chuyển đổi thuê bao di động 11 số sang 10 số (2018); QĐ 2036/QĐ-BTTTT (2017)): "Prefix {prefix} is neither a mobile prefix nor a landline area code"
    pub const UNKNOWN_PREFIX: &str = "phone.unknown_prefix";
    /// Warning (rule `vn.phone`; source: treem (danh sách đầu số di động chưa đầy đủ)): "Mobile prefix {prefix} is not in the verified list; check the number"
    pub const UNVERIFIED_PREFIX: &str = "phone.unverified_prefix";
    /// Error (rule `vn.phone`; source: QĐ 2036/QĐ-BTTTT (2017), mã vùng điện thoại cố định): "Landline {masked} has no valid area code"
    pub const UNKNOWN_AREA_CODE: &str = "phone.unknown_area_code";
    /// Warning (rule `vn.phone`; source: treem): "Short number {number} is not in the verified list of service numbers"
    pub const UNVERIFIED_SERVICE: &str = "phone.unverified_service";
    /// Warning (rule `vn.phone`; source: Luật Trẻ em 2016, Điều 51 khoản 3; Nghị định 56/2017/NĐ-CP, Điều 22): "Number {number} has been replaced by {replacement}"
    pub const SERVICE_REPLACED: &str = "phone.service_replaced";
    /// Warning (rule `vn.phone`; source: treem): "Foreign phone number (code +{country}), not checked"
    pub const FOREIGN: &str = "phone.foreign";
    /// Error (rule `vn.phone`; source: treem): "The phone number is empty"
    pub const EMPTY: &str = "phone.empty";
}

/// The codes `name.*`.
pub mod name {
    /// Error (rule `vn.name`; source: treem): "The name is empty"
    pub const EMPTY: &str = "name.empty";
    /// Error (rule `vn.name`; source: treem): "The name contains a digit (character {position})"
    pub const DIGIT: &str = "name.digit";
    /// Error (rule `vn.name`; source: treem): "The name contains the character {char}, not allowed in names (character {position})"
    pub const SYMBOL: &str = "name.symbol";
    /// Error (rule `vn.name`; source: treem): "The name contains the invisible character {codepoint} (character {position})"
    pub const INVISIBLE_CHARACTER: &str = "name.invisible_character";
    /// Error (rule `vn.name`; source: treem): "The name has a combining mark {codepoint} that makes no Vietnamese letter; type the precomposed letter"
    pub const UNSUPPORTED_COMBINING_MARK: &str = "name.unsupported_combining_mark";
    /// Error (rule `vn.name`; source: treem): "The name is {length} characters long, more than {max}"
    pub const TOO_LONG: &str = "name.too_long";
}

/// The codes `ethnic_group.*`.
pub mod ethnic_group {
    /// Error (rule `vn.ethnic_group`; source: treem): "The ethnic group is empty (use "unknown" when not known)"
    pub const EMPTY: &str = "ethnic_group.empty";
    /// Error (rule `vn.ethnic_group`; source: Quyết định 121-TCTK/PPCĐ ngày 02/3/1979): ""{text}" is not one of the 54 ethnic groups"
    pub const UNKNOWN: &str = "ethnic_group.unknown";
}

/// The codes `document_number.*`.
pub mod document_number {
    /// Error (rule `vn.document_number`; source: treem): "The document number is empty"
    pub const EMPTY: &str = "document_number.empty";
    /// Error (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW): "Not a document number (such as 56/2017/NĐ-CP, 188/KH-UBND, 28-CT/TW)"
    pub const INVALID_FORMAT: &str = "document_number.invalid_format";
    /// Error (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1): "Document numbers start at 01; there is no number 0"
    pub const ZERO: &str = "document_number.zero";
    /// Error (rule `vn.document_number`; source: treem): "Year {year} in the document number is outside 1900–2100"
    pub const YEAR_OUT_OF_RANGE: &str = "document_number.year_out_of_range";
    /// Error (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I): "The document symbol has the invalid character {char}"
    pub const INVALID_CHARACTER: &str = "document_number.invalid_character";
    /// Error (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 ("Số và thời gian ban hành văn bản được lấy theo thứ tự và trình tự thời gian ban hành văn bản của cơ quan, tổ chức trong năm")): "Year {year} in the document number is after the as-of date {as_of}"
    pub const YEAR_AFTER_AS_OF: &str = "document_number.year_after_as_of";
    /// Warning (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục III (bảng chữ viết tắt tên loại văn bản: "Quyết định (cá biệt) QĐ", ...); NĐ theo số hiệu văn bản thực tế): "Symbol {written} is read as {abbreviation} ({type_vi}): write the letter Đ"
    pub const TYPE_WITHOUT_DIACRITICS: &str = "document_number.type_without_diacritics";
    /// Warning (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I ("Ký hiệu của văn bản được trình bày bằng chữ in hoa"; trích từ bản tóm tắt thứ cấp, chưa đối chiếu Công báo)): "The symbol is written {written}; the correct form is {canonical} (capital letters)"
    pub const SYMBOL_CASE: &str = "document_number.symbol_case";
    /// Warning (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục II khoản 3 điểm c ("Với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước"; trích từ bản tóm tắt thứ cấp, chưa đối chiếu Công báo)): "A document number below 10 is written with a leading 0 ({number} → 0{number})"
    pub const MISSING_LEADING_ZERO: &str = "document_number.missing_leading_zero";
    /// Error (rule `vn.document_number`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I): "The symbol is missing after the number"
    pub const MISSING_SYMBOL: &str = "document_number.missing_symbol";
}

/// The codes `admin_unit.*`.
pub mod admin_unit {
    /// Error (rule `vn.admin`; source: treem): "No administrative unit given"
    pub const EMPTY: &str = "admin_unit.empty";
    /// Error (rule `vn.admin`; source: QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025); QĐ 19/2025/QĐ-TTg (từ 1/7/2025)): "No administrative unit “{text}” in the {edition} list"
    pub const UNKNOWN: &str = "admin_unit.unknown";
    /// Error (rule `vn.admin`; source: treem): "“{text}” is not in the {edition} list: only the Hải Phòng tables are loaded; load the national tables"
    pub const TABLES_NOT_LOADED: &str = "admin_unit.tables_not_loaded";
    /// Error (rule `vn.admin`; source: treem): "“{text}” fits {count} administrative units in the {edition} list; add the district or province (e.g. “Xã A, Huyện B, Tỉnh C”)"
    pub const AMBIGUOUS: &str = "admin_unit.ambiguous";
    /// Error (rule `vn.admin`; source: QĐ 124/2004/QĐ-TTg; QĐ 19/2025/QĐ-TTg): "{count} units are named “{text}” in the {edition} list, but none lies in the parents given"
    pub const PARENT_MISMATCH: &str = "admin_unit.parent_mismatch";
    /// Error (rule `vn.admin`; source: QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025); QĐ 19/2025/QĐ-TTg (từ 1/7/2025)): "Commune {commune} lies in province {actual} in the {edition} list, not in the province {province} given"
    pub const COMMUNE_OUTSIDE_PROVINCE: &str = "admin_unit.commune_outside_province";
    /// Error (rule `vn.admin`; source: QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025)): "Commune {commune} lies in district {actual} in the 2024 list, not in the district {district} given"
    pub const COMMUNE_OUTSIDE_DISTRICT: &str = "admin_unit.commune_outside_district";
    /// Error (rule `vn.admin`; source: QĐ 124/2004/QĐ-TTg (danh mục đến 30/6/2025)): "District {district} lies in province {actual} in the 2024 list, not in the province {province} given"
    pub const DISTRICT_OUTSIDE_PROVINCE: &str = "admin_unit.district_outside_province";
    /// Warning (rule `vn.admin`; source: Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg; bảng chuyển đổi đơn vị hành chính cũ – mới của Cục Thống kê): "“{text}” is a unit from before 1 July 2025 (old code {old_code}); it is now part of {name} (code {code})"
    pub const OLD_NAME: &str = "admin_unit.old_name";
    /// Error (rule `vn.admin`; source: Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg; bảng chuyển đổi đơn vị hành chính cũ – mới của Cục Thống kê): "“{text}” is a unit from before 1 July 2025 (old code {old_code}), now split across {count} units: give the new unit's code (one of {candidates})"
    pub const OLD_NAME_SPLIT: &str = "admin_unit.old_name_split";
}

/// The codes `child.*`.
pub mod child {
    /// Error (rule `child.protection`; source: Luật Trẻ em 2016, Điều 47 khoản 1): "The protection level must be prevention, support or intervention"
    pub const PROTECTION_LEVEL_UNKNOWN: &str = "child.protection_level_unknown";
    /// Error (rule `child.codes`; source: treem (lists of the catalog entry point, each with its legal source)): "Value is not in the catalog {catalog}"
    pub const CODE_UNKNOWN: &str = "child.code_unknown";
    /// Error (rule `child.dates`; source: treem): "This date is after the as-of date {as_of}"
    pub const DATE_AFTER_AS_OF: &str = "child.date_after_as_of";
    /// Error (rule `child.dates`; source: treem): "This date is before the child's date of birth"
    pub const DATE_BEFORE_BIRTH: &str = "child.date_before_birth";
    /// Error (rule `child.identity`; source: treem): "Sex not recognised (use male or female)"
    pub const SEX_UNKNOWN: &str = "child.sex_unknown";
    /// Error (rule `child.identity`; source: treem): "Date of birth is after the as-of date {as_of}"
    pub const BIRTH_IN_FUTURE: &str = "child.birth_in_future";
    /// Warning (rule `child.identity`; source: Luật Trẻ em 2016, Điều 1): "This person is {age} at the as-of date, no longer a child under the Law on Children (under 16)"
    pub const AGE_OUTSIDE_CHILD_LAW: &str = "child.age_outside_child_law";
    /// Error (rule `child.residence`; source: treem): "The administrative-unit edition must be 2024 or 2025"
    pub const EDITION_UNKNOWN: &str = "child.edition_unknown";
    /// Error (rule `child.residence`; source: Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg): "There is no district level from 1 July 2025: drop the district code or use edition 2024"
    pub const DISTRICT_IN_TWO_LEVEL_EDITION: &str = "child.district_in_two_level_edition";
    /// Warning (rule `child.family`; source: treem): "This person repeats entry {other} of the list (same relationship, name and phone)"
    pub const GUARDIAN_DUPLICATE: &str = "child.guardian_duplicate";
    /// Error (rule `child.family`; source: Luật Trẻ em 2016, Điều 10 khoản 1 điểm a; Nghị định 56/2017/NĐ-CP, Điều 3; Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 điểm b): "The child is recorded as orphaned of both parents but this parent is recorded as living"
    pub const ORPHAN_WITH_LIVING_PARENT: &str = "child.orphan_with_living_parent";
    /// Error (rule `child.family`; source: Luật Trẻ em 2016, Điều 10 khoản 1 điểm a; Nghị định 56/2017/NĐ-CP, Điều 5 khoản 1 và khoản 4): "The child is recorded as orphaned of both parents but this parent is recorded as declared missing, which is not dead (see group c, sub-category 1 or 4)"
    pub const ORPHAN_WITH_MISSING_PARENT: &str = "child.orphan_with_missing_parent";
    /// Error (rule `child.family`; source: Nghị định 56/2017/NĐ-CP, Điều 5 khoản 1–12): "Sub-category {sub_category} of group c (Decree 56/2017/ND-CP, Article 5 clause {sub_category}) needs parents {needed_en}, but the record says {recorded_en}"
    pub const SUB_CATEGORY_CONTRADICTS_PARENTS: &str = "child.sub_category_contradicts_parents";
    /// Error (rule `child.schooling`; source: Luật Giáo dục 2019, Điều 26 khoản 1 và 2): "A child aged {age_en} is outside the ages of {level_en} ({range_en}, Education Law 2019 Article 26)"
    pub const PRESCHOOL_AGE_OUTSIDE: &str = "child.preschool_age_outside";
    /// Warning (rule `child.schooling`; source: Luật Giáo dục 2019, Điều 26 khoản 1 và 2; cách đọc của treem: lớp xếp theo năm học, nên lệch dưới một năm chỉ là cảnh báo): "A child aged {age_en} is just outside the ages of {level_en} ({range_en}): check the class for the school year"
    pub const PRESCHOOL_AGE_BORDERLINE: &str = "child.preschool_age_borderline";
    /// Error (rule `child.schooling`; source: Luật Giáo dục 2019, Điều 28 khoản 1): "Grade {grade} does not belong to the level {level_en}"
    pub const GRADE_NOT_IN_LEVEL: &str = "child.grade_not_in_level";
    /// Error (rule `child.schooling`; source: treem): "The school year must be written like 2025-2026 (two consecutive years)"
    pub const SCHOOL_YEAR_INVALID: &str = "child.school_year_invalid";
    /// Warning (rule `child.schooling`; source: Luật Giáo dục 2019, Điều 28 khoản 1, khoản 2 điểm a): "Grade {grade} is above the grade for the birth year ({expected}): check for an accelerated pupil"
    pub const GRADE_AHEAD_OF_AGE: &str = "child.grade_ahead_of_age";
    /// Warning (rule `child.schooling`; source: Luật Giáo dục 2019, Điều 28 khoản 1, khoản 2 điểm b): "Grade {grade} is below the grade for the birth year ({expected}): check for a repeated year or late entry"
    pub const GRADE_BEHIND_AGE: &str = "child.grade_behind_age";
    /// Error (rule `child.special_circumstances`; source: Nghị định 56/2017/NĐ-CP, Điều 3–16): "Group {letter} (Decree 56/2017/ND-CP, Article {article}) has {count} sub-categories; there is no sub-category {sub_category}"
    pub const SUB_CATEGORY_NOT_IN_GROUP: &str = "child.sub_category_not_in_group";
    /// Warning (rule `child.special_circumstances`; source: treem): "This group of special circumstances is already listed at entry {other}"
    pub const CIRCUMSTANCE_REPEATED: &str = "child.circumstance_repeated";
    /// Error (rule `child.disability`; source: Luật Người khuyết tật 2010, Điều 3): "A disability level is given without a type of disability"
    pub const DISABILITY_LEVEL_WITHOUT_TYPE: &str = "child.disability_level_without_type";
    /// Error (rule `child.disability`; source: Nghị định 56/2017/NĐ-CP, Điều 6; Luật Người khuyết tật 2010, Điều 3 khoản 2): "The disabled-children sub-category disagrees with the recorded disability level ({level_en})"
    pub const DISABILITY_LEVEL_MISMATCH: &str = "child.disability_level_mismatch";
    /// Warning (rule `child.disability`; source: Luật Trẻ em 2016, Điều 10 khoản 1 điểm d): "The child is in the group of children with disabilities but no type of disability is recorded"
    pub const DISABILITY_MISSING: &str = "child.disability_missing";
    /// Warning (rule `child.social_assistance`; source: Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 và khoản 2): "Assistance under clause 1 is for children under 16; from 16 it continues only while studying (clause 2)"
    pub const ASSISTANCE_AGE: &str = "child.assistance_age";
    /// Warning (rule `child.social_assistance`; source: Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2 ("cho đến khi kết thúc học, nhưng tối đa không quá 22 tuổi")): "The beneficiary under clause 1 is {age}: assistance while studying lasts at most to age 22 (clause 2)"
    pub const ASSISTANCE_PAST_22: &str = "child.assistance_past_22";
    /// Warning (rule `child.social_assistance`; source: Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3 ("Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo"), khoản 2 (chỉ cho khoản 1), Điều 6 khoản 1 điểm c; Luật Trẻ em 2016, Điều 1): "Assistance under clause 3 is for children (under 16) with HIV/AIDS in poor households; the continuation while studying (clause 2) is for clause 1 only"
    pub const ASSISTANCE_HIV_AGE: &str = "child.assistance_hiv_age";
    /// Error (rule `child.special_circumstances`; source: Luật Trẻ em 2016, Điều 10 khoản 1): "“{text}” names no group of special circumstances (Law on Children, Article 10): write the group, e.g. “Children orphaned of both parents”"
    pub const CIRCUMSTANCE_TEXT_UNKNOWN: &str = "child.circumstance_text_unknown";
}

/// The codes `school.*`.
pub mod school {
    /// Error (rule `school.type`; source: Luật Giáo dục 2019, Điều 26; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2): "School type not in the catalog school_types"
    pub const TYPE_UNKNOWN: &str = "school.type_unknown";
    /// Error (rule `school.levels`; source: Luật Giáo dục 2019, Điều 6 khoản 2): "Level not in the catalog school_levels"
    pub const LEVEL_UNKNOWN: &str = "school.level_unknown";
    /// Error (rule `school.levels`; source: Luật Giáo dục 2019, Điều 26, Điều 28 khoản 1; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2): "Level {level} does not fit the school type {school_type}"
    pub const LEVEL_TYPE_MISMATCH: &str = "school.level_type_mismatch";
    /// Error (rule `school.levels`; source: Luật Giáo dục 2019, Điều 33 khoản 4; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2): "School type {school_type} needs at least {min} levels"
    pub const TOO_FEW_LEVELS: &str = "school.too_few_levels";
    /// Error (rule `school.grades`; source: Luật Giáo dục 2019, Điều 28 khoản 1): "Grade {grade} does not exist (grades 1 to 12)"
    pub const GRADE_OUT_OF_RANGE: &str = "school.grade_out_of_range";
    /// Error (rule `school.grades`; source: Luật Giáo dục 2019, Điều 28 khoản 1): "Grade {grade} belongs to none of the school's levels"
    pub const GRADE_LEVEL_MISMATCH: &str = "school.grade_level_mismatch";
    /// Warning (rule `school.grades`; source: Luật Giáo dục 2019, Điều 28 khoản 1): "Level {level} has none of its grades listed"
    pub const LEVEL_WITHOUT_GRADES: &str = "school.level_without_grades";
    /// Warning (rule `school.grades`; source: treem): "Grade {grade} is listed twice"
    pub const GRADE_DUPLICATE: &str = "school.grade_duplicate";
    /// Error (rule `school.ownership`; source: Nghị quyết 217/2025/QH15 (công lập; dân lập, tư thục)): "Ownership must be công lập, dân lập or tư thục"
    pub const OWNERSHIP_UNKNOWN: &str = "school.ownership_unknown";
    /// Error (rule `school.authority`; source: Thông tư 18/2023/TT-BGDĐT, Điều 12): "Managing authority must be so_gddt, phong_gddt or ubnd_xa"
    pub const AUTHORITY_UNKNOWN: &str = "school.authority_unknown";
    /// Error (rule `school.authority`; source: Nghị quyết 202/2025/QH15; Luật 72/2025/QH15 (bỏ cấp huyện từ 01/7/2025); Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 3): "From 1 July 2025 there is no district level, hence no Phòng GD&ĐT (as of {as_of})"
    pub const AUTHORITY_ABOLISHED: &str = "school.authority_abolished";
    /// Warning (rule `school.authority`; source: Nghị quyết 202/2025/QH15 (chính quyền hai cấp từ 01/7/2025); phân cấp trước đó chưa được kiểm chứng): "Before 1 July 2025 schools were usually managed by a Phòng or Sở GD&ĐT (as of {as_of}); worth a check"
    pub const AUTHORITY_BEFORE_REFORM: &str = "school.authority_before_reform";
    /// Warning (rule `school.authority`; source: chưa kiểm chứng (phân cấp quản lý giáo dục chưa có trong nguồn của treem)): "Level {level} is not usually managed by {authority}; worth a check"
    pub const AUTHORITY_UNUSUAL_FOR_LEVEL: &str = "school.authority_unusual_for_level";
    /// Error (rule `school.counts`; source: treem): "{what_en} ({count}) exceed the staff in all ({staff})"
    pub const COUNT_EXCEEDS_STAFF: &str = "school.count_exceeds_staff";
    /// Warning (rule `school.counts`; source: treem): "The school has {learners} learners but no teachers"
    pub const LEARNERS_WITHOUT_TEACHERS: &str = "school.learners_without_teachers";
    /// Error (rule `school.address`; source: Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg): "A {level_en} code must have {digits} digits"
    pub const ADDRESS_CODE_FORM: &str = "school.address_code_form";
    /// Error (rule `school.address`; source: treem): "The geography edition must be 2024 or 2025"
    pub const ADDRESS_EDITION_UNKNOWN: &str = "school.address_edition_unknown";
    /// Error (rule `school.address`; source: Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg (34 tỉnh, 3.321 đơn vị cấp xã)): "The 2025 geography has no district level: remove the district code"
    pub const ADDRESS_DISTRICT_IN_2025: &str = "school.address_district_in_2025";
}

/// The codes `criteria_set.*`.
pub mod criteria_set {
    /// Error (rule `safe_school.criteria_set`; source: treem): "Code {code} appears twice in the criteria set"
    pub const DUPLICATE_CODE: &str = "criteria_set.duplicate_code";
    /// Error (rule `safe_school.criteria_set`; source: treem): "Content area {area} is not in the criteria set"
    pub const UNKNOWN_AREA: &str = "criteria_set.unknown_area";
    /// Error (rule `safe_school.criteria_set`; source: treem): "School type {school_type} is not in the catalog school_types"
    pub const UNKNOWN_SCHOOL_TYPE: &str = "criteria_set.unknown_school_type";
    /// Error (rule `safe_school.criteria_set`; source: treem): "The threshold is not a valid pass rule"
    pub const THRESHOLD_INVALID: &str = "criteria_set.threshold_invalid";
    /// Error (rule `safe_school.criteria_set`; source: treem): "The set has {total} criteria ({mandatory} mandatory) and cannot reach {min_met} ({min_mandatory_met} mandatory)"
    pub const THRESHOLD_UNREACHABLE: &str = "criteria_set.threshold_unreachable";
    /// Error (rule `safe_school.criteria_set`; source: treem): "The set is marked complete but has no criteria"
    pub const COMPLETE_WITHOUT_CRITERIA: &str = "criteria_set.complete_without_criteria";
    /// Error (rule `safe_school.criteria_set`; source: Ngưỡng đọc từ Công báo của văn bản (hiện không có bộ tiêu chí dựng sẵn nào)): "The threshold differs from that of the document {document}"
    pub const THRESHOLD_DIFFERS_FROM_LAW: &str = "criteria_set.threshold_differs_from_law";
    /// Warning (rule `safe_school.criteria_set`; source: Thông tư 18/2023/TT-BGDĐT Điều 11 (bản chép toàn văn của bên thứ ba); Thông tư 45/2021/TT-BGDĐT Điều 8 (bản dịch không chính thức); Quyết định 548/QĐ-LĐTBXH (bài báo): chưa đối chiếu Công báo): "The threshold differs from treem's for the document {document}; treem's comes from {quality_en} ({source}), not the gazette: check it"
    pub const THRESHOLD_DIFFERS_FROM_SOURCE: &str = "criteria_set.threshold_differs_from_source";
    /// Warning (rule `safe_school.criteria_set`; source: Nguồn thứ cấp (xem notes của bộ tiêu chí dựng sẵn)): "The set has {total} criteria ({mandatory} mandatory); a source reports {reported_total} ({reported_mandatory} mandatory)"
    pub const COUNT_DIFFERS_FROM_REPORTED: &str = "criteria_set.count_differs_from_reported";
    /// Error (rule `safe_school.criteria_set`; source: treem): "Dates must be ISO 8601 (year-month-day)"
    pub const DATE_INVALID: &str = "criteria_set.date_invalid";
}

/// The codes `safe_school.*`.
pub mod safe_school {
    /// Error (rule `safe_school.assessment`; source: treem): "Criteria set {set} is not in the catalog criteria_sets (or supply the complete set)"
    pub const UNKNOWN_SET: &str = "safe_school.unknown_set";
    /// Error (rule `safe_school.assessment`; source: treem): "treem's copy of {set} has no full criteria list ({completeness}); supply the complete set"
    pub const SET_NOT_COMPLETE: &str = "safe_school.set_not_complete";
    /// Error (rule `safe_school.assessment`; source: treem): "Version {given} is not the set's version ({version})"
    pub const VERSION_MISMATCH: &str = "safe_school.version_mismatch";
    /// Error (rule `safe_school.assessment`; source: Thông tư 18/2023/TT-BGDĐT Điều 1 khoản 2; Thông tư 45/2021/TT-BGDĐT Điều 1; Thông tư 45/2021 Điều 8 khoản 2): "Criteria set {set} does not apply to school type {school_type}"
    pub const SET_NOT_FOR_SCHOOL: &str = "safe_school.set_not_for_school";
    /// Error (rule `safe_school.assessment`; source: treem): "The school year must be written like 2024-2025 (two consecutive years)"
    pub const YEAR_FORM: &str = "safe_school.year_form";
    /// Error (rule `safe_school.assessment`; source: treem): "School year {year} has not begun on the as-of date {as_of}"
    pub const YEAR_IN_FUTURE: &str = "safe_school.year_in_future";
    /// Warning (rule `safe_school.assessment`; source: treem): "School year {year} ended before {document} came into force ({in_force_from})"
    pub const SET_NOT_IN_FORCE: &str = "safe_school.set_not_in_force";
    /// Error (rule `safe_school.assessment`; source: treem): "Criterion {criterion} is not in the set {set}"
    pub const UNKNOWN_CRITERION: &str = "safe_school.unknown_criterion";
    /// Error (rule `safe_school.assessment`; source: treem): "Criterion {criterion} is assessed twice"
    pub const DUPLICATE_CRITERION: &str = "safe_school.duplicate_criterion";
    /// Error (rule `safe_school.assessment`; source: treem): "The result must be đạt, chưa đạt or không áp dụng"
    pub const RESULT_UNKNOWN: &str = "safe_school.result_unknown";
    /// Error (rule `safe_school.assessment`; source: treem): "Criterion {criterion} cannot be answered không áp dụng"
    pub const NOT_APPLICABLE_NOT_ALLOWED: &str = "safe_school.not_applicable_not_allowed";
    /// Error (rule `safe_school.assessment`; source: Thông tư 18/2023/TT-BGDĐT Điều 11 khoản 2 (100% tiêu chí bắt buộc)): "Mandatory criterion {criterion} is not assessed"
    pub const MANDATORY_UNANSWERED: &str = "safe_school.mandatory_unanswered";
    /// Warning (rule `safe_school.assessment`; source: treem): "Criterion {criterion} is not assessed (counted as not met)"
    pub const CRITERION_UNANSWERED: &str = "safe_school.criterion_unanswered";
    /// Error (rule `safe_school.assessment`; source: Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 1): "A criterion not met needs a remedy plan or a request to the competent authority"
    pub const REMEDY_MISSING: &str = "safe_school.remedy_missing";
    /// Warning (rule `safe_school.assessment`; source: treem): "A remedy for the criterion not met is advised"
    pub const REMEDY_ADVISED: &str = "safe_school.remedy_advised";
    /// Error (rule `safe_school.assessment`; source: Thông tư 18/2023/TT-BGDĐT, Điều 12 khoản 1): "The remedy must be tu_khac_phuc (by the school) or kien_nghi (request to the authority)"
    pub const REMEDY_BY_UNKNOWN: &str = "safe_school.remedy_by_unknown";
    /// Warning (rule `safe_school.assessment`; source: treem): "A criterion met should cite its evidence"
    pub const EVIDENCE_MISSING: &str = "safe_school.evidence_missing";
    /// Error (rule `safe_school.assessment`; source: treem): "Event {event} is not listed in the set {set}"
    pub const UNKNOWN_EVENT: &str = "safe_school.unknown_event";
}

/// The codes `case.*`.
pub mod case {
    /// Error (rule `case.codes`; source: treem (lists of the catalog entry point, each with its legal source)): "Value is not in the catalog {catalog}"
    pub const CODE_UNKNOWN: &str = "case.code_unknown";
    /// Warning (rule `case.steps`; source: Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3; Điều 31 khoản 2; Điều 32 khoản 2): "The report has no time of day: the 12-hour limits are counted from midnight"
    pub const REPORT_TIME_MISSING: &str = "case.report_time_missing";
    /// Error (rule `case.steps`; source: treem): "This moment is after the as-of date {as_of}"
    pub const DATE_AFTER_AS_OF: &str = "case.date_after_as_of";
    /// Error (rule `case.steps`; source: Nghị định 56/2017/NĐ-CP, Điều 25–30): "This step is recorded as done before {before_en}"
    pub const STEP_OUT_OF_ORDER: &str = "case.step_out_of_order";
    /// Warning (rule `case.deadlines`; source: Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3, Điều 28 khoản 1 và 4, Điều 31 khoản 2, Điều 32; ngày làm việc: Bộ luật Lao động 2019, Điều 112; Quyết định 188/1999/QĐ-TTg, Điều 1): "This step was completed after its due time {due}"
    pub const STEP_LATE: &str = "case.step_late";
    /// Warning (rule `case.deadlines`; source: Nghị định 56/2017/NĐ-CP, Điều 26 khoản 3 ("các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em" trong vòng 12 giờ: quyết định tạm thời cách ly kịp thời cũng đáp ứng bước can thiệp khẩn cấp), Điều 28 khoản 1 và 4, Điều 31 khoản 2, Điều 32; ngày làm việc: Bộ luật Lao động 2019, Điều 112; Quyết định 188/1999/QĐ-TTg, Điều 1): "Step {step} is not done and its due time {due} has passed"
    pub const STEP_OVERDUE: &str = "case.step_overdue";
    /// Error (rule `case.separation`; source: Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3): "The temporary separation exceeds 15 days without a competent authority's requirement"
    pub const SEPARATION_TOO_LONG: &str = "case.separation_too_long";
    /// Error (rule `case.offenders`; source: treem): "The offender's age must be a whole number of years from 0 to 150"
    pub const OFFENDER_AGE_INVALID: &str = "case.offender_age_invalid";
    /// Error (rule `case.separation`; source: treem): "The separation ends before it starts"
    pub const SEPARATION_END_BEFORE_START: &str = "case.separation_end_before_start";
    /// Error (rule `case.moment`; source: treem): "Not a time of day (use hours:minutes such as 08:30)"
    pub const TIME_INVALID: &str = "case.time_invalid";
}

/// The codes `indicator.*`.
pub mod indicator {
    /// Error (rule `indicator.definition`; source: treem): "The built-in indicator definitions are broken: {reason}"
    pub const BUILTIN_INVALID: &str = "indicator.builtin_invalid";
    /// Error (rule `indicator.definition`; source: treem): "Invalid indicator definition: {reason}"
    pub const DEFINITION_INVALID: &str = "indicator.definition_invalid";
    /// Error (rule `indicator.definition`; source: Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II): "{indicator} is in a reserved namespace (I, II, treem); use a namespace of your own"
    pub const DEFINITION_RESERVED: &str = "indicator.definition_reserved";
    /// Error (rule `indicator.definition`; source: treem): "Indicator {indicator} is already defined"
    pub const DEFINITION_DUPLICATE: &str = "indicator.definition_duplicate";
    /// Error (rule `indicator.values`; source: treem): "No indicator {indicator}"
    pub const UNKNOWN: &str = "indicator.unknown";
    /// Error (rule `indicator.values`; source: treem): "Invalid indicator value: {reason}"
    pub const VALUE_INVALID: &str = "indicator.value_invalid";
    /// Error (rule `indicator.values`; source: treem): "Indicator {indicator} is computed from records; the caller may give only its outside denominator"
    pub const VALUE_FOR_COMPUTED: &str = "indicator.value_for_computed";
    /// Error (rule `indicator.values`; source: treem): "Invalid period: {reason}"
    pub const PERIOD_INVALID: &str = "indicator.period_invalid";
    /// Error (rule `indicator.values`; source: Thông tư 13/2021/TT-BLĐTBXH, Phụ lục III và IV (phân tổ chủ yếu)): "Indicator {indicator} has no disaggregation {dimension}"
    pub const BREAKDOWN_UNKNOWN: &str = "indicator.breakdown_unknown";
    /// Warning (rule `indicator.values`; source: Thông tư 13/2021/TT-BLĐTBXH, Điều 3): "Indicator {indicator} is in force only from {from}"
    pub const NOT_IN_FORCE: &str = "indicator.not_in_force";
    /// Error (rule `indicator.table`; source: treem): "Different values for indicator {indicator}, unit {unit}, period {period}: they cannot be summed"
    pub const VALUE_CONFLICT: &str = "indicator.value_conflict";
    /// Error (rule `indicator.input`; source: treem): "Invalid item: {reason}"
    pub const ITEM_INVALID: &str = "indicator.item_invalid";
    /// Warning (rule `indicator.input`; source: treem): "Records of kind {kind} feed no indicator in this version"
    pub const RECORD_PENDING: &str = "indicator.record_pending";
    /// Error (rule `indicator.records`; source: treem): "The {kind} record has {errors} errors (first: {first}) and is left out of the indicators"
    pub const RECORD_INVALID: &str = "indicator.record_invalid";
    /// Error (rule `indicator.records`; source: treem): "The case names no child record of this input (child_id): left out; keep each child with its cases in one shard"
    pub const CASE_CHILD_MISSING: &str = "indicator.case_child_missing";
    /// Error (rule `indicator.records`; source: treem): "The child id repeats item {other}: this record is left out (remove duplicates before computing)"
    pub const CHILD_ID_REPEATED: &str = "indicator.child_id_repeated";
    /// Warning (rule `indicator.records`; source: Nghị quyết 202/2025/QH15; bảng chuyển đổi đơn vị hành chính của Tổng cục Thống kê (7/2025)): "Code {code} has no single province in the {edition} list: counted in unit {unit}"
    pub const UNIT_UNPLACED: &str = "indicator.unit_unplaced";
    /// Warning (rule `indicator.records`; source: Luật Trẻ em 2016, Điều 1): "This person is 16 or older on {date}: not counted in the indicators on children"
    pub const NOT_A_CHILD: &str = "indicator.not_a_child";
    /// Warning (rule `indicator.records`; source: Thông tư 18/2023/TT-BGDĐT, Điều 11 khoản 2): "A checklist set gives no Đạt/Chưa đạt level: not counted in the pass rate"
    pub const ASSESSMENT_WITHOUT_LEVEL: &str = "indicator.assessment_without_level";
    /// Error (rule `indicator.records`; source: treem): "An as_of date is needed to compute indicators from {count} records; none was counted"
    pub const RECORDS_NEED_AS_OF: &str = "indicator.records_need_as_of";
}

/// The codes `directive.*`.
pub mod directive {
    /// Error (rule `directive.form`; source: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2): "The document lacks a required component: {component_en} (Decree 30/2020/NĐ-CP, Art. 8(2)({point}))"
    pub const COMPONENT_MISSING: &str = "directive.component_missing";
    /// Error (rule `directive.form`; source: Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm d; Điều 15): "The date of issue is incomplete: only the year {year} is given, the day and month are blank"
    pub const DATE_INCOMPLETE: &str = "directive.date_incomplete";
    /// Error (rule `directive.references`; source: treem): "A document it is based on is dated {basis_date}, after this document ({directive_date})"
    pub const BASIS_AFTER_DIRECTIVE: &str = "directive.basis_after_directive";
    /// Error (rule `directive.structure`; source: Nghị định 30/2020/NĐ-CP, Phụ lục I (bố cục: phần, mục, khoản, điểm)): "Section numbers are out of sequence: expected {expected}, found {found}"
    pub const SECTION_NUMBERING: &str = "directive.section_numbering";
    /// Error (rule `directive.tasks`; source: treem): "The task is not assigned to any type of unit"
    pub const TASK_WITHOUT_ASSIGNEE: &str = "directive.task_without_assignee";
    /// Error (rule `directive.structure`; source: treem): "The id {id} is used twice"
    pub const DUPLICATE_ID: &str = "directive.duplicate_id";
    /// Error (rule `directive.references`; source: treem): "The task cites document {id}, which is not listed"
    pub const CITES_UNKNOWN_DOCUMENT: &str = "directive.cites_unknown_document";
    /// Error (rule `directive.vocabulary`; source: treem): "Value not in the catalog {catalog}"
    pub const CODE_UNKNOWN: &str = "directive.code_unknown";
    /// Warning (rule `directive.form`; source: Nghị định 30/2020/NĐ-CP, Điều 13 khoản 1): "KT. (signed for) is a deputy signing for the head, but the signer's title is not a deputy's"
    pub const KT_SIGNER_NOT_DEPUTY: &str = "directive.kt_signer_not_deputy";
    /// Warning (rule `directive.references`; source: Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (số văn bản cấp theo năm)): "The year in the number ({number_year}) differs from the year of issue ({date_year})"
    pub const REFERENCE_YEAR_MISMATCH: &str = "directive.reference_year_mismatch";
    /// Warning (rule `directive.form`; source: Nghị định 30/2020/NĐ-CP, Phụ lục III): "The type {abbreviation} in the number does not match the declared document type"
    pub const NUMBER_TYPE_MISMATCH: &str = "directive.number_type_mismatch";
    /// Error (rule `directive.tasks`; source: Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II): "TT 13/2021/TT-BLĐTBXH has no indicator {appendix}:{code}"
    pub const INDICATOR_UNKNOWN: &str = "directive.indicator_unknown";
    /// Error (rule `directive.tasks`; source: Thông tư 13/2021/TT-BLĐTBXH, Phụ lục I và II): "An indicator needs appendix I or II and a four-digit code"
    pub const INDICATOR_INVALID: &str = "directive.indicator_invalid";
}

/// The codes `task_report.*`.
pub mod task_report {
    /// Error (rule `task_report`; source: treem): "No directive with id {directive} (see the catalog directives)"
    pub const DIRECTIVE_UNKNOWN: &str = "task_report.directive_unknown";
    /// Error (rule `task_report`; source: treem): "The period must be a school year (2024-2025), a year (2024) or a half-year (2024-H1, 2024-H2)"
    pub const PERIOD_INVALID: &str = "task_report.period_invalid";
    /// Error (rule `task_report`; source: treem): "The directive has no task {task}"
    pub const TASK_UNKNOWN: &str = "task_report.task_unknown";
    /// Error (rule `task_report`; source: treem): "Task {task} is not assigned to units of type {unit_type}"
    pub const TASK_NOT_ASSIGNED: &str = "task_report.task_not_assigned";
    /// Error (rule `task_report`; source: treem): "Task {task} is reported twice"
    pub const TASK_DUPLICATE: &str = "task_report.task_duplicate";
    /// Error (rule `task_report`; source: treem): "A count must be a whole number, zero or more"
    pub const COUNT_INVALID: &str = "task_report.count_invalid";
    /// Error (rule `task_report`; source: treem): "The activity's date is outside the period ({start} – {end})"
    pub const DATE_OUTSIDE_PERIOD: &str = "task_report.date_outside_period";
    /// Warning (rule `task_report`; source: treem): "Activities for {occasion} usually take place in month(s) {months}"
    pub const OCCASION_MONTH: &str = "task_report.occasion_month";
    /// Error (rule `task_report`; source: treem): "More learners took part ({participants}) than the school has ({learners})"
    pub const PARTICIPANTS_EXCEED_LEARNERS: &str = "task_report.participants_exceed_learners";
    /// Warning (rule `task_report`; source: treem): "The task is reported done without any activity or evidence"
    pub const DONE_WITHOUT_EVIDENCE: &str = "task_report.done_without_evidence";
    /// Warning (rule `task_report`; source: treem): "Evidence should be a link (http or https)"
    pub const EVIDENCE_NOT_LINK: &str = "task_report.evidence_not_link";
}

/// The codes `row.*`.
pub mod row {
    /// Error (rule `dataset.row`; source: treem): "The row has {found} cells but the header has {expected} columns (row kept as is)"
    pub const COLUMN_COUNT: &str = "row.column_count";
    /// Error (rule `dataset.row`; source: treem): "The cell in column {column} cannot be read: {reason_en}"
    pub const CELL_UNREADABLE: &str = "row.cell_unreadable";
    /// Error (rule `dataset.row`; source: treem): "The line is not UTF-8 text (byte {offset})"
    pub const NOT_UTF8: &str = "row.not_utf8";
}

/// Every code, in the order of the code table (`docs/codes.md`).
pub const ALL: &[&str] = &[
    field::WRONG_TYPE,
    field::REQUIRED,
    record::UNKNOWN_FIELD,
    record::NOT_OBJECT,
    record::TOO_LARGE,
    record::VALUE_UNREAD,
    context::AS_OF_MISSING,
    json::WRONG_TYPE,
    json::MISSING_MEMBER,
    json::UNKNOWN_MEMBER,
    json::UNKNOWN_VALUE,
    json::INVALID_VALUE,
    report::TRUNCATED,
    normalize::REWRITTEN,
    date::INVALID_FORMAT,
    date::IMPOSSIBLE,
    date::YEAR_OUT_OF_RANGE,
    personal_id::NON_DIGIT,
    personal_id::WRONG_LENGTH,
    personal_id::UNKNOWN_PROVINCE,
    personal_id::IMPOSSIBLE_CENTURY,
    personal_id::BIRTH_YEAR_IN_FUTURE,
    personal_id::BIRTH_YEAR_MISMATCH,
    personal_id::SEX_MISMATCH,
    phone::NON_DIGIT,
    phone::WRONG_LENGTH,
    phone::OLD_MOBILE_PREFIX,
    phone::UNKNOWN_PREFIX,
    phone::UNVERIFIED_PREFIX,
    phone::UNKNOWN_AREA_CODE,
    phone::UNVERIFIED_SERVICE,
    phone::SERVICE_REPLACED,
    phone::FOREIGN,
    phone::EMPTY,
    name::EMPTY,
    name::DIGIT,
    name::SYMBOL,
    name::INVISIBLE_CHARACTER,
    name::UNSUPPORTED_COMBINING_MARK,
    name::TOO_LONG,
    ethnic_group::EMPTY,
    ethnic_group::UNKNOWN,
    document_number::EMPTY,
    document_number::INVALID_FORMAT,
    document_number::ZERO,
    document_number::YEAR_OUT_OF_RANGE,
    document_number::INVALID_CHARACTER,
    document_number::YEAR_AFTER_AS_OF,
    document_number::TYPE_WITHOUT_DIACRITICS,
    document_number::SYMBOL_CASE,
    document_number::MISSING_LEADING_ZERO,
    document_number::MISSING_SYMBOL,
    admin_unit::EMPTY,
    admin_unit::UNKNOWN,
    admin_unit::TABLES_NOT_LOADED,
    admin_unit::AMBIGUOUS,
    admin_unit::PARENT_MISMATCH,
    admin_unit::COMMUNE_OUTSIDE_PROVINCE,
    admin_unit::COMMUNE_OUTSIDE_DISTRICT,
    admin_unit::DISTRICT_OUTSIDE_PROVINCE,
    admin_unit::OLD_NAME,
    admin_unit::OLD_NAME_SPLIT,
    child::PROTECTION_LEVEL_UNKNOWN,
    child::CODE_UNKNOWN,
    child::DATE_AFTER_AS_OF,
    child::DATE_BEFORE_BIRTH,
    child::SEX_UNKNOWN,
    child::BIRTH_IN_FUTURE,
    child::AGE_OUTSIDE_CHILD_LAW,
    child::EDITION_UNKNOWN,
    child::DISTRICT_IN_TWO_LEVEL_EDITION,
    child::GUARDIAN_DUPLICATE,
    child::ORPHAN_WITH_LIVING_PARENT,
    child::ORPHAN_WITH_MISSING_PARENT,
    child::SUB_CATEGORY_CONTRADICTS_PARENTS,
    child::PRESCHOOL_AGE_OUTSIDE,
    child::PRESCHOOL_AGE_BORDERLINE,
    child::GRADE_NOT_IN_LEVEL,
    child::SCHOOL_YEAR_INVALID,
    child::GRADE_AHEAD_OF_AGE,
    child::GRADE_BEHIND_AGE,
    child::SUB_CATEGORY_NOT_IN_GROUP,
    child::CIRCUMSTANCE_REPEATED,
    child::DISABILITY_LEVEL_WITHOUT_TYPE,
    child::DISABILITY_LEVEL_MISMATCH,
    child::DISABILITY_MISSING,
    child::ASSISTANCE_AGE,
    child::ASSISTANCE_PAST_22,
    child::ASSISTANCE_HIV_AGE,
    child::CIRCUMSTANCE_TEXT_UNKNOWN,
    school::TYPE_UNKNOWN,
    school::LEVEL_UNKNOWN,
    school::LEVEL_TYPE_MISMATCH,
    school::TOO_FEW_LEVELS,
    school::GRADE_OUT_OF_RANGE,
    school::GRADE_LEVEL_MISMATCH,
    school::LEVEL_WITHOUT_GRADES,
    school::GRADE_DUPLICATE,
    school::OWNERSHIP_UNKNOWN,
    school::AUTHORITY_UNKNOWN,
    school::AUTHORITY_ABOLISHED,
    school::AUTHORITY_BEFORE_REFORM,
    school::AUTHORITY_UNUSUAL_FOR_LEVEL,
    school::COUNT_EXCEEDS_STAFF,
    school::LEARNERS_WITHOUT_TEACHERS,
    school::ADDRESS_CODE_FORM,
    school::ADDRESS_EDITION_UNKNOWN,
    school::ADDRESS_DISTRICT_IN_2025,
    criteria_set::DUPLICATE_CODE,
    criteria_set::UNKNOWN_AREA,
    criteria_set::UNKNOWN_SCHOOL_TYPE,
    criteria_set::THRESHOLD_INVALID,
    criteria_set::THRESHOLD_UNREACHABLE,
    criteria_set::COMPLETE_WITHOUT_CRITERIA,
    criteria_set::THRESHOLD_DIFFERS_FROM_LAW,
    criteria_set::THRESHOLD_DIFFERS_FROM_SOURCE,
    criteria_set::COUNT_DIFFERS_FROM_REPORTED,
    criteria_set::DATE_INVALID,
    safe_school::UNKNOWN_SET,
    safe_school::SET_NOT_COMPLETE,
    safe_school::VERSION_MISMATCH,
    safe_school::SET_NOT_FOR_SCHOOL,
    safe_school::YEAR_FORM,
    safe_school::YEAR_IN_FUTURE,
    safe_school::SET_NOT_IN_FORCE,
    safe_school::UNKNOWN_CRITERION,
    safe_school::DUPLICATE_CRITERION,
    safe_school::RESULT_UNKNOWN,
    safe_school::NOT_APPLICABLE_NOT_ALLOWED,
    safe_school::MANDATORY_UNANSWERED,
    safe_school::CRITERION_UNANSWERED,
    safe_school::REMEDY_MISSING,
    safe_school::REMEDY_ADVISED,
    safe_school::REMEDY_BY_UNKNOWN,
    safe_school::EVIDENCE_MISSING,
    safe_school::UNKNOWN_EVENT,
    case::CODE_UNKNOWN,
    case::REPORT_TIME_MISSING,
    case::DATE_AFTER_AS_OF,
    case::STEP_OUT_OF_ORDER,
    case::STEP_LATE,
    case::STEP_OVERDUE,
    case::SEPARATION_TOO_LONG,
    case::OFFENDER_AGE_INVALID,
    case::SEPARATION_END_BEFORE_START,
    case::TIME_INVALID,
    indicator::BUILTIN_INVALID,
    indicator::DEFINITION_INVALID,
    indicator::DEFINITION_RESERVED,
    indicator::DEFINITION_DUPLICATE,
    indicator::UNKNOWN,
    indicator::VALUE_INVALID,
    indicator::VALUE_FOR_COMPUTED,
    indicator::PERIOD_INVALID,
    indicator::BREAKDOWN_UNKNOWN,
    indicator::NOT_IN_FORCE,
    indicator::VALUE_CONFLICT,
    indicator::ITEM_INVALID,
    indicator::RECORD_PENDING,
    indicator::RECORD_INVALID,
    indicator::CASE_CHILD_MISSING,
    indicator::CHILD_ID_REPEATED,
    indicator::UNIT_UNPLACED,
    indicator::NOT_A_CHILD,
    indicator::ASSESSMENT_WITHOUT_LEVEL,
    indicator::RECORDS_NEED_AS_OF,
    directive::COMPONENT_MISSING,
    directive::DATE_INCOMPLETE,
    directive::BASIS_AFTER_DIRECTIVE,
    directive::SECTION_NUMBERING,
    directive::TASK_WITHOUT_ASSIGNEE,
    directive::DUPLICATE_ID,
    directive::CITES_UNKNOWN_DOCUMENT,
    directive::CODE_UNKNOWN,
    directive::KT_SIGNER_NOT_DEPUTY,
    directive::REFERENCE_YEAR_MISMATCH,
    directive::NUMBER_TYPE_MISMATCH,
    directive::INDICATOR_UNKNOWN,
    directive::INDICATOR_INVALID,
    task_report::DIRECTIVE_UNKNOWN,
    task_report::PERIOD_INVALID,
    task_report::TASK_UNKNOWN,
    task_report::TASK_NOT_ASSIGNED,
    task_report::TASK_DUPLICATE,
    task_report::COUNT_INVALID,
    task_report::DATE_OUTSIDE_PERIOD,
    task_report::OCCASION_MONTH,
    task_report::PARTICIPANTS_EXCEED_LEARNERS,
    task_report::DONE_WITHOUT_EVIDENCE,
    task_report::EVIDENCE_NOT_LINK,
    row::COLUMN_COUNT,
    row::CELL_UNREADABLE,
    row::NOT_UTF8,
];
