//! `treem dedup`: likely and possible duplicate children in a dataset (any input format), by
//! the core's `dedup` operation. Pairs are given as row numbers of the source with the
//! evidence (which members matched and how), never the names or IDs themselves.
//! Exit 0 when no pair is `likely`, 1 otherwise.

use std::io::Write;

use super::records::{self, Source};
use crate::args::{DedupArgs, OutputFormat};
use crate::failure::Failure;
use crate::output::labels::Labels;
use crate::output::{self, issues::csv_failed, write_failed};
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
    let set = records::load(&Source::of_input(&args.input, kind), &run_options.ctx)?;
    // The core numbers records by their place in its input: keep each one's source row.
    let mut text = String::new();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for loaded in &set.rows {
        match &loaded.record {
            Ok(record) => {
                text.push_str(&record.to_string());
                text.push('\n');
                rows.push(loaded.row);
            }
            Err(_) => unreadable.push(loaded.row),
        }
    }
    let answer = treem::api::dedup(text.as_bytes(), &run_options.json).map_err(Failure::Core)?;
    let row_of = |index: &serde_json::Value| {
        index
            .as_u64()
            .and_then(|i| rows.get(i as usize))
            .copied()
            .unwrap_or(0)
    };
    let pairs: Vec<RowPair> = answer
        .get("pairs")
        .and_then(serde_json::Value::as_array)
        .map(|pairs| {
            pairs
                .iter()
                .map(|p| RowPair {
                    a: p.get("a").map_or(0, row_of),
                    b: p.get("b").map_or(0, row_of),
                    level: str_of(p.get("level")),
                    evidence: p
                        .get("evidence")
                        .and_then(serde_json::Value::as_array)
                        .map(|ev| {
                            ev.iter()
                                .map(|e| (str_of(e.get("field")), str_of(e.get("match"))))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    for index in answer
        .get("unreadable")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
    {
        unreadable.push(row_of(index));
    }
    unreadable.sort_unstable();
    let likely = pairs.iter().filter(|p| p.level == "likely").count();
    let mut out = output::create(None)?;
    match args.format {
        OutputFormat::Json => {
            let doc = serde_json::json!({
                "source": set.source,
                "options": run_options.echo,
                "records": set.rows.len(),
                "unreadable_rows": unreadable,
                "comparisons": answer.get("comparisons"),
                "capped_blocks": answer.get("capped_blocks"),
                "likely": likely,
                "possible": pairs.len() - likely,
                "pairs": pairs.iter().map(pair_json).collect::<Vec<_>>(),
            });
            writeln!(out, "{doc}").map_err(write_failed)?;
        }
        OutputFormat::Ndjson => {
            for pair in &pairs {
                writeln!(out, "{}", pair_json(pair)).map_err(write_failed)?;
            }
        }
        OutputFormat::Csv => {
            out.write_all(output::BOM).map_err(write_failed)?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["row_a", "row_b", "level", "evidence"])
                .map_err(csv_failed)?;
            for pair in &pairs {
                let evidence: Vec<String> = pair
                    .evidence
                    .iter()
                    .map(|(f, m)| format!("{f}={m}"))
                    .collect();
                w.write_record([
                    pair.a.to_string(),
                    pair.b.to_string(),
                    pair.level.clone(),
                    evidence.join("; "),
                ])
                .map_err(csv_failed)?;
            }
            w.flush().map_err(write_failed)?;
            return Ok(exit(likely));
        }
        OutputFormat::Table => {
            let text = table(
                &set.source,
                &run_options.echo,
                set.rows.len(),
                &unreadable,
                &pairs,
                lang,
            );
            out.write_all(text.as_bytes()).map_err(write_failed)?;
        }
    }
    out.flush().map_err(write_failed)?;
    Ok(exit(likely))
}

fn exit(likely: usize) -> u8 {
    if likely == 0 {
        EXIT_OK
    } else {
        EXIT_ISSUES
    }
}

fn str_of(v: Option<&serde_json::Value>) -> String {
    v.and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned()
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

/// The summary for people.
fn table(
    source: &str,
    options: &serde_json::Value,
    records: usize,
    unreadable: &[u64],
    pairs: &[RowPair],
    lang: treem::Lang,
) -> String {
    let l = Labels::new(lang);
    let likely = pairs.iter().filter(|p| p.level == "likely").count();
    let as_of = options
        .get("as_of")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("-");
    let mut text = format!(
        "treem · {} · {}: {source}\n{}: {as_of}\n{}: {records} · {}: {likely} · {}: {}\n",
        l.pick("Tìm hồ sơ trẻ em trùng lặp", "Duplicate child records"),
        l.pick("nguồn", "source"),
        l.pick("Ngày tính", "As of"),
        l.pick("Số bản ghi", "Records"),
        l.pick("cặp gần như chắc chắn trùng", "likely pairs"),
        l.pick("cặp có thể trùng", "possible pairs"),
        pairs.len() - likely,
    );
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
    if pairs.is_empty() {
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
    for pair in pairs {
        let level = match pair.level.as_str() {
            "likely" => l.pick("gần chắc", "likely"),
            _ => l.pick("có thể", "possible"),
        };
        let evidence: Vec<String> = pair
            .evidence
            .iter()
            .map(|(f, m)| format!("{} {}", field_label(f, &l), match_label(m, &l)))
            .collect();
        text.push_str(&format!(
            "{:>7} {:>7}  {level:<12} {}\n",
            pair.a,
            pair.b,
            evidence.join(", ")
        ));
    }
    text
}
