//! The portal as its callers see it: the real binary on a free port, spoken to over HTTP/1.1
//! by a plain socket. Posts the conformance vectors of tests/vectors/ (child and case), in
//! Vietnamese and English, then hostile bodies; checks every answer, the rows in the SQLite
//! file and the indicator table; and that the log names no child.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

/// The date the portal is started at: the `as_of` of most vectors.
const AS_OF: &str = "2026-11-28";

/// The service, killed when dropped.
struct Portal {
    process: Child,
    address: String,
    db: PathBuf,
    log: PathBuf,
}

impl Portal {
    fn start(dir: &Path) -> Portal {
        let db = dir.join("portal.sqlite3");
        let log = dir.join("portal.log");
        let mut process = Command::new(env!("CARGO_BIN_EXE_treem-portal"))
            .args([
                "--port",
                "0",
                "--as-of",
                AS_OF,
                "--suppression-threshold",
                "0",
            ])
            .arg("--db")
            .arg(&db)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(process.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let address = first
            .trim()
            .strip_prefix("http://")
            .expect("the first line is the address")
            .to_owned();
        Portal {
            process,
            address,
            db,
            log,
        }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// An HTTP answer.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One request on its own connection (`Connection: close`).
fn send(portal: &Portal, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(&portal.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        portal.address,
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The service may answer (413) and close before reading a long body: a failed write is
    // not the test's verdict, the answer is.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    // Likewise a reset after the answer: what was read before it is kept in `raw`.
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete answer");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    assert!(
        !headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked")),
        "answers are sent whole"
    );
    let body = serde_json::from_slice(&raw[split + 4..]).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        body,
    }
}

fn post(portal: &Portal, path: &str, lang: &str, record: &Value) -> Reply {
    send(
        portal,
        "POST",
        path,
        &[
            ("Content-Type", "application/json"),
            ("Accept-Language", lang),
        ],
        record.to_string().as_bytes(),
    )
}

fn get(portal: &Portal, path: &str) -> Reply {
    send(portal, "GET", path, &[], b"")
}

/// The `validate` vectors of `file` judged at [`AS_OF`] with no other option.
fn vectors(file: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/vectors")
        .join(file);
    let all: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all.into_iter()
        .filter(|v| v.get("op").is_none_or(|op| op == "validate"))
        .filter(|v| {
            let options = v["options"].as_object();
            options.is_some_and(|o| {
                o.get("as_of") == Some(&json!(AS_OF))
                    && o.keys().all(|k| k == "as_of" || k == "lang")
            })
        })
        .collect()
}

/// `(path, code)` of each issue.
fn codes(issues: &Value) -> Vec<(String, String)> {
    issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_owned(),
                i["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Whether every element of `part` is in `whole`, in the same order.
fn subsequence(part: &[(String, String)], whole: &[(String, String)]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|p| rest.any(|w| w == p))
}

fn collection(kind: &str) -> &'static str {
    match kind {
        "child" => "/children",
        "case" => "/cases",
        other => panic!("no route for {other}"),
    }
}

/// What treem itself makes of a record (the portal must answer the same): its checked
/// record's canonical JSON and warnings, or the report of its errors.
fn checked(
    kind: &str,
    record: &Value,
    lang: &str,
) -> Result<(Value, treem::Report), treem::Report> {
    use treem::record::Record;
    let lang = if lang == "en" {
        treem::Lang::En
    } else {
        treem::Lang::Vi
    };
    let as_of = chrono::NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap();
    let ctx = treem::Context::at(as_of).with_lang(lang);
    fn canonical<R: Record>(checked: treem::record::Checked<R>) -> (Value, treem::Report) {
        let (record, warnings) = checked.into_parts();
        (serde_json::to_value(record).unwrap(), warnings)
    }
    match kind {
        "child" => treem::child::Child::check(record, &ctx).map(canonical),
        "case" => treem::case::Case::check(record, &ctx).map(canonical),
        other => panic!("no kind {other}"),
    }
}

#[test]
fn the_portal_checks_stores_and_counts() {
    let dir = std::env::temp_dir().join(format!("treem-portal-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let portal = Portal::start(&dir);

    // Valid and invalid vectors, each in both languages.
    let mut stored: Vec<(String, i64, Value)> = Vec::new();
    let mut rejected = 0;
    let mut cases = vectors("case.json");
    // The accepted case names the complete child of child.json (`HP-000123`) so that the
    // indicators join them; a second names a child the portal does not hold.
    let valid_case = cases
        .iter_mut()
        .find(|v| v["expect"]["ok"] == true)
        .unwrap();
    valid_case["input"]["child_id"] = "HP-000123".into();
    let mut orphan_case = valid_case.clone();
    orphan_case["input"]["child_id"] = "HP-404".into();
    let all: Vec<Value> = vectors("child.json")
        .into_iter()
        .chain(cases)
        .chain([orphan_case])
        .collect();
    assert!(all.len() > 30, "the vectors at {AS_OF}: {}", all.len());
    for vector in &all {
        let kind = vector["kind"].as_str().unwrap();
        let input = &vector["input"];
        let expected = codes(&vector["expect"]["issues"]);
        let what = vector["description"].as_str().unwrap();
        // The portal stores treem's checked record: accepted exactly when the vector is ok.
        let canonical = checked(kind, input, "vi");
        assert_eq!(vector["expect"]["ok"], canonical.is_ok(), "{what}");
        if canonical.is_err() {
            let mut messages = Vec::new();
            for lang in ["vi", "en-US,en;q=0.9,vi;q=0.5"] {
                let reply = post(&portal, collection(kind), lang, input);
                assert_eq!(reply.status, 422, "{what}");
                assert_eq!(reply.body["ok"], false, "{what}");
                assert!(
                    subsequence(&codes(&reply.body["issues"]), &expected),
                    "{what}"
                );
                let lang = &lang[..2];
                assert_eq!(reply.header("content-language"), Some(lang));
                let report = checked(kind, input, lang).unwrap_err();
                let report = serde_json::to_value(report).unwrap();
                assert_eq!(reply.body, report, "{what}: treem's own report");
                messages.push(reply.body["issues"][0]["message"].clone());
            }
            assert_ne!(messages[0], messages[1], "{what}: Vietnamese, then English");
            rejected += 1;
        } else if let Ok((canonical, _)) = canonical {
            let reply = post(&portal, collection(kind), "vi", input);
            assert_eq!(reply.status, 201, "{what}: {}", reply.body);
            assert!(
                subsequence(&codes(&reply.body["warnings"]), &expected),
                "{what}"
            );
            assert_eq!(reply.body["kind"], kind);
            assert_eq!(reply.body["record"], canonical, "{what}: stored canonical");
            let id = reply.body["id"].as_i64().unwrap();
            assert_eq!(
                reply.header("location"),
                Some(format!("{}/{id}", collection(kind)).as_str())
            );
            stored.push((kind.to_owned(), id, canonical));
        }
    }
    assert!(
        rejected > 10 && stored.len() > 10,
        "{rejected} rejected, {} stored",
        stored.len()
    );

    // The same child again: its id is taken.
    let complete = &vectors("child.json")[0]["input"];
    let again = post(&portal, "/children", "en", complete);
    assert_eq!(again.status, 409);
    assert_eq!(again.body["error"], "duplicate_id");
    assert_eq!(again.body["existing"], "/children/1");

    hostile_bodies_get_structured_answers(&portal);
    stored.extend(many_callers_at_once(&portal));

    // The list endpoints answer what was stored, in order.
    for (kind, route) in [("child", "/children"), ("case", "/cases")] {
        let list = get(&portal, route);
        assert_eq!(list.status, 200);
        let rows = list.body["rows"].as_array().unwrap();
        let ours: Vec<&(String, i64, Value)> = stored.iter().filter(|s| s.0 == kind).collect();
        assert_eq!(rows.len(), ours.len());
        for (row, (_, id, record)) in rows.iter().zip(ours) {
            assert_eq!(row["id"], *id);
            assert_eq!(&row["record"], record);
        }
    }
    let one = get(&portal, "/children/1");
    assert_eq!(one.body["record_id"], "HP-000123");
    assert_eq!(get(&portal, "/cases/1").status, 404, "row 1 is a child");

    // The indicator table is treem's, computed from the stored rows.
    let answer = get(&portal, "/indicators").body;
    let items: Vec<Value> = stored
        .iter()
        .map(|(kind, _, record)| json!({"kind": kind, "record": record}))
        .collect();
    let options = json!({"as_of": AS_OF, "lang": "vi", "suppression_threshold": 0}).to_string();
    let direct = treem::api::indicators(
        Value::Array(items).to_string().as_bytes(),
        options.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        answer["table"],
        serde_json::to_value(&direct.table).unwrap()
    );
    let cell = |indicator: &str| {
        answer["table"]["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["indicator"] == indicator && c["unit"] == "31" && c["dimension"].is_null())
            .cloned()
            .unwrap_or_else(|| panic!("no cell {indicator} for unit 31"))
    };
    // One stored child lives in Hải Phòng (31): TT 13/2021 Phụ lục I 0101, the child population.
    assert_eq!(cell("I:0101")["numerator"], 1);
    // The case whose child is not stored is reported at its own resource, not counted.
    let orphan_row = stored.iter().rfind(|s| s.0 == "case").unwrap().1;
    assert_eq!(
        codes(&answer["issues"]),
        [(
            format!("/cases/{orphan_row}/child_id"),
            "indicator.case_child_missing".to_owned()
        )]
    );
    let in_english = send(
        &portal,
        "GET",
        "/indicators?period=2026",
        &[("Accept-Language", "en")],
        b"",
    );
    assert_eq!(in_english.body["table"], answer["table"]);
    assert_ne!(
        in_english.body["issues"][0]["message"],
        answer["issues"][0]["message"]
    );

    // The rows in the SQLite file are the canonical records.
    let db = rusqlite::Connection::open(&portal.db).unwrap();
    let mut statement = db
        .prepare("SELECT id, kind, record_id, record FROM records ORDER BY id")
        .unwrap();
    let rows: Vec<(i64, String, Option<String>, String)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), stored.len());
    for (row, (kind, id, record)) in rows.iter().zip(&stored) {
        assert_eq!((row.0, &row.1), (*id, kind));
        assert_eq!(serde_json::from_str::<Value>(&row.3).unwrap(), *record);
        assert_eq!(row.2.as_deref(), record["id"].as_str());
    }

    // The log names routes, rows and codes: no child's ID, phone number or name.
    let log = std::fs::read_to_string(&portal.log).unwrap();
    assert!(log.contains("POST /children 422 date.impossible"), "{log}");
    for secret in [
        "031316000123",
        "0912345678",
        "Nguyễn Thị Hoa",
        "Hoa",
        "03121600451",
    ] {
        assert!(!log.contains(secret), "the log shows {secret}");
    }
    stops_on_sigterm(portal);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Eight callers post at once (a portal's office at nine o'clock): every record is stored
/// once, under its own row.
fn many_callers_at_once(portal: &Portal) -> Vec<(String, i64, Value)> {
    let mut rows: Vec<(String, i64, Value)> = std::thread::scope(|scope| {
        let callers: Vec<_> = (0..8)
            .map(|caller| {
                scope.spawn(move || {
                    (0..5)
                        .map(|n| {
                            let record = json!({"id": format!("C{caller}-{n}"), "sex": "nam"});
                            let reply = post(portal, "/children", "vi", &record);
                            assert_eq!(reply.status, 201, "{}", reply.body);
                            let id = reply.body["id"].as_i64().unwrap();
                            ("child".to_owned(), id, reply.body["record"].clone())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        callers
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect()
    });
    rows.sort_by_key(|row| row.1);
    let mut ids: Vec<i64> = rows.iter().map(|row| row.1).collect();
    ids.dedup();
    assert_eq!(ids.len(), 40);
    rows
}

/// SIGTERM: requests in flight finish, then the service exits cleanly.
#[cfg(unix)]
fn stops_on_sigterm(mut portal: Portal) {
    let pid = portal.process.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    for _ in 0..100 {
        if let Some(status) = portal.process.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the service did not stop within 5 s of SIGTERM");
}

#[cfg(not(unix))]
fn stops_on_sigterm(portal: Portal) {
    drop(portal);
}

#[test]
fn a_bad_command_line_is_refused_before_anything_opens() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_treem-portal"))
            .args(args)
            .env_remove("TREEM_PORTAL_PORT")
            .output()
            .unwrap()
    };
    let bad_date = run(&[
        "--as-of",
        "28/11/2026",
        "--db",
        "/nonexistent/never.sqlite3",
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad_date.stderr);
    assert!(
        message.contains("--as-of: expected a date YYYY-MM-DD"),
        "{message}"
    );
    let no_db = run(&["--port", "0", "--db", "/nonexistent/dir/portal.sqlite3"]);
    assert_eq!(no_db.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_db.stderr).contains("cannot open the database"));
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--suppression-threshold"));
}

fn hostile_bodies_get_structured_answers(portal: &Portal) {
    let json_type = ("Content-Type", "application/json");
    let english = ("Accept-Language", "en");
    let check = |reply: Reply, status: u16, error: &str| {
        assert_eq!(reply.status, status, "{error}: {}", reply.body);
        assert_eq!(reply.body["error"], error);
        let message = reply.body["message"].as_str().unwrap();
        assert!(!message.is_empty());
        for secret in ["031316000123", "0912345678", "Hoa"] {
            assert!(!message.contains(secret), "{message}");
        }
        message.to_owned()
    };
    // Not JSON, with a personal ID in the broken text: not quoted back.
    let broken = r#"{"full_name": "Nguyễn Thị Hoa", "personal_id": "031316000123", "#.as_bytes();
    let vi = check(
        send(portal, "POST", "/children", &[json_type], broken),
        400,
        "not_json",
    );
    let en = check(
        send(portal, "POST", "/children", &[json_type, english], broken),
        400,
        "not_json",
    );
    assert_ne!(vi, en);
    check(
        send(portal, "POST", "/cases", &[json_type], b"\xff\xfe{}"),
        400,
        "invalid_utf8",
    );
    check(
        send(portal, "POST", "/children", &[json_type], b""),
        400,
        "not_json",
    );
    // Not an object.
    for body in [&b"[{\"sex\": \"male\"}]"[..], b"null", b"42", b"\"child\""] {
        check(
            send(portal, "POST", "/children", &[json_type], body),
            400,
            "wrong_top_level_type",
        );
    }
    // Nested past any record's depth.
    let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    check(
        send(portal, "POST", "/children", &[json_type], deep.as_bytes()),
        400,
        "not_json",
    );
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    check(
        send(portal, "POST", "/cases", &[json_type], deep.as_bytes()),
        400,
        "not_json",
    );
    // Wrong or no content type.
    let child = br#"{"sex": "male"}"#;
    check(
        send(
            portal,
            "POST",
            "/children",
            &[("Content-Type", "text/plain")],
            child,
        ),
        415,
        "not_json_content_type",
    );
    check(
        send(portal, "POST", "/children", &[], child),
        415,
        "not_json_content_type",
    );
    // Longer than 1 MiB.
    let huge = format!("{{\"full_name\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    check(
        send(portal, "POST", "/children", &[json_type], huge.as_bytes()),
        413,
        "body_too_large",
    );
    // Routes and methods that do not exist.
    check(
        send(portal, "POST", "/schools", &[json_type], b"{}"),
        404,
        "not_found",
    );
    check(
        send(portal, "GET", "/children/031316000123x", &[], b""),
        404,
        "not_found",
    );
    check(
        send(portal, "DELETE", "/children", &[], b""),
        405,
        "method_not_allowed",
    );
    check(
        send(portal, "PUT", "/indicators", &[json_type], b"{}"),
        405,
        "method_not_allowed",
    );
    check(
        send(portal, "GET", "/indicators?lang=fr", &[], b""),
        400,
        "bad_query",
    );
    check(
        send(portal, "GET", "/indicators?period=someday", &[], b""),
        400,
        "invalid_option",
    );
    // And the service is still there.
    assert_eq!(get(portal, "/children").status, 200);
}
