//! Datasets in every input format, run through the binary as an officer would.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const AS_OF: &str = "2026-11-28";

fn treem(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treem"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed stdin from another thread: the binary streams, so it writes while it reads.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

/// A fresh directory under the target dir for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ndjson_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (row, code) of every issue of an NDJSON issue list.
fn row_codes(bytes: &[u8]) -> Vec<(u64, String)> {
    ndjson_lines(bytes)
        .iter()
        .map(|v| {
            (
                v["row"].as_u64().unwrap(),
                v["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn ndjson_with_bad_lines_in_the_middle_keeps_every_row() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"sex\": \"nam\"}\n");
    input.extend_from_slice(b"{\"full_name\": \n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"full_name\": \"\xff\"}\n");
    input.extend_from_slice(b"[1]\n");
    input.extend_from_slice(b"{\"sex\": \"x\"}\n");
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--input-format",
            "ndjson",
            "--format",
            "ndjson",
            "-",
        ],
        &input,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        row_codes(&out.stdout),
        vec![
            (2, "record.not_object".to_owned()),
            (4, "row.not_utf8".to_owned()),
            (5, "record.not_object".to_owned()),
            (6, "child.sex_unknown".to_owned()),
        ]
    );
    let out = treem(
        &["clean", "--as-of", AS_OF, "--input-format", "ndjson", "-"],
        &input,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(lines[0], "{\"sex\":\"male\"}");
    assert_eq!(lines[1], "{\"full_name\": ");
}

#[test]
fn json_array_streams_and_reports_lines() {
    let input =
        b"[\n  {\"sex\": \"nam\"},\n  not json,\n  {\"date_of_birth\": \"31/2/2016\"},\n  7\n]\n";
    let dir = scratch("json_array");
    let path = dir.join("children.json");
    std::fs::write(&path, input).unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        row_codes(&out.stdout),
        vec![
            (3, "record.not_object".to_owned()),
            (4, "date.impossible".to_owned()),
            (5, "record.not_object".to_owned()),
        ]
    );
    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    let cleaned: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        cleaned,
        serde_json::json!([{"sex": "male"}, "not json", {"date_of_birth": "31/2/2016"}, 7])
    );
}

/// A CSV export as officers make them: BOM, Vietnamese headers in odd case, an extra column,
/// a short row and an undecodable cell in the middle.
fn officer_csv() -> Vec<u8> {
    let mut csv = b"\xEF\xBB\xBF".to_vec();
    csv.extend_from_slice("STT,HỌ VÀ TÊN,ngay sinh,Giới Tính\n".as_bytes());
    csv.extend_from_slice("1,Nguyễn Văn An,5/9/2018,Nam\n".as_bytes());
    csv.extend_from_slice("2,\"Trần Thị\nBình\",31/2/2016,nữ\n".as_bytes());
    csv.extend_from_slice("3,Lê Hà,1/1/2019\n".as_bytes());
    csv.extend_from_slice(b"4,\xff\xfe,1/1/2019,nam\n");
    csv.extend_from_slice("5,  Phạm   Thu  Dung ,2015-03-14,x\n".as_bytes());
    csv.extend_from_slice(",,,\n".as_bytes());
    csv
}

#[test]
fn csv_with_bom_and_vietnamese_headers() {
    let dir = scratch("csv");
    let path = dir.join("tre-em.csv");
    std::fs::write(&path, officer_csv()).unwrap();
    let issues = dir.join("loi.csv");
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            "--issues",
            issues.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    // Rows are numbered as Excel shows them: header = 1; the quoted name with a line break
    // inside is one row (Excel shows the break inside the cell).
    assert_eq!(
        row_codes(&out.stdout),
        vec![
            (3, "date.impossible".to_owned()),
            (4, "row.column_count".to_owned()),
            (5, "row.cell_unreadable".to_owned()),
            (6, "child.sex_unknown".to_owned()),
        ]
    );
    // The issue file opens in Excel with Vietnamese intact: BOM, then the columns.
    let written = std::fs::read(&issues).unwrap();
    assert!(written.starts_with(b"\xEF\xBB\xBFrow,path,code,severity,message\n"));
    let text = String::from_utf8(written).unwrap();
    assert!(text.contains("3,/date_of_birth,date.impossible,error,Ngày 31/2/2016 không tồn tại"));
    assert!(text.contains("cột HỌ VÀ TÊN"), "{text}");

    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = "\u{feff}STT,HỌ VÀ TÊN,ngay sinh,Giới Tính\n\
                    1,Nguyễn Văn An,2018-09-05,male\n\
                    2,Trần Thị Bình,31/2/2016,female\n\
                    3,Lê Hà,1/1/2019\n\
                    4,\u{fffd}\u{fffd},1/1/2019,nam\n\
                    5,Phạm Thu Dung,2015-03-14,x\n";
    assert_eq!(text, expected);
}

#[test]
fn csv_from_stdin_with_semicolons_and_a_mapping_file() {
    let dir = scratch("mapping");
    let map = dir.join("map.json");
    std::fs::write(
        &map,
        r#"{"child": {"full_name": ["Ten be"], "sex": "Phai tinh"}}"#,
    )
    .unwrap();
    let csv = "Tên bé;Phái tính;Ngày sinh\nAn;x;1/1/2020\n";
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--input-format",
            "csv",
            "--mapping",
            map.to_str().unwrap(),
            "--format",
            "csv",
            "-",
        ],
        csv.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "\u{feff}row,path,code,severity,message\n\
         2,/sex,child.sex_unknown,error,Giới tính không hợp lệ (dùng nam hoặc nữ)\n"
    );
    let bad_map = dir.join("bad.json");
    std::fs::write(&bad_map, "[1, 2]").unwrap();
    let out = treem(
        &[
            "validate",
            "--input-format",
            "csv",
            "--mapping",
            bad_map.to_str().unwrap(),
            "-",
        ],
        csv.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn xlsx_workbook_is_read_with_sheet_row_numbers() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = scratch("xlsx");
    let path = dir.join("danh-sach.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (col, header) in ["Họ và tên", "Ngày sinh", "Giới tính", "Ghi chú"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Nguyễn Văn An").unwrap();
    let born = ExcelDateTime::from_ymd(2018, 9, 5).unwrap();
    sheet
        .write_datetime_with_format(1, 1, &born, &date)
        .unwrap();
    sheet.write_string(1, 2, "Nam").unwrap();
    sheet.write_string(2, 0, "Trần Thị Bình").unwrap();
    sheet.write_string(2, 1, "31/2/2016").unwrap();
    sheet.write_string(2, 2, "nữ").unwrap();
    sheet.write_number(3, 0, 12345.0).unwrap();
    sheet.write_string(3, 1, "2030-01-01").unwrap();
    sheet.write_string(3, 3, "chuyển trường").unwrap();
    book.save(&path).unwrap();

    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        row_codes(&out.stdout),
        vec![
            (3, "date.impossible".to_owned()),
            (4, "name.digit".to_owned()),
            (4, "child.birth_in_future".to_owned()),
        ]
    );
    // Cleaned workbook rows come out as CSV with BOM and the same columns.
    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "\u{feff}Họ và tên,Ngày sinh,Giới tính,Ghi chú\n\
         Nguyễn Văn An,2018-09-05,male,\n\
         Trần Thị Bình,31/2/2016,female,\n\
         12345,2030-01-01,,chuyển trường\n"
    );
    let out = treem(
        &["validate", "--sheet", "Nope", path.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_order_is_the_same_with_any_number_of_threads() {
    let sample = treem(
        &[
            "sample",
            "--count",
            "20000",
            "--seed",
            "7",
            "--error-rate",
            "0.2",
        ],
        b"",
    );
    assert_eq!(sample.status.code(), Some(0));
    let run = |threads: &str, command: &str, format: &str| {
        let out = treem(
            &[
                command,
                "--as-of",
                AS_OF,
                "--threads",
                threads,
                "--format",
                format,
                "--input-format",
                "ndjson",
                "-",
            ],
            &sample.stdout,
        );
        assert_eq!(out.status.code(), Some(1));
        out.stdout
    };
    let one = run("1", "validate", "ndjson");
    assert!(ndjson_lines(&one).len() > 3000);
    assert_eq!(one, run("2", "validate", "ndjson"));
    assert_eq!(one, run("7", "validate", "ndjson"));
    let rows: Vec<u64> = row_codes(&one).iter().map(|(r, _)| *r).collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]));
    let cleaned = run("1", "clean", "table");
    assert_eq!(ndjson_lines(&cleaned).len(), 20000);
    assert_eq!(cleaned, run("5", "clean", "table"));
}

#[test]
fn sample_is_deterministic_and_plants_what_it_is_asked() {
    let gen = |seed: &str, errors: &str, dups: &str| {
        let out = treem(
            &[
                "sample",
                "--count",
                "500",
                "--seed",
                seed,
                "--error-rate",
                errors,
                "--duplicate-rate",
                dups,
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let a = gen("42", "0.1", "0.05");
    assert_eq!(a, gen("42", "0.1", "0.05"));
    assert_ne!(a, gen("43", "0.1", "0.05"));
    let records = ndjson_lines(&a);
    assert_eq!(records.len(), 500);
    // Only fields the kind accepts (the properties of its exported schema).
    let schema = treem::api::schema("child").unwrap();
    let accepted: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    for r in &records {
        assert!(r.as_object().unwrap().keys().all(|k| accepted.contains(&k)));
    }
    // No planted error: every record valid. Every record erroneous: none valid.
    let clean = gen("1", "0", "0");
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--input-format",
            "ndjson",
            "-",
        ],
        &clean,
    );
    assert_eq!(out.status.code(), Some(0));
    let names: std::collections::BTreeSet<String> = ndjson_lines(&clean)
        .iter()
        .map(|r| r["full_name"].to_string())
        .collect();
    assert!(names.len() > 250, "names should vary: {}", names.len());
    let broken = gen("1", "1", "0");
    // Judged at the sample's own date, so planted future births are in the future.
    let out = treem(
        &[
            "validate",
            "--as-of",
            "2026-01-01",
            "--input-format",
            "ndjson",
            "-",
        ],
        &broken,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["invalid"], 500);
    // Planted duplicates repeat an earlier child.
    let dups = ndjson_lines(&gen("3", "0", "0.5"));
    let distinct: std::collections::BTreeSet<String> = dups
        .iter()
        .map(|r| r["date_of_birth"].to_string() + &r["sex"].to_string())
        .collect();
    assert!(distinct.len() < 400, "{}", distinct.len());
    let out = treem(&["sample", "--error-rate", "2"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_answer_streams_records_then_counts() {
    let out = treem(&["validate", "--as-of", AS_OF, "--threads", "2"], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/children.ndjson"
    );
    let lines = std::fs::read_to_string(sample)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(v["records"], lines);
    assert_eq!(v["invalid"], 6);
    assert_eq!(v["counts"]["date.impossible"], 1);
    assert_eq!(v["with_issues"][0]["row"], 4);
    assert_eq!(v["options"]["as_of"], AS_OF);
    assert_eq!(v["kind"], "child");
}

/// The same export with each line ending Excel and other tools write, and a title above the
/// table: every issue cites the row Excel shows, and `clean` keeps the endings, the title and
/// every row.
#[test]
fn rows_are_cited_as_excel_shows_them_for_every_line_ending() {
    // Excel rows: 1 title, 2 blank, 3 header, 4 An, 5 blank, 6 Bình (a line break inside
    // the quoted name), 7 Lê Hà (short row), 8 Phạm (bad sex).
    let lines = [
        "DANH SÁCH TRẺ EM PHƯỜNG LÊ CHÂN,,,",
        "",
        "STT,Họ và tên,Ngày sinh,Giới tính",
        "1,Nguyễn Văn An,5/9/2018,Nam",
        "",
        "2,\"Trần Thị\nBình\",31/2/2016,nữ",
        "3,Lê Hà,1/1/2019",
        "4,Phạm Thu Dung,2015-03-14,x",
    ];
    let expected = vec![
        (6, "date.impossible".to_owned()),
        (7, "row.column_count".to_owned()),
        (8, "child.sex_unknown".to_owned()),
    ];
    let dir = scratch("line-endings");
    for (name, ending) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        // The break inside the quoted cell is written with the file's own ending, as Excel
        // does.
        let text = lines.map(|l| l.replace('\n', ending)).join(ending) + ending;
        let path = dir.join(format!("{name}.csv"));
        std::fs::write(
            &path,
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        )
        .unwrap();
        let out = treem(
            &[
                "validate",
                "--as-of",
                AS_OF,
                "--format",
                "ndjson",
                path.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(row_codes(&out.stdout), expected, "{name}");

        let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(1), "{name}");
        let cleaned = String::from_utf8(out.stdout).unwrap();
        let cleaned = cleaned.strip_prefix('\u{feff}').unwrap();
        // The csv writer ends every row with the input's ending; blank lines are not rows
        // of data and are not written.
        let rows: Vec<&str> = cleaned.split_terminator(ending).collect();
        assert_eq!(rows.len(), 6, "{name}: {cleaned:?}");
        assert_eq!(rows[0], "DANH SÁCH TRẺ EM PHƯỜNG LÊ CHÂN,,,", "{name}");
        assert_eq!(rows[1], "STT,Họ và tên,Ngày sinh,Giới tính", "{name}");
        assert_eq!(rows[2], "1,Nguyễn Văn An,2018-09-05,male", "{name}");
        // No other ending crept in.
        let rest = cleaned.replace(ending, "");
        assert!(
            !rest.contains('\n') && !rest.contains('\r'),
            "{name}: {cleaned:?}"
        );
    }
}

/// Input that is not text is refused before any row is read (exit 2, one clear line), in
/// every output format: a workbook renamed `.csv`, an old `.xls`, UTF-16 text, a PDF, a
/// binary file. Nothing of it is echoed.
#[test]
fn input_that_is_not_text_is_refused_at_once() {
    let dir = scratch("not-text");
    let mut zip = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    zip.extend(std::iter::repeat_n(b'x', 5000));
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("book.csv", zip.clone(), "Excel workbook (.xlsx)"),
        (
            "old.csv",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(),
            "old Excel workbook (.xls)",
        ),
        ("utf16.csv", b"\xFF\xFEH\0o\0".to_vec(), "UTF-16"),
        ("scan.json", b"%PDF-1.7\n".to_vec(), "PDF"),
        (
            "data.ndjson",
            b"{\"a\":1}\n\x00\x01\x02\x03".to_vec(),
            "binary data",
        ),
    ];
    for (name, bytes, said) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        for format in ["table", "json", "ndjson", "csv"] {
            let out = treem(
                &[
                    "validate",
                    "--lang",
                    "en",
                    "--format",
                    format,
                    path.to_str().unwrap(),
                ],
                b"",
            );
            assert_eq!(out.status.code(), Some(2), "{name} {format}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains(said), "{name} {format}: {err}");
            assert_eq!(err.lines().count(), 1, "{name} {format}: {err}");
            let stdout = String::from_utf8(out.stdout).unwrap();
            if format == "table" {
                assert!(
                    stdout.is_empty(),
                    "errors go to stderr in table format: {stdout}"
                );
            } else {
                let answer: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(answer["error"], "not_text", "{name} {format}");
            }
        }
    }
}

/// An empty file and a file with only its header get one clear answer (exit 2: nothing was
/// checked), the same in every output format and in both languages.
#[test]
fn empty_and_header_only_inputs_are_answered_clearly() {
    let dir = scratch("empty-inputs");
    let inputs: [(&str, &[u8], &str, &str); 4] = [
        ("empty.csv", b"", "the input is empty", "tệp rỗng"),
        ("empty.ndjson", b"", "the input is empty", "tệp rỗng"),
        ("blank.ndjson", b"\n\n", "the input is empty", "tệp rỗng"),
        (
            "header.csv",
            b"\xEF\xBB\xBFSTT,H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn\r\n",
            "only a header row",
            "chỉ có dòng tiêu đề",
        ),
    ];
    for (name, bytes, en, vi) in inputs {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        for format in ["table", "json", "ndjson", "csv"] {
            for (lang, said) in [("en", en), ("vi", vi)] {
                let out = treem(
                    &[
                        "validate",
                        "--lang",
                        lang,
                        "--format",
                        format,
                        path.to_str().unwrap(),
                    ],
                    b"",
                );
                assert_eq!(out.status.code(), Some(2), "{name} {format}");
                let err = String::from_utf8(out.stderr).unwrap();
                assert!(err.contains(said), "{name} {format} {lang}: {err}");
                if format != "table" {
                    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    assert_eq!(answer["error"], "empty_input");
                    assert!(answer["message"].as_str().unwrap().contains(said));
                }
            }
        }
        let out = treem(&["clean", "--lang", "en", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(2), "clean {name}");
        assert!(
            out.stdout.is_empty(),
            "clean writes no data and no JSON on stdout"
        );
    }
}

/// A column that feeds no field is named on standard error whatever the output format, so
/// an officer learns that its errors were not looked at.
#[test]
fn unused_columns_are_named_in_every_format() {
    let dir = scratch("unused-columns");
    let path = dir.join("cols.csv");
    std::fs::write(
        &path,
        "Họ và tên,Ngày sinh,Ghi chú riêng\nNguyễn An,1/1/2020,x\n",
    )
    .unwrap();
    for format in ["json", "ndjson", "csv"] {
        let out = treem(
            &[
                "validate",
                "--as-of",
                AS_OF,
                "--lang",
                "en",
                "--format",
                format,
                path.to_str().unwrap(),
            ],
            b"",
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("columns not checked") && err.contains("Ghi chú riêng"),
            "{format}: {err}"
        );
    }
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "table",
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Ghi chú riêng"));
    for format in ["ndjson", "csv", "json", "table"] {
        let out = treem(
            &[
                "clean",
                "--as-of",
                AS_OF,
                "--format",
                format,
                path.to_str().unwrap(),
            ],
            b"",
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("Ghi chú riêng"), "clean {format}: {err}");
    }
}

/// The officer's export: flat columns reach nested fields (the caregiver's name and phone
/// into `guardians[0]`, the disability types as a list), each issue at its member's path and
/// row; `clean` writes the phone in national form and the types as codes back into their
/// cells. A mapping file may name paths; a path the kind does not have is refused at once.
#[test]
fn flat_columns_reach_nested_fields() {
    let dir = scratch("nested-columns");
    let path = dir.join("export.csv");
    let text = "STT,Họ và tên,Ngày sinh,Giới tính,Họ tên người chăm sóc,Số điện thoại,Dạng khuyết tật,Ghi chú cán bộ\r\n\
                1,Nguyễn Văn An,05/09/2018,Nam,Nguyễn Thị Bình,+84 912 345 678,\"vận động; Khuyết tật nghe, nói\",\r\n\
                2,Trần Thị Bé,01/02/2016,Nữ,Trần Văn Cường,0912 34,khiếm thị,x\r\n";
    std::fs::write(&path, text).unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            path.to_str().unwrap(),
        ],
        b"",
    );
    let issues = ndjson_lines(&out.stdout);
    let at: Vec<(u64, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["path"].as_str().unwrap(),
                i["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        at,
        vec![
            (3, "/guardians/0/phone", "phone.wrong_length"),
            (3, "/disability/types/0", "child.code_unknown"),
        ]
    );
    let err = String::from_utf8(out.stderr).unwrap();
    // The ordinal column (STT) holds no data and is not named.
    assert!(err.contains("): Ghi chú cán bộ\n"), "{err}");

    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    let cleaned = String::from_utf8(out.stdout).unwrap();
    assert!(
        cleaned.contains("1,Nguyễn Văn An,2018-09-05,male,Nguyễn Thị Bình,0912345678,mobility; hearing_speech,\r\n"),
        "{cleaned}"
    );

    // A mapping file names paths; the caller's names come first.
    let mapping = dir.join("map.json");
    std::fs::write(
        &mapping,
        r#"{"child": {"guardians.1.phone": ["Số điện thoại"]}}"#,
    )
    .unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            "--mapping",
            mapping.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        b"",
    );
    let paths: Vec<String> = ndjson_lines(&out.stdout)
        .iter()
        .map(|i| i["path"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        paths.contains(&"/guardians/1/phone".to_owned()),
        "{paths:?}"
    );
    for wrong in [
        r#"{"child": {"residence": ["Xã/Phường"]}}"#,
        r#"{"child": {"residence.commune": ["Xã"]}}"#,
    ] {
        std::fs::write(&mapping, wrong).unwrap();
        let out = treem(
            &[
                "validate",
                "--lang",
                "en",
                "--mapping",
                mapping.to_str().unwrap(),
                path.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("has no field") && err.contains("residence.commune_code"),
            "{err}"
        );
    }
}

/// A sheet with the father's and the mother's names in columns of their own, and the class
/// ("4A", "Lớp 5B"): each parent becomes a guardian with that relationship, whatever the
/// column order and beside a numbered guardian ("Người giám hộ"); the grade is read from the
/// class name and judged against the birth year. `clean` puts each normalised value back in
/// the column it came from (the mother's phone in "SĐT mẹ", even when "Quan hệ" made the
/// first guardian a parent too) and keeps the class as written.
#[test]
fn parents_columns_and_class_names_are_read() {
    let dir = scratch("parents-columns");
    let path = dir.join("export.csv");
    let text = "STT,Họ tên mẹ,Họ và tên,Ngày sinh,Giới tính,Lớp,Họ tên cha,SĐT mẹ,Người giám hộ,Quan hệ\r\n\
                1,Trần Thị Hoa,Nguyễn Văn An,05/09/2016,Nam,4A,Nguyễn Văn Sơn,+84 912 345 678,Nguyễn Thị Lan,bà\r\n\
                2,Trần Thị Mai,Trần Thị Bé,11/02/2016,Nữ,Lớp 2B,,0912 34,Phạm Thị Mai,mẹ\r\n";
    std::fs::write(&path, text).unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            path.to_str().unwrap(),
        ],
        b"",
    );
    let at: Vec<(u64, String, String)> = ndjson_lines(&out.stdout)
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["path"].as_str().unwrap().to_owned(),
                i["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // Row 3: the mother (a second guardian after the numbered one) has a short phone; the
    // child of 2016 in grade 2 is behind the grade for her birth year.
    assert_eq!(
        at,
        vec![
            (
                3,
                "/guardians/1/phone".to_owned(),
                "phone.wrong_length".to_owned()
            ),
            (
                3,
                "/schooling/grade".to_owned(),
                "child.grade_behind_age".to_owned()
            ),
        ],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("Họ tên cha") && !err.contains("Lớp"), "{err}");

    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    let cleaned = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = cleaned.lines().collect();
    assert!(
        lines[1].starts_with("1,Trần Thị Hoa,Nguyễn Văn An,2016-09-05,male,4A,Nguyễn Văn Sơn,0912345678,Nguyễn Thị Lan,grandparent"),
        "{cleaned}"
    );
    assert!(
        lines[2].starts_with(
            "2,Trần Thị Mai,Trần Thị Bé,2016-02-11,female,Lớp 2B,,091234,Phạm Thị Mai,mother"
        ),
        "{cleaned}"
    );
}

/// Units written by name and special circumstances written as text, as in an officer's
/// export: each read into codes, each problem an issue at its cell (never dropped), and
/// `clean` keeps the names in their columns and adds the codes of the units it could read.
#[test]
fn units_by_name_and_circumstances_as_text_are_read() {
    let dir = scratch("names-and-text");
    let path = dir.join("export.csv");
    let text = "Họ và tên,Ngày sinh,Giới tính,Xã/Phường,Tỉnh/Thành phố,Hoàn cảnh đặc biệt,Dạng khuyết tật\r\n\
                Nguyễn Văn An,01/01/2018,Nam,Phường Lê Chân,Thành phố Hải Phòng,\"Mồ côi cả cha và mẹ; Khuyết tật\",vận động\r\n\
                Trần Văn Bình,01/01/2018,Nam,Phường Quán Toan,hai phong,Mồ côi cha,\r\n\
                Lê Văn Chi,01/01/2018,Nam,Phường Lạch Tray,Hải Phòng,,\r\n";
    std::fs::write(&path, text).unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "ndjson",
            path.to_str().unwrap(),
        ],
        b"",
    );
    let found: Vec<(u64, String, String)> = ndjson_lines(&out.stdout)
        .iter()
        .filter(|i| i["severity"] == "error" || i["code"] == "admin_unit.old_name")
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["path"].as_str().unwrap().to_owned(),
                i["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = |row: u64, path: &str, code: &str| (row, path.to_owned(), code.to_owned());
    assert_eq!(
        found,
        vec![
            want(3, "/residence/commune_code", "admin_unit.old_name"),
            want(3, "/special_circumstances/0/group", "child.code_unknown"),
            want(4, "/residence/commune_code", "admin_unit.old_name_split"),
        ]
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains("Hoàn cảnh") && !err.contains("Xã/Phường"),
        "every column is read: {err}"
    );

    let out = treem(&["clean", "--as-of", AS_OF, path.to_str().unwrap()], b"");
    let cleaned = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = cleaned.lines().collect();
    assert!(
        rows[0].ends_with(",Dạng khuyết tật,Mã Xã/Phường,Mã Tỉnh/Thành phố"),
        "{}",
        rows[0]
    );
    assert_eq!(
        rows[1],
        "Nguyễn Văn An,2018-01-01,male,Phường Lê Chân,Thành phố Hải Phòng,Mồ côi cả cha và mẹ; Khuyết tật,mobility,11383,31"
    );
    assert_eq!(
        rows[2],
        "Trần Văn Bình,2018-01-01,male,Phường Quán Toan,hai phong,Mồ côi cha,,11602,31"
    );
    // Split across new units: no code to write; the name and its issue say why.
    assert_eq!(
        rows[3],
        "Lê Văn Chi,2018-01-01,male,Phường Lạch Tray,Hải Phòng,,,,31"
    );
}

/// The summary table keeps its columns aligned whatever the length of the codes.
#[test]
fn the_summary_table_stays_aligned_with_long_codes() {
    let dir = scratch("aligned-table");
    let path = dir.join("export.csv");
    let text = "Họ và tên,Ngày sinh,Giới tính,Xã/Phường,Tỉnh/Thành phố\n\
                An,31/02/2018,Nam,Phường Lạch Tray,Hải Phòng\n\
                Bình,01/01/2018,X,Phường Quán Toan,Hải Phòng\n\
                Chi,01/01/2018,Nam,00004,31\n";
    std::fs::write(&path, text).unwrap();
    let out = treem(
        &[
            "validate",
            "--as-of",
            AS_OF,
            "--format",
            "table",
            path.to_str().unwrap(),
        ],
        b"",
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.contains("Nội dung"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(rows.len() >= 4, "{table}");
    // A code longer than the 26 characters the column once had.
    assert!(
        table.contains("admin_unit.commune_outside_province"),
        "{table}"
    );
    // The meaning starts in the same column on every row: after the longest code.
    let starts: Vec<usize> = rows
        .iter()
        .map(|r| {
            let code_end = r
                .find('.')
                .map(|dot| r[dot..].find(' ').map_or(r.len(), |space| dot + space));
            let header_end = r.find("Nội dung");
            let at = header_end.or(code_end).unwrap();
            r[..at].chars().count() + r[at..].chars().take_while(|c| *c == ' ').count()
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{table}"
    );
}

/// The bundled officer-style export (`examples/data/officer-export.csv`: BOM, CRLF, the
/// headers officers use, units by name) and what treem says of it, row by row; each row's
/// issue was checked by hand against the row.
#[test]
fn the_bundled_officer_export_gets_its_expected_issues() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/officer-export.csv"
    );
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFSTT,H"),
        "BOM and the officers' headers"
    );
    assert!(
        bytes.windows(2).filter(|w| w == b"\r\n").count() >= 11,
        "CRLF rows"
    );
    let out = treem(
        &["validate", "--as-of", AS_OF, "--format", "ndjson", path],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "every column is read: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Vec<(u64, String, String, String)> = ndjson_lines(&out.stdout)
        .iter()
        .map(|i| {
            (
                i["row"].as_u64().unwrap(),
                i["severity"].as_str().unwrap().to_owned(),
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(u64, String, String, String)> = [
        // 2 (Nguyễn Văn An): clean.
        (3, "error", "date.impossible", "/date_of_birth"),
        (3, "error", "phone.wrong_length", "/guardians/0/phone"),
        (4, "error", "phone.old_mobile_prefix", "/guardians/0/phone"),
        (
            4,
            "warning",
            "child.disability_missing",
            "/special_circumstances/1/group",
        ),
        (
            5,
            "warning",
            "admin_unit.old_name",
            "/residence/commune_code",
        ),
        (
            5,
            "error",
            "child.code_unknown",
            "/special_circumstances/0/group",
        ),
        (6, "error", "child.sex_unknown", "/sex"),
        (
            6,
            "error",
            "admin_unit.old_name_split",
            "/residence/commune_code",
        ),
        (7, "error", "ethnic_group.unknown", "/ethnic_group"),
        (7, "error", "admin_unit.unknown", "/residence/commune_code"),
        // 8: row 2 again, the name in capitals: clean here, a pair for dedup.
        (9, "error", "name.digit", "/full_name"),
        (9, "error", "personal_id.wrong_length", "/personal_id"),
        (
            10,
            "warning",
            "admin_unit.old_name",
            "/residence/province_code",
        ),
        // 11 (Ngô Minh Khánh): clean.
    ]
    .into_iter()
    .map(|(r, s, c, p)| (r, s.to_owned(), c.to_owned(), p.to_owned()))
    .collect();
    assert_eq!(found, expected);
    let out = treem(&["dedup", "--as-of", AS_OF, "--format", "json", path], b"");
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["pairs"].as_array().unwrap().len(), 1);
    assert_eq!(
        (
            answer["pairs"][0]["row_a"].as_u64(),
            answer["pairs"][0]["row_b"].as_u64()
        ),
        (Some(2), Some(8))
    );
}
