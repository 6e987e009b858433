//! `treem clean`: records rewritten into canonical form, in the input's format; the summary
//! on stderr so that stdout carries only data.

use std::io::Write;

use super::dataset::Dataset;
use crate::args::{CleanArgs, OutputFormat};
use crate::check::Mode;
use crate::failure::Failure;
use crate::output::cleaned::CleanWriter;
use crate::output::{self, write_failed};
use crate::{EXIT_ISSUES, EXIT_OK};

/// Runs `clean`; returns the exit code.
pub(crate) fn run(args: &CleanArgs) -> Result<u8, Failure> {
    let data = Dataset::open(&args.input, false)?;
    if let Some(text) = data.single_json(&args.input) {
        // One record: the answer is the core's own (record, changes, report).
        let normalized = treem::api::normalize(data.kind.name(), text, &data.options.json)
            .map_err(Failure::Core)?;
        let mut out = output::create(args.output.as_deref())?;
        let text = serde_json::to_string_pretty(&normalized).unwrap_or_default();
        writeln!(out, "{text}").map_err(write_failed)?;
        out.finish()?;
        output::commit()?;
        return Ok(if normalized.report.ok {
            EXIT_OK
        } else {
            EXIT_ISSUES
        });
    }
    let header = data.header();
    if matches!(args.format, OutputFormat::Ndjson | OutputFormat::Csv) {
        data.note_unmapped();
    }
    let mut writer =
        CleanWriter::new(&data.opened.layout, output::create(args.output.as_deref())?)?;
    let tally = data.check_all(
        Mode::Clean,
        args.issues.as_deref(),
        args.input.threads,
        |outcome| match &outcome.cleaned {
            Some(cleaned) => writer.write(cleaned),
            None => Ok(()),
        },
    )?;
    writer.finish()?;
    // The cleaned file (and the issues file) replace their targets before the summary is
    // printed: a run whose output could not be written ends with an error, not a summary.
    output::commit()?;
    let mut err = std::io::stderr().lock();
    match args.format {
        OutputFormat::Table => tally.write_table(&header, &mut err)?,
        OutputFormat::Json => {
            let mut summary = tally.to_json();
            summary.insert("source".into(), header.source.clone().into());
            summary.insert("kind".into(), header.kind.name().into());
            summary.insert("options".into(), header.options.clone());
            summary.insert("unmapped_columns".into(), header.unmapped.clone().into());
            let summary = serde_json::Value::Object(summary).to_string();
            writeln!(err, "{summary}").map_err(write_failed)?;
        }
        OutputFormat::Ndjson | OutputFormat::Csv => {}
    }
    Ok(if tally.all_valid() {
        EXIT_OK
    } else {
        EXIT_ISSUES
    })
}
