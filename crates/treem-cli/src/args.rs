//! The command line as clap sees it: subcommands and the flags they share.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The top-level command line.
#[derive(Parser)]
#[command(
    name = "treem",
    version,
    about = "Validate, clean and report on child care, education and protection data (Viet Nam)",
    long_about = "Validate, clean and report on child care, education and protection data (Viet Nam).\n\n\
Reads NDJSON, JSON arrays, CSV (UTF-8, with or without BOM, Vietnamese column names) and Excel .xlsx.\n\
Files written (-o, --issues, ...) replace their target only when the run succeeds: until then \
the old file stays as it was, so `treem clean x.csv -o x.csv` is safe.\n\n\
Exit codes: 0 no invalid record; 1 invalid records or unreadable rows found; 2 misuse or an \
input/output error (full disk...): no output file was changed; 130, 143, 129 interrupted by \
SIGINT, SIGTERM, SIGHUP: no output file was changed; 141 standard output closed by its reader \
(`treem ... | head`), ended quietly."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

impl Cli {
    /// The language of messages chosen by `--lang` (Vietnamese when not given or unknown).
    pub(crate) fn lang(&self) -> treem::Lang {
        let lang = match &self.command {
            Command::Validate(a) => &a.input.common.lang,
            Command::Clean(a) => &a.input.common.lang,
            Command::Report(a) => &a.input.common.lang,
            Command::Dedup(a) => &a.input.common.lang,
            Command::Parse { common, .. } | Command::Catalog { common, .. } => &common.lang,
            Command::Merge(a) => &a.lang,
            Command::Schema { .. } | Command::Sample(_) => "vi",
        };
        if lang == "en" {
            treem::Lang::En
        } else {
            treem::Lang::Vi
        }
    }

    /// Whether standard output carries a machine-readable answer (JSON, NDJSON or CSV), so
    /// that a misuse is answered there as JSON too; otherwise (a table for people, cleaned
    /// data, a generated dataset) only standard error says what went wrong.
    pub(crate) fn answers_in_json(&self) -> bool {
        match &self.command {
            Command::Validate(a) => a.format != OutputFormat::Table,
            Command::Dedup(a) => a.format != OutputFormat::Table,
            Command::Report(a) => a.table.format == ReportFormat::Json,
            Command::Merge(a) => a.table.format == ReportFormat::Json,
            Command::Schema { .. } | Command::Parse { .. } | Command::Catalog { .. } => true,
            Command::Clean(_) | Command::Sample(_) => false,
        }
    }
}

/// The subcommands.
#[derive(Subcommand)]
pub(crate) enum Command {
    /// Validate every record of a dataset; the bundled sample when no input is given.
    Validate(DatasetArgs),
    /// Rewrite records into canonical form, written in the input's format; summary on stderr.
    Clean(CleanArgs),
    /// Print the JSON Schema of a kind's input form.
    Schema {
        /// The kind (child, ...).
        #[arg(long, default_value = "child")]
        kind: String,
    },
    /// Parse one primitive: date, ...
    Parse {
        /// What to parse (date, ...).
        what: String,
        /// The text to parse.
        text: String,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Print a catalog (issue_codes, kinds, sexes, ...).
    Catalog {
        /// The catalog name.
        name: String,
        /// Output format: json, or markdown for issue_codes.
        #[arg(long, default_value = "json")]
        format: String,
        /// Only units inside this province (code or name; a name is read as a province first:
        /// "Hải Dương" is the province, not its city), for districts and communes. A province
        /// or district that does not exist is misuse (exit 2), not an empty list.
        #[arg(long)]
        province: Option<String>,
        /// Only units inside this district-level unit (edition 2024), for communes.
        #[arg(long)]
        district: Option<String>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Generate a deterministic synthetic dataset of Hải Phòng children (NDJSON).
    Sample(SampleArgs),
    /// Compute the indicator table (TT 13/2021/TT-BLĐTBXH) from records; the bundled sample
    /// (children and their cases) when no input is given.
    Report(ReportArgs),
    /// Combine partials written by `report --partial` into the table `report` gives for all
    /// their records together.
    Merge(MergeArgs),
    /// Find likely and possible duplicate children in a dataset (pairs with their evidence,
    /// as row numbers; never names or IDs). Exit 1 when a likely pair is found.
    Dedup(DedupArgs),
}

/// Flags every command that judges records shares.
#[derive(Args, Clone)]
pub(crate) struct CommonArgs {
    /// The date rules are judged at (YYYY-MM-DD, a year from 1900 to 2100); default today.
    /// Echoed in the output.
    #[arg(long = "as-of")]
    pub(crate) as_of: Option<String>,
    /// Language of messages and labels: vi or en.
    #[arg(long, default_value = "vi")]
    pub(crate) lang: String,
    /// Administrative-geography edition: 2024 or 2025 (default: by --as-of).
    #[arg(long)]
    pub(crate) edition: Option<String>,
    /// The size limit of one record in bytes (default 1048576, 1 MiB): a longer line,
    /// element or document is reported as record.too_large without being parsed.
    #[arg(long = "max-record-bytes")]
    pub(crate) max_record_bytes: Option<u64>,
    /// A holiday calendar (JSON) that takes precedence over the built-in one for working-day
    /// deadlines: {"years": [2027], "days_off": ["2027-02-05", {"date": ..., "name": ...}],
    /// "working_days": [...]}; see docs/cli.md.
    #[arg(long)]
    pub(crate) holidays: Option<std::path::PathBuf>,
}

/// Where records come from and how they are read.
#[derive(Args, Clone)]
pub(crate) struct InputArgs {
    /// Input file, or - for standard input; the bundled sample when absent.
    pub(crate) input: Option<PathBuf>,
    /// The kind of record (child, ...).
    #[arg(long, default_value = "child")]
    pub(crate) kind: String,
    /// Input format; by default from the file extension (.ndjson .jsonl .json .csv .xlsx),
    /// else sniffed (JSON array or NDJSON).
    #[arg(long = "input-format", value_enum)]
    pub(crate) input_format: Option<InputFormat>,
    /// A JSON file mapping column names to fields, {"child": {"full_name": ["Họ và tên"]}};
    /// its names are tried before the built-in map.
    #[arg(long)]
    pub(crate) mapping: Option<PathBuf>,
    /// The worksheet of an .xlsx file (default: the first).
    #[arg(long)]
    pub(crate) sheet: Option<String>,
    /// Worker threads (default: the number of cores).
    #[arg(long)]
    pub(crate) threads: Option<usize>,
    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

/// `treem validate`.
#[derive(Args, Clone)]
pub(crate) struct DatasetArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output: table (summary for people), json (one document), ndjson or csv (one line per
    /// issue: row, path, code, severity, message).
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub(crate) format: OutputFormat,
    /// Also write every issue to this file: CSV (UTF-8 with BOM, for Excel) when it ends in
    /// .csv, else NDJSON.
    #[arg(long)]
    pub(crate) issues: Option<PathBuf>,
}

/// `treem clean`.
#[derive(Args, Clone)]
pub(crate) struct CleanArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Where the cleaned records go (default: standard output). CSV and .xlsx input give CSV
    /// (UTF-8 with BOM, same columns); NDJSON and JSON arrays keep their form.
    #[arg(long, short = 'o')]
    pub(crate) output: Option<PathBuf>,
    /// The summary printed on stderr: table (default), json, or none via ndjson/csv.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub(crate) format: OutputFormat,
    /// Also write every issue still present after cleaning to this file (CSV if .csv, else
    /// NDJSON).
    #[arg(long)]
    pub(crate) issues: Option<PathBuf>,
}

/// `treem sample`.
#[derive(Args, Clone)]
pub(crate) struct SampleArgs {
    /// Number of records.
    #[arg(long, default_value_t = 1000)]
    pub(crate) count: u64,
    /// Seed: the same seed gives the same file on every platform.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Share of records with one planted error (0 to 1).
    #[arg(long = "error-rate", default_value_t = 0.05)]
    pub(crate) error_rate: f64,
    /// Share of records that repeat an earlier child (0 to 1).
    #[arg(long = "duplicate-rate", default_value_t = 0.02)]
    pub(crate) duplicate_rate: f64,
    /// Protection cases (kind case) to generate, linked to the children by child_id.
    #[arg(long, default_value_t = 0)]
    pub(crate) cases: u64,
    /// Where the cases go (NDJSON); needed with --cases.
    #[arg(long = "cases-output")]
    pub(crate) cases_output: Option<PathBuf>,
    /// The kind to generate (child).
    #[arg(long, default_value = "child")]
    pub(crate) kind: String,
    /// Births fall in the 18 years before this date (default 2026-01-01, fixed so that the
    /// seed alone decides the output).
    #[arg(long = "as-of", default_value = "2026-01-01")]
    pub(crate) as_of: String,
    /// Where to write (default: standard output).
    #[arg(long, short = 'o')]
    pub(crate) output: Option<PathBuf>,
}

/// How the input is read.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum InputFormat {
    /// One JSON record per line.
    Ndjson,
    /// A JSON array of records, NDJSON, or one JSON object (sniffed).
    Json,
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// An Excel workbook (first worksheet, header row first).
    Xlsx,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum OutputFormat {
    /// A summary for people: counts by issue code, top problems.
    Table,
    /// One JSON document.
    Json,
    /// One JSON line per issue.
    Ndjson,
    /// One CSV line per issue (UTF-8 with BOM).
    Csv,
}

/// How an indicator table is printed.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum ReportFormat {
    /// A readable summary on the terminal (Vietnamese by default).
    Table,
    /// Exactly the engine's table (`treem.indicators.table/1`), one line.
    Json,
    /// The engine's CSV export (UTF-8 with BOM).
    Csv,
    /// A self-contained HTML report: inline CSS, an SVG bar chart per disaggregation.
    Html,
    /// The DHIS2 data value set through `--dhis2-mapping` (with what was not exported).
    Dhis2,
}

/// What `report` and `merge` share: how the table is built and printed.
#[derive(Args, Clone)]
pub(crate) struct TableArgs {
    /// Output: table, json, csv, html or dhis2.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub(crate) format: ReportFormat,
    /// Small-cell threshold: counts from 1 to N-1 are hidden (default 5; 0 or 1 hide nothing).
    #[arg(long)]
    pub(crate) suppression: Option<u64>,
    /// DHIS2 mapping file (org units, data elements, category option combos), for
    /// --format dhis2.
    #[arg(long = "dhis2-mapping")]
    pub(crate) dhis2_mapping: Option<PathBuf>,
    /// Where to write (default: standard output).
    #[arg(long, short = 'o')]
    pub(crate) output: Option<PathBuf>,
}

/// `treem report`.
#[derive(Args, Clone)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Protection cases (kind case, any input format) of the children in the input, joined by
    /// the case's child_id = the child's id.
    #[arg(long)]
    pub(crate) cases: Option<PathBuf>,
    /// The period records count in: 2026, 2026Q1, 2026-01, a school year 2025-2026 (default:
    /// the calendar year of --as-of).
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Lower bounds of the age groups, e.g. 0,6,11,15 (default 0,5,10,15).
    #[arg(long = "age-groups")]
    pub(crate) age_groups: Option<String>,
    /// Write the mergeable partial (unsuppressed counts: keep it inside the statistics office)
    /// instead of the table; combine partials with `treem merge`.
    #[arg(long)]
    pub(crate) partial: bool,
    /// Also write the problems with records (excluded records, cases without their child) to
    /// this file: CSV when it ends in .csv, else NDJSON.
    #[arg(long)]
    pub(crate) issues: Option<PathBuf>,
    /// Refuse to start when the estimated memory need exceeds this (bytes, or with K/M/G:
    /// 300M, 2G); default half of the machine's memory (/proc/meminfo). The estimate comes
    /// from the input file's size.
    #[arg(long = "max-memory")]
    pub(crate) max_memory: Option<String>,
    #[command(flatten)]
    pub(crate) table: TableArgs,
}

/// `treem merge`.
#[derive(Args, Clone)]
pub(crate) struct MergeArgs {
    /// Partial files written by `report --partial` (- for standard input).
    #[arg(required = true)]
    pub(crate) partials: Vec<PathBuf>,
    /// Language of labels: vi or en.
    #[arg(long, default_value = "vi")]
    pub(crate) lang: String,
    #[command(flatten)]
    pub(crate) table: TableArgs,
}

/// `treem dedup`.
#[derive(Args, Clone)]
pub(crate) struct DedupArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output: table (summary), json (one document), ndjson (one pair per line) or csv (one
    /// pair per line, UTF-8 with BOM).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub(crate) format: OutputFormat,
    /// Refuse to start when the estimated memory need exceeds this (bytes, or with K/M/G:
    /// 300M, 2G); default half of the machine's memory (/proc/meminfo). The estimate comes
    /// from the input file's size.
    #[arg(long = "max-memory")]
    pub(crate) max_memory: Option<String>,
}
