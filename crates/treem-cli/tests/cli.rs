//! The `treem` binary, run as a user would.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn treem(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails before reading its input closes the pipe: not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn bad_json_is_a_structured_error_with_exit_2() {
    let out = treem(&["validate", "--kind", "child", "-"], "{\"full_name\": ");
    assert_eq!(out.status.code(), Some(2));
    let v = stdout_json(&out);
    assert_eq!(v["error"], "not_json");
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}

#[test]
fn minimal_record_is_ok() {
    let out = treem(
        &["validate", "--kind", "child", "--as-of", "2026-11-28", "-"],
        "{}",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out),
        serde_json::json!({"ok": true, "issues": []})
    );
}

#[test]
fn unknown_kind_is_misuse() {
    let out = treem(&["validate", "--kind", "pupil", "-"], "{}");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_json(&out)["error"], "unknown_kind");
}

#[test]
fn sample_runs_without_input_and_finds_issues() {
    let out = treem(&["validate", "--as-of", "2026-11-28"], "");
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    // Every record of the bundled file, and the same answer as that file given by path.
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/children.ndjson"
    );
    let lines = std::fs::read_to_string(sample).unwrap();
    let records = lines.lines().filter(|l| !l.trim().is_empty()).count() as u64;
    assert_eq!(v["records"].as_u64(), Some(records));
    let by_path = stdout_json(&treem(&["validate", "--as-of", "2026-11-28", sample], ""));
    assert!(v["invalid"].as_u64().unwrap() >= 1);
    assert_eq!(v["invalid"], by_path["invalid"]);
    assert_eq!(v["issues"], by_path["issues"]);
    assert_eq!(v["options"]["as_of"], "2026-11-28");
}

#[test]
fn issues_are_found_with_exit_1_in_english() {
    let out = treem(
        &["validate", "--as-of", "2026-11-28", "--lang", "en", "-"],
        "{\"date_of_birth\": \"31/2/2020\"}",
    );
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert_eq!(v["issues"][0]["code"], "date.impossible");
    assert!(v["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("calendar date"));
}

#[test]
fn parse_and_catalog_print_json() {
    let out = treem(&["parse", "date", "13/8/2024"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["value"]["date"], "2024-08-13");
    let out = treem(&["catalog", "kinds"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["items"][0]["code"], "child");
}

#[test]
fn clean_rewrites_ndjson_records_in_ndjson() {
    let out = treem(
        &[
            "clean",
            "--as-of",
            "2026-11-28",
            "--input-format",
            "ndjson",
            "-",
        ],
        "{\"date_of_birth\": \"5/9/2018\"}\n{\"sex\": \"Nữ\"}\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["date_of_birth"], "2018-09-05");
    assert_eq!(lines[1]["sex"], "female");
    // The summary goes to stderr, in Vietnamese, with the as-of date echoed.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Số giá trị đã chuẩn hoá: 2"), "{err}");
    assert!(err.contains("2026-11-28"), "{err}");
}

/// The number of records in the bundled sample, read from the file the binary embeds.
fn sample_records() -> usize {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/children.ndjson"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn table_summary_is_readable_and_echoes_the_date() {
    let out = treem(
        &["validate", "--format", "table", "--as-of", "2026-11-28"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Ngày tính: 2026-11-28"), "{text}");
    let records = sample_records();
    assert!(text.contains(&format!("Số bản ghi: {records}")), "{text}");
    assert!(text.contains("date.impossible"), "{text}");
    assert!(
        text.contains("Các dòng có lỗi đầu tiên: 4, 5, 7, 8, 10, 11"),
        "{text}"
    );
    let out = treem(
        &[
            "validate",
            "--format",
            "table",
            "--as-of",
            "2026-11-28",
            "--lang",
            "en",
        ],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Records: {records}")));
}

#[test]
fn schema_lists_the_fields() {
    let out = treem(&["schema", "--kind", "child"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_json(&out)["properties"]["full_name"].is_object());
    assert_eq!(
        treem(&["schema", "--kind", "nope"], "").status.code(),
        Some(2)
    );
}

#[test]
fn misuse_exits_2() {
    let bad_date = treem(&["validate", "--as-of", "31/11/2026", "-"], "{}");
    assert_eq!(bad_date.status.code(), Some(2));
    assert_eq!(stdout_json(&bad_date)["error"], "invalid_option");
    let missing = treem(&["validate", "/nonexistent/file.ndjson"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stdout_json(&missing)["error"], "io");
    let bad_flag = treem(&["validate", "--input-format", "xml", "-"], "");
    assert_eq!(bad_flag.status.code(), Some(2));
    let bad_catalog_format = treem(&["catalog", "kinds", "--format", "yaml"], "");
    assert_eq!(bad_catalog_format.status.code(), Some(2));
}

#[test]
fn vietnamese_primitives_parse_from_the_command_line() {
    let out = treem(&["parse", "personal_id", "035199000123"], "");
    assert!(out.status.success());
    let v = stdout_json(&out);
    assert_eq!(v["value"]["province_name"], "Hà Nam");
    assert_eq!(v["value"]["birth_year"], 1999);
    let out = treem(&["parse", "document_number", "56/2017/NĐ-CP"], "");
    assert!(out.status.success());
    let v = stdout_json(&out);
    assert_eq!(v["value"]["type_name"], "Nghị định");
    assert_eq!(v["value"]["year"], 2017);
    let out = treem(&["catalog", "ethnic_groups"], "");
    assert!(out.status.success());
    assert_eq!(stdout_json(&out)["items"].as_array().unwrap().len(), 56);
}

#[test]
fn province_catalog_by_edition_and_commune_filter() {
    let out = treem(&["catalog", "provinces", "--edition", "2025"], "");
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["items"].as_array().unwrap().len(), 34);
    let out = treem(
        &[
            "catalog",
            "communes",
            "--edition",
            "2025",
            "--province",
            "31",
        ],
        "",
    );
    let v = stdout_json(&out);
    assert_eq!(v["items"].as_array().unwrap().len(), 114);
    let out = treem(
        &[
            "catalog",
            "communes",
            "--edition",
            "2024",
            "--province",
            "Hải Phòng",
            "--district",
            "Q. Ngô Quyền",
        ],
        "",
    );
    let v = stdout_json(&out);
    let items = v["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["district_code"] == "304"));
}

/// Issue 22 point 8: a province name that is also a district or commune name means the
/// province, and a province that does not exist is misuse (exit 2), not an empty list.
#[test]
fn communes_of_a_province_named_like_its_city() {
    let count = |province: &str| {
        let out = treem(
            &[
                "catalog",
                "communes",
                "--edition",
                "2024",
                "--province",
                province,
            ],
            "",
        );
        assert_eq!(out.status.code(), Some(0), "{province}");
        stdout_json(&out)["items"].as_array().unwrap().len()
    };
    assert_eq!(count("Hải Dương"), 207);
    assert_eq!(count("Hải Dương"), count("30"));
    for province in [
        "Bình Dương",
        "Thái Bình",
        "Quảng Ninh",
        "Lào Cai",
        "tỉnh hải dương",
    ] {
        assert!(count(province) > 0, "{province}");
    }
    for unknown in ["99", "HP"] {
        let out = treem(
            &[
                "catalog",
                "communes",
                "--edition",
                "2024",
                "--province",
                unknown,
            ],
            "",
        );
        assert_eq!(out.status.code(), Some(2), "{unknown}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("names no province"), "{stderr}");
        assert_eq!(stdout_json(&out)["error"], "invalid_option");
    }
}

#[test]
fn parse_admin_unit_from_the_command_line() {
    let out = treem(
        &["parse", "admin_unit", "tp hai phong", "--edition", "2025"],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["value"]["code"], "31");
    let out = treem(&["parse", "admin_unit", "Nowhere", "--edition", "2025"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_json(&out)["issues"][0]["code"], "admin_unit.unknown");
}

#[test]
fn as_of_outside_1900_to_2100_is_misuse() {
    for as_of in ["-2026-01-01", "9999-12-31"] {
        // `--as-of=` so that clap does not take the leading `-` for a flag.
        let flag = format!("--as-of={as_of}");
        let out = treem(
            &["validate", "--kind", "child", "--lang", "en", &flag, "-"],
            "{}",
        );
        assert_eq!(out.status.code(), Some(2), "{as_of}");
        let v = stdout_json(&out);
        assert_eq!(v["error"], "invalid_option", "{as_of}");
        let message = v["message"].as_str().unwrap();
        // A negative year is not a date at all; a year past 2100 is out of the range.
        let said = if as_of.starts_with('-') {
            message.contains("Not a date")
        } else {
            message.contains("1900") && message.contains("2100")
        };
        assert!(said, "{as_of}: {v}");
        let out = treem(&["sample", "--count", "1", &flag], "");
        assert_eq!(out.status.code(), Some(2), "sample {as_of}");
    }
    let out = treem(
        &["validate", "--kind", "child", "--as-of", "2100-12-31", "-"],
        "{}",
    );
    assert_eq!(out.status.code(), Some(0));
}

/// `--max-record-bytes` reaches the core's option: a line or array element longer than the
/// limit is reported in its place as `record.too_large` (not parsed: the second line is not
/// JSON), the records around it are read, and 0 is refused like any bad option.
#[test]
fn records_over_the_limit_are_reported_in_place() {
    let at_limit = format!("{{\"sex\": \"nam\"{}}}", " ".repeat(50)); // 64 bytes
    assert_eq!(at_limit.len(), 64);
    let over = "x".repeat(65);
    let ndjson = format!("{at_limit}\n{over}\r\n{{\"sex\":\"x\"}}\n");
    let args = [
        "validate",
        "--as-of",
        "2026-11-28",
        "--max-record-bytes",
        "64",
        "-",
    ];
    let array = format!("[{at_limit},\n {over} , {{\"sex\":\"x\"}}]");
    for input in [ndjson.as_str(), array.as_str()] {
        let out = treem(&args, input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        let v = stdout_json(&out);
        assert_eq!(v["records"], 3, "{v}");
        assert_eq!(v["unreadable"], 1, "{v}");
        let flagged = v["with_issues"].as_array().unwrap();
        assert_eq!(flagged[0]["row"], 2, "{v}");
        let issue = &flagged[0]["issues"][0];
        assert_eq!(issue["code"], "record.too_large");
        assert_eq!(
            issue["params"],
            serde_json::json!({"bytes": 65, "limit": 64})
        );
        assert_eq!(flagged[1]["issues"][0]["code"], "child.sex_unknown");
    }
    // Cleaning keeps the long line as written (nothing lost), still unparsed.
    let mut clean_args = args.to_vec();
    clean_args[0] = "clean";
    let out = treem(&clean_args, &ndjson);
    let cleaned = String::from_utf8_lossy(&out.stdout);
    assert!(cleaned.lines().any(|l| l == over), "{cleaned}");
    let zero = treem(&["validate", "--max-record-bytes", "0", "-"], "{}");
    assert_eq!(zero.status.code(), Some(2));
    assert_eq!(stdout_json(&zero)["error"], "invalid_option");
    // One record given alone is the core's own answer: the error.
    let alone = treem(&args, &over);
    assert_eq!(alone.status.code(), Some(2));
    assert_eq!(stdout_json(&alone)["error"], "record_too_large");
}

/// Misuse is explained in the language of `--lang` (Vietnamese by default), on stderr in
/// table format: a missing file, an unknown kind, a day that does not exist in `--as-of`
/// (which is read as the data's dates are, `dd/mm/yyyy` too).
#[test]
fn misuse_is_explained_in_the_run_s_language() {
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["validate", "--format", "table", "/no/such/file.csv"],
            "không đọc được /no/such/file.csv: không có tệp hay thư mục này",
            "cannot read /no/such/file.csv",
        ),
        (
            &["validate", "--format", "table", "--kind", "tre_em"],
            "Không có loại hồ sơ \"tre_em\"",
            "unknown kind \"tre_em\"",
        ),
        (
            &["validate", "--format", "table", "--as-of", "30/02/2026"],
            "Ngày 30/2/2026 không tồn tại: tháng 2 chỉ có 28 ngày",
            "30/2/2026 is not a calendar date: month 2 has only 28 days",
        ),
    ];
    for (args, vi, en) in cases {
        let out = treem(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "table format: nothing on stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(vi), "{args:?}: {err}");
        let mut english = args.to_vec();
        english.extend(["--lang", "en"]);
        let err = String::from_utf8(treem(&english, "").stderr).unwrap();
        assert!(err.contains(en), "{english:?}: {err}");
    }
    // dd/mm/yyyy is the date the data uses: accepted, echoed as ISO.
    let out = treem(&["validate", "--as-of", "28/11/2026"], "");
    assert_eq!(stdout_json(&out)["options"]["as_of"], "2026-11-28");
}

#[test]
fn holidays_file_takes_precedence_and_bad_files_are_misuse() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("holidays-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lich-2027.json");
    std::fs::write(
        &file,
        r#"{"years": [2027], "days_off": ["2027-02-05", "2027-02-08", "2027-02-09", {"date": "2027-02-10", "name": "Tết Âm lịch"}],
            "working_days": [{"date": "2027-02-13", "name": "làm bù"}]}"#,
    )
    .unwrap();
    let case = r#"{"reported_at": "2027-02-02T09:00", "steps": {"detailed_assessment": {"done_at": "2027-02-03"}}}"#;
    let base = ["validate", "--kind", "case", "--as-of", "2027-03-01"];
    // Without the file: 2027 has no announced schedule, the due day is the library's
    // estimate and says so.
    let out = treem(&[&base[..], &["-"]].concat(), case);
    let issue = &stdout_json(&out)["issues"][0];
    assert_eq!(issue["params"]["due"], "2027-02-17");
    assert_eq!(issue["params"]["calendar"], "law_only");
    // With it: the caller's days count, and the estimate no longer applies.
    let path = file.to_str().unwrap();
    let out = treem(&[&base[..], &["--holidays", path, "-"]].concat(), case);
    let issue = &stdout_json(&out)["issues"][0];
    assert_eq!(issue["params"]["due"], "2027-02-15");
    assert!(issue["params"].get("calendar").is_none());
    // A file that is not of the shape, or not JSON, is misuse; a missing one an I/O error.
    for (text, code) in [
        (r#"{"days": []}"#, "invalid_option"),
        ("{", "invalid_option"),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = treem(&[&base[..], &["--holidays", path, "-"]].concat(), case);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert_eq!(stdout_json(&out)["error"], code, "{text}");
    }
    let missing = dir.join("none.json");
    let out = treem(
        &[&base[..], &["--holidays", missing.to_str().unwrap(), "-"]].concat(),
        case,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_json(&out)["error"], "io");
}
