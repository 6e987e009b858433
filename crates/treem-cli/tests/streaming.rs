//! `report` and `dedup` stream their input: their answers are the whole-set answers. On a
//! generated set (children with planted errors and duplicates, cases with planted missing
//! children): the streamed table and partial equal the core's `api::indicators` on the whole
//! tagged set, and the table, the issues (codes, rows, paths, messages) and the dedup pairs
//! equal what `treem` printed before it streamed (`tests/data/before-streaming/`).
//! `--max-memory` refuses a run that would not fit, in the language asked for.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2026-06-30";
const BEFORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/before-streaming");

fn treem(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treem"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// The generated set of `tests/data/before-streaming/README.md`, in a directory of its own.
fn generated(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = treem(
        &dir,
        &[
            "sample",
            "--count",
            "5000",
            "--seed",
            "3",
            "--error-rate",
            "0.05",
            "--duplicate-rate",
            "0.03",
            "--cases",
            "500",
            "--cases-output",
            "cases-b.ndjson",
            "-o",
            "kids-b.ndjson",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn before(file: &str) -> String {
    std::fs::read_to_string(Path::new(BEFORE).join(file)).unwrap()
}

/// The whole set as the engine took it before streaming: children then cases, tagged.
fn whole_set(dir: &Path) -> String {
    let mut text = String::new();
    for (file, kind) in [("kids-b.ndjson", "child"), ("cases-b.ndjson", "case")] {
        for line in std::fs::read_to_string(dir.join(file)).unwrap().lines() {
            let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
                continue; // unreadable rows never reached the engine
            };
            text.push_str(&serde_json::json!({"kind": kind, "record": record}).to_string());
            text.push('\n');
        }
    }
    text
}

#[test]
fn streamed_report_is_the_whole_set_answer() {
    let dir = generated("stream-report");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "report",
            "kids-b.ndjson",
            "--cases",
            "cases-b.ndjson",
            "--as-of",
            AS_OF,
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        treem(&dir, &a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let table = run(&["--format", "json", "--issues", "issues.ndjson"]);
    assert_eq!(table.status.code(), Some(1), "planted errors make exit 1");
    let table = String::from_utf8(table.stdout).unwrap();
    // The same bytes as before streaming, table and every issue (row, path, message).
    assert_eq!(table, before("report.json"));
    let issues = std::fs::read_to_string(dir.join("issues.ndjson")).unwrap();
    assert_eq!(issues, before("report-issues.ndjson"));
    for code in [
        "indicator.record_invalid",
        "indicator.case_child_missing",
        "indicator.not_a_child",
    ] {
        assert!(issues.contains(code), "the set raises {code}");
    }
    // The same table and partial as the core computes on the whole set at once.
    let whole = whole_set(&dir);
    let options = format!(r#"{{"as_of": "{AS_OF}", "lang": "vi"}}"#);
    let answer = treem::api::indicators(whole.as_bytes(), options.as_bytes()).unwrap();
    let expected = serde_json::to_string(&answer.table.unwrap()).unwrap();
    assert_eq!(table.trim_end(), expected);
    let partial = run(&["--partial"]);
    let options = format!(r#"{{"as_of": "{AS_OF}", "lang": "vi", "output": "partial"}}"#);
    let answer = treem::api::indicators(whole.as_bytes(), options.as_bytes()).unwrap();
    let expected = serde_json::to_string(&answer.partial.unwrap()).unwrap();
    assert_eq!(
        String::from_utf8(partial.stdout).unwrap().trim_end(),
        expected
    );
}

#[test]
fn streamed_dedup_finds_the_same_pairs() {
    let dir = generated("stream-dedup");
    let out = treem(
        &dir,
        &[
            "dedup",
            "kids-b.ndjson",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "planted duplicates are likely pairs"
    );
    let now = String::from_utf8(out.stdout).unwrap();
    let was = before("dedup.json");
    let parsed: serde_json::Value = serde_json::from_str(&now).unwrap();
    assert!(
        parsed["likely"].as_u64().unwrap() > 50,
        "the set has duplicates"
    );
    assert!(
        parsed["comparisons"].as_u64().unwrap() > 1000,
        "blocks were compared"
    );
    assert_eq!(now, was);
}

#[test]
fn a_run_that_cannot_fit_is_refused_before_it_starts() {
    let dir = generated("stream-max-memory");
    for (lang, words) in [("vi", "vượt giới hạn"), ("en", "over the limit")] {
        for command in ["report", "dedup"] {
            let out = treem(
                &dir,
                &[
                    command,
                    "kids-b.ndjson",
                    "--max-memory",
                    "1M",
                    "--lang",
                    lang,
                ],
            );
            assert_eq!(out.status.code(), Some(2), "{command} --lang {lang}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(words), "{stderr}");
            assert!(
                stderr.contains("--max-memory"),
                "says how to raise it: {stderr}"
            );
            assert!(stderr.contains(" 1 MB"), "says the limit: {stderr}");
            // The table for people is the default: the misuse is on stderr only.
            assert!(out.stdout.is_empty(), "{command}");
        }
    }
    // Where stdout carries JSON, the machine answer is there too.
    for (command, format) in [("report", "json"), ("dedup", "json")] {
        let out = treem(
            &dir,
            &[
                command,
                "kids-b.ndjson",
                "--max-memory",
                "1M",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.starts_with(b"{\"error\""), "the machine answer");
    }
    // A limit that fits lets the run go on.
    let out = treem(&dir, &["dedup", "kids-b.ndjson", "--max-memory", "4G"]);
    assert_eq!(out.status.code(), Some(1));
    let out = treem(&dir, &["report", "kids-b.ndjson", "--max-memory", "big"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a size that is not one is misuse"
    );
}
