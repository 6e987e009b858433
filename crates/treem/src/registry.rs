//! The tables that tie the library together: every code table, every catalog, every parser.
//! Adding a domain module means adding its line here; nothing else needs to know.

use crate::i18n::{CodeDef, Lang};

/// Every module's issue codes, in the order the code table lists them.
pub(crate) const CODE_TABLES: &[&[CodeDef]] = &[
    crate::fields::CODES,
    crate::normalize::CODES,
    crate::vn::date::CODES,
    crate::child::CODES,
    crate::row::CODES,
];

/// Every kind, by its stable name.
pub(crate) const KINDS: &[crate::kind::KindDef] = &[crate::child::KIND];

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
