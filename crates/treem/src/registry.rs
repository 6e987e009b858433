//! The tables that tie the library together: every code table, every catalog, every parser.
//! Adding a domain module means adding its line here; nothing else needs to know.

use crate::i18n::{CodeDef, Lang};

/// Every module's issue codes, in the order the code table lists them.
pub(crate) const CODE_TABLES: &[&[CodeDef]] = &[
    crate::fields::CODES,
    #[cfg(any(feature = "safe-school", feature = "directive"))]
    crate::json::data::CODES,
    crate::report::CODES,
    crate::normalize::CODES,
    #[cfg(any(feature = "child", feature = "school"))]
    crate::record::CODES,
    crate::vn::date::CODES,
    #[cfg(feature = "child")]
    crate::vn::personal_id::CODES,
    #[cfg(feature = "child")]
    crate::vn::phone::CODES,
    #[cfg(feature = "child")]
    crate::vn::name::CODES,
    #[cfg(feature = "child")]
    crate::vn::ethnic::CODES,
    #[cfg(feature = "directive")]
    crate::vn::document_number::CODES,
    crate::vn::admin::CODES,
    crate::vn::admin::place::CODES,
    #[cfg(feature = "child")]
    crate::child::CODES,
    #[cfg(feature = "school")]
    crate::school::CODES,
    #[cfg(feature = "school")]
    crate::school::address::CODES,
    #[cfg(feature = "safe-school")]
    crate::safe_school::set_check::CODES,
    #[cfg(feature = "safe-school")]
    crate::safe_school::assessment::CODES,
    #[cfg(feature = "child")]
    crate::child::read::CODES,
    #[cfg(feature = "child")]
    crate::child::dates::CODES,
    #[cfg(feature = "child")]
    crate::child::identity::CODES,
    #[cfg(feature = "child")]
    crate::child::residence::CODES,
    #[cfg(feature = "child")]
    crate::child::family::CODES,
    #[cfg(feature = "child")]
    crate::child::schooling::CODES,
    #[cfg(feature = "child")]
    crate::child::circumstances::CODES,
    #[cfg(feature = "child")]
    crate::child::circumstance_text::CODES,
    #[cfg(feature = "case")]
    crate::case::CODES,
    #[cfg(feature = "case")]
    crate::case::moment::CODES,
    #[cfg(feature = "indicators")]
    crate::indicator::CODES,
    #[cfg(feature = "indicators")]
    crate::indicator::feed::CODES,
    #[cfg(feature = "directive")]
    crate::directive::rules::CODES,
    #[cfg(feature = "directive")]
    crate::task_report::rules::CODES,
    crate::row::CODES,
];

/// Every kind, by its stable name.
pub(crate) const KINDS: &[crate::document::KindDef] = &[
    #[cfg(feature = "child")]
    crate::child::KIND,
    #[cfg(feature = "case")]
    crate::case::KIND,
    #[cfg(feature = "school")]
    crate::school::KIND,
    #[cfg(feature = "safe-school")]
    crate::safe_school::assessment::KIND,
    #[cfg(feature = "safe-school")]
    crate::safe_school::set_check::KIND,
    #[cfg(feature = "directive")]
    crate::directive::KIND,
    #[cfg(feature = "directive")]
    crate::task_report::KIND,
];

/// The committed JSON Schema of every kind (`data/schemas/<kind>.json`), what
/// [`crate::Kind::schema`] answers without the feature `live-schemas`. Generated from the
/// draft types; `tests/schemas.rs` fails when one is stale or missing; regenerate with
/// `TREEM_WRITE_SCHEMAS=1 cargo test -p treem --test schemas`.
#[cfg(any(test, not(feature = "live-schemas")))]
pub(crate) const SCHEMAS: &[(&str, &str)] = &[
    #[cfg(feature = "child")]
    ("child", include_str!("../data/schemas/child.json")),
    #[cfg(feature = "case")]
    ("case", include_str!("../data/schemas/case.json")),
    #[cfg(feature = "school")]
    ("school", include_str!("../data/schemas/school.json")),
    #[cfg(feature = "safe-school")]
    (
        "safe_school_assessment",
        include_str!("../data/schemas/safe_school_assessment.json"),
    ),
    #[cfg(feature = "safe-school")]
    (
        "criteria_set",
        include_str!("../data/schemas/criteria_set.json"),
    ),
    #[cfg(feature = "directive")]
    ("directive", include_str!("../data/schemas/directive.json")),
    #[cfg(feature = "directive")]
    (
        "task_report",
        include_str!("../data/schemas/task_report.json"),
    ),
];

/// A catalog for select boxes and documentation.
pub(crate) struct CatalogDef {
    pub(crate) name: &'static str,
    pub(crate) source: &'static str,
    pub(crate) build: fn(&crate::Context) -> Vec<serde_json::Value>,
}

/// Every catalog, by its stable name.
pub(crate) const CATALOGS: &[CatalogDef] = &[
    CatalogDef {
        name: "issue_codes",
        source: "treem (generated from the code catalog)",
        build: issue_codes,
    },
    CatalogDef {
        name: "kinds",
        source: "treem",
        build: kinds,
    },
    #[cfg(feature = "indicators")]
    CatalogDef {
        name: "indicators",
        source: "Thông tư 13/2021/TT-BLĐTBXH (Công báo 933+934, 09-11-2021), Phụ lục I–IV; plus treem's own indicators (namespace treem, not from TT 13/2021)",
        build: crate::indicator::catalog,
    },
    CatalogDef {
        name: "editions",
        source: crate::vn::admin::CATALOG_SOURCE,
        build: |ctx| {
            [crate::context::Edition::E2024, crate::context::Edition::E2025]
                .iter()
                .map(|e| e.describe(ctx.lang))
                .collect()
        },
    },
    CatalogDef {
        name: "provinces",
        source: crate::vn::admin::CATALOG_SOURCE,
        build: crate::vn::admin::provinces,
    },
    CatalogDef {
        name: "districts",
        source: crate::vn::admin::CATALOG_SOURCE,
        build: crate::vn::admin::districts,
    },
    CatalogDef {
        name: "communes",
        source: crate::vn::admin::CATALOG_SOURCE,
        build: crate::vn::admin::communes,
    },
    CatalogDef {
        name: "sexes",
        source: "treem",
        build: sexes,
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "ethnic_groups",
        source: crate::vn::ethnic::SOURCE,
        build: ethnic_groups,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "document_types",
        source: crate::vn::document_number::TYPES_SOURCE,
        build: document_types,
    },
    #[cfg(any(feature = "school", feature = "child"))]
    CatalogDef {
        name: "school_levels",
        source: "Luật Giáo dục 2019 (43/2019/QH14), Điều 6, 26, 28",
        build: crate::school::types::levels_catalog,
    },
    #[cfg(feature = "school")]
    CatalogDef {
        name: "school_types",
        source: "Luật Giáo dục 2019, Điều 26; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2",
        build: crate::school::types::types_catalog,
    },
    #[cfg(feature = "safe-school")]
    CatalogDef {
        name: "criteria_sets",
        source: "TT 18/2023/TT-BGDĐT; TT 45/2021/TT-BGDĐT; QĐ 548/QĐ-LĐTBXH; NĐ 80/2017/NĐ-CP",
        build: crate::safe_school::builtin::catalog,
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "special_circumstances",
        source: "Luật Trẻ em 2016, Điều 10; Nghị định 56/2017/NĐ-CP, Điều 3–16",
        build: crate::child::catalog::special_circumstances_items,
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "disability_types",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1",
        build: |ctx| crate::code_list::items(crate::child::catalog::DISABILITY_TYPES, ctx.lang),
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "disability_levels",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 2",
        build: |ctx| crate::code_list::items(crate::child::catalog::DISABILITY_LEVELS, ctx.lang),
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "social_assistance_categories",
        source: "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1, khoản 3 (original text; Nghị định 76/2024/NĐ-CP not encoded)",
        build: |ctx| crate::code_list::items(crate::child::catalog::SOCIAL_ASSISTANCE_CATEGORIES, ctx.lang),
    },
    #[cfg(any(feature = "child", feature = "case"))]
    CatalogDef {
        name: "protection_levels",
        source: "Luật Trẻ em 2016, Điều 47 khoản 1",
        build: |ctx| crate::code_list::items(crate::child::catalog::PROTECTION_LEVELS, ctx.lang),
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "relationships",
        source: "treem",
        build: |ctx| crate::code_list::items(crate::child::catalog::RELATIONSHIPS, ctx.lang),
    },
    #[cfg(feature = "child")]
    CatalogDef {
        name: "person_statuses",
        source: "treem",
        build: |ctx| crate::code_list::items(crate::child::catalog::PERSON_STATUSES, ctx.lang),
    },
    #[cfg(feature = "case")]
    CatalogDef {
        name: "abuse_forms",
        source: "Luật Trẻ em 2016, Điều 4 khoản 5",
        build: |ctx| crate::code_list::items(crate::case::catalog::ABUSE_FORMS, ctx.lang),
    },
    #[cfg(feature = "case")]
    CatalogDef {
        name: "injury_types",
        source: "treem (no official list verified)",
        build: |ctx| crate::code_list::items(crate::case::catalog::INJURY_TYPES, ctx.lang),
    },
    #[cfg(feature = "case")]
    CatalogDef {
        name: "case_environments",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục III mã 0210 (categories), Phụ lục IV mã 0101 (Môi trường xâm hại)",
        build: |ctx| crate::code_list::items(crate::case::catalog::ENVIRONMENTS, ctx.lang),
    },
    #[cfg(feature = "case")]
    CatalogDef {
        name: "offender_relations",
        source: "Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111",
        build: |ctx| crate::code_list::items(crate::case::catalog::OFFENDER_RELATIONS, ctx.lang),
    },
    #[cfg(feature = "case")]
    CatalogDef {
        name: "case_steps",
        source: "Nghị định 56/2017/NĐ-CP, Điều 25–32",
        build: crate::case::catalog::steps_items,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "directives",
        source: "built-in directives (seed: Sở GD&ĐT Hải Phòng, 2024)",
        build: crate::directive::catalog_directives,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "directive/hai-phong-2024",
        source: "Sở GD&ĐT Hải Phòng (2024), thực hiện KH 188/KH-UBND, KH 365-KH/TU, CT 28-CT/TW",
        build: crate::directive::catalog_hai_phong_2024,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "unit_types",
        source: "treem (addressees of the seed directive)",
        build: crate::directive::catalog_unit_types,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "signing_capacities",
        source: "Nghị định 30/2020/NĐ-CP, Điều 13 và Phụ lục I",
        build: crate::directive::catalog_signing_capacities,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "occasions",
        source: "seed directive, mục 1 điểm b (months: treem)",
        build: crate::directive::catalog_occasions,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "task_statuses",
        source: "treem",
        build: crate::task_report::catalog_task_statuses,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "activity_kinds",
        source: "seed directive, mục 1 điểm b",
        build: crate::task_report::catalog_activity_kinds,
    },
    #[cfg(feature = "directive")]
    CatalogDef {
        name: "media_types",
        source: "seed directive, mục 1 điểm b",
        build: crate::directive::catalog_media_types,
    },
];

/// A parser of one primitive, reachable through the `parse` entry point.
pub(crate) struct ParserDef {
    pub(crate) name: &'static str,
    pub(crate) parse:
        fn(&str, &crate::Context, &mut crate::report::IssueSink) -> Option<serde_json::Value>,
}

/// Every parser, by its stable name. The parsers of the primitives only the child record holds
/// (a personal ID, a phone number, a person's name, an ethnic group) come with its domain: a
/// form's module without it leaves them out, as it leaves out what no kind of it reads.
pub(crate) const PARSERS: &[ParserDef] = &[
    ParserDef {
        name: "date",
        parse: parse_date,
    },
    #[cfg(feature = "child")]
    ParserDef {
        name: "personal_id",
        parse: parse_personal_id,
    },
    #[cfg(feature = "child")]
    ParserDef {
        name: "phone",
        parse: |text, _ctx, sink| to_value(crate::vn::phone::parse(text, &ROOT, sink)),
    },
    #[cfg(feature = "child")]
    ParserDef {
        name: "name",
        parse: |text, _ctx, sink| to_value(crate::vn::name::parse(text, &ROOT, sink)),
    },
    #[cfg(feature = "child")]
    ParserDef {
        name: "ethnic_group",
        parse: |text, _ctx, sink| to_value(crate::vn::ethnic::parse(text, &ROOT, sink)),
    },
    #[cfg(feature = "directive")]
    ParserDef {
        name: "document_number",
        parse: |text, ctx, sink| {
            to_value(crate::vn::document_number::parse_as_of(
                text, ctx.as_of, &ROOT, sink,
            ))
        },
    },
    ParserDef {
        name: "admin_unit",
        parse: crate::vn::admin::parse_admin_unit,
    },
    #[cfg(feature = "child")]
    ParserDef {
        name: "special_circumstances",
        parse: crate::child::circumstance_text::parse,
    },
];

#[cfg(any(feature = "child", feature = "directive"))]
const ROOT: crate::report::Location<'static> = crate::report::Location::root();

#[cfg(any(feature = "child", feature = "directive"))]
fn to_value<T: serde::Serialize>(value: Option<T>) -> Option<serde_json::Value> {
    serde_json::to_value(value?).ok()
}

#[cfg(feature = "child")]
fn parse_personal_id(
    text: &str,
    ctx: &crate::Context,
    sink: &mut crate::report::IssueSink,
) -> Option<serde_json::Value> {
    let id = crate::vn::personal_id::parse(text, &ROOT, sink)?;
    if let Some(as_of) = ctx.as_of {
        id.check_as_of(as_of, &ROOT, sink);
    }
    to_value(Some(id))
}

#[cfg(feature = "child")]
fn ethnic_groups(ctx: &crate::Context) -> Vec<serde_json::Value> {
    crate::vn::ethnic::all()
        .map(|g| {
            let label = match (ctx.lang, g.code) {
                (Lang::En, "foreign") => "Foreign national",
                (Lang::En, "unknown") => "Unknown",
                _ => g.name,
            };
            serde_json::json!({
                "code": g.code,
                "label": label,
                "other_names": g.other_names,
                "official": g.official,
                "verification": g.verification,
            })
        })
        .collect()
}

#[cfg(feature = "directive")]
fn document_types(_ctx: &crate::Context) -> Vec<serde_json::Value> {
    crate::vn::document_number::DOCUMENT_TYPES
        .iter()
        .map(|d| {
            serde_json::json!({
                "code": d.abbreviation,
                "label": d.name,
                "group": d.group,
            })
        })
        .collect()
}

fn issue_codes(ctx: &crate::Context) -> Vec<serde_json::Value> {
    CODE_TABLES
        .iter()
        .flat_map(|table| table.iter())
        .map(|def| {
            serde_json::json!({
                "code": def.code,
                "label": def.template(ctx.lang),
                "severity": def.severity.as_str(),
                "rule": def.rule,
                "source": def.source,
            })
        })
        .collect()
}

fn kinds(ctx: &crate::Context) -> Vec<serde_json::Value> {
    crate::Kind::all()
        .map(|k| serde_json::json!({"code": k.name(), "label": k.label(ctx.lang)}))
        .collect()
}

fn sexes(ctx: &crate::Context) -> Vec<serde_json::Value> {
    use crate::vn::sex::Sex;
    [Sex::Male, Sex::Female]
        .into_iter()
        .map(|sex| {
            let label = match ctx.lang {
                Lang::Vi => sex.label_vi(),
                Lang::En => sex.label_en(),
            };
            serde_json::json!({"code": sex.code(), "label": label})
        })
        .collect()
}

fn parse_date(
    text: &str,
    _ctx: &crate::Context,
    sink: &mut crate::report::IssueSink,
) -> Option<serde_json::Value> {
    let parsed = crate::vn::date::parse(text, &crate::report::Location::root(), sink)?;
    serde_json::to_value(parsed).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for name in CATALOGS.iter().map(|c| c.name) {
            assert!(
                seen.insert(("catalog", name)),
                "catalog {name} registered twice"
            );
        }
        for name in PARSERS.iter().map(|p| p.name) {
            assert!(
                seen.insert(("parser", name)),
                "parser {name} registered twice"
            );
        }
        for name in crate::api::operation_names() {
            assert!(
                seen.insert(("operation", name)),
                "operation {name} registered twice"
            );
        }
        for name in crate::Kind::names() {
            assert!(seen.insert(("kind", name)), "kind {name} registered twice");
        }
    }
}
