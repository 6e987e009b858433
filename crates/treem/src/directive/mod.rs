//! Directives and their tasks (kind `directive`), and the built-in seed directive.
//!
//! A directive turns a chain of higher documents into tasks for units, who then report
//! progress on them (kind `task_report`, [`crate::task_report`]). Its form follows Nghị định
//! 30/2020/NĐ-CP on clerical work: the main components of Điều 8 khoản 2, the signing
//! capacities of Điều 13, numbering and dating of Điều 15.
//! A directive that passed the rules is a [`Directive`] ([`crate::record`]).
//!
//! The seed document of this project — the 2024 guidance of Hải Phòng's Department of
//! Education and Training implementing Kế hoạch 188/KH-UBND, Kế hoạch 365-KH/TU and Chỉ thị
//! 28-CT/TW — is built in as data (`crates/treem/data/directives/hai-phong-2024.json`,
//! generated from the seed text by `scripts/data/seed_directive.py`): every task of
//! sections 1–4 and of the closing part addressed to education institutions, verbatim, with
//! assignees, cited documents, hotlines, occasions and, where the task text implies one, the
//! TT 13/2021 indicator that measures it (marked `implied`: our reading, not the
//! directive's). Validating it reports what the document itself leaves out: its number, the
//! day and month of issue, and a summary line.
//!
//! Not encoded yet: the numbers of the three laws the seed cites by title only (Bộ luật Lao
//! động, Luật Phòng, chống bạo lực gia đình, Luật Bình đẳng giới) are not VERIFIED in our
//! sources and are left out rather than guessed.

mod checked;
pub mod model;
pub mod rules;
mod tt13;
pub mod vocab;

pub use checked::{Directive, DocumentRef, IndicatorRef, Recipient, Section, Signer, Task};
pub use model::{
    DirectiveDraft, DocumentRefDraft, IndicatorRefDraft, RecipientDraft, SectionDraft, SignerDraft,
    TaskDraft,
};

use crate::context::Context;
use crate::normalize::{collapse_whitespace, ChangeLog, Rewrite};
use crate::report::{IssueSink, Location};

/// The kind `directive`.
pub(crate) const KIND: crate::document::KindDef = crate::document::kind_def::<DirectiveDraft>(
    "directive",
    "Văn bản chỉ đạo và nhiệm vụ",
    "Directive and its tasks",
);

impl crate::document::Document for DirectiveDraft {
    fn check(&self, ctx: &Context, sink: &mut IssueSink) {
        rules::check(self, ctx, sink);
    }

    fn normalize(&mut self, _ctx: &Context, log: &mut ChangeLog) {
        let root = Location::root();
        for (name, field) in [
            ("issuer", &mut self.issuer),
            ("number", &mut self.number),
            ("place", &mut self.place),
            ("summary", &mut self.summary),
        ] {
            if let crate::json::Field::Value(text) = field {
                if let Some(clean) = collapse_whitespace(text) {
                    *text = clean;
                    log.push(&root.key(name), Rewrite::Whitespace);
                }
            }
        }
    }
}

/// The text of the built-in directives, by id.
const BUILT_IN: &[(&str, &str)] = &[(
    "hai-phong-2024",
    include_str!("../../data/directives/hai-phong-2024.json"),
)];

/// A built-in directive as JSON (the input form of the kind `directive`), by id.
///
/// # Examples
///
/// ```
/// let json = treem::directive::built_in("hai-phong-2024").unwrap();
/// assert_eq!(json["id"], "hai-phong-2024");
/// assert!(treem::directive::built_in("unknown").is_none());
/// ```
pub fn built_in(id: &str) -> Option<serde_json::Value> {
    BUILT_IN
        .iter()
        .find(|(key, _)| *key == id)
        .and_then(|(_, text)| serde_json::from_str(text).ok())
}

/// A built-in directive read as its draft, by id: parsed once and kept (read-only data, the
/// same on every call, so the cache changes no answer). A task report names its directive
/// and is checked against its tasks: parsing the 35 KB seed for every report was 0.2 ms of
/// each report's validation.
///
/// # Examples
///
/// ```
/// let draft = treem::directive::built_in_draft("hai-phong-2024").unwrap();
/// assert_eq!(treem::directive::tasks(draft).len(), 35);
/// assert!(treem::directive::built_in_draft("unknown").is_none());
/// ```
pub fn built_in_draft(id: &str) -> Option<&'static DirectiveDraft> {
    static DRAFTS: std::sync::OnceLock<Vec<(&'static str, Option<DirectiveDraft>)>> =
        std::sync::OnceLock::new();
    DRAFTS
        .get_or_init(|| {
            built_in_ids()
                .map(|key| {
                    let draft =
                        built_in(key).and_then(|v| crate::json::FromValue::from_value(v).ok());
                    (key, draft)
                })
                .collect()
        })
        .iter()
        .find(|(key, _)| *key == id)
        .and_then(|(_, draft)| draft.as_ref())
}

/// The ids of the built-in directives.
///
/// # Examples
///
/// ```
/// let ids: Vec<&str> = treem::directive::built_in_ids().collect();
/// assert_eq!(ids, ["hai-phong-2024"]);
/// ```
pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(id, _)| *id)
}

/// A task of a directive, flattened with the section it sits in.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatTask<'d> {
    /// The section's id.
    pub section_id: Option<&'d str>,
    /// The task.
    pub task: &'d TaskDraft,
}

/// Every task of a directive in document order.
///
/// # Examples
///
/// ```
/// use treem::directive::{built_in_draft, tasks};
/// let directive = built_in_draft("hai-phong-2024").unwrap();
/// let all = tasks(directive);
/// assert_eq!(all.len(), 35);
/// assert_eq!(all[0].section_id, Some("1"));
/// ```
pub fn tasks(directive: &DirectiveDraft) -> Vec<FlatTask<'_>> {
    fn walk<'d>(sections: &'d [SectionDraft], out: &mut Vec<FlatTask<'d>>) {
        for section in sections {
            if let Some(tasks) = section.tasks.value() {
                for task in tasks {
                    out.push(FlatTask {
                        section_id: section.id.value().map(String::as_str),
                        task,
                    });
                }
            }
            if let Some(sub) = section.sections.value() {
                walk(sub, out);
            }
        }
    }
    let mut out = Vec::new();
    if let Some(sections) = directive.sections.value() {
        walk(sections, &mut out);
    }
    out
}

/// Catalog `directives`: the built-in directives, each with its full record.
pub(crate) fn catalog_directives(ctx: &Context) -> Vec<serde_json::Value> {
    built_in_ids()
        .filter_map(|id| {
            let record = built_in(id)?;
            let label = match ctx.lang {
                crate::Lang::Vi => "Sở GD&ĐT Hải Phòng (2024): tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em (thực hiện Chỉ thị 28-CT/TW)",
                crate::Lang::En => "Hải Phòng DOET (2024): strengthening child care, education and protection (implementing Directive 28-CT/TW)",
            };
            Some(serde_json::json!({"code": id, "label": label, "record": record}))
        })
        .collect()
}

/// Catalog `directive/hai-phong-2024`: the seed directive's tasks, flattened, each with its
/// section, assignees, cited documents, hotlines, occasions and indicators.
pub(crate) fn catalog_hai_phong_2024(ctx: &Context) -> Vec<serde_json::Value> {
    let Some(record) = built_in("hai-phong-2024") else {
        return Vec::new();
    };
    let Ok(directive) = <DirectiveDraft as crate::json::FromValue>::from_value(record) else {
        return Vec::new();
    };
    tasks(&directive)
        .into_iter()
        .map(|flat| {
            let task = flat.task;
            let label = match ctx.lang {
                crate::Lang::Vi => task.text.value(),
                crate::Lang::En => task.label_en.value(),
            };
            serde_json::json!({
                "code": task.id.value(),
                "label": label,
                "section": flat.section_id,
                "text": task.text.value(),
                "assignees": task.assignees,
                "cites": task.cites,
                "hotlines": task.hotlines,
                "occasions": task.occasions,
                "activities": task.activities,
                "media_types": task.media_types,
                "indicators": task.indicators,
            })
        })
        .collect()
}

/// Builds a catalog from a vocabulary.
pub(crate) fn terms_catalog(terms: &[vocab::Term], ctx: &Context) -> Vec<serde_json::Value> {
    terms
        .iter()
        .map(|t| serde_json::json!({"code": t.code, "label": t.label(ctx.lang)}))
        .collect()
}

/// Catalog `unit_types`.
pub(crate) fn catalog_unit_types(ctx: &Context) -> Vec<serde_json::Value> {
    terms_catalog(vocab::UNIT_TYPES, ctx)
}

/// Catalog `signing_capacities`.
pub(crate) fn catalog_signing_capacities(ctx: &Context) -> Vec<serde_json::Value> {
    terms_catalog(vocab::SIGNING_CAPACITIES, ctx)
}

/// Catalog `media_types`.
pub(crate) fn catalog_media_types(ctx: &Context) -> Vec<serde_json::Value> {
    terms_catalog(vocab::MEDIA_TYPES, ctx)
}

/// Catalog `occasions`, with the months an activity for each is expected in.
pub(crate) fn catalog_occasions(ctx: &Context) -> Vec<serde_json::Value> {
    vocab::OCCASIONS
        .iter()
        .map(|(t, months)| serde_json::json!({"code": t.code, "label": t.label(ctx.lang), "months": months}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> DirectiveDraft {
        serde_json::from_value(built_in("hai-phong-2024").unwrap()).unwrap()
    }

    #[test]
    fn the_seed_has_every_task() {
        let directive = seed();
        let all = tasks(&directive);
        assert_eq!(all.len(), 35);
        let ids: Vec<_> = all
            .iter()
            .map(|t| t.task.id.value().unwrap().as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"1-1"));
        assert!(ids.contains(&"3.3-3"));
        assert_eq!(ids.last(), Some(&"schools-3"));
        // Every text comes from the seed, verbatim apart from joined line breaks.
        let seed_text = include_str!("../../../../tests/sources/seed/hai-phong-2024-so-gddt.txt");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        let seed_squashed = squash(seed_text);
        for t in &all {
            let text = t.task.text.value().unwrap();
            assert!(
                seed_squashed.contains(&squash(text)),
                "task {:?} is not verbatim",
                t.task.id
            );
        }
    }

    #[test]
    fn the_seed_cites_all_its_documents() {
        let directive = seed();
        let numbers: Vec<String> = directive
            .basis
            .value()
            .unwrap()
            .iter()
            .chain(directive.cited.value().unwrap())
            .filter_map(|d| d.number.value().cloned())
            .collect();
        for expected in [
            "188/KH-UBND",
            "365-KH/TU",
            "28-CT/TW",
            "56/2017/NĐ-CP",
            "80/2017/NĐ-CP",
            "20/2021/NĐ-CP",
            "76/2024/NĐ-CP",
            "121/2020/QH14",
            "23/CT-TTg",
            "496/QĐ-TTg",
            "13/2021/TT-BLĐTBXH",
        ] {
            assert!(numbers.iter().any(|n| n == expected), "{expected} missing");
        }
        let hotlines: Vec<_> = tasks(&directive)
            .iter()
            .filter_map(|t| t.task.hotlines.value())
            .flatten()
            .cloned()
            .collect();
        assert_eq!(hotlines, ["111", "18006605"]);
    }

    #[test]
    fn the_seed_validates_with_what_a_careful_reader_raises() {
        let report = "directive"
            .parse::<crate::Kind>()
            .unwrap()
            .validate(&built_in("hai-phong-2024").unwrap(), &Context::default())
            .unwrap();
        let found: Vec<(&str, &str)> = report
            .issues
            .iter()
            .map(|i| (i.path.as_str(), i.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/number", "directive.component_missing"),
                ("/summary", "directive.component_missing"),
                ("/date", "directive.date_incomplete"),
            ],
            "{report:#?}"
        );
    }
}
