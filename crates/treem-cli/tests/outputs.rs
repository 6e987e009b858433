//! Outputs are atomic: a file treem writes is the old one or the complete new one, never a
//! part, whatever happens to the run (misuse found late, a full disk, Ctrl-C, SIGKILL); and a
//! reader closing standard output ends the run quietly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_treem");
const AS_OF: &str = "2026-11-28";

fn treem(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A fresh directory under the target dir for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("outputs")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The temporary files treem left in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".treem-tmp-"))
        .collect()
}

/// `records` generated children: `treem sample` of 500, repeated (generating each one in a
/// debug build would take longer than the tests themselves).
fn generated(path: &Path, records: usize, error_rate: &str) {
    let out = treem(&[
        "sample",
        "--count",
        "500",
        "--seed",
        "7",
        "--error-rate",
        error_rate,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for _ in 0..records / 500 {
        file.write_all(&out.stdout).unwrap();
    }
    file.flush().unwrap();
}

fn line_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

#[test]
fn clean_in_place_keeps_every_ndjson_record() {
    let dir = scratch("in-place-ndjson");
    let path = dir.join("x.ndjson");
    generated(&path, 5000, "0.05");
    let copy = dir.join("copy.ndjson");
    std::fs::copy(&path, &copy).unwrap();
    let expected = treem(&["clean", s(&copy), "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(line_count(&expected.stdout), 5000);

    let out = treem(&[
        "clean",
        s(&path),
        "-o",
        s(&path),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), expected.status.code());
    let written = std::fs::read(&path).unwrap();
    // Writing in place used to truncate the input while it was read (2,113 of 100,000
    // records were left); now every record is there, exactly as cleaning a copy gives.
    assert_eq!(line_count(&written), 5000);
    assert!(written == expected.stdout, "in-place output differs");
    let summary: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(summary["records"], 5000);
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn clean_in_place_keeps_every_csv_row() {
    let dir = scratch("in-place-csv");
    let path = dir.join("tre-em.csv");
    let mut csv = "\u{feff}STT,Họ và tên,Ngày sinh,Giới tính\n".to_owned();
    let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hà", "Phạm Thu Dung"];
    for i in 0..6000 {
        let name = names[i % names.len()];
        csv.push_str(&format!(
            "{},{name},{}/{}/2016,{}\n",
            i + 1,
            i % 28 + 1,
            i % 12 + 1,
            if i % 2 == 0 { "nam" } else { "nữ" }
        ));
    }
    std::fs::write(&path, &csv).unwrap();
    let copy = dir.join("copy.csv");
    std::fs::copy(&path, &copy).unwrap();
    let expected_path = dir.join("expected.csv");
    let expected = treem(&["clean", s(&copy), "-o", s(&expected_path), "--as-of", AS_OF]);
    let expected_bytes = std::fs::read(&expected_path).unwrap();
    assert_eq!(line_count(&expected_bytes), 6001);

    let out = treem(&["clean", s(&path), "-o", s(&path), "--as-of", AS_OF]);
    assert_eq!(out.status.code(), expected.status.code());
    let written = std::fs::read(&path).unwrap();
    assert_eq!(line_count(&written), 6001, "header and every row");
    assert!(written == expected_bytes, "in-place CSV differs");
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn misuse_found_late_leaves_every_old_target() {
    let dir = scratch("late-misuse");
    let report = dir.join("bao-cao.json");
    let issues = dir.join("loi.csv");
    std::fs::write(&report, "last month's report\n").unwrap();
    std::fs::write(&issues, "last month's issues\n").unwrap();
    // The records are read, the issues file written and the table computed before the
    // missing --dhis2-mapping is noticed.
    let out = treem(&[
        "report",
        "--as-of",
        AS_OF,
        "--format",
        "dhis2",
        "--issues",
        s(&issues),
        "-o",
        s(&report),
    ]);
    assert_eq!(out.status.code(), Some(2));
    // Standard output carries no JSON answer for an HTML/DHIS2 report: the misuse is on
    // standard error.
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("dhis2"));
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "last month's report\n"
    );
    assert_eq!(
        std::fs::read_to_string(&issues).unwrap(),
        "last month's issues\n"
    );
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));

    // The same run with the mapping problem fixed (table format) replaces both.
    let out = treem(&[
        "report",
        "--as-of",
        AS_OF,
        "--issues",
        s(&issues),
        "-o",
        s(&report),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bundled cases have problems"
    );
    assert_ne!(
        std::fs::read_to_string(&report).unwrap(),
        "last month's report\n"
    );
    assert!(std::fs::read_to_string(&issues)
        .unwrap()
        .starts_with("\u{feff}row,path,code"));
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

/// Unmounts a test's tmpfs, even when the test fails.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Checks what a run that hit a full disk (or the file size limit) left.
fn assert_full_disk_run(out: &Output, target: &Path, why: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{why}: {stderr}");
    // `clean` keeps standard output for data: the failure is on standard error only.
    assert!(out.stdout.is_empty(), "{why}");
    let message = stderr.as_ref();
    assert!(message.contains("out.ndjson"), "{why}: {message}");
    assert!(
        message.contains("No space left on device") || message.contains("File too large"),
        "{why}: {message}"
    );
    assert!(stderr.starts_with("treem: cannot write"), "{why}: {stderr}");
    assert_eq!(
        std::fs::read_to_string(target).unwrap(),
        "the old file\n",
        "{why}"
    );
    let dir = target.parent().unwrap();
    assert!(temps(dir).is_empty(), "{why}: {:?}", temps(dir));
}

#[test]
fn full_disk_is_an_io_error_and_leaves_the_old_target() {
    let dir = scratch("full-disk");
    let input = dir.join("in.ndjson");
    // About 1.5 MB of cleaned output, for 256 KB of room.
    generated(&input, 3000, "0.05");
    let mut tried = Vec::new();

    // A real full disk: a small tmpfs (needs root, as the tests run here).
    let fs = dir.join("small-disk");
    std::fs::create_dir_all(&fs).unwrap();
    let mount = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&fs)
        .output();
    match mount {
        Ok(m) if m.status.success() => {
            let _mounted = Mounted(fs.clone());
            let target = fs.join("out.ndjson");
            std::fs::write(&target, "the old file\n").unwrap();
            let out = treem(&[
                "clean",
                s(&input),
                "-o",
                s(&target),
                "--as-of",
                AS_OF,
                "--lang",
                "en",
            ]);
            assert_full_disk_run(&out, &target, "tmpfs of 256 KB");
            tried.push("tmpfs");
        }
        Ok(m) => eprintln!(
            "mount -t tmpfs refused: {}",
            String::from_utf8_lossy(&m.stderr).trim()
        ),
        Err(e) => eprintln!("mount not run: {e}"),
    }

    // The file size limit (no privilege needed): writes past it fail with EFBIG once
    // treem catches SIGXFSZ, which would otherwise kill it.
    let target = dir.join("out.ndjson");
    std::fs::write(&target, "the old file\n").unwrap();
    let limited = Command::new("prlimit")
        .arg("--fsize=262144")
        .arg("--")
        .arg(BIN)
        .args([
            "clean",
            s(&input),
            "-o",
            s(&target),
            "--as-of",
            AS_OF,
            "--lang",
            "en",
        ])
        .stdin(Stdio::null())
        .output();
    match limited {
        Ok(out) => {
            assert_full_disk_run(&out, &target, "prlimit --fsize=262144");
            tried.push("prlimit");
        }
        Err(e) => eprintln!("prlimit not run: {e}"),
    }
    assert!(
        !tried.is_empty(),
        "a full disk could not be simulated: `mount -t tmpfs` was refused (not root?) and \
         `prlimit` (util-linux) could not run"
    );
}

/// Starts `treem clean big -o big`, and waits until its temporary file has data: the run
/// is then in the middle of writing.
fn start_in_place_clean(dir: &Path) -> (Child, PathBuf) {
    let big = dir.join("big.ndjson");
    // Large enough that the run is still going when the test acts (a debug build cleans
    // some thousands of records a second; a release build hundreds of thousands).
    let records = if cfg!(debug_assertions) {
        40_000
    } else {
        200_000
    };
    generated(&big, records, "0.05");
    let child = Command::new(BIN)
        .args(["clean", s(&big), "-o", s(&big), "--as-of", AS_OF])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    (child, big)
}

/// Waits until a temporary file in `dir` holds data; fails if `child` ends first.
fn wait_for_temp_data(child: &mut Child, dir: &Path) -> PathBuf {
    let start = Instant::now();
    loop {
        for name in temps(dir) {
            let path = dir.join(name);
            if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
                return path;
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run ended ({status}) before it could be interrupted: input too small");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn wait_bounded(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("treem did not end after the signal");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn sigint_in_the_middle_leaves_the_old_file_and_no_temp() {
    let dir = scratch("sigint");
    let (mut child, big) = start_in_place_clean(&dir);
    let old = std::fs::read(&big).unwrap();
    wait_for_temp_data(&mut child, &dir);
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = wait_bounded(&mut child);
    // 130 = 128 + SIGINT: the handler removed the temporary file and exited as a shell
    // expects of an interrupted program.
    assert_eq!(status.code(), Some(130), "{status}");
    assert!(std::fs::read(&big).unwrap() == old, "the target changed");
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn sigterm_in_the_middle_leaves_the_old_file_and_no_temp() {
    let dir = scratch("sigterm");
    let (mut child, big) = start_in_place_clean(&dir);
    let old = std::fs::read(&big).unwrap();
    wait_for_temp_data(&mut child, &dir);
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = wait_bounded(&mut child);
    assert_eq!(status.code(), Some(143), "{status}");
    assert!(std::fs::read(&big).unwrap() == old, "the target changed");
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn sigkill_leaves_the_old_file_and_the_next_run_removes_the_stale_temp() {
    let dir = scratch("sigkill");
    let (mut child, big) = start_in_place_clean(&dir);
    let old = std::fs::read(&big).unwrap();
    let temp = wait_for_temp_data(&mut child, &dir);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "{status}");
    // Nothing can run on SIGKILL: the target is the old file, the partial one is left.
    assert!(std::fs::read(&big).unwrap() == old, "the target changed");
    assert!(temp.exists(), "the killed run's temporary file");

    // The next run writing the same target removes it (its process is gone).
    let small = dir.join("small.ndjson");
    generated(&small, 500, "0.05");
    let expected = treem(&["clean", s(&small), "--as-of", AS_OF]);
    let out = treem(&["clean", s(&small), "-o", s(&big), "--as-of", AS_OF]);
    assert_eq!(out.status.code(), expected.status.code());
    assert!(std::fs::read(&big).unwrap() == expected.stdout);
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn a_running_treem_keeps_its_temp_while_another_run_writes_the_same_target() {
    let dir = scratch("concurrent");
    let target = dir.join("out.ndjson");
    let lines = dir.join("lines.ndjson");
    generated(&lines, 3000, "0.05");
    let lines = std::fs::read(&lines).unwrap();
    // A run reading standard input: it has its first chunk (2,048 records), so its output
    // exists, and it waits for more.
    let mut slow = Command::new(BIN)
        .args(["clean", "-", "--input-format", "ndjson", "-o", s(&target)])
        .args(["--as-of", AS_OF])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = slow.stdin.take().unwrap();
    stdin.write_all(&lines).unwrap();
    stdin.flush().unwrap();
    let start = Instant::now();
    let slow_temp = loop {
        if let Some(name) = temps(&dir).into_iter().next() {
            break dir.join(name);
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let small = dir.join("small.ndjson");
    std::fs::write(&small, "{}\n{}\n").unwrap();
    let out = treem(&["clean", s(&small), "-o", s(&target), "--as-of", AS_OF]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "{}\n{}\n");
    assert!(
        slow_temp.exists(),
        "a live run's temporary file was removed"
    );
    drop(stdin);
    let status = wait_bounded(&mut slow);
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    assert_eq!(line_count(&std::fs::read(&target).unwrap()), 3000);
    assert!(temps(&dir).is_empty(), "{:?}", temps(&dir));
}

#[test]
fn closed_stdout_ends_quietly_with_141() {
    let dir = scratch("closed-stdout");
    let big = dir.join("big.ndjson");
    // Half the records with an error: megabytes of issue lines, far more than a pipe holds.
    generated(&big, 20_000, "0.5");
    let runs: Vec<Vec<&str>> = vec![
        vec!["validate", s(&big), "--format", "ndjson", "--as-of", AS_OF],
        vec!["validate", s(&big), "--format", "csv", "--as-of", AS_OF],
        vec!["validate", s(&big), "--format", "json", "--as-of", AS_OF],
        vec!["sample", "--count", "100000"],
    ];
    for args in runs {
        let format = args.join(" ");
        let mut child = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        {
            // `| head -1`: one line read, then the reader goes away.
            let mut reader = BufReader::new(child.stdout.take().unwrap());
            reader.read_line(&mut first).unwrap();
        }
        assert!(!first.is_empty(), "{format}");
        let status = wait_bounded(&mut child);
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(141), "{format}: {status}, {stderr}");
        assert_eq!(stderr, "", "{format}: no message");
    }
    let help = treem(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("141 standard output closed"));
}
