//! Indicators: the 84 definitions against the gazette copy in tests/sources, merge and suppression
//! properties, a synthetic record feeder with hand-checked answers, caller values, exports.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use treem::__private::SortedMap;

use proptest::prelude::*;
use serde_json::{json, Value};
use treem::indicator::definition::{
    builtin, load_definitions, Computability, Dimension, Factor, IndicatorId,
};
use treem::indicator::export::{to_csv, to_dhis2, Dhis2Mapping};
use treem::indicator::facts::{add_contribution, feed, Contribution, FactContext, Facts};
use treem::indicator::partial::{CellKey, Partial};
use treem::indicator::period::Period;
use treem::indicator::suppress::lines;
use treem::indicator::table::{build, Table};
use treem::report::IssueSink;
use treem::Lang;

/// A file of the gazette copy in the repository's reference sources (`tests/sources/`).
fn gazette(file: &str) -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/sources/tt13-2021/"
    );
    let text = std::fs::read_to_string(format!("{path}{file}"))
        .unwrap_or_else(|e| panic!("{path}{file}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn builtin_definitions_parse_without_problems() {
    let b = builtin();
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert_eq!(b.definitions.len(), 85);
    let mut ids: Vec<_> = b.definitions.iter().map(|d| d.id.to_string()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 85, "ids are unique");
}

#[test]
fn the_84_definitions_match_the_gazette_copy() {
    let list = gazette("list.json");
    let parsed = gazette("parsed.json");
    let defs = &builtin().definitions;
    let mut checked = 0;
    for (appendix, content) in [("I", "III"), ("II", "IV")] {
        let entries = list[appendix].as_array().unwrap();
        assert_eq!(entries.len(), if appendix == "I" { 60 } else { 24 });
        for entry in entries {
            let code = entry["code"].as_str().unwrap();
            let id = IndicatorId::new(appendix, code);
            let def = defs
                .iter()
                .find(|d| d.id == id)
                .unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(def.name_vi, entry["name"].as_str().unwrap(), "{id} name");
            assert_eq!(def.group.as_deref(), entry["group"].as_str(), "{id} group");
            assert_eq!(
                u64::from(def.stt.unwrap()),
                entry["stt"].as_u64().unwrap(),
                "{id} stt"
            );
            let nat = entry["nat"].as_str().unwrap();
            assert_eq!(
                def.national_code.as_deref().unwrap_or(""),
                nat,
                "{id} national code"
            );
            assert_eq!(def.namespace, "tt13-2021");
            assert!(
                def.name_en_note.as_deref() == Some("our translation"),
                "{id}"
            );
            // Phụ lục II 0201–0212 apply from 1 January 2022 (Điều 3 khoản 2); the rest from
            // 15 November 2021 (Điều 3 khoản 1).
            let from = if appendix == "II" && code.starts_with("02") {
                "2022-01-01"
            } else {
                "2021-11-15"
            };
            assert_eq!(def.in_force_from.to_string(), from, "{id} in force");
            // Sections: verbatim, or those of the Phụ lục III code the text refers to.
            let body = parsed[content]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["code"] == code)
                .unwrap();
            let mut sec = &body["sec"];
            if sec.get("Phân tổ chủ yếu").is_none() && appendix == "II" {
                let referred = match code {
                    "0103" => "0312",
                    "0104" => "0313",
                    "0105" => "0314",
                    _ => panic!("{id} lacks sections"),
                };
                sec = &parsed["III"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["code"] == referred)
                    .unwrap()["sec"];
            }
            let agency = squash(
                sec["Cơ quan chịu trách nhiệm thu thập, tổng hợp"]
                    .as_str()
                    .unwrap(),
            );
            assert_eq!(
                def.agency_vi.as_deref(),
                Some(agency.as_str()),
                "{id} agency"
            );
            let sources = squash(sec["Nguồn số liệu"].as_str().unwrap());
            for s in &def.data_sources_vi {
                assert!(
                    sources.contains(s.as_str()),
                    "{id} source {s:?} not in {sources:?}"
                );
            }
            let raw = sec
                .get("Phân tổ chủ yếu")
                .and_then(Value::as_str)
                .unwrap_or("");
            let dis = squash(raw);
            // "Tổ chức" and "Cá nhân (...)" are two lines of the text and one breakdown (the
            // offender): joined by "; ".
            let mut joined = 0;
            for d in &def.disaggregations {
                let parts: Vec<&str> = if d.dimension == Dimension::OffenderType {
                    d.text_vi.splitn(2, "; Cá nhân").collect()
                } else {
                    vec![d.text_vi.as_str()]
                };
                joined += parts.len() - 1;
                for part in parts {
                    assert!(
                        dis.contains(part.trim_start_matches("; ")),
                        "{id} disaggregation {:?}",
                        d.text_vi
                    );
                }
            }
            assert_eq!(
                def.disaggregations.len() + joined,
                raw.lines()
                    .filter(|l| l.trim_start().starts_with("- "))
                    .count()
                    .max(usize::from(!dis.is_empty())),
                "{id} disaggregation count"
            );
            if let Some(n) = &def.numerator_vi {
                if !n.contains(':') {
                    assert!(
                        squash(body["sec"]["Khái niệm"].as_str().unwrap()).contains(n.as_str()),
                        "{id} numerator verbatim"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 84);
}

#[test]
fn factors_and_computability_follow_the_formulas() {
    let get = |s: &str| {
        builtin()
            .definitions
            .iter()
            .find(|d| d.id.to_string() == s)
            .unwrap()
    };
    assert_eq!(get("I:0101").factor, Factor::Number);
    assert_eq!(get("I:0102").factor, Factor::Per100);
    assert_eq!(get("I:0103").factor, Factor::Per1000);
    assert_eq!(get("I:0208").factor, Factor::Per100000);
    assert_eq!(get("I:0303").factor, Factor::Percent);
    assert_eq!(get("II:0101").computability, Computability::FromRecords);
    assert_eq!(get("II:0201").computability, Computability::External);
    assert!(get("II:0101").has_dimension(Dimension::AbuseEnvironment));
    let ours = get("treem:safe_school_pass_rate");
    assert!(ours.source.contains("NOT from Thông tư 13/2021"));
    assert!(
        builtin()
            .definitions
            .iter()
            .all(|d| d.factor != Factor::Unclear),
        "every factor read"
    );
}

#[test]
fn caller_definitions_are_validated() {
    let mut sink = IssueSink::new(Lang::En);
    let mine = json!({"id": "hp:0001", "namespace": "hp", "name_vi": "Số trẻ em được tư vấn",
        "name_en": "Children counselled", "factor": "number", "computation_period": "year",
        "in_force_from": "2024-01-01", "computability": "external", "denominator_from": "none",
        "additive": true, "source": "Sở GD&ĐT Hải Phòng"});
    let mut reserved = mine.clone();
    reserved["id"] = json!("I:0999");
    let mut typo = mine.clone();
    typo["factr"] = json!("number");
    let text = json!({"format": "treem.indicator_definitions/1", "definitions": [mine, reserved, typo, mine]}).to_string();
    let defs = load_definitions(&text, &mut sink);
    assert_eq!(defs.len(), 1);
    let codes: Vec<_> = sink
        .into_issues()
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect();
    assert_eq!(
        codes,
        vec![
            (
                "/definitions/1/id".to_owned(),
                "indicator.definition_reserved".to_owned()
            ),
            (
                "/definitions/2/factr".to_owned(),
                "json.unknown_member".to_owned()
            ),
            (
                "/definitions/3/id".to_owned(),
                "indicator.definition_duplicate".to_owned()
            ),
        ]
    );
    let schema = treem::indicator::definition::definition_schema();
    assert!(schema["properties"]["factor"].is_object());
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .contains(&json!("id")));
}

// ---- a synthetic feeder: the shape phase 2 gives the child and case kinds ----

/// A synthetic abused child: sex, age group, environment, forms of abuse.
struct SyntheticCase {
    unit: &'static str,
    sex: &'static str,
    age: &'static str,
    environment: &'static str,
    violence: bool,
    sexual: bool,
    supported: bool,
}

impl Facts for SyntheticCase {
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>) {
        let cat = |pairs: &[(Dimension, &str)]| -> SortedMap<Dimension, String> {
            pairs.iter().map(|(d, v)| (*d, (*v).to_owned())).collect()
        };
        let base = |code: &str, num: bool, den: Option<u64>, cats| Contribution {
            indicator: IndicatorId::new("II", code),
            period: ctx.period,
            unit: self.unit.to_owned(),
            numerator: u64::from(num),
            denominator: den,
            categories: cats,
            multi: SortedMap::new(),
            numerator_only: Default::default(),
        };
        out.push(base(
            "0101",
            true,
            None,
            cat(&[
                (Dimension::Sex, self.sex),
                (Dimension::AgeGroup, self.age),
                (Dimension::AbuseEnvironment, self.environment),
            ]),
        ));
        out.push(base(
            "0102",
            self.violence,
            Some(1),
            cat(&[(Dimension::Sex, self.sex)]),
        ));
        out.push(base(
            "0104",
            self.sexual,
            Some(1),
            cat(&[(Dimension::Sex, self.sex)]),
        ));
        out.push(base(
            "0112",
            self.supported,
            Some(1),
            cat(&[(Dimension::Sex, self.sex)]),
        ));
    }
}

fn ctx() -> FactContext {
    FactContext {
        as_of: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
        period: Period::Year(2024),
        school_year: Period::SchoolYear(2024),
        age_groups: Default::default(),
    }
}

fn defs() -> Vec<&'static treem::indicator::definition::Definition> {
    builtin().definitions.iter().collect()
}

fn cell<'a>(
    t: &'a Table,
    ind: &str,
    unit: &str,
    dim: Option<(Dimension, &str)>,
) -> &'a treem::indicator::table::Cell {
    t.cells
        .iter()
        .find(|c| {
            c.indicator.to_string() == ind
                && c.unit == unit
                && c.dimension == dim.map(|d| d.0)
                && c.category.as_deref() == dim.map(|d| d.1)
        })
        .unwrap_or_else(|| panic!("no cell {ind} {unit} {dim:?}"))
}

fn sample() -> Vec<SyntheticCase> {
    let mut v = Vec::new();
    // Unit 31: 8 girls and 4 boys; 6 girls and 1 boy subjected to violence; 2 girls sexually abused.
    for i in 0..8 {
        v.push(SyntheticCase {
            unit: "31",
            sex: "female",
            age: if i < 5 { "11_15" } else { "6_10" },
            environment: if i < 6 { "family" } else { "school" },
            violence: i < 6,
            sexual: i >= 6,
            supported: true,
        });
    }
    for i in 0..4 {
        v.push(SyntheticCase {
            unit: "31",
            sex: "male",
            age: "11_15",
            environment: "family",
            violence: i == 0,
            sexual: false,
            supported: i < 3,
        });
    }
    // Unit 01: 10 boys, all subjected to violence, 5 supported.
    for i in 0..10 {
        v.push(SyntheticCase {
            unit: "01",
            sex: "male",
            age: "11_15",
            environment: "community",
            violence: true,
            sexual: false,
            supported: i < 5,
        });
    }
    v
}

#[test]
fn synthetic_feeder_gives_hand_checked_answers() {
    let partial = feed(&sample(), &ctx());
    let mut sink = IssueSink::new(Lang::En);
    // Threshold 0: nothing hidden, to check the arithmetic.
    let t = build(&partial, &defs(), 0, &mut sink);
    assert!(sink.is_empty());
    let c = cell(&t, "II:0101", "31", None);
    assert_eq!(c.value, Some(12.0));
    assert_eq!(
        cell(&t, "II:0101", "31", Some((Dimension::Sex, "female"))).value,
        Some(8.0)
    );
    assert_eq!(
        cell(
            &t,
            "II:0101",
            "31",
            Some((Dimension::AbuseEnvironment, "school"))
        )
        .value,
        Some(2.0)
    );
    assert_eq!(
        cell(&t, "II:0101", "31", Some((Dimension::AgeGroup, "6_10"))).value,
        Some(3.0)
    );
    // II:0102: 7 of 12 abused children in unit 31 subjected to violence = 58.33 %.
    let v = cell(&t, "II:0102", "31", None);
    assert_eq!(v.numerator, Some(7.into()));
    assert_eq!(v.denominator, Some(12.into()));
    assert!((v.value.unwrap() - 700.0 / 12.0).abs() < 1e-9);
    assert_eq!(cell(&t, "II:0102", "01", None).value, Some(100.0));
    // II:0112: 5 of 10 supported in unit 01.
    assert_eq!(cell(&t, "II:0112", "01", None).value, Some(50.0));
    assert_eq!(
        cell(&t, "II:0104", "31", Some((Dimension::Sex, "female"))).value,
        Some(25.0)
    );
}

#[test]
fn small_cells_are_hidden_with_their_complements() {
    let partial = feed(&sample(), &ctx());
    let mut sink = IssueSink::new(Lang::En);
    let t = build(&partial, &defs(), 5, &mut sink);
    // II:0101 unit 31: girls 8, boys 4 (primary) -> girls hidden too, or the total gives boys away.
    let boys = cell(&t, "II:0101", "31", Some((Dimension::Sex, "male")));
    assert!(boys.suppressed && boys.value.is_none() && boys.numerator.is_none());
    let girls = cell(&t, "II:0101", "31", Some((Dimension::Sex, "female")));
    assert!(girls.suppressed, "complement in the row");
    // Column rule: boys of 31 hidden, so boys of 01 (10) are hidden too; unit 01 has only
    // boys, so its total would give them away and is hidden; then the totals column needs a
    // second hidden total. With two units the cascade hides the whole sex table.
    assert!(cell(&t, "II:0101", "01", Some((Dimension::Sex, "male"))).suppressed);
    assert!(cell(&t, "II:0101", "01", None).suppressed);
    assert!(cell(&t, "II:0101", "31", None).suppressed);
    // Age groups of unit 31 (5 and 3) stand in their own rows: 3 is small, hidden with 5.
    assert!(
        cell(&t, "II:0101", "31", Some((Dimension::AgeGroup, "6_10")))
            .suppression
            .is_some()
    );
    assert_no_lonely_hidden_cell(&t);
    // The CSV says "suppressed", never a bare empty count.
    let csv = to_csv(&t);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("II:0101,2024,31,sex,male,,,,number,true,true,primary")),
        "{csv}"
    );
}

fn assert_no_lonely_hidden_cell(t: &Table) {
    let counted: Vec<bool> = t.cells.iter().map(|c| c.additive && !c.conflict).collect();
    for line in lines(&t.cells, &counted) {
        let hidden = line.iter().filter(|&&i| t.cells[i].suppressed).count();
        assert_ne!(
            hidden,
            1,
            "a hidden cell is alone in a line: {:?}",
            line.iter().map(|&i| t.cells[i].key()).collect::<Vec<_>>()
        );
    }
    for c in &t.cells {
        if c.suppressed {
            assert!(c.numerator.is_none() && c.denominator.is_none() && c.value.is_none());
        }
    }
}

// ---- properties ----

fn contribution() -> impl Strategy<Value = Contribution> {
    (
        0..3usize,
        0..4usize,
        0..2u64,
        proptest::option::of(0..2u64),
        0..3usize,
        0..2usize,
    )
        .prop_map(|(ind, unit, num, den, cat, sex)| Contribution {
            indicator: IndicatorId::new("II", ["0101", "0102", "0112"][ind]),
            period: Period::Year(2024),
            unit: format!("u{unit}"),
            numerator: num,
            denominator: den,
            categories: [
                (Dimension::Sex, ["female", "male"][sex].to_owned()),
                (
                    Dimension::AgeGroup,
                    ["0_5", "6_10", "11_15"][cat].to_owned(),
                ),
            ]
            .into_iter()
            .collect(),
            multi: SortedMap::new(),
            numerator_only: Default::default(),
        })
}

fn partial_of(cs: &[Contribution]) -> Partial {
    let mut p = Partial::new();
    for c in cs {
        add_contribution(&mut p, c);
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_associative_commutative_and_equals_the_whole(
        cs in proptest::collection::vec(contribution(), 0..60),
        cut1 in 0usize..60, cut2 in 0usize..60,
    ) {
        let (a, b) = (cut1.min(cut2).min(cs.len()), cut1.max(cut2).min(cs.len()));
        let whole = partial_of(&cs);
        let (x, y, z) = (partial_of(&cs[..a]), partial_of(&cs[a..b]), partial_of(&cs[b..]));
        let left = x.clone().merged(&y).merged(&z);
        let right = x.clone().merged(&y.clone().merged(&z));
        let swapped = z.clone().merged(&x).merged(&y);
        prop_assert_eq!(&left, &whole);
        prop_assert_eq!(&right, &whole);
        prop_assert_eq!(&swapped, &whole);
        // Shards serialised elsewhere merge to the same whole.
        let wire: Vec<Value> = [&x, &y, &z].iter().map(|p| p.to_json()).collect();
        let mut again = Partial::new();
        for w in wire.iter().rev() {
            again.merge(&serde_json::from_value(w.clone()).unwrap());
        }
        prop_assert_eq!(&again, &whole);
        prop_assert_eq!(serde_json::to_string(&again).unwrap(), serde_json::to_string(&whole).unwrap());
    }

    #[test]
    fn suppression_never_leaves_a_hidden_cell_recoverable(
        cs in proptest::collection::vec(contribution(), 0..80),
        threshold in 0u64..8,
    ) {
        let mut sink = IssueSink::new(Lang::En);
        let t = build(&partial_of(&cs), &defs(), threshold, &mut sink);
        assert_no_lonely_hidden_cell(&t);
        let whole = partial_of(&cs);
        for c in &t.cells {
            let acc = &whole.cells[&c.key()];
            if acc.numerator > 0 && acc.numerator < threshold {
                prop_assert!(c.suppressed, "primary cell published: {:?}", c.key());
            }
        }
    }
}

// ---- caller values and the entry point ----

#[test]
fn caller_values_feed_external_indicators() {
    let input = [
        json!({"kind": "indicator_value", "indicator": "I:0319", "unit": "31", "period": "2024", "numerator": 500000}),
        json!({"kind": "indicator_value", "indicator": "I:0319", "unit": "31", "period": "2024", "breakdown": {"dimension": "sex", "category": "female"}, "numerator": 240000}),
        json!({"kind": "indicator_value", "indicator": "I:0107", "unit": "31", "period": "2024", "value": 91.5}),
        json!({"kind": "indicator_value", "indicator": "I:0107", "unit": "31", "period": "2024", "value": 90.0}),
        json!({"kind": "indicator_value", "indicator": "II:0101", "unit": "31", "period": "2024", "numerator": 3}),
        json!({"kind": "indicator_value", "indicator": "II:0201", "unit": "31", "period": "2021", "numerator": 7}),
        json!({"kind": "indicator_value", "indicator": "I:0319", "unit": "31", "period": "2024", "breakdown": {"dimension": "abuse_form", "category": "x"}, "numerator": 1}),
        json!({"kind": "school", "record": {}}),
        json!(17),
    ];
    let text = input
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let answer = treem::api::indicators(text.as_bytes(), br#"{"lang": "en"}"#).unwrap();
    let issues: Vec<_> = answer
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        issues,
        vec![
            ("/4/indicator", "indicator.value_for_computed"),
            ("/5/period", "indicator.not_in_force"),
            ("/6/breakdown", "indicator.breakdown_unknown"),
            ("/7", "indicator.record_pending"),
            ("/8", "indicator.item_invalid"),
            ("", "indicator.value_conflict"),
        ]
    );
    let t = answer.table.unwrap();
    assert_eq!(cell(&t, "I:0319", "31", None).value, Some(500000.0));
    let conflict = cell(&t, "I:0107", "31", None);
    assert!(conflict.conflict && conflict.value.is_none() && !conflict.additive);
    assert_eq!(cell(&t, "II:0201", "31", None).value, Some(7.0));
}

#[test]
fn partial_output_round_trips_through_the_entry_point() {
    let v =
        br#"[{"kind": "indicator_value", "indicator": "II:0201", "unit": "31", "numerator": 2}]"#;
    let a = treem::api::indicators(v, br#"{"period": "2024", "output": "partial"}"#).unwrap();
    let p = serde_json::to_vec(&a.partial.unwrap()).unwrap();
    // The same shard twice: 4, below 5, so hidden in the table.
    let both = format!("[{0}, {0}]", String::from_utf8(p).unwrap());
    let t = treem::api::indicators(both.as_bytes(), b"{}")
        .unwrap()
        .table
        .unwrap();
    assert_eq!(t.cells.len(), 1);
    assert!(t.cells[0].suppressed);
    let t = treem::api::indicators(both.as_bytes(), br#"{"suppression_threshold": 0}"#)
        .unwrap()
        .table
        .unwrap();
    assert_eq!(t.cells[0].value, Some(4.0));
}

#[test]
fn dhis2_export_maps_and_reports_the_rest() {
    let partial = feed(&sample(), &ctx());
    let mut sink = IssueSink::new(Lang::En);
    // Threshold 2: only counts of 1 are primary (the one boy of unit 31 subjected to violence).
    let t = build(&partial, &defs(), 2, &mut sink);
    let mapping: Dhis2Mapping = serde_json::from_value(json!({
        "org_units": {"01": "OuHaNoi0001"},
        "indicators": {"II:0101": [{"data_element": "DeAbused001", "category_option_combos": {"total": "HllvX50cXC0"}}]}
    })).unwrap();
    let out = to_dhis2(&t, &mapping);
    let values = serde_json::to_value(&out.data_value_set).unwrap();
    assert_eq!(
        values,
        json!({"dataValues": [{"dataElement": "DeAbused001", "period": "2024",
        "orgUnit": "OuHaNoi0001", "categoryOptionCombo": "HllvX50cXC0", "value": "10"}]})
    );
    let exported = 1;
    assert_eq!(
        out.not_exported.len() + exported,
        t.cells.len(),
        "every cell accounted for"
    );
    let reasons: std::collections::BTreeSet<_> =
        out.not_exported.iter().map(|n| n.reason.as_str()).collect();
    for r in [
        "suppressed",
        "indicator_unmapped",
        "org_unit_unmapped",
        "category_option_combo_unmapped",
    ] {
        assert!(reasons.contains(r), "{r}: {reasons:?}");
    }
}

#[test]
fn cell_keys_order_deterministically() {
    let k = |u: &str| CellKey {
        indicator: IndicatorId::new("I", "0101"),
        period: Period::Year(2024),
        unit: u.into(),
        breakdown: None,
    };
    assert!(k("01") < k("31"));
}

/// A synthetic safe-school assessment: the roll-up is ours (namespace `treem`).
struct SyntheticAssessment {
    unit: &'static str,
    authority: &'static str,
    passed: bool,
}

impl Facts for SyntheticAssessment {
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>) {
        out.push(Contribution {
            indicator: "treem:safe_school_pass_rate".parse().unwrap(),
            period: ctx.period,
            unit: self.unit.to_owned(),
            numerator: u64::from(self.passed),
            denominator: Some(1),
            categories: [(Dimension::ManagingAuthority, self.authority.to_owned())]
                .into_iter()
                .collect(),
            multi: SortedMap::new(),
            numerator_only: Default::default(),
        });
    }
}

#[test]
fn safe_school_roll_up_by_managing_authority() {
    let schools: Vec<_> = (0..20)
        .map(|i| SyntheticAssessment {
            unit: "31",
            authority: if i < 12 { "phong_gddt" } else { "so_gddt" },
            passed: i % 4 != 0,
        })
        .collect();
    let ctx = FactContext {
        as_of: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        period: Period::SchoolYear(2024),
        school_year: Period::SchoolYear(2024),
        age_groups: Default::default(),
    };
    let mut sink = IssueSink::new(Lang::En);
    let t = build(&feed(&schools, &ctx), &defs(), 5, &mut sink);
    // 15 of 20 pass; by authority 9 of 12 and 6 of 8.
    assert_eq!(
        cell(&t, "treem:safe_school_pass_rate", "31", None).value,
        Some(75.0)
    );
    assert_eq!(
        cell(
            &t,
            "treem:safe_school_pass_rate",
            "31",
            Some((Dimension::ManagingAuthority, "phong_gddt"))
        )
        .value,
        Some(75.0)
    );
    assert_eq!(
        cell(
            &t,
            "treem:safe_school_pass_rate",
            "31",
            Some((Dimension::ManagingAuthority, "so_gddt"))
        )
        .value,
        Some(75.0)
    );
    let catalog = treem::api::catalog("indicators", b"{}").unwrap();
    let ours = catalog["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "treem:safe_school_pass_rate")
        .unwrap();
    assert_eq!(ours["namespace"], "treem");
    assert_eq!(ours["completeness"]["computation"], "records");
}

/// One synthetic record per (indicator, in-numerator) pair: for every indicator records can
/// feed, 7 records in the numerator and 13 in the denominator only.
struct Synthetic {
    indicator: IndicatorId,
    in_numerator: bool,
    counted_denominator: bool,
}

impl Facts for Synthetic {
    fn contributions(&self, ctx: &FactContext, out: &mut Vec<Contribution>) {
        out.push(Contribution {
            indicator: self.indicator.clone(),
            period: ctx.period,
            unit: "31".into(),
            numerator: u64::from(self.in_numerator),
            denominator: self.counted_denominator.then_some(1),
            categories: SortedMap::new(),
            multi: SortedMap::new(),
            numerator_only: Default::default(),
        });
    }
}

/// The table's arithmetic for each computable indicator, from contributions made by hand (the
/// feed rules that turn records into contributions are checked in `indicator_records.rs`,
/// `every_computable_indicator_is_fed_by_records`).
#[test]
fn the_table_computes_every_computable_indicator_from_contributions() {
    use treem::indicator::definition::DenominatorFrom;
    let computable: Vec<_> = builtin()
        .definitions
        .iter()
        .filter(|d| d.computability == Computability::FromRecords)
        .collect();
    assert_eq!(computable.len(), 37, "36 of TT 13/2021 and treem's roll-up");
    let mut records = Vec::new();
    for d in &computable {
        let counted = d.denominator_from == DenominatorFrom::Records;
        for i in 0..20 {
            records.push(Synthetic {
                indicator: d.id.clone(),
                in_numerator: i < 7,
                counted_denominator: counted,
            });
        }
    }
    let mut sink = IssueSink::new(Lang::En);
    let t = build(&feed(&records, &ctx()), &defs(), 5, &mut sink);
    assert!(sink.is_empty());
    for d in &computable {
        let c = cell(&t, &d.id.to_string(), "31", None);
        assert_eq!(c.numerator, Some(7.into()), "{}", d.id);
        let expected = match (d.factor, d.denominator_from) {
            (Factor::Number, _) => Some(7.0),
            // 7 of 20 counted: 35 %.
            (Factor::Percent, DenominatorFrom::Records) => Some(35.0),
            // A population denominator comes from outside: no value until it is given.
            (_, DenominatorFrom::External) => None,
            (f, den) => panic!("{}: unexpected {f:?} {den:?}", d.id),
        };
        assert_eq!(c.value, expected, "{}", d.id);
    }
    // The outside denominator (the child population) comes from the caller and merges in.
    let per_100k = br#"[{"kind": "indicator_value", "indicator": "I:0208", "unit": "31", "period": "2024", "denominator": 350000}]"#;
    let answer = treem::api::indicators(per_100k, br#"{"output": "partial"}"#).unwrap();
    assert!(answer.ok, "{:?}", answer.issues);
    let mut p = feed(&records, &ctx());
    p.merge(&answer.partial.unwrap());
    let t = build(&p, &defs(), 5, &mut sink);
    assert_eq!(
        cell(&t, "I:0208", "31", None).value,
        Some(7.0 * 100_000.0 / 350_000.0)
    );
}

/// Issue 22 point 9: the catalog says of each of the 84 TT 13/2021 indicators whether records
/// compute it and, for what they do not, what the caller must give and which unit collects it
/// (the "Chủ trì" of "Cơ quan chịu trách nhiệm thu thập, tổng hợp", quoted from the text).
#[test]
fn the_catalog_says_what_feeds_each_of_the_84() {
    let answer = treem::api::catalog("indicators", br#"{"lang": "en"}"#).unwrap();
    let items = answer["items"].as_array().unwrap();
    let tt13: Vec<&Value> = items
        .iter()
        .filter(|i| i["namespace"] == "tt13-2021")
        .collect();
    assert_eq!(tt13.len(), 84);
    let mut from_records = 0;
    for item in &tt13 {
        let code = item["code"].as_str().unwrap();
        let feeds = &item["feeds"];
        let records = feeds["computed_from_records"].as_bool().unwrap();
        from_records += usize::from(records);
        let external = feeds["external"].as_array().unwrap();
        if !records {
            assert!(
                !external.is_empty(),
                "{code}: external with nothing to give"
            );
            assert!(feeds["breakdowns_from_records"]
                .as_array()
                .unwrap()
                .is_empty());
        } else {
            assert!(
                !feeds["facts_needed"].as_array().unwrap().is_empty(),
                "{code}"
            );
        }
        let agency = feeds["agency_vi"].as_str().unwrap();
        let unit = feeds["from_vi"].as_str().unwrap();
        assert!(
            !unit.is_empty() && agency.contains(unit),
            "{code}: {unit} not in {agency}"
        );
        let summary = feeds["summary"].as_str().unwrap();
        if !external.is_empty() {
            assert!(summary.contains(unit), "{code}: {summary}");
        }
    }
    assert_eq!(from_records, 36);
    let get = |code: &str| tt13.iter().find(|i| i["code"] == code).unwrap();
    assert_eq!(get("I:0101")["feeds"]["computed_from_records"], true);
    assert_eq!(
        get("I:0101")["feeds"]["external"],
        json!([{"part": "breakdown", "dimension": "urban_rural", "text_vi": "Thành thị/nông thôn"}])
    );
    assert_eq!(get("I:0323")["feeds"]["external"], json!([]));
    assert_eq!(
        get("II:0202")["feeds"]["from_vi"],
        "Bộ Lao động - Thương binh và Xã hội"
    );
    assert_eq!(get("II:0108")["feeds"]["from_vi"], "Bộ Công an");
    // "Tổ chức" and "Cá nhân (...)" are one breakdown of the offender.
    assert_eq!(
        get("II:0202")["dimensions"],
        json!(["offender_type", "province"])
    );
}
