//! The tables that tie the library together: every code table, every catalog, every parser.
//! Adding a domain module means adding its line here; nothing else needs to know.

use crate::i18n::{CodeDef, Lang};

/// Every module's issue codes, in the order the code table lists them.
pub(crate) const CODE_TABLES: &[&[CodeDef]] = &[
    crate::fields::CODES,
    crate::normalize::CODES,
    crate::vn::date::CODES,
    crate::child::CODES,
    crate::child::read::CODES,
    crate::child::dates::CODES,
    crate::child::identity::CODES,
    crate::child::residence::CODES,
    crate::child::family::CODES,
    crate::child::schooling::CODES,
    crate::child::circumstances::CODES,
    crate::case::CODES,
    crate::case::moment::CODES,
];

/// Every kind, by its stable name.
pub(crate) const KINDS: &[crate::kind::KindDef] = &[crate::child::KIND, crate::case::KIND];

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
        name: "special_circumstances",
        source: "Luật Trẻ em 2016, Điều 10; Nghị định 56/2017/NĐ-CP, Điều 3–16",
        build: crate::child::catalog::special_circumstances_items,
    },
    CatalogDef {
        name: "disability_types",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 1",
        build: |ctx| crate::code_list::items(crate::child::catalog::DISABILITY_TYPES, ctx.lang),
    },
    CatalogDef {
        name: "disability_levels",
        source: "Luật Người khuyết tật 2010, Điều 3 khoản 2",
        build: |ctx| crate::code_list::items(crate::child::catalog::DISABILITY_LEVELS, ctx.lang),
    },
    CatalogDef {
        name: "social_assistance_categories",
        source: "Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1 (original text; Nghị định 76/2024/NĐ-CP not encoded)",
        build: |ctx| crate::code_list::items(crate::child::catalog::SOCIAL_ASSISTANCE_CATEGORIES, ctx.lang),
    },
    CatalogDef {
        name: "protection_levels",
        source: "Luật Trẻ em 2016, Điều 47 khoản 1",
        build: |ctx| crate::code_list::items(crate::child::catalog::PROTECTION_LEVELS, ctx.lang),
    },
    CatalogDef {
        name: "school_levels",
        source: "Luật Giáo dục 2019, Điều 26, Điều 28",
        build: |ctx| crate::code_list::items(crate::child::catalog::SCHOOL_LEVELS, ctx.lang),
    },
    CatalogDef {
        name: "relationships",
        source: "treem",
        build: |ctx| crate::code_list::items(crate::child::catalog::RELATIONSHIPS, ctx.lang),
    },
    CatalogDef {
        name: "person_statuses",
        source: "treem",
        build: |ctx| crate::code_list::items(crate::child::catalog::PERSON_STATUSES, ctx.lang),
    },
    CatalogDef {
        name: "abuse_forms",
        source: "Luật Trẻ em 2016, Điều 4 khoản 5",
        build: |ctx| crate::code_list::items(crate::case::catalog::ABUSE_FORMS, ctx.lang),
    },
    CatalogDef {
        name: "injury_types",
        source: "treem (no official list verified)",
        build: |ctx| crate::code_list::items(crate::case::catalog::INJURY_TYPES, ctx.lang),
    },
    CatalogDef {
        name: "case_steps",
        source: "Nghị định 56/2017/NĐ-CP, Điều 25–32",
        build: crate::case::catalog::steps_items,
    },
];

/// A parser of one primitive, reachable through the `parse` entry point.
pub(crate) struct ParserDef {
    pub(crate) name: &'static str,
    pub(crate) parse:
        fn(&str, &crate::Context, &mut crate::report::IssueSink) -> Option<serde_json::Value>,
}

/// Every parser, by its stable name.
pub(crate) const PARSERS: &[ParserDef] = &[ParserDef {
    name: "date",
    parse: parse_date,
}];

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
    let (male, female) = match ctx.lang {
        Lang::Vi => ("Nam", "Nữ"),
        Lang::En => ("Male", "Female"),
    };
    vec![
        serde_json::json!({"code": "male", "label": male}),
        serde_json::json!({"code": "female", "label": female}),
    ]
}

fn parse_date(
    text: &str,
    _ctx: &crate::Context,
    sink: &mut crate::report::IssueSink,
) -> Option<serde_json::Value> {
    let parsed = crate::vn::date::parse(text, &crate::report::Location::root(), sink)?;
    serde_json::to_value(parsed).ok()
}
