//! `treem`: validate, clean and report on child-protection datasets from the command line.
//!
//! Every answer comes from the `treem` core through its JSON entry points, so the CLI, the
//! C ABI and the browser all say the same thing about the same record.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The sample dataset bundled with the binary, used when no input file is given.
const SAMPLE_CHILDREN: &str = include_str!("../../../examples/data/children.ndjson");

#[derive(Parser)]
#[command(
    name = "treem",
    version,
    about = "Validate, clean and report on child care, education and protection data (Viet Nam)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate records (one JSON object, a JSON array, or NDJSON); the bundled sample when no input is given.
    Validate(RecordArgs),
    /// Rewrite records into canonical form and report what changed and what is still wrong.
    Clean(RecordArgs),
    /// Print the JSON Schema of a kind's input form.
    Schema {
        /// The kind (child, ...).
        #[arg(long, default_value = "child")]
        kind: String,
    },
    /// Parse one primitive: date, admin_unit, ...
    Parse {
        /// What to parse (date, admin_unit, ...).
        what: String,
        /// The text to parse.
        text: String,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Print a catalog (issue_codes, kinds, sexes, provinces, districts, communes, ...).
    Catalog {
        /// The catalog name.
        name: String,
        /// Output format: json, or markdown for issue_codes.
        #[arg(long, default_value = "json")]
        format: String,
        /// Only units inside this province (code or name), for districts and communes.
        #[arg(long)]
        province: Option<String>,
        /// Only units inside this district-level unit (code or name; edition 2024).
        #[arg(long)]
        district: Option<String>,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(Args, Clone)]
struct CommonArgs {
    /// The date rules are judged at (YYYY-MM-DD); default today.
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// Language of messages: vi or en.
    #[arg(long, default_value = "vi")]
    lang: String,
    /// Administrative-geography edition: 2024 or 2025 (default: by --as-of).
    #[arg(long)]
    edition: Option<String>,
}

#[derive(Args)]
struct RecordArgs {
    /// The kind of record (child, ...).
    #[arg(long, default_value = "child")]
    kind: String,
    /// Input file, or - for standard input; the bundled sample when absent.
    input: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Ndjson,
    Table,
}

/// Exit codes: 0 clean, 1 issues found, 2 misuse.
const EXIT_ISSUES: u8 = 1;
const EXIT_MISUSE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            // Misuse: a structured answer on stdout (machines) and a line on stderr (people).
            let _ = writeln!(std::io::stdout(), "{message}");
            eprintln!(
                "treem: {}",
                serde_json::from_str::<serde_json::Value>(&message)
                    .ok()
                    .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_owned))
                    .unwrap_or(message)
            );
            ExitCode::from(EXIT_MISUSE)
        }
    }
}

fn options(common: &CommonArgs) -> Vec<u8> {
    let as_of = common.as_of.clone().unwrap_or_else(|| {
        chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    });
    let mut options = serde_json::Map::new();
    options.insert("as_of".into(), as_of.into());
    options.insert("lang".into(), common.lang.clone().into());
    if let Some(edition) = &common.edition {
        options.insert("edition".into(), edition.clone().into());
    }
    serde_json::Value::Object(options).to_string().into_bytes()
}

fn misuse(err: &treem::Error) -> String {
    err.to_json().to_string()
}

fn read_input(input: Option<&PathBuf>) -> Result<(String, Vec<u8>), String> {
    match input {
        None => Ok((
            "sample: examples/data/children.ndjson".into(),
            SAMPLE_CHILDREN.as_bytes().to_vec(),
        )),
        Some(path) if path.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| io_error("-", &e))?;
            Ok(("stdin".into(), buf))
        }
        Some(path) => std::fs::read(path)
            .map(|b| (path.display().to_string(), b))
            .map_err(|e| io_error(&path.display().to_string(), &e)),
    }
}

fn io_error(path: &str, err: &std::io::Error) -> String {
    serde_json::json!({"error": "io", "message": format!("cannot read {path}: {err}")}).to_string()
}

/// True when the bytes hold exactly one JSON object (not an array, not NDJSON).
fn is_single_object(bytes: &[u8]) -> bool {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>();
    matches!(
        (stream.next(), stream.next()),
        (Some(Ok(serde_json::Value::Object(_))), None)
    )
}

fn run(cli: Cli) -> Result<u8, String> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Validate(args) => validate(&args, false, &mut out),
        Command::Clean(args) => validate(&args, true, &mut out),
        Command::Schema { kind } => {
            let schema = treem::api::schema(&kind).map_err(|e| misuse(&e))?;
            print_json(&mut out, &schema);
            Ok(0)
        }
        Command::Parse { what, text, common } => {
            let value =
                treem::api::parse(&what, &text, &options(&common)).map_err(|e| misuse(&e))?;
            print_json(&mut out, &value);
            Ok(if value.get("ok") == Some(&serde_json::Value::Bool(true)) {
                0
            } else {
                EXIT_ISSUES
            })
        }
        Command::Catalog {
            name,
            format,
            province,
            district,
            common,
        } => {
            if format == "markdown" && name == "issue_codes" {
                let _ = write!(out, "{}", treem::i18n::codes_markdown());
                return Ok(0);
            }
            let mut opts: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&options(&common)).unwrap_or_default();
            for (key, filter) in [("province", province), ("district", district)] {
                if let Some(filter) = filter {
                    opts.insert(key.into(), filter.into());
                }
            }
            let opts = serde_json::Value::Object(opts).to_string();
            let value = treem::api::catalog(&name, opts.as_bytes()).map_err(|e| misuse(&e))?;
            print_json(&mut out, &value);
            Ok(0)
        }
    }
}

fn print_json(out: &mut impl Write, value: &serde_json::Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let _ = writeln!(out, "{text}");
}

fn validate(args: &RecordArgs, clean: bool, out: &mut impl Write) -> Result<u8, String> {
    let opts = options(&args.common);
    let (source, bytes) = read_input(args.input.as_ref())?;
    if is_single_object(&bytes)
        || serde_json::from_slice::<serde_json::Value>(&bytes).is_err()
            && !looks_like_ndjson(&bytes)
    {
        // One record: the answer is exactly the report (or the normalized record).
        if clean {
            let normalized =
                treem::api::normalize(&args.kind, &bytes, &opts).map_err(|e| misuse(&e))?;
            let ok = normalized.report.ok;
            print_json(out, &serde_json::to_value(&normalized).unwrap_or_default());
            return Ok(if ok { 0 } else { EXIT_ISSUES });
        }
        let report = treem::api::validate(&args.kind, &bytes, &opts).map_err(|e| misuse(&e))?;
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string(&report).unwrap_or_default()
        );
        return Ok(if report.ok { 0 } else { EXIT_ISSUES });
    }
    if clean {
        return clean_many(args, &bytes, &opts, out);
    }
    let reports = treem::api::validate_many(&args.kind, &bytes, &opts).map_err(|e| misuse(&e))?;
    let invalid = reports.iter().filter(|r| !r.ok).count();
    match args.format {
        Format::Ndjson => {
            for (i, report) in reports.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::json!({"record": i + 1, "ok": report.ok, "issues": report.issues})
                );
            }
        }
        Format::Json => {
            let records: Vec<_> = reports
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.issues.is_empty())
                .map(|(i, r)| serde_json::json!({"record": i + 1, "ok": r.ok, "issues": r.issues}))
                .collect();
            print_json(
                out,
                &serde_json::json!({
                    "source": source,
                    "options": serde_json::from_slice::<serde_json::Value>(&opts).unwrap_or_default(),
                    "records": reports.len(),
                    "invalid": invalid,
                    "with_issues": records,
                }),
            );
        }
        Format::Table => {
            let _ = writeln!(out, "Nguồn / source: {source}");
            let _ = writeln!(
                out,
                "Số bản ghi / records: {}   Không hợp lệ / invalid: {invalid}",
                reports.len()
            );
            let mut counts = std::collections::BTreeMap::new();
            for issue in reports.iter().flat_map(|r| r.issues.iter()) {
                *counts
                    .entry((issue.code.as_str(), issue.severity.as_str()))
                    .or_insert(0usize) += 1;
            }
            let _ = writeln!(
                out,
                "{:<32} {:<8} {:>8}",
                "Mã lỗi / code", "mức", "số lượng"
            );
            for ((code, severity), n) in counts {
                let _ = writeln!(out, "{code:<32} {severity:<8} {n:>8}");
            }
        }
    }
    Ok(if invalid == 0 { 0 } else { EXIT_ISSUES })
}

fn looks_like_ndjson(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.lines().filter(|l| !l.trim().is_empty()).count() > 1
}

/// Cleans every record of an array or NDJSON input, writing one normalized answer per line.
fn clean_many(
    args: &RecordArgs,
    bytes: &[u8],
    opts: &[u8],
    out: &mut impl Write,
) -> Result<u8, String> {
    let records: Vec<Vec<u8>> = match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(serde_json::Value::Array(items)) => {
            items.iter().map(|v| v.to_string().into_bytes()).collect()
        }
        _ => String::from_utf8_lossy(bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.as_bytes().to_vec())
            .collect(),
    };
    let mut invalid = 0usize;
    for (i, record) in records.iter().enumerate() {
        let line = match treem::api::normalize(&args.kind, record, opts) {
            Ok(n) => {
                if !n.report.ok {
                    invalid += 1;
                }
                serde_json::json!({"record": i + 1, "value": n.record, "changes": n.changes, "issues": n.report.issues})
            }
            Err(e) => {
                invalid += 1;
                serde_json::json!({"record": i + 1, "error": e.to_json()})
            }
        };
        let _ = writeln!(out, "{line}");
    }
    Ok(if invalid == 0 { 0 } else { EXIT_ISSUES })
}
