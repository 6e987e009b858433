//! Labels for the people who read an indicator table: indicator names, dimensions and
//! categories in Vietnamese (or English), taken from the core's catalogs where one exists.

use std::collections::BTreeMap;

use treem::indicator::definition::{self, Dimension, IndicatorId};
use treem::Lang;

/// The labels of one run, in one language.
pub(crate) struct Labels {
    /// The language.
    pub(crate) lang: Lang,
    /// Category labels by dimension, from the core's catalogs.
    categories: BTreeMap<&'static str, BTreeMap<String, String>>,
    /// Province names by code, of both editions (2025 first).
    units: BTreeMap<String, String>,
}

/// The catalog that names the categories of a dimension.
fn catalog_of(dimension: Dimension) -> Option<&'static str> {
    Some(match dimension {
        Dimension::Sex => "sexes",
        Dimension::EthnicGroup => "ethnic_groups",
        Dimension::SpecialCircumstanceGroup => "special_circumstances",
        Dimension::DisabilityType => "disability_types",
        Dimension::SchoolLevel => "school_levels",
        Dimension::AbuseForm => "abuse_forms",
        _ => return None,
    })
}

/// Every `code` (and `letter`) of a catalog's items with its label.
fn catalog_map(name: &str, options: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Ok(catalog) = treem::api::catalog(name, options.as_bytes()) else {
        return map;
    };
    let items = catalog
        .get("items")
        .and_then(serde_json::Value::as_array)
        .cloned()
        .unwrap_or_default();
    for item in items {
        let Some(label) = item.get("label").and_then(serde_json::Value::as_str) else {
            continue;
        };
        for key in ["code", "letter"] {
            match item.get(key) {
                Some(serde_json::Value::String(code)) => {
                    map.entry(code.clone()).or_insert_with(|| label.to_owned());
                }
                Some(serde_json::Value::Number(n)) => {
                    map.entry(n.to_string()).or_insert_with(|| label.to_owned());
                }
                _ => {}
            }
        }
    }
    map
}

impl Labels {
    /// Loads the catalogs in `lang`.
    pub(crate) fn new(lang: Lang) -> Labels {
        let options = format!("{{\"lang\": \"{}\"}}", lang.as_str());
        let mut categories = BTreeMap::new();
        for dimension in [
            Dimension::Sex,
            Dimension::EthnicGroup,
            Dimension::SpecialCircumstanceGroup,
            Dimension::DisabilityType,
            Dimension::SchoolLevel,
            Dimension::AbuseForm,
        ] {
            if let Some(name) = catalog_of(dimension) {
                categories.insert(dimension.as_str(), catalog_map(name, &options));
            }
        }
        let mut units = BTreeMap::new();
        for edition in ["2025", "2024"] {
            let options = format!(
                "{{\"lang\": \"{}\", \"edition\": \"{edition}\"}}",
                lang.as_str()
            );
            for (code, label) in catalog_map("provinces", &options) {
                units.entry(code).or_insert(label);
            }
        }
        Labels {
            lang,
            categories,
            units,
        }
    }

    /// Picks the text of the run's language.
    pub(crate) fn pick<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The indicator's name (TT 13/2021 wording in Vietnamese; our translation in English).
    pub(crate) fn indicator(&self, id: &IndicatorId) -> String {
        match definition::find_builtin(id) {
            Some(def) => self.pick(&def.name_vi, &def.name_en).to_owned(),
            None => id.to_string(),
        }
    }

    /// The name of an administrative unit cell (a province code, `unknown`, `unmapped`).
    pub(crate) fn unit(&self, code: &str) -> String {
        match code {
            "unknown" => self.pick("Không rõ đơn vị", "Unit unknown").to_owned(),
            "unmapped" => self
                .pick(
                    "Không xác định được tỉnh (xã bị chia)",
                    "Province not determined (split commune)",
                )
                .to_owned(),
            _ => match self.units.get(code) {
                Some(name) => format!("{name} ({code})"),
                None => code.to_owned(),
            },
        }
    }

    /// The name of a dimension.
    pub(crate) fn dimension(&self, dimension: Dimension) -> &'static str {
        let (vi, en) = match dimension {
            Dimension::Sex => ("Giới tính", "Sex"),
            Dimension::AgeGroup => ("Nhóm tuổi", "Age group"),
            Dimension::EthnicGroup => ("Dân tộc", "Ethnic group"),
            Dimension::UrbanRural => ("Thành thị/nông thôn", "Urban/rural"),
            Dimension::Province => ("Tỉnh/thành phố", "Province"),
            Dimension::Region => ("Vùng", "Region"),
            Dimension::Disability => ("Khuyết tật", "Disability"),
            Dimension::DisabilityType => ("Loại khuyết tật", "Disability type"),
            Dimension::SchoolLevel => ("Cấp học", "School level"),
            Dimension::AgeAppropriateness => ("Chung/đúng tuổi", "All/right age"),
            Dimension::AbuseForm => ("Hình thức xâm hại", "Form of abuse"),
            Dimension::AbuseEnvironment => ("Môi trường xâm hại", "Abuse environment"),
            Dimension::AccidentEnvironment => ("Môi trường xảy ra tai nạn", "Accident environment"),
            Dimension::SupportType => ("Loại hình trợ giúp", "Type of support"),
            Dimension::SpecialCircumstanceGroup => {
                ("Nhóm hoàn cảnh đặc biệt", "Special circumstance group")
            }
            Dimension::ServiceType => ("Loại hình dịch vụ", "Service type"),
            Dimension::FacilityType => ("Loại hình cơ sở", "Facility type"),
            Dimension::KinshipCare => ("Người chăm sóc thay thế", "Alternative carer"),
            Dimension::AdoptionOrigin => ("Trong nước/nước ngoài", "Domestic/foreign"),
            Dimension::MalnutritionLevel => ("Mức độ suy dinh dưỡng", "Malnutrition level"),
            Dimension::MotherEducation => ("Trình độ học vấn của mẹ", "Mother's education"),
            Dimension::Occupation => ("Nghề nghiệp", "Occupation"),
            Dimension::OffenderType => ("Tổ chức/cá nhân vi phạm", "Offender"),
            Dimension::ParticipationForm => ("Hình thức tham gia", "Form of participation"),
            Dimension::ManagingAuthority => ("Cơ quan quản lý", "Managing authority"),
            Dimension::Other => ("Khác", "Other"),
        };
        self.pick(vi, en)
    }

    /// The name of a category of `dimension` (the code itself when no label is known).
    pub(crate) fn category(&self, dimension: Dimension, code: &str) -> String {
        match code {
            "unknown" => return self.pick("Không rõ", "Unknown").to_owned(),
            "yes" => return self.pick("Có", "Yes").to_owned(),
            "no" => return self.pick("Không", "No").to_owned(),
            "all" => return self.pick("Chung", "All").to_owned(),
            "right_age" => return self.pick("Đúng tuổi", "Right age").to_owned(),
            "social_assistance" => {
                return self
                    .pick("Trợ cấp xã hội hằng tháng", "Monthly social assistance")
                    .to_owned()
            }
            "child_protection_services" => {
                return self
                    .pick("Dịch vụ bảo vệ trẻ em", "Child protection services")
                    .to_owned()
            }
            "continuing_education" => {
                return self
                    .pick("Giáo dục thường xuyên", "Continuing education")
                    .to_owned()
            }
            _ => {}
        }
        if dimension == Dimension::AgeGroup {
            let years = self.pick("tuổi", "years");
            return match code.split_once('_') {
                Some((from, to)) => format!("{from}–{to} {years}"),
                None => format!("{code} {years}"),
            };
        }
        self.categories
            .get(dimension.as_str())
            .and_then(|map| map.get(code))
            .cloned()
            .unwrap_or_else(|| code.to_owned())
    }
}
