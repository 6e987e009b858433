//! Deduplication on generated data with planted duplicates: recall and precision, printed and
//! held to floors. Synthetic people only (names drawn from common Vietnamese name parts).
//!
//! Timing at province scale (200,000 records), not a timed test:
//! `cargo test --release -p treem --test child_dedup -- --ignored --nocapture`.

#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use serde_json::{json, Value};

/// A small deterministic generator (SplitMix64): the data is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tô",
];
const MIDDLE_MALE: &[&str] = &[
    "Văn", "Minh", "Đức", "Quốc", "Hữu", "Gia", "Thành", "Anh", "Công", "Xuân",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Ngọc", "Thu", "Minh", "Thanh", "Phương", "Bảo", "Khánh", "Hải", "Mai",
];
const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khôi",
    "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài",
    "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
];
const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hồng", "Huyền", "Hương", "Lan",
    "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo",
    "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến",
];

fn communes() -> Vec<String> {
    treem::vn::admin::tables()
        .edition(treem::Edition::E2025)
        .units(treem::vn::admin::Level::Commune)
        .iter()
        .filter(|u| &*u.province_code == "31")
        .map(|u| u.code.to_string())
        .collect()
}

/// One synthetic child (index `i` makes the personal ID's random part unique).
fn child(rng: &mut Rng, i: usize, communes: &[String]) -> Value {
    let male = rng.below(2) == 0;
    let name = format!(
        "{} {} {}",
        rng.pick(SURNAMES),
        rng.pick(if male { MIDDLE_MALE } else { MIDDLE_FEMALE }),
        rng.pick(if male { GIVEN_MALE } else { GIVEN_FEMALE })
    );
    let year = 2011 + rng.below(15) as i32;
    let birth = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap()
        + chrono::Duration::days(rng.below(365) as i64);
    let century = (year / 100 - 19) * 2 + i32::from(!male);
    let mut r = json!({
        "id": format!("HP-{i:06}"),
        "full_name": name,
        "date_of_birth": birth.to_string(),
        "sex": if male { "male" } else { "female" },
        "residence": {"edition": "2025", "province_code": "31",
                      "commune_code": communes[rng.below(communes.len())]},
    });
    if rng.below(10) < 7 {
        r["personal_id"] = json!(format!("031{century}{:02}{:06}", year % 100, i % 1_000_000));
    }
    r
}

/// A copy that the rules should call likely: same child typed again (case and tone
/// placement changed, another date form, ID kept or dropped).
fn exact_copy(rng: &mut Rng, original: &Value) -> Value {
    let mut copy = original.clone();
    let name = original["full_name"].as_str().unwrap();
    copy["full_name"] = json!(match rng.below(3) {
        0 => name.to_uppercase(),
        1 => name.replace("oà", "òa").replace("uý", "úy").to_lowercase(),
        _ => format!("  {name} "),
    });
    let birth: chrono::NaiveDate = original["date_of_birth"].as_str().unwrap().parse().unwrap();
    copy["date_of_birth"] = json!(birth.format("%d/%m/%Y").to_string());
    if rng.below(2) == 0 {
        copy.as_object_mut().unwrap().remove("personal_id");
    }
    copy["id"] = json!(format!("{}-copy", original["id"].as_str().unwrap()));
    copy
}

/// A near copy the rules should call possible: one letter typed wrong in the name, or day and
/// month swapped; no personal ID.
fn near_copy(rng: &mut Rng, original: &Value) -> Option<Value> {
    let mut copy = original.clone();
    copy.as_object_mut().unwrap().remove("personal_id");
    let birth: chrono::NaiveDate = original["date_of_birth"].as_str().unwrap().parse().unwrap();
    if rng.below(2) == 0 {
        use chrono::Datelike;
        if birth.day() > 12 || birth.day() == birth.month() {
            return None;
        }
        let swapped = chrono::NaiveDate::from_ymd_opt(birth.year(), birth.day(), birth.month())?;
        copy["date_of_birth"] = json!(swapped.to_string());
    } else {
        let mut chars: Vec<char> = original["full_name"].as_str().unwrap().chars().collect();
        let at = 1 + rng.below(chars.len() - 1);
        match rng.below(3) {
            0 => {
                chars.insert(at, 'x');
            }
            1 if chars[at] != ' ' => {
                chars.remove(at);
            }
            _ if chars[at] != ' ' => chars[at] = 'q',
            _ => return None,
        }
        copy["full_name"] = json!(chars.into_iter().collect::<String>());
    }
    Some(copy)
}

struct Data {
    records: Vec<Value>,
    exact: BTreeSet<(usize, usize)>,
    near: BTreeSet<(usize, usize)>,
}

fn generate(n: usize, exact: usize, near: usize, seed: u64) -> Data {
    let mut rng = Rng(seed);
    let communes = communes();
    let mut records: Vec<Value> = (0..n).map(|i| child(&mut rng, i, &communes)).collect();
    let mut used = BTreeSet::new();
    let mut data_exact = BTreeSet::new();
    let mut data_near = BTreeSet::new();
    while data_exact.len() < exact {
        let o = rng.below(n);
        if used.insert(o) {
            let copy = exact_copy(&mut rng, &records[o]);
            records.push(copy);
            data_exact.insert((o, records.len() - 1));
        }
    }
    while data_near.len() < near {
        let o = rng.below(n);
        if used.contains(&o) {
            continue;
        }
        if let Some(copy) = near_copy(&mut rng, &records[o]) {
            used.insert(o);
            records.push(copy);
            data_near.insert((o, records.len() - 1));
        }
    }
    Data {
        records,
        exact: data_exact,
        near: data_near,
    }
}

fn ndjson(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[test]
fn planted_duplicates_are_found() {
    let data = generate(20_000, 600, 400, 7);
    let answer = treem::api::call("dedup", ndjson(&data.records).as_bytes(), b"").unwrap();
    let pairs = answer["pairs"].as_array().unwrap();
    let level_of = |p: &Value| p["level"].as_str().unwrap().to_owned();
    let found: Vec<((usize, usize), String)> = pairs
        .iter()
        .map(|p| {
            let a = p["a"].as_u64().unwrap() as usize;
            let b = p["b"].as_u64().unwrap() as usize;
            ((a, b), level_of(p))
        })
        .collect();
    let likely: BTreeSet<(usize, usize)> = found
        .iter()
        .filter(|(_, l)| l == "likely")
        .map(|(p, _)| *p)
        .collect();
    let any: BTreeSet<(usize, usize)> = found.iter().map(|(p, _)| *p).collect();
    let planted: BTreeSet<(usize, usize)> = data.exact.union(&data.near).copied().collect();

    let recall_exact = data.exact.intersection(&likely).count() as f64 / data.exact.len() as f64;
    let recall_near = data.near.intersection(&any).count() as f64 / data.near.len() as f64;
    let precision_likely = likely.intersection(&planted).count() as f64 / likely.len() as f64;
    let precision = any.intersection(&planted).count() as f64 / any.len() as f64;
    println!(
        "dedup on {} records ({} exact-planted, {} near-planted): recall exact→likely {recall_exact:.4}, \
         recall near→any {recall_near:.4}, precision likely {precision_likely:.4}, precision all {precision:.4}, \
         {} pairs, {} comparisons",
        data.records.len(),
        data.exact.len(),
        data.near.len(),
        any.len(),
        answer["comparisons"]
    );
    assert!(recall_exact >= 0.95, "recall exact {recall_exact}");
    assert!(recall_near >= 0.95, "recall near {recall_near}");
    assert!(
        precision_likely >= 0.95,
        "precision likely {precision_likely}"
    );
    assert!(precision >= 0.95, "precision {precision}");
    // Bounded work: far fewer comparisons than all pairs.
    let n = data.records.len() as u64;
    assert!(answer["comparisons"].as_u64().unwrap() < n * (n - 1) / 2 / 1000);
    assert_eq!(answer["capped_blocks"], 0);
    // The evidence names fields, never values: every pair has only these members, and every
    // evidence entry only a field name and a kind of match.
    let fields = [
        "personal_id",
        "full_name",
        "date_of_birth",
        "residence.commune_code",
        "sex",
    ];
    for p in pairs {
        let mut keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["a", "b", "evidence", "level"]);
        for e in p["evidence"].as_array().unwrap() {
            assert_eq!(e.as_object().unwrap().len(), 2);
            assert!(fields.contains(&e["field"].as_str().unwrap()));
        }
    }
    // Deterministic: the same answer twice, pairs in order.
    let again = treem::api::call("dedup", ndjson(&data.records).as_bytes(), b"").unwrap();
    assert_eq!(answer, again);
    let keys: Vec<(usize, usize)> = found.iter().map(|(p, _)| *p).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
}
