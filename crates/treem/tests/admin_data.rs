//! The generator of the compiled-in geography tables, run as a test.
//!
//! `crates/treem/data/admin/*.tsv` are generated from the checked CSV files in
//! `tests/sources/admin-units/` at the repository root (see its SOURCES.md). This test rebuilds
//! them and fails when the committed files are stale; `TREEM_WRITE_ADMIN_DATA=1 cargo test -p
//! treem --test admin_data` rewrites them. The crate itself never reads those sources: the build
//! only uses the committed tables.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sources/admin-units")
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/admin")
}

/// RFC 4180 rows (quoted fields may hold commas and doubled quotes; no newlines in our files).
fn read_csv(name: &str) -> Vec<BTreeMap<String, String>> {
    let path = sources_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e})", path.display()));
    let mut lines = text.lines();
    let header = split_csv(lines.next().unwrap());
    lines
        .filter(|l| !l.is_empty())
        .map(|line| {
            let fields = split_csv(line);
            assert_eq!(fields.len(), header.len(), "{name}: {line}");
            header.iter().cloned().zip(fields).collect()
        })
        .collect()
}

fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn clean(s: &str) -> &str {
    assert!(!s.contains('\t'), "tab in {s}");
    s
}

/// Builds the text of one data file; `keep_2024` / `keep_2025` say which provinces keep their
/// lower levels (every province line is always written).
fn generate(
    scope: &str,
    keep_2024: &dyn Fn(&str) -> bool,
    keep_2025: &dyn Fn(&str) -> bool,
) -> String {
    let units_2024 = read_csv("units-2024.csv");
    let units_2025 = read_csv("units-2025.csv");
    let map = read_csv("commune-map-2025.csv");
    let district_map = read_csv("district-without-communes-map-2025.csv");
    let province_map = read_csv("province-map-2025.csv");

    let mut out = String::new();
    writeln!(out, "treem-geography\t1").unwrap();
    writeln!(out, "scope\t{scope}").unwrap();
    out.push_str("[2024]\n");
    let (mut last_p, mut last_d) = (String::new(), String::new());
    let mut old_province_of = BTreeMap::new();
    for row in &units_2024 {
        let p = &row["province_code"];
        if *p != last_p {
            writeln!(out, "{p}\t{}", clean(&row["province_name"])).unwrap();
            last_p = p.clone();
        }
        if !keep_2024(p) {
            continue;
        }
        let d = &row["district_code"];
        if *d != last_d {
            writeln!(out, "{d}\t{}", clean(&row["district_name"])).unwrap();
            last_d = d.clone();
            old_province_of.insert(d.clone(), p.clone());
        }
        let c = &row["commune_code"];
        if !c.is_empty() {
            writeln!(out, "{c}\t{}", clean(&row["commune_name"])).unwrap();
            old_province_of.insert(c.clone(), p.clone());
        }
    }
    out.push_str("[2025]\n");
    let mut last_p = String::new();
    for row in &units_2025 {
        let p = &row["province_code"];
        if *p != last_p {
            writeln!(out, "{p}\t{}", clean(&row["province_name"])).unwrap();
            last_p = p.clone();
        }
        if keep_2025(p) {
            writeln!(out, "{}\t{}", row["unit_code"], clean(&row["unit_name"])).unwrap();
        }
    }
    // Notes, in order of first use, each with its normalised relation.
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut links = Vec::new();
    for row in &map {
        links.push((
            row["old_commune_code"].clone(),
            row["new_unit_code"].clone(),
            row["relation"].clone(),
            row["note_vi"].clone(),
        ));
    }
    for row in &district_map {
        links.push((
            row["old_district_code"].clone(),
            row["new_unit_code"].clone(),
            "whole".to_owned(),
            row["note_vi"].clone(),
        ));
    }
    let mut lines = Vec::new();
    for (old, new, relation, note) in links {
        if !old_province_of.contains_key(&old) {
            continue;
        }
        let pair = (relation, note);
        let index = match notes.iter().position(|n| *n == pair) {
            Some(i) => i,
            None => {
                notes.push(pair);
                notes.len() - 1
            }
        };
        lines.push(format!("{old}\t{new}\t{index}"));
    }
    out.push_str("[notes]\n");
    for (relation, note) in &notes {
        writeln!(out, "{relation}\t{}", clean(note)).unwrap();
    }
    out.push_str("[map]\n");
    for line in lines {
        writeln!(out, "{line}").unwrap();
    }
    out.push_str("[province-map]\n");
    for row in &province_map {
        writeln!(
            out,
            "{}\t{}",
            row["old_province_code"], row["new_province_code"]
        )
        .unwrap();
    }
    out
}

/// The provinces whose units went into the new Hải Phòng (31): old Hải Phòng (31) and old
/// Hải Dương (30) (Nghị quyết 1669/NQ-UBTVQH15).
fn hai_phong_2024(p: &str) -> bool {
    p == "30" || p == "31"
}

#[test]
fn committed_geography_files_are_current() {
    let files = [
        ("national.tsv", generate("national", &|_| true, &|_| true)),
        (
            "hai-phong.tsv",
            generate("hai_phong", &hai_phong_2024, &|p| p == "31"),
        ),
    ];
    let write = std::env::var_os("TREEM_WRITE_ADMIN_DATA").is_some();
    let mut stale = BTreeSet::new();
    for (name, text) in files {
        let path = out_dir().join(name);
        if write {
            std::fs::create_dir_all(out_dir()).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.insert(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale {stale:?}: run TREEM_WRITE_ADMIN_DATA=1 cargo test -p treem --test admin_data"
    );
}
