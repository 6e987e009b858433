//! The tables that tie the library together: every code table, every catalog, every parser.
//! Adding a domain module means adding its line here; nothing else needs to know.

use crate::i18n::{CodeDef, Lang};

/// Every module's issue codes, in the order the code table lists them.
pub(crate) const CODE_TABLES: &[&[CodeDef]] = &[
    crate::fields::CODES,
    crate::normalize::CODES,
    crate::vn::date::CODES,
    crate::vn::personal_id::CODES,
    crate::vn::phone::CODES,
    crate::vn::name::CODES,
    crate::vn::ethnic::CODES,
    crate::vn::document_number::CODES,
    crate::child::CODES,
    crate::school::CODES,
    crate::school::address::CODES,
    crate::safe_school::set_check::CODES,
    crate::safe_school::assessment::CODES,
];

/// Every kind, by its stable name.
pub(crate) const KINDS: &[crate::kind::KindDef] = &[
    crate::child::KIND,
    crate::school::KIND,
    crate::safe_school::assessment::KIND,
    crate::safe_school::set_check::KIND,
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
    CatalogDef {
        name: "sexes",
        source: "treem",
        build: sexes,
    },
    CatalogDef {
        name: "ethnic_groups",
        source: crate::vn::ethnic::SOURCE,
        build: ethnic_groups,
    },
    CatalogDef {
        name: "document_types",
        source: crate::vn::document_number::TYPES_SOURCE,
        build: document_types,
    },
    CatalogDef {
        name: "school_levels",
        source: "Luật Giáo dục 2019 (43/2019/QH14), Điều 6, 26, 28",
        build: crate::school::types::levels_catalog,
    },
    CatalogDef {
        name: "school_types",
        source: "Luật Giáo dục 2019, Điều 26; Thông tư 18/2023/TT-BGDĐT, Điều 1 khoản 2",
        build: crate::school::types::types_catalog,
    },
    CatalogDef {
        name: "criteria_sets",
        source: "TT 18/2023/TT-BGDĐT; TT 45/2021/TT-BGDĐT; QĐ 548/QĐ-LĐTBXH; NĐ 80/2017/NĐ-CP",
        build: crate::safe_school::builtin::catalog,
    },
];

/// A parser of one primitive, reachable through the `parse` entry point.
pub(crate) struct ParserDef {
    pub(crate) name: &'static str,
    pub(crate) parse:
        fn(&str, &crate::Context, &mut crate::report::IssueSink) -> Option<serde_json::Value>,
}

/// Every parser, by its stable name.
pub(crate) const PARSERS: &[ParserDef] = &[
    ParserDef {
        name: "date",
        parse: parse_date,
    },
    ParserDef {
        name: "personal_id",
        parse: parse_personal_id,
    },
    ParserDef {
        name: "phone",
        parse: |text, _ctx, sink| to_value(crate::vn::phone::parse(text, &ROOT, sink)),
    },
    ParserDef {
        name: "name",
        parse: |text, _ctx, sink| to_value(crate::vn::name::parse(text, &ROOT, sink)),
    },
    ParserDef {
        name: "ethnic_group",
        parse: |text, _ctx, sink| to_value(crate::vn::ethnic::parse(text, &ROOT, sink)),
    },
    ParserDef {
        name: "document_number",
        parse: |text, _ctx, sink| to_value(crate::vn::document_number::parse(text, &ROOT, sink)),
    },
];

const ROOT: crate::report::Location<'static> = crate::report::Location::root();

fn to_value<T: serde::Serialize>(value: Option<T>) -> Option<serde_json::Value> {
    serde_json::to_value(value?).ok()
}

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
    crate::i18n::all_codes()
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
