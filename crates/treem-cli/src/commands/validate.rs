//! `treem validate`: every record checked, issues and a summary out.

use std::io::Write;

use super::dataset::Dataset;
use crate::args::{DatasetArgs, OutputFormat};
use crate::check::Mode;
use crate::failure::Failure;
use crate::output::issues::IssueWriter;
use crate::output::{self, write_failed, Output};
use crate::{EXIT_ISSUES, EXIT_OK};

/// Where the answer goes, by `--format`.
enum Answer {
    /// The summary table at the end.
    Table(Output),
    /// One JSON document, streamed: records with issues, then the counts.
    Json { out: Output, first: bool },
    /// One line per issue.
    Issues(Box<IssueWriter>),
}

/// Runs `validate`; returns the exit code.
pub(crate) fn run(args: &DatasetArgs) -> Result<u8, Failure> {
    let data = Dataset::open(&args.input, true)?;
    if args.format == OutputFormat::Json {
        if let Some(len) = data.single_too_large(&args.input) {
            // One record, too long to have been held: the core's answer for its length (the
            // error `record_too_large`, as `api::validate` gives).
            treem::__private::check_record(data.kind.name(), len, &data.options.json)
                .map_err(Failure::Core)?;
        }
        if let Some(text) = data.single_json(&args.input) {
            // One record: the answer is exactly the core's report for it.
            let report = treem::api::validate(data.kind.name(), text, &data.options.json)
                .map_err(Failure::Core)?;
            let mut out = output::create(None)?;
            let line = serde_json::to_string(&report).unwrap_or_default();
            writeln!(out, "{line}").map_err(write_failed)?;
            out.finish()?;
            return Ok(if report.ok { EXIT_OK } else { EXIT_ISSUES });
        }
    }
    let header = data.header();
    if args.format != OutputFormat::Table {
        data.note_unmapped();
    }
    let out = output::create(None)?;
    let mut answer = match args.format {
        OutputFormat::Table => Answer::Table(out),
        OutputFormat::Csv => Answer::Issues(Box::new(IssueWriter::csv(out)?)),
        OutputFormat::Ndjson => Answer::Issues(Box::new(IssueWriter::ndjson(out))),
        OutputFormat::Json => {
            let mut out = out;
            let head = serde_json::json!({
                "source": header.source,
                "kind": header.kind.name(),
                "options": header.options,
                "unmapped_columns": header.unmapped,
            })
            .to_string();
            // The object is written open so records can stream into it.
            let head = head.strip_suffix('}').unwrap_or(&head);
            write!(out, "{head},\"with_issues\":[").map_err(write_failed)?;
            Answer::Json { out, first: true }
        }
    };
    let tally = data.check_all(
        Mode::Validate,
        args.issues.as_deref(),
        args.input.threads,
        |outcome| match &mut answer {
            Answer::Table(_) => Ok(()),
            Answer::Issues(writer) => writer.write(outcome.row, &outcome.issues),
            Answer::Json { out, first } => {
                if outcome.issues.is_empty() {
                    return Ok(());
                }
                let item = serde_json::json!({
                    "row": outcome.row,
                    "ok": outcome.ok,
                    "issues": outcome.issues,
                });
                let sep = if *first { "\n" } else { ",\n" };
                *first = false;
                // As text first: serde_json panics inside `Display` when the writer fails.
                let item = item.to_string();
                write!(out, "{sep}{item}").map_err(write_failed)
            }
        },
    )?;
    // The issues file replaces its target before the counts are printed: a run whose file
    // could not be written ends with an error, not with a summary.
    output::commit()?;
    match answer {
        Answer::Table(mut out) => {
            tally.write_table(&header, &mut out)?;
            out.finish()?;
        }
        Answer::Issues(writer) => writer.finish()?,
        Answer::Json { mut out, .. } => {
            let counts = serde_json::Value::Object(tally.to_json()).to_string();
            let counts = counts.strip_prefix('{').unwrap_or(&counts);
            writeln!(out, "\n],{counts}").map_err(write_failed)?;
            out.finish()?;
        }
    }
    Ok(if tally.all_valid() {
        EXIT_OK
    } else {
        EXIT_ISSUES
    })
}
