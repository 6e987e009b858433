//! An officer's spreadsheet export with errors planted in every column, and what treem
//! finds in it: every planted error at its exact Excel row and field, no issue on a row that
//! has none, the planted duplicates as pairs, and `clean` output with no error left but the
//! planted ones that cannot be fixed mechanically.
//!
//! The export is made here, deterministically: 2,000 children of Hải Phòng, written as
//! commune and district officers keep them (UTF-8 with BOM, CRLF line endings, one flat row
//! per child, units by name from the official 2025 list in `tests/sources/admin-units/`,
//! dates as dd/mm/yyyy, phones as `+84 912 345 678`, special circumstances as text). Run
//! with `--nocapture` to see the figures (kept in `docs/cli.md`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2026-11-28";
const ROWS: usize = 2000;

const HEADERS: [&str; 11] = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Số định danh cá nhân",
    "Xã/Phường",
    "Tỉnh/Thành phố",
    "Họ tên người chăm sóc",
    "Số điện thoại",
    "Hoàn cảnh đặc biệt",
];

/// A small deterministic generator (SplitMix64): the same export on every machine.
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

/// A planted error: the column it is in, the field path and the code treem must report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Planted {
    NameDigit,
    ImpossibleDate,
    UnknownSex,
    UnknownEthnicGroup,
    IdWrongLength,
    UnknownCommune,
    UnknownProvince,
    GuardianNameDigit,
    PhoneWrongLength,
    CircumstanceNoGroup,
}

impl Planted {
    const ALL: [Planted; 10] = [
        Planted::NameDigit,
        Planted::ImpossibleDate,
        Planted::UnknownSex,
        Planted::UnknownEthnicGroup,
        Planted::IdWrongLength,
        Planted::UnknownCommune,
        Planted::UnknownProvince,
        Planted::GuardianNameDigit,
        Planted::PhoneWrongLength,
        Planted::CircumstanceNoGroup,
    ];

    /// (column, field path, code treem must report).
    fn expect(self) -> (usize, &'static str, &'static str) {
        match self {
            Planted::NameDigit => (1, "/full_name", "name.digit"),
            Planted::ImpossibleDate => (2, "/date_of_birth", "date.impossible"),
            Planted::UnknownSex => (3, "/sex", "child.sex_unknown"),
            Planted::UnknownEthnicGroup => (4, "/ethnic_group", "ethnic_group.unknown"),
            Planted::IdWrongLength => (5, "/personal_id", "personal_id.wrong_length"),
            Planted::UnknownCommune => (6, "/residence/commune_code", "admin_unit.unknown"),
            Planted::UnknownProvince => (7, "/residence/province_code", "admin_unit.unknown"),
            Planted::GuardianNameDigit => (8, "/guardians/0/full_name", "name.digit"),
            Planted::PhoneWrongLength => (9, "/guardians/0/phone", "phone.wrong_length"),
            Planted::CircumstanceNoGroup => {
                (10, "/special_circumstances/0/group", "child.code_unknown")
            }
        }
    }

    /// The cell with the error in it.
    fn cell(self, rng: &mut Rng) -> String {
        match self {
            Planted::NameDigit | Planted::GuardianNameDigit => {
                format!("Nguyễn Văn {}", 1 + rng.below(9))
            }
            Planted::ImpossibleDate => format!("{}/02/20{}", 30 + rng.below(2), 12 + rng.below(12)),
            Planted::UnknownSex => rng.pick(&["x", "không rõ", "?", "Nam/Nữ"]).to_owned(),
            Planted::UnknownEthnicGroup => rng.pick(&["Kinhh", "Tầy Nùng", "Việt Nam"]).to_owned(),
            Planted::IdWrongLength => format!("0312{:07}", rng.below(10_000_000)),
            Planted::UnknownCommune => format!("Phường Không Có {}", 1 + rng.below(50)),
            Planted::UnknownProvince => rng
                .pick(&["Tỉnh Hải Phòngg", "Thành phố Hà Hải"])
                .to_owned(),
            Planted::PhoneWrongLength => format!("0912 {:03}", rng.below(1000)),
            Planted::CircumstanceNoGroup => rng
                .pick(&["Mồ côi cha", "Hộ nghèo", "Con thương binh"])
                .to_owned(),
        }
    }
}

fn treem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .output()
        .unwrap()
}

/// Hải Phòng's units of the 2025 list, from the official list in the reference sources.
fn hai_phong_units() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/sources/admin-units/units-2025.csv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0] == "31").then(|| cells[3].to_owned())
        })
        .collect()
}

/// One clean child row (every cell valid), as an officer writes it.
fn clean_row(rng: &mut Rng, n: usize, units: &[String]) -> Vec<String> {
    let female = rng.below(2) == 0;
    let family = rng.pick(&[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
    ]);
    let middle = if female {
        rng.pick(&["Thị", "Ngọc", "Thu", "Minh"])
    } else {
        rng.pick(&["Văn", "Minh", "Đức", "Hữu", "Gia"])
    };
    let given = rng.pick(&[
        "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quân",
        "Tâm", "Uyên", "Vy", "Yến",
    ]);
    let year = 2011 + rng.below(15);
    let (day, month) = (1 + rng.below(28), 1 + rng.below(12));
    let id = format!(
        "031{}{:02}{:06}",
        if female { 3 } else { 2 },
        year % 100,
        rng.below(1_000_000)
    );
    let guardian = format!(
        "{} {} {}",
        rng.pick(&["Nguyễn", "Trần", "Lê", "Phạm"]),
        rng.pick(&["Văn", "Thị", "Đức"]),
        rng.pick(&["Hùng", "Hoa", "Sơn", "Thảo", "Tuấn"])
    );
    let prefix = rng.pick(&[
        "90", "91", "98", "97", "96", "93", "94", "86", "32", "38", "70", "79", "83",
    ]);
    let phone = format!(
        "+84 {prefix}{} {:03} {:03}",
        rng.below(10),
        rng.below(1000),
        rng.below(1000)
    );
    let circumstance = match rng.below(20) {
        0 => "Trẻ em bị bỏ rơi",
        1 => "Vi phạm pháp luật",
        2 => "Bị xâm hại tình dục; bị bóc lột",
        _ => "",
    };
    vec![
        n.to_string(),
        format!("{family} {middle} {given}"),
        format!("{day:02}/{month:02}/{year}"),
        if female { "Nữ" } else { "Nam" }.to_owned(),
        rng.pick(&["Kinh", "Tày", "Thái", "Mường", "Hoa", "Nùng"])
            .to_owned(),
        id,
        units[rng.below(units.len())].clone(),
        rng.pick(&["Thành phố Hải Phòng", "Hải Phòng", "TP Hải Phòng"])
            .to_owned(),
        guardian,
        phone,
        circumstance.to_owned(),
    ]
}

/// CSV cell quoting (RFC 4180).
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

struct Export {
    path: PathBuf,
    /// Excel row → the errors planted in it.
    planted: BTreeMap<u64, Vec<Planted>>,
    /// Pairs of Excel rows that are the same child.
    duplicates: BTreeSet<(u64, u64)>,
    /// Pairs of Excel rows that are two children with one personal ID (the later row's ID
    /// copied from the earlier one; its sex and birth year agree with the ID, so only the
    /// pair shows the error).
    conflicts: BTreeSet<(u64, u64)>,
}

fn export(dir: &Path) -> Export {
    let mut rng = Rng(20_261_128);
    let units = hai_phong_units();
    assert_eq!(units.len(), 114, "Hải Phòng's 114 units of the 2025 list");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut planted = BTreeMap::new();
    let mut duplicates = BTreeSet::new();
    let mut conflicts = BTreeSet::new();
    for n in 1..=ROWS {
        // Excel row: the header is row 1.
        let row = n as u64 + 1;
        let roll = rng.below(100);
        if roll < 2 && rows.len() > 10 {
            // The same child entered twice, the name typed in capitals the second time.
            let earlier = rng.below(rows.len());
            let first = earlier as u64 + 2;
            if planted.contains_key(&first)
                || duplicates
                    .iter()
                    .chain(&conflicts)
                    .any(|(a, b)| *a == first || *b == first)
            {
                rows.push(clean_row(&mut rng, n, &units));
                continue;
            }
            let mut copy = rows[earlier].clone();
            copy[0] = n.to_string();
            copy[1] = copy[1].to_uppercase();
            rows.push(copy);
            duplicates.insert((first, row));
            continue;
        }
        if (2..4).contains(&roll) && rows.len() > 10 {
            // Another child given an earlier child's personal ID.
            let earlier = rng.below(rows.len());
            let first = earlier as u64 + 2;
            let taken = |pairs: &BTreeSet<(u64, u64)>| {
                pairs.iter().any(|(a, b)| *a == first || *b == first)
            };
            if planted.contains_key(&first) || taken(&duplicates) || taken(&conflicts) {
                rows.push(clean_row(&mut rng, n, &units));
                continue;
            }
            let source = rows[earlier].clone();
            let mut cells = clean_row(&mut rng, n, &units);
            // A family name none of the generated ones is within one letter of.
            let given = cells[1].split_once(' ').unwrap().1.to_owned();
            cells[1] = format!("{} {given}", rng.pick(&["Trương", "Huỳnh", "Quách"]));
            let (day, rest) = source[2].split_once('/').unwrap();
            let day: usize = day.parse().unwrap();
            cells[2] = format!("{:02}/{rest}", day % 28 + 1);
            cells[3] = source[3].clone();
            cells[5] = source[5].clone();
            rows.push(cells);
            conflicts.insert((first, row));
            continue;
        }
        let mut cells = clean_row(&mut rng, n, &units);
        if roll < 20 {
            let kind = Planted::ALL[rng.below(Planted::ALL.len())];
            cells[kind.expect().0] = kind.cell(&mut rng);
            planted.insert(row, vec![kind]);
        }
        rows.push(cells);
    }
    let mut text = String::from("\u{feff}");
    text.push_str(&HEADERS.join(","));
    text.push_str("\r\n");
    for cells in &rows {
        let line: Vec<String> = cells.iter().map(|c| quoted(c)).collect();
        text.push_str(&line.join(","));
        text.push_str("\r\n");
    }
    let path = dir.join("danh-sach-tre-em.csv");
    std::fs::write(&path, text).unwrap();
    Export {
        path,
        planted,
        duplicates,
        conflicts,
    }
}

/// (row, path, code, severity) of every issue `validate` reports.
fn issues_of(path: &Path) -> Vec<(u64, String, String, String)> {
    let out = treem(&[
        "validate",
        "--as-of",
        AS_OF,
        "--format",
        "ndjson",
        path.to_str().unwrap(),
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["row"].as_u64().unwrap(),
                v["path"].as_str().unwrap().to_owned(),
                v["code"].as_str().unwrap().to_owned(),
                v["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn planted_errors_are_found_at_their_rows_and_clean_rows_stay_clean() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("officer-export");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let export = export(&dir);
    let found = issues_of(&export.path);

    // Every column is read: nothing is named as not checked.
    let out = treem(&[
        "validate",
        "--as-of",
        AS_OF,
        "--format",
        "ndjson",
        export.path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr
            .lines()
            .all(|l| !l.contains("không được kiểm tra") || l.ends_with(": STT")),
        "{stderr}"
    );

    // Recall per kind, at the exact row and field.
    let mut per_kind: BTreeMap<Planted, (usize, usize)> = BTreeMap::new();
    for (row, kinds) in &export.planted {
        for kind in kinds {
            let (_, path, code) = kind.expect();
            let hit = found
                .iter()
                .any(|(r, p, c, _)| r == row && p == path && c == code);
            let entry = per_kind.entry(*kind).or_default();
            entry.0 += 1;
            entry.1 += usize::from(hit);
        }
    }
    println!("planted errors found by validate (row and field exact):");
    for (kind, (planted, hit)) in &per_kind {
        println!("  {kind:?}: {hit}/{planted}");
        assert!(*planted >= 20, "{kind:?}: too few planted to measure");
        assert!(hit * 100 >= planted * 98, "{kind:?}: {hit}/{planted} found");
    }
    // No issue on a row with nothing planted (duplicates are whole valid rows).
    let planted_rows: BTreeSet<u64> = export.planted.keys().copied().collect();
    let stray: Vec<_> = found
        .iter()
        .filter(|(row, ..)| !planted_rows.contains(row))
        .collect();
    assert!(
        stray.is_empty(),
        "issues on rows without a planted error: {stray:?}"
    );
    println!(
        "rows {ROWS}, planted errors {}, issues {}, issues on clean rows 0",
        export.planted.len(),
        found.len()
    );

    // The duplicates, as pairs of rows.
    let out = treem(&[
        "dedup",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        export.path.to_str().unwrap(),
    ]);
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs_at = |level: &str| -> BTreeSet<(u64, u64)> {
        answer["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["level"] == level)
            .map(|p| (p["row_a"].as_u64().unwrap(), p["row_b"].as_u64().unwrap()))
            .collect()
    };
    let likely = pairs_at("likely");
    let id_conflicts = pairs_at("id_conflict");
    let found_pairs = export.duplicates.intersection(&likely).count();
    let found_conflicts = export.conflicts.intersection(&id_conflicts).count();
    println!(
        "planted duplicates found by dedup as likely: {found_pairs}/{}; planted ID conflicts \
         found as id_conflict: {found_conflicts}/{}; other likely pairs {}, other conflicts {}",
        export.duplicates.len(),
        export.conflicts.len(),
        likely.difference(&export.duplicates).count(),
        id_conflicts.difference(&export.conflicts).count(),
    );
    assert!(export.duplicates.len() >= 20);
    assert!(found_pairs * 100 >= export.duplicates.len() * 98);
    assert!(export.conflicts.len() >= 20);
    assert!(found_conflicts * 100 >= export.conflicts.len() * 98);
    assert_eq!(answer["id_conflicts"], id_conflicts.len());
    assert!(
        likely.is_subset(&export.duplicates) && id_conflicts.is_subset(&export.conflicts),
        "no pair is called the same child, or one ID on two children, unless planted so: {:?} {:?}",
        likely.difference(&export.duplicates).collect::<Vec<_>>(),
        id_conflicts
            .difference(&export.conflicts)
            .collect::<Vec<_>>()
    );

    // Cleaned and validated again: no error left but the planted ones.
    let cleaned = dir.join("da-lam-sach.csv");
    let out = treem(&[
        "clean",
        "--as-of",
        AS_OF,
        export.path.to_str().unwrap(),
        "-o",
        cleaned.to_str().unwrap(),
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = issues_of(&cleaned);
    // Every error left is on a row with a planted error, and was there before cleaning (a
    // planted unknown province also leaves its commune unplaced: that error stays too).
    let before: BTreeSet<(u64, &str, &str)> = found
        .iter()
        .map(|(r, p, c, _)| (*r, p.as_str(), c.as_str()))
        .collect();
    let unexpected: Vec<_> = after
        .iter()
        .filter(|(row, path, code, severity)| {
            severity == "error"
                && (!export.planted.contains_key(row)
                    || !before.contains(&(*row, path.as_str(), code.as_str())))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "errors after clean beyond the planted ones: {unexpected:?}"
    );
    let errors_after = after.iter().filter(|i| i.3 == "error").count();
    println!("after clean: {errors_after} errors, all planted and not fixable mechanically");
}
