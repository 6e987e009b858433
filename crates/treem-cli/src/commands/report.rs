//! `treem report` and `treem merge`: records → the indicator table of the core
//! (`treem::api::indicators`), printed for people (terminal, HTML) or machines (JSON, CSV,
//! DHIS2); or a mergeable partial, and partials → the same table.
//!
//! How records reach the engine: each record of the input is tagged with `--kind`
//! (`{"kind": "child", "record": {...}}`); a line that is already tagged (an object with
//! `kind` and `record`, or an `indicator_value`) passes as it is, so a mixed NDJSON of
//! children and cases works too. `--cases FILE` adds protection cases (any input format)
//! beside the children; the engine joins a case to its child by `child_id` = the child's
//! `id`. The records are held in memory for that join (the engine is not streaming yet).
//!
//! `--format json` prints exactly the engine's table and nothing else, so that `merge` of
//! the shards' partials prints the same bytes; problems with records go to stderr (a count)
//! and to `--issues FILE` (each at its source and row).

use std::io::Write;
use std::path::Path;

use treem::indicator::table::Table;

use super::records::{self, LoadedSet, Source};
use crate::args::{MergeArgs, ReportArgs, ReportFormat, TableArgs};
use crate::failure::Failure;
use crate::input::SAMPLE_CASES;
use crate::output::indicators::{self, Context, RecordIssue};
use crate::output::issues::IssueWriter;
use crate::output::{self, write_failed};
use crate::{EXIT_ISSUES, EXIT_OK};

/// The kinds a record can be tagged with for the engine.
const TAGGABLE: [&str; 4] = ["child", "case", "safe_school_assessment", "school"];

/// Where one engine item came from.
struct Origin {
    /// Index of the dataset in the run (0 = the input, 1 = `--cases`).
    set: usize,
    /// Its row in that dataset.
    row: u64,
}

/// Runs `report`.
pub(crate) fn run(args: &ReportArgs) -> Result<u8, Failure> {
    let run_options = crate::options::from_args(&args.input.common)?;
    let lang = run_options.ctx.lang;
    let kind: treem::Kind = args.input.kind.parse().map_err(Failure::Core)?;
    if !TAGGABLE.contains(&kind.name()) {
        return Err(Failure::Usage(format!(
            "--kind {} feeds no indicator: use child, case, safe_school_assessment or school",
            kind.name()
        )));
    }
    let mut sets: Vec<(LoadedSet, treem::Kind)> = Vec::new();
    let main = records::load(&Source::of_input(&args.input, kind), &run_options.ctx)?;
    sets.push((main, kind));
    // With no input, the bundled children come with their bundled cases.
    let bundled_cases = args.input.input.is_none() && args.cases.is_none();
    if args.cases.is_some() || bundled_cases {
        let case_kind: treem::Kind = "case".parse().map_err(Failure::Core)?;
        let cases = records::load(
            &Source {
                path: args.cases.as_deref(),
                format: None,
                kind: case_kind,
                mapping: args.input.mapping.as_deref(),
                sheet: None,
                bundled: ("examples/data/cases.ndjson", SAMPLE_CASES),
            },
            &run_options.ctx,
        )?;
        sets.push((cases, case_kind));
    }
    let mut text = String::new();
    let mut origins = Vec::new();
    let mut problems = Vec::new();
    let mut counts = indicators::Counts::default();
    for (set_index, (set, set_kind)) in sets.iter().enumerate() {
        for loaded in &set.rows {
            match &loaded.record {
                Ok(record) => {
                    let item = tagged(record, *set_kind);
                    counts.add(item.get("kind").and_then(serde_json::Value::as_str));
                    text.push_str(&item.to_string());
                    text.push('\n');
                    origins.push(Origin {
                        set: set_index,
                        row: loaded.row,
                    });
                }
                Err(issue) => {
                    counts.unreadable += 1;
                    problems.push(RecordIssue {
                        source: set.source.clone(),
                        row: Some(loaded.row),
                        issue: issue.clone(),
                    });
                }
            }
        }
    }
    let mut options = run_options.echo.clone();
    if let Some(map) = options.as_object_mut() {
        if let Some(period) = &args.period {
            map.insert("period".into(), period.clone().into());
        }
        if let Some(n) = args.table.suppression {
            map.insert("suppression_threshold".into(), n.into());
        }
        if let Some(groups) = &args.age_groups {
            map.insert("age_groups".into(), age_groups(groups)?.into());
        }
        let output = if args.partial { "partial" } else { "table" };
        map.insert("output".into(), output.into());
    }
    let answer = treem::api::indicators(text.as_bytes(), options.to_string().as_bytes())
        .map_err(Failure::Core)?;
    for mut issue in answer.issues {
        let (origin, rest) = item_of(&issue.path, &origins);
        let (source, row) = match origin {
            Some(o) => (
                sets.get(o.set)
                    .map(|(s, _)| s.source.clone())
                    .unwrap_or_default(),
                Some(o.row),
            ),
            None => (String::new(), None),
        };
        // Records were wrapped as `{"kind", "record"}`: paths point into the record itself.
        issue.path = match rest.strip_prefix("/record") {
            Some(inner) if inner.is_empty() || inner.starts_with('/') => inner.to_owned(),
            _ => rest,
        };
        problems.push(RecordIssue { source, row, issue });
    }
    if let Some(path) = &args.issues {
        let mut writer = IssueWriter::for_path(path)?;
        for p in &problems {
            let mut issue = p.issue.clone();
            if sets.len() > 1 && !p.source.is_empty() {
                // Two inputs share row numbers: the path says which file the row is in.
                issue.path = format!("{}:{}", p.source, issue.path);
            }
            writer.write(p.row.unwrap_or(0), std::slice::from_ref(&issue))?;
        }
        writer.finish()?;
    }
    let clean = !problems
        .iter()
        .any(|p| p.issue.severity == treem::Severity::Error);
    let code = if clean { EXIT_OK } else { EXIT_ISSUES };
    let as_of = run_options
        .echo
        .get("as_of")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("-")
        .to_owned();
    let context = Context {
        lang,
        sources: sets.iter().map(|(s, _)| s.source.clone()).collect(),
        as_of: Some(as_of),
        period: args.period.clone(),
        counts: Some(counts),
        problems,
    };
    if args.partial {
        let partial = answer.partial.unwrap_or_default();
        let mut out = output::create(args.table.output.as_deref())?;
        let line = serde_json::to_string(&partial).unwrap_or_default();
        writeln!(out, "{line}").map_err(write_failed)?;
        out.flush().map_err(write_failed)?;
        indicators::note_on_stderr(&context);
        return Ok(code);
    }
    let table = answer.table.unwrap_or_else(|| Table {
        format: treem::indicator::table::TABLE_FORMAT.into(),
        suppression_threshold: args.table.suppression.unwrap_or(5),
        cells: Vec::new(),
    });
    print(&table, &args.table, &context)?;
    Ok(code)
}

/// Runs `merge`: the partials' table, printed as `report` prints it.
pub(crate) fn merge(args: &MergeArgs) -> Result<u8, Failure> {
    let lang: treem::Lang = match args.lang.as_str() {
        "en" => treem::Lang::En,
        "vi" => treem::Lang::Vi,
        other => return Err(Failure::Usage(format!("--lang {other}: expected vi or en"))),
    };
    let mut partials = Vec::new();
    for path in &args.partials {
        partials.push(read_partial(path)?);
    }
    let mut options = serde_json::Map::new();
    options.insert("lang".into(), lang.as_str().into());
    if let Some(n) = args.table.suppression {
        options.insert("suppression_threshold".into(), n.into());
    }
    let input = serde_json::Value::Array(partials).to_string();
    let answer = treem::api::indicators(
        input.as_bytes(),
        serde_json::Value::Object(options).to_string().as_bytes(),
    )
    .map_err(Failure::Core)?;
    let problems: Vec<RecordIssue> = answer
        .issues
        .into_iter()
        .map(|mut issue| {
            let (index, rest) = split_index(&issue.path);
            issue.path = rest;
            RecordIssue {
                source: index
                    .and_then(|i| args.partials.get(i))
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                row: None,
                issue,
            }
        })
        .collect();
    let clean = !problems
        .iter()
        .any(|p| p.issue.severity == treem::Severity::Error);
    let table = answer.table.unwrap_or_else(|| Table {
        format: treem::indicator::table::TABLE_FORMAT.into(),
        suppression_threshold: args.table.suppression.unwrap_or(5),
        cells: Vec::new(),
    });
    let context = Context {
        lang,
        sources: args
            .partials
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        as_of: None,
        period: None,
        counts: None,
        problems,
    };
    print(&table, &args.table, &context)?;
    Ok(if clean { EXIT_OK } else { EXIT_ISSUES })
}

/// Reads one partial file (`-` = stdin): a JSON document whose `format` is the partial's.
fn read_partial(path: &Path) -> Result<serde_json::Value, Failure> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| Failure::io("cannot read stdin", e))?;
        bytes
    } else {
        std::fs::read(path)
            .map_err(|e| Failure::io(format!("cannot read {}", path.display()), e))?
    };
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::Usage(format!(
            "{} is not a partial written by `treem report --partial` (not JSON: {e})",
            path.display()
        ))
    })?;
    let format = value.get("format").and_then(serde_json::Value::as_str);
    if format != Some(treem::indicator::partial::PARTIAL_FORMAT) {
        return Err(Failure::Usage(format!(
            "{} is not a partial written by `treem report --partial` (format {})",
            path.display(),
            format.unwrap_or("missing")
        )));
    }
    Ok(value)
}

/// Prints the table in the chosen format.
fn print(table: &Table, args: &TableArgs, context: &Context) -> Result<(), Failure> {
    let mut out = output::create(args.output.as_deref())?;
    match args.format {
        ReportFormat::Json => {
            let line = serde_json::to_string(table).unwrap_or_default();
            writeln!(out, "{line}").map_err(write_failed)?;
            indicators::note_on_stderr(context);
        }
        ReportFormat::Csv => {
            out.write_all(output::BOM).map_err(write_failed)?;
            out.write_all(treem::indicator::export::to_csv(table).as_bytes())
                .map_err(write_failed)?;
            indicators::note_on_stderr(context);
        }
        ReportFormat::Dhis2 => {
            let path = args.dhis2_mapping.as_deref().ok_or_else(|| {
                Failure::Usage("--format dhis2 needs --dhis2-mapping FILE".into())
            })?;
            let mapping = read_mapping(path)?;
            let export = treem::indicator::export::to_dhis2(table, &mapping);
            let text = serde_json::to_string_pretty(&export).unwrap_or_default();
            writeln!(out, "{text}").map_err(write_failed)?;
            indicators::note_on_stderr(context);
        }
        ReportFormat::Table => {
            let text = indicators::terminal(table, context);
            out.write_all(text.as_bytes()).map_err(write_failed)?;
        }
        ReportFormat::Html => {
            let text = crate::output::html::report(table, context);
            out.write_all(text.as_bytes()).map_err(write_failed)?;
        }
    }
    out.flush().map_err(write_failed)
}

/// Reads a DHIS2 mapping file.
fn read_mapping(path: &Path) -> Result<treem::indicator::export::Dhis2Mapping, Failure> {
    let text = std::fs::read(path)
        .map_err(|e| Failure::io(format!("cannot read {}", path.display()), e))?;
    serde_json::from_slice(&text).map_err(|e| {
        Failure::Usage(format!(
            "{}: not a DHIS2 mapping ({{\"org_units\": {{...}}, \"indicators\": {{...}}}}): {e}",
            path.display()
        ))
    })
}

/// The engine item of a record: as it is when already tagged, else tagged with `kind`.
fn tagged(record: &serde_json::Value, kind: treem::Kind) -> serde_json::Value {
    let tag = record.get("kind").and_then(serde_json::Value::as_str);
    let already = match tag {
        Some("indicator_value") => true,
        Some(tag) => TAGGABLE.contains(&tag) && record.get("record").is_some(),
        None => false,
    };
    if already {
        record.clone()
    } else {
        serde_json::json!({"kind": kind.name(), "record": record})
    }
}

/// `--age-groups 0,6,11,15` as numbers.
fn age_groups(text: &str) -> Result<Vec<u32>, Failure> {
    text.split(',')
        .map(|part| {
            part.trim().parse::<u32>().map_err(|_| {
                Failure::Usage(format!(
                    "--age-groups {text:?}: expected ages separated by commas, e.g. 0,6,11,15"
                ))
            })
        })
        .collect()
}

/// The item index at the start of a JSON Pointer (`/3/record/sex` → 3, `/record/sex`).
fn split_index(path: &str) -> (Option<usize>, String) {
    let Some(rest) = path.strip_prefix('/') else {
        return (None, path.to_owned());
    };
    let (first, tail) = match rest.find('/') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    match first.parse::<usize>() {
        Ok(index) => (Some(index), tail.to_owned()),
        Err(_) => (None, path.to_owned()),
    }
}

/// The origin of the item an issue points into, and the rest of its path.
fn item_of<'a>(path: &str, origins: &'a [Origin]) -> (Option<&'a Origin>, String) {
    match split_index(path) {
        (Some(index), rest) => match origins.get(index) {
            Some(origin) => (Some(origin), rest),
            None => (None, path.to_owned()),
        },
        (None, rest) => (None, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_index_is_split_off() {
        assert_eq!(
            split_index("/3/record/sex"),
            (Some(3), "/record/sex".into())
        );
        assert_eq!(split_index("/12"), (Some(12), String::new()));
        assert_eq!(split_index(""), (None, String::new()));
        assert_eq!(split_index("/options/x"), (None, "/options/x".into()));
    }

    #[test]
    fn tagged_lines_pass_and_plain_records_are_tagged() {
        let plain = serde_json::json!({"id": "A"});
        assert_eq!(
            tagged(&plain, "child".parse().unwrap()),
            serde_json::json!({"kind": "child", "record": {"id": "A"}})
        );
        let case = serde_json::json!({"kind": "case", "record": {"child_id": "A"}});
        assert_eq!(tagged(&case, "child".parse().unwrap()), case);
    }

    #[test]
    fn age_groups_are_read() {
        assert_eq!(age_groups("0, 6,11,15").ok(), Some(vec![0, 6, 11, 15]));
        assert!(age_groups("0,six").is_err());
    }
}
