//! `--max-memory` for `report` and `dedup`: estimate what a run will need from the size of its
//! input before reading it, and refuse (exit 2, with the estimate, the limit and how to raise
//! it) rather than be killed by the operating system half way with no word.
//!
//! The estimate is a fixed base plus, per record, the bytes measured at scale (see
//! `docs/cli.md`, "Memory"), the number of records being guessed from the file's length at a
//! lean record size, so that it errs on the side of too much. Standard input and the bundled
//! sample have no known size and are not estimated.

use std::path::Path;

use crate::commands::records::Source;
use crate::failure::Failure;

/// The command being estimated.
#[derive(Clone, Copy)]
pub(crate) enum Command {
    /// `report`: the cases' facts, and 16 bytes (a hash and an index) per child id.
    Report,
    /// `dedup`: one compact key per record.
    Dedup,
}

/// What the process needs whatever the input (code, buffers of the chunks in flight).
const BASE: u64 = 64 << 20;
/// The smallest record we expect per input byte: a lean CSV row of a child (name, date of
/// birth, sex, a commune), so that the number of records is rather over- than underestimated.
/// Generated full records are about 560 bytes as NDJSON.
const LEAN_RECORD: u64 = 160;
/// Bytes per child kept by `report` (measured: the id hash map), rounded up.
const REPORT_PER_CHILD: u64 = 40;
/// Bytes per case kept by `report` until its child comes (facts, the child id index), rounded up.
const REPORT_PER_CASE: u64 = 1024;
/// Bytes per record kept by `dedup`, rounded up: measured 79 (peak RSS from 1,000,000 to
/// 2,000,000 generated records: the key columns, about 45, and the index lists, pairs and
/// scratch of the search, about 34; see `docs/cli.md`).
const DEDUP_PER_RECORD: u64 = 80;
/// A workbook is held whole by the spreadsheet reader: its cells take many times the
/// compressed file.
const XLSX_FACTOR: u64 = 12;

/// The length of a file source, when it is a file.
fn file_len(source: &Source<'_>) -> Option<(u64, bool)> {
    let path = source.path?;
    if path.as_os_str() == "-" {
        return None;
    }
    let len = std::fs::metadata(path).ok()?.len();
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    Some((len, xlsx))
}

/// The number of records of `source` guessed from its size at a lean record size (rather too
/// many than too few), for reserving room; 0 when the size is not known (standard input, the
/// bundled sample) or the file is a workbook (its compressed size says little).
pub(crate) fn records_guess(source: &Source<'_>) -> usize {
    match file_len(source) {
        Some((len, false)) => usize::try_from(len / LEAN_RECORD + 1).unwrap_or(0),
        _ => 0,
    }
}

/// The estimated peak memory of `command` over `inputs` (the first the main input, the
/// second `report`'s cases).
pub(crate) fn estimate(command: Command, inputs: &[Option<&Source<'_>>]) -> u64 {
    let mut need = BASE;
    for (position, source) in inputs.iter().enumerate() {
        let Some((len, xlsx)) = source.and_then(file_len) else {
            continue;
        };
        let records = len / LEAN_RECORD + 1;
        let per_record = match (command, position) {
            (Command::Report, 0) => REPORT_PER_CHILD,
            (Command::Report, _) => REPORT_PER_CASE,
            (Command::Dedup, _) => DEDUP_PER_RECORD,
        };
        need = need.saturating_add(records.saturating_mul(per_record));
        if xlsx {
            need = need.saturating_add(len.saturating_mul(XLSX_FACTOR));
        }
    }
    need
}

/// `--max-memory` read: bytes, or a number with K, M, G (powers of 1024; a trailing `B` or
/// `iB` allowed), decimals allowed (`1.5G`).
pub(crate) fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_uppercase();
    let t = t
        .strip_suffix("IB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(&t);
    let unit = match t.chars().last() {
        Some('K') => 1u64 << 10,
        Some('M') => 1 << 20,
        Some('G') => 1 << 30,
        Some('T') => 1 << 40,
        _ => 1,
    };
    let number = if unit == 1 { t } else { t.get(..t.len() - 1)? };
    let value: f64 = number.trim().parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some((value * unit as f64) as u64)
}

/// The default limit: half the machine's memory (`MemTotal` of /proc/meminfo), or none when
/// it cannot be read.
fn default_limit() -> Option<u64> {
    let text = std::fs::read_to_string(Path::new("/proc/meminfo")).ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb.saturating_mul(1024) / 2)
}

fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// Refuses the run when the estimate for `inputs` exceeds `--max-memory` (or the default).
pub(crate) fn check(
    command: Command,
    flag: Option<&str>,
    inputs: &[Option<&Source<'_>>],
    lang: treem::Lang,
) -> Result<(), Failure> {
    let (limit, given) = match flag {
        Some(text) => (
            Some(parse_size(text).ok_or_else(|| {
                Failure::Usage(format!(
                    "--max-memory {text:?}: expected a size such as 300M, 2G or 1500000000"
                ))
            })?),
            true,
        ),
        None => (default_limit(), false),
    };
    let Some(limit) = limit else {
        return Ok(());
    };
    let need = estimate(command, inputs);
    if need <= limit {
        return Ok(());
    }
    let name = match command {
        Command::Report => "report",
        Command::Dedup => "dedup",
    };
    let suggestion = mb(need).div_ceil(1024).max(1);
    let message = match lang {
        treem::Lang::Vi => format!(
            "treem {name} ước tính cần khoảng {} MB bộ nhớ cho dữ liệu này, vượt giới hạn {} MB{}; \
             không bắt đầu để khỏi bị hệ điều hành dừng giữa chừng. Hãy nâng giới hạn \
             (--max-memory {suggestion}G) nếu máy có đủ bộ nhớ, hoặc chia dữ liệu thành nhiều phần{}.",
            mb(need),
            mb(limit),
            if given { " (--max-memory)" } else { " (mặc định: một nửa bộ nhớ của máy)" },
            match command {
                Command::Report => " (report --partial cho từng phần rồi treem merge)",
                Command::Dedup => "",
            },
        ),
        treem::Lang::En => format!(
            "treem {name} estimates it needs about {} MB of memory for this input, over the limit of {} MB{}; \
             not starting, rather than being killed by the system half way. Raise the limit \
             (--max-memory {suggestion}G) if the machine has the memory, or split the input{}.",
            mb(need),
            mb(limit),
            if given { " (--max-memory)" } else { " (default: half the machine's memory)" },
            match command {
                Command::Report => " (report --partial per part, then treem merge)",
                Command::Dedup => "",
            },
        ),
    };
    Err(Failure::Usage(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read() {
        assert_eq!(parse_size("300M"), Some(300 << 20));
        assert_eq!(parse_size("2g"), Some(2 << 30));
        assert_eq!(parse_size("1.5GB"), Some(3 << 29));
        assert_eq!(parse_size("512MiB"), Some(512 << 20));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("-1M"), None);
    }
}
