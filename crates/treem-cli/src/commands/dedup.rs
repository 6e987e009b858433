//! `treem dedup`: likely and possible duplicate children in a dataset (any input format), by
//! the core's `dedup` operation. Pairs are given as row numbers of the source with the
//! evidence (which members matched and how), never the names or IDs themselves.
//! Exit 0 when no pair is `likely` or an `id_conflict`, 1 otherwise.

use std::io::Write;

use treem::child::dedup::{self, Key, Keys};

use super::records::{self, Source};
use crate::args::{DedupArgs, OutputFormat};
use crate::failure::Failure;
use crate::output::issues::{csv_failed, finish_csv};
use crate::output::labels::Labels;
use crate::output::{self, write_failed};
use crate::{EXIT_ISSUES, EXIT_OK};

/// One pair, with rows instead of the core's record indices.
struct RowPair {
    a: u64,
    b: u64,
    level: String,
    evidence: Vec<(String, String)>,
}

/// Runs `dedup`.
pub(crate) fn run(args: &DedupArgs) -> Result<u8, Failure> {
    let run_options = crate::options::from_args(&args.input.common)?;
    let lang = run_options.ctx.lang;
    let kind: treem::Kind = args.input.kind.parse().map_err(Failure::Core)?;
    if kind.name() != "child" {
        return Err(Failure::Usage(format!(
            "treem dedup compares child records; --kind {} is not supported",
            kind.name()
        )));
    }
    let source = Source::of_input(&args.input, kind);
    crate::memory::check(
        crate::memory::Command::Dedup,
        args.max_memory.as_deref(),
        &[Some(&source)],
        lang,
    )?;
    // Each record is read, reduced to the core's compact key (a few dozen bytes, stored column
    // by column) and dropped; the core numbers keys by their place, and `rows` keeps each
    // one's source row. Room for the records guessed from the file's size is reserved at once
    // (an overestimate costs address space only: pages never written are never resident),
    // rather than columns that double as they grow and leave half their last doubling unused.
    let rows_in = records::open(&source, &run_options.ctx)?;
    let source_name = rows_in.source.clone();
    let mut keys = Keys::with_capacity(crate::memory::records_guess(&source));
    let mut rows = RowMap::default();
    let mut unreadable = Vec::new();
    let mut records_read = 0usize;
    rows_in.for_each(&run_options.ctx, |loaded| {
        records_read += 1;
        match loaded.record {
            Ok(record) => {
                rows.push(keys.len(), loaded.row);
                keys.push(Key::of_value(&record, &run_options.ctx));
            }
            Err(_) => unreadable.push(loaded.row),
        }
        Ok(())
    })?;
    let (found, comparisons, capped_blocks) = dedup::find(&keys);
    let row_of = |index: usize| rows.get(index).unwrap_or(0);
    for index in 0..keys.len() {
        if !keys.is_readable(index) {
            unreadable.push(row_of(index));
        }
    }
    drop(keys);
    unreadable.sort_unstable();
    // Each pair is put in rows and words as it is written, never all at once: tens of
    // thousands of pairs at a million records, a few hundred bytes each in words.
    let row_pair = |p: &dedup::Pair| RowPair {
        a: row_of(p.a),
        b: row_of(p.b),
        level: name_of(&p.level),
        evidence: p
            .evidence
            .iter()
            .map(|e| (e.field.to_owned(), name_of(&e.how)))
            .collect(),
    };
    let count = |level: dedup::Level| found.iter().filter(|p| p.level == level).count();
    let likely = count(dedup::Level::Likely);
    let conflicts = count(dedup::Level::IdConflict);
    let possible = found.len() - likely - conflicts;
    let mut out = output::create(None)?;
    match args.format {
        OutputFormat::Json => {
            // One object, written member by member in the order serde_json gives an object's
            // members (sorted), with the pairs streamed between the members before and after.
            let before = serde_json::json!({
                "options": run_options.echo,
                "comparisons": comparisons,
                "capped_blocks": capped_blocks,
                "likely": likely,
                "id_conflicts": conflicts,
            })
            .to_string();
            let after = serde_json::json!({
                "source": source_name,
                "records": records_read,
                "unreadable_rows": unreadable,
                "possible": possible,
            })
            .to_string();
            let before = before.strip_suffix('}').unwrap_or(&before);
            let after = after.strip_prefix('{').unwrap_or(&after);
            write!(out, "{before},\"pairs\":[").map_err(write_failed)?;
            for (i, pair) in found.iter().enumerate() {
                let comma = if i == 0 { "" } else { "," };
                let pair = pair_json(&row_pair(pair));
                write!(out, "{comma}{pair}").map_err(write_failed)?;
            }
            writeln!(out, "],{after}").map_err(write_failed)?;
        }
        OutputFormat::Ndjson => {
            for pair in &found {
                let line = pair_json(&row_pair(pair)).to_string();
                writeln!(out, "{line}").map_err(write_failed)?;
            }
        }
        OutputFormat::Csv => {
            out.write_all(output::BOM).map_err(write_failed)?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["row_a", "row_b", "level", "evidence"])
                .map_err(csv_failed)?;
            for pair in &found {
                let pair = row_pair(pair);
                let evidence: Vec<String> = pair
                    .evidence
                    .iter()
                    .map(|(f, m)| format!("{f}={m}"))
                    .collect();
                w.write_record([
                    pair.a.to_string(),
                    pair.b.to_string(),
                    pair.level,
                    evidence.join("; "),
                ])
                .map_err(csv_failed)?;
            }
            finish_csv(w)?;
            return Ok(exit(likely + conflicts));
        }
        OutputFormat::Table => {
            let l = Labels::new(lang);
            let head = table_head(
                &source_name,
                &run_options.echo,
                records_read,
                &unreadable,
                (likely, possible, conflicts),
                &l,
            );
            out.write_all(head.as_bytes()).map_err(write_failed)?;
            for pair in &found {
                let line = table_line(&row_pair(pair), &l);
                out.write_all(line.as_bytes()).map_err(write_failed)?;
            }
        }
    }
    out.finish()?;
    Ok(exit(likely + conflicts))
}

/// Exit 1 when a pair asks for a correction: likely one child, or one ID on two children.
fn exit(to_correct: usize) -> u8 {
    if to_correct == 0 {
        EXIT_OK
    } else {
        EXIT_ISSUES
    }
}

/// The name a level or a match has in the core's JSON answer (`likely`, `day_month_swapped`).
fn name_of(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Row numbers of the keys, as runs of consecutive keys on consecutive rows: a few runs for
/// millions of records (a new run only after a blank line or an unreadable row).
#[derive(Default)]
struct RowMap {
    /// (first key, its row), in key order.
    runs: Vec<(usize, u64)>,
}

impl RowMap {
    /// Key `index` (the next one) is on `row`.
    fn push(&mut self, index: usize, row: u64) {
        if let Some(&(first, first_row)) = self.runs.last() {
            if first_row.checked_add((index - first) as u64) == Some(row) {
                return;
            }
        }
        self.runs.push((index, row));
    }

    /// The row of key `index`.
    fn get(&self, index: usize) -> Option<u64> {
        let at = self.runs.partition_point(|&(first, _)| first <= index);
        let &(first, row) = self.runs.get(at.checked_sub(1)?)?;
        Some(row + (index - first) as u64)
    }
}

fn pair_json(pair: &RowPair) -> serde_json::Value {
    serde_json::json!({
        "row_a": pair.a,
        "row_b": pair.b,
        "level": pair.level,
        "evidence": pair.evidence.iter().map(|(f, m)| serde_json::json!({"field": f, "match": m})).collect::<Vec<_>>(),
    })
}

/// A member's name for people.
fn field_label(field: &str, l: &Labels) -> String {
    let (vi, en) = match field {
        "personal_id" => ("Số định danh", "Personal ID"),
        "full_name" => ("Họ tên", "Name"),
        "date_of_birth" => ("Ngày sinh", "Date of birth"),
        "residence.commune_code" => ("Xã/phường", "Commune"),
        "sex" => ("Giới tính", "Sex"),
        other => (other, other),
    };
    l.pick(vi, en).to_owned()
}

/// How a member matched, for people.
fn match_label(how: &str, l: &Labels) -> String {
    let (vi, en) = match how {
        "equal" => ("trùng", "equal"),
        "folded" => ("trùng khi bỏ dấu", "equal without marks"),
        "one_edit" => ("khác một ký tự", "one letter apart"),
        "day_month_swapped" => ("đảo ngày và tháng", "day and month swapped"),
        "successor" => (
            "xã cũ và xã mới sau sáp nhập",
            "old commune and its successor",
        ),
        "differs" => ("khác", "differs"),
        "missing" => ("thiếu", "missing"),
        other => (other, other),
    };
    l.pick(vi, en).to_owned()
}

/// The summary for people, before the pairs (one line each, [`table_line`]).
fn table_head(
    source: &str,
    options: &serde_json::Value,
    records: usize,
    unreadable: &[u64],
    (likely, possible, conflicts): (usize, usize, usize),
    l: &Labels,
) -> String {
    let as_of = options
        .get("as_of")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("-");
    let mut text = format!(
        "treem · {} · {}: {source}\n{}: {as_of}\n{}: {records} · {}: {likely} · {}: {possible}\n",
        l.pick("Tìm hồ sơ trẻ em trùng lặp", "Duplicate child records"),
        l.pick("nguồn", "source"),
        l.pick("Ngày tính", "As of"),
        l.pick("Số bản ghi", "Records"),
        l.pick("cặp gần như chắc chắn trùng", "likely pairs"),
        l.pick("cặp có thể trùng", "possible pairs"),
    );
    if conflicts > 0 {
        text.push_str(&format!(
            "{}: {conflicts}\n",
            l.pick(
                "Cặp trùng số định danh nhưng là hai trẻ khác nhau (một hồ sơ ghi sai số)",
                "Pairs sharing a personal ID but plainly two children (one record has a wrong ID)"
            ),
        ));
    }
    if !unreadable.is_empty() {
        let rows: Vec<String> = unreadable.iter().map(u64::to_string).collect();
        text.push_str(&format!(
            "{}: {}\n",
            l.pick(
                "Dòng không đọc được (không so sánh)",
                "Unreadable rows (not compared)"
            ),
            rows.join(", ")
        ));
    }
    if likely + possible + conflicts == 0 {
        text.push_str(l.pick(
            "\nKhông thấy cặp nào trùng.\n",
            "\nNo duplicate pair found.\n",
        ));
        return text;
    }
    text.push_str(&format!(
        "\n{:>7} {:>7}  {:<12} {}\n",
        l.pick("Dòng", "Row"),
        l.pick("Dòng", "Row"),
        l.pick("Mức", "Level"),
        l.pick("Căn cứ", "Evidence")
    ));
    text
}

/// One pair of the summary for people.
fn table_line(pair: &RowPair, l: &Labels) -> String {
    let level = match pair.level.as_str() {
        "likely" => l.pick("gần chắc", "likely"),
        "id_conflict" => l.pick("trùng số ĐD", "ID conflict"),
        _ => l.pick("có thể", "possible"),
    };
    let evidence: Vec<String> = pair
        .evidence
        .iter()
        .map(|(f, m)| format!("{} {}", field_label(f, l), match_label(m, l)))
        .collect();
    format!(
        "{:>7} {:>7}  {level:<12} {}\n",
        pair.a,
        pair.b,
        evidence.join(", ")
    )
}
