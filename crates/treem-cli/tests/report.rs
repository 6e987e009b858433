//! `treem report`, `treem merge`, `treem dedup` and the extended `treem sample`, run as a user
//! would: every format, the merge of shards byte for byte, the exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const AS_OF: &str = "2026-01-01";

fn treem(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A generated dataset: (children path, cases path).
fn dataset(dir: &Path, count: &str, seed: &str) -> (PathBuf, PathBuf) {
    let children = dir.join("children.ndjson");
    let cases = dir.join("cases.ndjson");
    let out = treem(
        &[
            "sample",
            "--count",
            count,
            "--seed",
            seed,
            "--cases",
            "150",
            "--as-of",
            AS_OF,
            "-o",
            children.to_str().unwrap(),
            "--cases-output",
            cases.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (children, cases)
}

fn report_json(children: &Path, cases: &Path, extra: &[&str]) -> Output {
    report_as(children, cases, "json", extra)
}

fn report_as(children: &Path, cases: &Path, format: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "report",
        children.to_str().unwrap(),
        "--cases",
        cases.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--period",
        "2025",
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    treem(&args, b"")
}

#[test]
fn merge_of_shard_partials_prints_the_whole_report_byte_for_byte() {
    let dir = scratch("merge_bytes");
    let (children, cases) = dataset(&dir, "2400", "11");
    let whole = report_json(&children, &cases, &["--suppression", "3"]);
    assert_eq!(whole.status.code(), Some(1), "planted errors are reported");
    let table: serde_json::Value = serde_json::from_slice(&whole.stdout).unwrap();
    let cells = table["cells"].as_array().unwrap();
    assert!(cells.len() > 50, "a real table: {} cells", cells.len());
    assert!(cells.iter().any(|c| c["suppressed"] == true));
    assert!(cells
        .iter()
        .any(|c| c["numerator"].as_u64().unwrap_or(0) >= 3));

    // Three shards of children, each with the cases of its own children.
    let child_lines: Vec<String> = std::fs::read_to_string(&children)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let case_lines: Vec<String> = std::fs::read_to_string(&cases)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut partials = Vec::new();
    for (n, range) in [(0, 0..700), (1, 700..1500), (2, 1500..child_lines.len())] {
        let shard_children = &child_lines[range];
        let ids: BTreeSet<String> = shard_children
            .iter()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        // A case goes with its child; a case whose child is nowhere goes to the first shard.
        let all_ids: BTreeSet<String> = child_lines
            .iter()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let shard_cases: Vec<&String> = case_lines
            .iter()
            .filter(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let child = v["child_id"].as_str().unwrap_or_default();
                ids.contains(child) || (n == 0 && !all_ids.contains(child))
            })
            .collect();
        let c = dir.join(format!("children-{n}.ndjson"));
        let k = dir.join(format!("cases-{n}.ndjson"));
        std::fs::write(&c, shard_children.join("\n") + "\n").unwrap();
        std::fs::write(
            &k,
            shard_cases
                .iter()
                .map(|s| format!("{s}\n"))
                .collect::<String>(),
        )
        .unwrap();
        let p = dir.join(format!("part-{n}.json"));
        let out = treem(
            &[
                "report",
                c.to_str().unwrap(),
                "--cases",
                k.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "--period",
                "2025",
                "--partial",
                "-o",
                p.to_str().unwrap(),
            ],
            b"",
        );
        assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
        let partial: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        assert_eq!(partial["format"], "treem.indicators.partial/1");
        partials.push(p);
    }
    let names: Vec<&str> = partials.iter().map(|p| p.to_str().unwrap()).collect();
    for order in [[0, 1, 2], [2, 0, 1]] {
        let mut args = vec!["merge", "--format", "json", "--suppression", "3"];
        args.extend(order.iter().map(|&i| names[i]));
        let merged = treem(&args, b"");
        assert_eq!(merged.status.code(), Some(0));
        assert_eq!(
            text(&merged),
            text(&whole),
            "merge differs from the whole report"
        );
    }
    // The CSV of the merge is the CSV of the whole too.
    let whole_csv = report_as(&children, &cases, "csv", &["--suppression", "3"]);
    let mut args = vec!["merge", "--format", "csv", "--suppression", "3"];
    args.extend(names.iter().copied());
    let merged_csv = treem(&args, b"").stdout;
    assert!(merged_csv.len() > 1000);
    assert!(merged_csv == whole_csv.stdout, "the merged CSV differs");
}

#[test]
fn json_is_exactly_the_engines_table() {
    let dir = scratch("engine_table");
    let (children, cases) = dataset(&dir, "300", "4");
    let out = report_json(&children, &cases, &[]);
    let mut input = String::new();
    for line in std::fs::read_to_string(&children).unwrap().lines() {
        input.push_str(&format!("{{\"kind\": \"child\", \"record\": {line}}}\n"));
    }
    for line in std::fs::read_to_string(&cases).unwrap().lines() {
        input.push_str(&format!("{{\"kind\": \"case\", \"record\": {line}}}\n"));
    }
    let answer = treem::api::indicators(
        input.as_bytes(),
        format!("{{\"as_of\": \"{AS_OF}\", \"period\": \"2025\"}}").as_bytes(),
    )
    .unwrap();
    let expected = serde_json::to_string(&answer.table.unwrap()).unwrap() + "\n";
    assert_eq!(text(&out), expected);
    // The same records as one tagged, mixed NDJSON on stdin give the same table.
    let tagged = treem(
        &[
            "report", "-", "--as-of", AS_OF, "--period", "2025", "--format", "json",
        ],
        input.as_bytes(),
    );
    assert_eq!(text(&tagged), expected);
    // The date judged at is echoed on stderr.
    assert!(String::from_utf8_lossy(&out.stderr).contains(AS_OF));
}

#[test]
fn bundled_sample_reports_in_every_format() {
    let table = treem(&["report", "--as-of", "2026-11-28"], b"");
    assert_eq!(
        table.status.code(),
        Some(1),
        "the sample has invalid records"
    );
    let t = text(&table);
    assert!(t.contains("Ngày tính: 2026-11-28"), "{t}");
    assert!(t.contains("Thông tư 13/2021"));
    assert!(t.contains("ẩn"), "small cells are hidden, not zero");
    assert!(t.contains("indicator.case_child_missing"));
    assert!(t.contains("dòng 4 (sample: examples/data/children.ndjson)"));

    let en = text(&treem(
        &["report", "--as-of", "2026-11-28", "--lang", "en"],
        b"",
    ));
    assert!(en.contains("As of: 2026-11-28") && en.contains("hidden"));

    let csv = treem(&["report", "--as-of", "2026-11-28", "--format", "csv"], b"");
    assert!(csv
        .stdout
        .starts_with(b"\xEF\xBB\xBFindicator,period,unit,dimension,category"));

    let html = text(&treem(
        &["report", "--as-of", "2026-11-28", "--format", "html"],
        b"",
    ));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<style>"));
    assert!(
        html.contains("<svg") && html.contains("url(#hatch)"),
        "charts, hidden bars hatched"
    );
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"));
    // The only address in the page is the SVG namespace name, which nothing fetches.
    assert_eq!(
        html.matches("http://").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "an address other than the SVG namespace"
    );
    assert!(!html.contains("https://"));
    assert!(html.contains("lang=\"vi\"") && html.contains("Giới tính"));
    let html_en = text(&treem(
        &[
            "report",
            "--as-of",
            "2026-11-28",
            "--format",
            "html",
            "--lang",
            "en",
        ],
        b"",
    ));
    assert!(html_en.contains("lang=\"en\"") && html_en.contains(">hidden<"));
}

#[test]
fn html_never_draws_a_hidden_cell_as_zero() {
    let dir = scratch("html_hidden");
    let (children, cases) = dataset(&dir, "600", "8");
    let json = report_json(&children, &cases, &[]);
    let table: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let hidden = table["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["suppressed"] == true)
        .count();
    assert!(hidden > 0);
    let args: Vec<&str> = vec![
        "report",
        children.to_str().unwrap(),
        "--cases",
        cases.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--period",
        "2025",
        "--format",
        "html",
    ];
    let html = text(&treem(&args, b""));
    // Each hidden cell: one table row of three "ẩn" figures; hatched bars for breakdowns.
    assert_eq!(
        html.matches("<td class=\"n hidden\">ẩn</td>").count(),
        3 * hidden
    );
    assert!(html.matches("fill=\"url(#hatch)\"").count() > 0);
}

#[test]
fn dhis2_export_needs_a_mapping() {
    let dir = scratch("dhis2");
    let (children, cases) = dataset(&dir, "800", "2");
    let missing = report_as(&children, &cases, "dhis2", &[]);
    assert_eq!(missing.status.code(), Some(2));
    let mapping = dir.join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"org_units": {"31": "OU_HP"}, "indicators": {"I:0301": [{"data_element": "DE_0301", "figure": "numerator", "category_option_combos": {"total": "COC_T"}}]}}"#,
    )
    .unwrap();
    let out = report_as(
        &children,
        &cases,
        "dhis2",
        &["--dhis2-mapping", mapping.to_str().unwrap()],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let values = v["data_value_set"]["dataValues"].as_array().unwrap();
    assert_eq!(values.len(), 1, "{v}");
    assert_eq!(values[0]["dataElement"], "DE_0301");
    assert_eq!(values[0]["orgUnit"], "OU_HP");
    assert!(!v["not_exported"].as_array().unwrap().is_empty());
}

#[test]
fn report_exit_codes_and_issue_file() {
    let dir = scratch("report_exit");
    let clean = dir.join("clean.ndjson");
    let out = treem(
        &[
            "sample",
            "--count",
            "200",
            "--error-rate",
            "0",
            "--duplicate-rate",
            "0",
            "--as-of",
            AS_OF,
            "-o",
            clean.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let ok = treem(
        &[
            "report",
            clean.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // A bad row in the middle: reported with its row number, exit 1.
    let mut lines: Vec<String> = std::fs::read_to_string(&clean)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.insert(5, "{not json".into());
    let broken = dir.join("broken.ndjson");
    std::fs::write(&broken, lines.join("\n")).unwrap();
    let issues = dir.join("issues.ndjson");
    let bad = treem(
        &[
            "report",
            broken.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--issues",
            issues.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(bad.status.code(), Some(1));
    let first: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&issues)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["row"], 6);
    assert_eq!(first["code"], "record.not_object");
    // Misuse: exit 2.
    for args in [
        vec!["report", "--period", "someday", "--as-of", AS_OF],
        vec!["report", "--kind", "directive"],
        vec!["report", "--age-groups", "0,x"],
        vec!["merge", clean.to_str().unwrap()],
        vec!["report", "/no/such/file.ndjson"],
    ] {
        assert_eq!(treem(&args, b"").status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn csv_input_with_vietnamese_headers_reports() {
    let csv = "\u{feff}Mã,Họ và tên,Ngày sinh,Giới tính\nA1,Nguyễn Văn An,14/03/2015,Nam\nA2,Trần Thị Bình,22/07/2012,Nữ\n";
    let out = treem(
        &[
            "report",
            "-",
            "--input-format",
            "csv",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--suppression",
            "0",
        ],
        csv.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(table["format"], "treem.indicators.table/1");
    assert_eq!(table["suppression_threshold"], 0);
}

#[test]
fn dedup_gives_rows_and_evidence_never_names() {
    let dir = scratch("dedup");
    let data = dir.join("children.ndjson");
    treem(
        &[
            "sample",
            "--count",
            "400",
            "--seed",
            "3",
            "--duplicate-rate",
            "0.05",
            "--as-of",
            AS_OF,
            "-o",
            data.to_str().unwrap(),
        ],
        b"",
    );
    let path = data.to_str().unwrap();
    let json = treem(&["dedup", path, "--format", "json", "--as-of", AS_OF], b"");
    assert_eq!(
        json.status.code(),
        Some(1),
        "planted duplicates are likely pairs"
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 5);
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&data)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for p in pairs {
        let (a, b) = (p["row_a"].as_u64().unwrap(), p["row_b"].as_u64().unwrap());
        assert!(a < b && b as usize <= lines.len());
        // NDJSON rows are lines: row n is line n; the pair is the same child by birth.
        let (ra, rb) = (&lines[a as usize - 1], &lines[b as usize - 1]);
        if p["level"] == "likely" {
            assert_eq!(
                treem::vn::name::fold(ra["full_name"].as_str().unwrap_or_default()),
                treem::vn::name::fold(rb["full_name"].as_str().unwrap_or_default())
            );
        }
    }
    let all = String::from_utf8(json.stdout.clone()).unwrap();
    for record in &lines {
        if let Some(id) = record["personal_id"].as_str() {
            assert!(!all.contains(id), "an ID leaked");
        }
    }
    let nd = treem(
        &["dedup", path, "--format", "ndjson", "--as-of", AS_OF],
        b"",
    );
    assert_eq!(text(&nd).lines().count(), pairs.len());
    let csv = treem(&["dedup", path, "--format", "csv", "--as-of", AS_OF], b"");
    assert!(csv
        .stdout
        .starts_with(b"\xEF\xBB\xBFrow_a,row_b,level,evidence"));
    assert_eq!(text(&csv).lines().count(), pairs.len() + 1);
    let table = text(&treem(&["dedup", path, "--as-of", AS_OF], b""));
    assert!(table.contains("gần chắc") && table.contains("Ngày sinh trùng"));
    for record in &lines {
        assert!(
            !table.contains(record["full_name"].as_str().unwrap_or("\u{0}")),
            "a name leaked"
        );
    }
    // No duplicates: exit 0.
    let unique = dir.join("unique.ndjson");
    treem(
        &[
            "sample",
            "--count",
            "100",
            "--seed",
            "3",
            "--duplicate-rate",
            "0",
            "--as-of",
            AS_OF,
            "-o",
            unique.to_str().unwrap(),
        ],
        b"",
    );
    let none = treem(&["dedup", unique.to_str().unwrap(), "--as-of", AS_OF], b"");
    assert_eq!(none.status.code(), Some(0), "{}", text(&none));
    // CSV rows count the header as row 1.
    let csv_in = "Họ và tên,Ngày sinh,Giới tính\nNguyễn Văn An,14/03/2015,Nam\nNGUYEN VAN AN,14/03/2015,Nam\n";
    let v: serde_json::Value = serde_json::from_slice(
        &treem(
            &[
                "dedup",
                "-",
                "--input-format",
                "csv",
                "--format",
                "json",
                "--as-of",
                AS_OF,
            ],
            csv_in.as_bytes(),
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(v["pairs"][0]["row_a"], 2);
    assert_eq!(v["pairs"][0]["row_b"], 3);
}

#[test]
fn sample_children_are_valid_unless_planted_and_cases_link_to_them() {
    let dir = scratch("sample_full");
    let (children, cases) = {
        let c = dir.join("c.ndjson");
        let k = dir.join("k.ndjson");
        let out = treem(
            &[
                "sample",
                "--count",
                "1500",
                "--seed",
                "21",
                "--error-rate",
                "0",
                "--duplicate-rate",
                "0",
                "--cases",
                "90",
                "--as-of",
                AS_OF,
                "-o",
                c.to_str().unwrap(),
                "--cases-output",
                k.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(0));
        (c, k)
    };
    let v = treem(
        &["validate", children.to_str().unwrap(), "--as-of", AS_OF],
        b"",
    );
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&v.stdout)
            .chars()
            .take(2000)
            .collect::<String>()
    );
    let k = treem(
        &[
            "validate",
            cases.to_str().unwrap(),
            "--kind",
            "case",
            "--as-of",
            AS_OF,
        ],
        b"",
    );
    assert_eq!(k.status.code(), Some(0));
    let child_text = std::fs::read_to_string(&children).unwrap();
    let records: Vec<serde_json::Value> = child_text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for field in [
        "personal_id",
        "ethnic_group",
        "residence",
        "guardians",
        "birth_registration_date",
    ] {
        assert!(records.iter().all(|r| r.get(field).is_some()), "{field}");
    }
    assert!(records
        .iter()
        .any(|r| r.get("special_circumstances").is_some()));
    assert!(records.iter().any(|r| r.get("disability").is_some()));
    assert!(records.iter().any(
        |r| r["residence"]["edition"] == "2024" && r["residence"]["district_code"].is_string()
    ));
    let ids: BTreeSet<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let case_text = std::fs::read_to_string(&cases).unwrap();
    assert_eq!(case_text.lines().count(), 90);
    for line in case_text.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(ids.contains(case["child_id"].as_str().unwrap()));
    }
    // Asking for cases leaves the children as they were.
    let alone = treem(
        &[
            "sample",
            "--count",
            "1500",
            "--seed",
            "21",
            "--error-rate",
            "0",
            "--duplicate-rate",
            "0",
            "--as-of",
            AS_OF,
        ],
        b"",
    );
    assert_eq!(String::from_utf8(alone.stdout).unwrap(), child_text);
    // --cases without a place to write them is misuse.
    assert_eq!(
        treem(&["sample", "--count", "5", "--cases", "2"], b"")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn every_new_command_has_english_help() {
    // Each command's own description (its doc comment in args.rs), not clap's frame.
    for (cmd, about) in [
        (
            "report",
            "Compute the indicator table (TT 13/2021/TT-BLĐTBXH) from records",
        ),
        ("merge", "Combine partials written by `report --partial`"),
        (
            "dedup",
            "Find likely and possible duplicate children in a dataset",
        ),
        ("sample", "Generate a deterministic synthetic dataset"),
    ] {
        let out = treem(&[cmd, "--help"], b"");
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(help.contains(about), "{cmd}: {help}");
    }
    assert!(text(&treem(&["report", "--help"], b"")).contains("--partial"));
    assert!(text(&treem(&["sample", "--help"], b"")).contains("--cases"));
}

/// A table with no cell says why: what the indicators need from the records, how many were
/// read, and the columns that were not read; on stdout in the table, on stderr beside the
/// JSON table.
#[test]
fn an_empty_table_says_why() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-empty-table");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unread.csv");
    std::fs::write(&path, "STT,Tên trẻ em của thôn,Ghi chú\n1,An,x\n").unwrap();
    let p = path.to_str().unwrap();
    let table = text(&treem(&["report", "--as-of", "2026-11-28", p], b""));
    assert!(table.contains("Không có ô nào trong bảng"), "{table}");
    assert!(table.contains("residence.province_code"), "{table}");
    assert!(
        table.contains("Các cột không được đọc: Tên trẻ em của thôn, Ghi chú"),
        "{table}"
    );
    let out = treem(
        &[
            "report",
            "--as-of",
            "2026-11-28",
            "--lang",
            "en",
            "--format",
            "json",
            p,
        ],
        b"",
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("The table has no cell") && err.contains("Columns not read: Tên trẻ em"),
        "{err}"
    );
}

/// The bundled sample fills Phụ lục III 0101 (the child population) and 0323 (birth
/// registration of children under 5) from its child records: each has a row with a published
/// count, and 0323 a published rate.
#[test]
fn bundled_sample_fills_child_population_and_birth_registration() {
    let out = treem(
        &["report", "--as-of", "2026-11-28", "--format", "json"],
        b"",
    );
    let first = text(&out);
    let table: serde_json::Value =
        serde_json::from_str(first.lines().next().unwrap_or_default()).unwrap();
    let cells = table["cells"].as_array().unwrap();
    for id in ["I:0101", "I:0323"] {
        let rows: Vec<&serde_json::Value> = cells.iter().filter(|c| c["indicator"] == id).collect();
        assert!(!rows.is_empty(), "{id}: no row");
        assert!(
            rows.iter()
                .any(|c| c["numerator"].as_u64().is_some_and(|n| n > 0)),
            "{id}: every row is empty or hidden: {rows:?}"
        );
    }
    let total = cells
        .iter()
        .find(|c| c["indicator"] == "I:0323" && c["unit"] == "31" && c["dimension"].is_null())
        .unwrap();
    assert!(total["value"].as_f64().is_some(), "{total}");
    let t = text(&treem(&["report", "--as-of", "2026-11-28"], b""));
    assert!(t.contains("I:0101 · Dân số trẻ em"), "{t}");
    assert!(
        t.contains("I:0323 · Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh"),
        "{t}"
    );
}
