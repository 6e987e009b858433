//! `treem report` and `treem merge`: records → the indicator table of the core
//! (`treem::api::indicators`), printed for people (terminal, HTML) or machines (JSON, CSV,
//! DHIS2); or a mergeable partial, and partials → the same table.
//!
//! How records reach the engine: each record of the input is tagged with `--kind`
//! (`{"kind": "child", "record": {...}}`); a line that is already tagged (an object with
//! `kind` and `record`, or an `indicator_value`) passes as it is, so a mixed NDJSON of
//! children and cases works too. `--cases FILE` adds protection cases (any input format)
//! beside the children; the engine joins a case to its child by `child_id` = the child's
//! `id`. The records are streamed into the engine's accumulator (see [`run`]): memory
//! follows the cases, not the children.
//!
//! `--format json` prints exactly the engine's table and nothing else, so that `merge` of
//! the shards' partials prints the same bytes; problems with records go to stderr (a count)
//! and to `--issues FILE` (each at its source and row).

use std::io::Write;
use std::path::Path;

use treem::indicator::table::Table;

use treem::indicator::stream::Accumulator;

use super::records::{self, Source};
use crate::args::{MergeArgs, ReportArgs, ReportFormat, TableArgs};
use crate::failure::Failure;
use crate::input::SAMPLE_CASES;
use crate::output::indicators::{self, Context, RecordIssue};
use crate::output::issues::IssueWriter;
use crate::output::{self, write_failed};
use crate::{EXIT_ISSUES, EXIT_OK};

/// The kinds a record can be tagged with for the engine.
const TAGGABLE: [&str; 4] = ["child", "case", "safe_school_assessment", "school"];

/// The item index the `--cases` dataset's items get while the children after which the
/// whole-set computation numbers them are not read yet. Only their order and their rows
/// matter (issues give the row, not the index); children, whose index an issue can quote
/// (`indicator.child_id_repeated`), always get their whole-set index.
const CASES_BASE: usize = usize::MAX / 2;

/// Consecutive engine items from consecutive rows of one dataset.
struct Run {
    /// The first item's index.
    first: usize,
    /// The dataset (0 = the input, 1 = `--cases`).
    set: usize,
    /// The first item's row.
    row: u64,
    /// How many items.
    len: usize,
}

/// Where engine items came from, as runs: a few runs for millions of rows (a new run only
/// where a row is skipped: a blank line, an unreadable row, the other dataset), so the map
/// does not grow with the records.
#[derive(Default)]
struct Origins {
    runs: Vec<Run>,
}

impl Origins {
    /// Item `index` is row `row` of dataset `set`.
    fn push(&mut self, index: usize, set: usize, row: u64) {
        if let Some(last) = self.runs.last_mut() {
            if last.set == set
                && last.first.checked_add(last.len) == Some(index)
                && last.row.checked_add(last.len as u64) == Some(row)
            {
                last.len += 1;
                return;
            }
        }
        self.runs.push(Run {
            first: index,
            set,
            row,
            len: 1,
        });
    }

    /// Sorts the runs by index, for [`Origins::get`].
    fn seal(&mut self) {
        self.runs.sort_by_key(|r| r.first);
    }

    /// The dataset and row of item `index`.
    fn get(&self, index: usize) -> Option<(usize, u64)> {
        let at = self.runs.partition_point(|r| r.first <= index);
        let run = self.runs.get(at.checked_sub(1)?)?;
        let offset = index - run.first;
        (offset < run.len).then(|| (run.set, run.row + offset as u64))
    }
}

/// The streaming state of one `report` run.
struct Feeding {
    acc: Accumulator,
    origins: Origins,
    counts: indicators::Counts,
}

impl Feeding {
    /// Counts and feeds one item of dataset `set` at `row`, as engine item `index`.
    fn feed(&mut self, index: usize, set: usize, row: u64, item: serde_json::Value) {
        self.origins.push(index, set, row);
        self.acc.add_item(index, item);
    }
}

/// The engine's options for `report`.
fn engine_options(
    args: &ReportArgs,
    echo: &serde_json::Value,
) -> Result<treem::indicator::Options, Failure> {
    let mut options = echo.clone();
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
    treem::indicator::Options::from_json(options.to_string().as_bytes()).map_err(Failure::Core)
}

/// Runs `report`: the records are streamed into the core's [`Accumulator`]. With cases
/// (`--cases`, or the bundled ones), the cases are read first and kept (their facts, by
/// child id); then each child is counted with its cases as it is read, and forgotten. Without
/// them, a file is read twice (everything but children, then the children); standard input,
/// read once, keeps each child's facts (a few hundred bytes, not the record) until the end.
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
    let options = engine_options(args, &run_options.echo)?;
    let main = Source::of_input(&args.input, kind);
    // With no input, the bundled children come with their bundled cases.
    let bundled_cases = args.input.input.is_none() && args.cases.is_none();
    let case_kind: treem::Kind = "case".parse().map_err(Failure::Core)?;
    let cases = (args.cases.is_some() || bundled_cases).then_some(Source {
        path: args.cases.as_deref(),
        format: None,
        kind: case_kind,
        mapping: args.input.mapping.as_deref(),
        sheet: None,
        bundled: ("examples/data/cases.ndjson", SAMPLE_CASES),
    });
    crate::memory::check(
        crate::memory::Command::Report,
        args.max_memory.as_deref(),
        &[Some(&main), cases.as_ref()],
        lang,
    )?;
    let mut feeding = Feeding {
        acc: Accumulator::new(&options),
        origins: Origins::default(),
        counts: indicators::Counts::default(),
    };
    let mut sources = Vec::new();
    let mut unmapped: Vec<String> = Vec::new();
    let mut main_unreadable = Vec::new();
    let mut cases_unreadable = Vec::new();
    let mut held = Vec::new();
    if let Some(cases) = &cases {
        let rows = records::open(cases, &run_options.ctx)?;
        let name = rows.source.clone();
        unmapped.extend(rows.unmapped.iter().map(|c| format!("{name}: {c}")));
        let mut j = 0usize;
        rows.for_each(&run_options.ctx, |loaded| {
            match loaded.record {
                Ok(record) => {
                    let item = tagged(record, case_kind);
                    feeding.counts.add(kind_of(&item));
                    if Accumulator::is_child(&item) {
                        // A child in the cases' file: after the input's children, as before.
                        held.push((j, loaded.row, item));
                    } else {
                        feeding.feed(CASES_BASE + j, 1, loaded.row, item);
                    }
                    j += 1;
                }
                Err(issue) => {
                    feeding.counts.unreadable += 1;
                    cases_unreadable.push(RecordIssue {
                        source: name.clone(),
                        row: Some(loaded.row),
                        issue,
                    });
                }
            }
            Ok(())
        })?;
        feeding.acc.close_cases();
        sources.push(name);
    }
    let rereadable = main.path.is_none_or(|p| p.as_os_str() != "-");
    let two_passes = cases.is_none() && rereadable;
    if two_passes {
        // First pass: every item but the children (cases above all), at its whole-set index.
        let mut i = 0usize;
        records::open(&main, &run_options.ctx)?.for_each(&run_options.ctx, |loaded| {
            if let Ok(record) = loaded.record {
                let item = tagged(record, kind);
                if !Accumulator::is_child(&item) {
                    feeding.acc.add_item(i, item);
                }
                i += 1;
            }
            Ok(())
        })?;
        feeding.acc.close_cases();
    }
    let rows = records::open(&main, &run_options.ctx)?;
    let name = rows.source.clone();
    unmapped.extend(rows.unmapped.iter().cloned());
    let mut n = 0usize;
    rows.for_each(&run_options.ctx, |loaded| {
        match loaded.record {
            Ok(record) => {
                let item = tagged(record, kind);
                feeding.counts.add(kind_of(&item));
                if two_passes && !Accumulator::is_child(&item) {
                    feeding.origins.push(n, 0, loaded.row);
                } else {
                    feeding.feed(n, 0, loaded.row, item);
                }
                n += 1;
            }
            Err(issue) => {
                feeding.counts.unreadable += 1;
                main_unreadable.push(RecordIssue {
                    source: name.clone(),
                    row: Some(loaded.row),
                    issue,
                });
            }
        }
        Ok(())
    })?;
    sources.insert(0, name);
    for (j, row, item) in held {
        feeding.feed(n + j, 1, row, item);
    }
    let Feeding {
        acc,
        mut origins,
        counts,
    } = feeding;
    origins.seal();
    let answer = acc.finish();
    let mut problems = main_unreadable;
    problems.extend(cases_unreadable);
    for mut issue in answer.issues {
        let (origin, rest) = item_of(&issue.path, &origins);
        let (source, row) = match origin {
            Some((set, row)) => (sources.get(set).cloned().unwrap_or_default(), Some(row)),
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
            if sources.len() > 1 && !p.source.is_empty() {
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
        sources,
        as_of: Some(as_of),
        period: args.period.clone(),
        counts: Some(counts),
        problems,
        unmapped,
    };
    if args.partial {
        let partial = answer.partial.unwrap_or_default();
        let mut out = output::create(args.table.output.as_deref())?;
        let line = serde_json::to_string(&partial).unwrap_or_default();
        writeln!(out, "{line}").map_err(write_failed)?;
        out.finish()?;
        output::commit()?;
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

/// The tag of an engine item.
fn kind_of(item: &serde_json::Value) -> Option<&str> {
    item.get("kind").and_then(serde_json::Value::as_str)
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
        unmapped: Vec::new(),
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
    // Machine formats carry only the table: the problems are noted on stderr, once the
    // output is in place.
    let note = match args.format {
        ReportFormat::Json => {
            let line = serde_json::to_string(table).unwrap_or_default();
            writeln!(out, "{line}").map_err(write_failed)?;
            true
        }
        ReportFormat::Csv => {
            out.write_all(output::BOM).map_err(write_failed)?;
            out.write_all(treem::indicator::export::to_csv(table).as_bytes())
                .map_err(write_failed)?;
            true
        }
        ReportFormat::Dhis2 => {
            let path = args.dhis2_mapping.as_deref().ok_or_else(|| {
                Failure::Usage("--format dhis2 needs --dhis2-mapping FILE".into())
            })?;
            let mapping = read_mapping(path)?;
            let export = treem::indicator::export::to_dhis2(table, &mapping);
            let text = serde_json::to_string_pretty(&export).unwrap_or_default();
            writeln!(out, "{text}").map_err(write_failed)?;
            true
        }
        ReportFormat::Table => {
            let text = indicators::terminal(table, context);
            out.write_all(text.as_bytes()).map_err(write_failed)?;
            false
        }
        ReportFormat::Html => {
            let text = crate::output::html::report(table, context);
            out.write_all(text.as_bytes()).map_err(write_failed)?;
            false
        }
    };
    out.finish()?;
    output::commit()?;
    if note {
        indicators::note_on_stderr(context);
        if table.cells.is_empty() {
            // The machine formats have no place for the reason: it goes beside the note.
            eprintln!("treem: {}", indicators::why_empty(context));
        }
    }
    Ok(())
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
fn tagged(record: serde_json::Value, kind: treem::Kind) -> serde_json::Value {
    let tag = record.get("kind").and_then(serde_json::Value::as_str);
    let already = match tag {
        Some("indicator_value") => true,
        Some(tag) => TAGGABLE.contains(&tag) && record.get("record").is_some(),
        None => false,
    };
    if already {
        record
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

/// The dataset and row of the item an issue points into, and the rest of its path.
fn item_of(path: &str, origins: &Origins) -> (Option<(usize, u64)>, String) {
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
            tagged(plain, "child".parse().unwrap()),
            serde_json::json!({"kind": "child", "record": {"id": "A"}})
        );
        let case = serde_json::json!({"kind": "case", "record": {"child_id": "A"}});
        assert_eq!(tagged(case.clone(), "child".parse().unwrap()), case);
    }

    #[test]
    fn age_groups_are_read() {
        assert_eq!(age_groups("0, 6,11,15").ok(), Some(vec![0, 6, 11, 15]));
        assert!(age_groups("0,six").is_err());
    }
}
