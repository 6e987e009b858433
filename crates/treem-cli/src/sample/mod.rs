//! `treem sample`: a deterministic synthetic dataset of Hải Phòng children in NDJSON, with
//! planted errors and duplicates at chosen rates, for demos, tests and benchmarks.
//!
//! Children carry every field the `child` kind accepts ([`fields`]); `--cases N` adds N
//! protection cases linked to them ([`cases`]), written to `--cases-output`. A planted
//! duplicate is an earlier child entered again under a new record id (as two officers would),
//! sometimes with spacing or marks changed. Fields the kind does not accept are left out.
//! The seed alone decides the output: the generator is our own SplitMix64 and rates are
//! compared in integer millionths; cases draw from their own stream, so asking for cases
//! leaves the children unchanged.

mod cases;
mod fields;
mod names;
mod rng;

use std::collections::VecDeque;
use std::io::Write;

use chrono::{Datelike, Days, NaiveDate};
use serde_json::{Map, Value};

use crate::args::SampleArgs;
use crate::failure::Failure;
use crate::output::{self, write_failed};
use rng::Rng;

/// How many recent records a planted duplicate may copy.
const RECENT: usize = 64;

/// One generated child, before it is written.
pub(crate) struct Child {
    /// The record id.
    pub(crate) id: String,
    /// Female (else male).
    pub(crate) female: bool,
    /// Date of birth.
    pub(crate) birth: NaiveDate,
    /// Family name.
    pub(crate) family: &'static str,
}

/// The seed of the cases' own stream.
const CASE_STREAM: u64 = 0x6361_7365_7374_7265;

/// Runs `sample`.
pub(crate) fn run(args: &SampleArgs) -> Result<u8, Failure> {
    let kind: treem::Kind = args.kind.parse().map_err(Failure::Core)?;
    let as_of = NaiveDate::parse_from_str(args.as_of.trim(), "%Y-%m-%d")
        .map_err(|_| Failure::Usage(format!("--as-of {:?}: expected YYYY-MM-DD", args.as_of)))?;
    // The same years the core accepts as `as_of`, so a sample can always be checked.
    if !treem::__private::AS_OF_YEARS.contains(&as_of.year()) {
        return Err(Failure::Usage(format!(
            "--as-of {}: the year must be from {} to {} (inclusive)",
            args.as_of,
            treem::__private::AS_OF_YEARS.start(),
            treem::__private::AS_OF_YEARS.end()
        )));
    }
    let errors = per_million("--error-rate", args.error_rate)?;
    let duplicates = per_million("--duplicate-rate", args.duplicate_rate)?;
    let accepted = crate::input::mapping::accepted_fields(kind);
    for needed in ["full_name", "date_of_birth", "sex"] {
        if !accepted.iter().any(|f| f == needed) {
            return Err(Failure::Usage(format!(
                "treem sample generates child records; kind {} has no field {needed}",
                kind.name()
            )));
        }
    }
    let mut case_out = match (args.cases, &args.cases_output) {
        (0, _) => None,
        (_, Some(path)) => Some(output::create(Some(path))?),
        (_, None) => {
            return Err(Failure::Usage(
                "--cases N needs --cases-output FILE (the children go to --output)".into(),
            ))
        }
    };
    let mut out = output::create(args.output.as_deref())?;
    let mut rng = Rng::new(args.seed);
    let mut case_rng = Rng::new(args.seed ^ CASE_STREAM);
    let mut recent: VecDeque<Value> = VecDeque::with_capacity(RECENT);
    let mut cases_written = 0u64;
    for index in 0..args.count {
        let id = format!("HP-{:07}", index + 1);
        let (record, child) = if !recent.is_empty() && rng.chance(duplicates) {
            let at = rng.below(recent.len() as u64) as usize;
            let copy = recent.get(at).cloned().unwrap_or(Value::Null);
            (vary(&mut rng, copy, &id), None)
        } else {
            let (mut record, child) = child(&mut rng, as_of, id);
            if rng.chance(errors) {
                plant_error(&mut rng, &mut record, as_of);
            }
            record.retain(|field, _| accepted.iter().any(|f| f == field));
            let record = Value::Object(record);
            if recent.len() == RECENT {
                recent.pop_front();
            }
            recent.push_back(record.clone());
            (record, Some(child))
        };
        // As text first: serde_json (built without `std`) panics inside `Display` when the
        // writer under it fails, and a full disk must be an error, not a panic.
        let line = record.to_string();
        writeln!(out, "{line}").map_err(write_failed)?;
        // Case j belongs to child floor(j * count / cases): spread evenly, exactly N.
        if let (Some(case_out), Some(child)) = (case_out.as_mut(), child) {
            while cases_written < args.cases
                && cases_written * args.count / args.cases.max(1) <= index
            {
                cases_written += 1;
                let error = case_rng.chance(errors);
                let case = cases::case(&mut case_rng, cases_written, &child, as_of, error);
                let line = case.to_string();
                writeln!(case_out, "{line}").map_err(write_failed)?;
            }
        }
    }
    out.finish()?;
    if let Some(case_out) = case_out {
        case_out.finish()?;
    }
    Ok(crate::EXIT_OK)
}

/// A rate in 0..=1 as millionths.
fn per_million(flag: &str, rate: f64) -> Result<u64, Failure> {
    if !(0.0..=1.0).contains(&rate) {
        return Err(Failure::Usage(format!("{flag} must be between 0 and 1")));
    }
    Ok((rate * 1_000_000.0).round() as u64)
}

/// A correct child record born in the 18 years before `as_of`, with every field.
fn child(rng: &mut Rng, as_of: NaiveDate, id: String) -> (Map<String, Value>, Child) {
    let female = rng.chance(486_000);
    let family = rng.weighted(names::FAMILY).copied().unwrap_or("Nguyễn");
    let (middle, given) = if female {
        (names::MIDDLE_FEMALE, names::GIVEN_FEMALE)
    } else {
        (names::MIDDLE_MALE, names::GIVEN_MALE)
    };
    let middle = rng.pick(middle).copied().unwrap_or("Văn");
    let given = rng.pick(given).copied().unwrap_or("An");
    let days_back = 1 + rng.below(18 * 365);
    let birth = as_of
        .checked_sub_days(Days::new(days_back))
        .unwrap_or(as_of);
    let mut record = Map::new();
    record.insert("id".into(), id.clone().into());
    record.insert(
        "full_name".into(),
        format!("{family} {middle} {given}").into(),
    );
    record.insert("date_of_birth".into(), written_date(rng, birth).into());
    record.insert("sex".into(), written_sex(rng, female).into());
    let child = Child {
        id,
        female,
        birth,
        family,
    };
    fields::add(rng, &child, as_of, &mut record);
    (record, child)
}

/// A date in one of the forms officers write.
fn written_date(rng: &mut Rng, date: NaiveDate) -> String {
    let (d, m, y) = (date.day(), date.month(), date.year());
    match rng.below(20) {
        0..=11 => date.format("%Y-%m-%d").to_string(),
        12..=16 => format!("{d}/{m}/{y}"),
        17..=18 => format!("{d:02}/{m:02}/{y}"),
        _ => format!("ngày {d} tháng {m} năm {y}"),
    }
}

/// Sex as officers write it.
fn written_sex(rng: &mut Rng, female: bool) -> &'static str {
    match (rng.below(10), female) {
        (0..=5, false) => "male",
        (0..=5, true) => "female",
        (6..=8, false) => "nam",
        (6..=8, true) => "nữ",
        (_, false) => "Nam",
        (_, true) => "Nữ",
    }
}

/// Plants one error of a kind chosen at random.
fn plant_error(rng: &mut Rng, record: &mut Map<String, Value>, as_of: NaiveDate) {
    let year = 2008 + rng.below(17) as i32;
    match rng.below(8) {
        5 => {
            // A personal ID whose sex digit contradicts the record.
            if let Some(Value::String(id)) = record.get("personal_id") {
                let flipped: String = id
                    .char_indices()
                    .map(|(i, c)| match (i, c.to_digit(10)) {
                        (3, Some(d)) => char::from_digit(d ^ 1, 10).unwrap_or(c),
                        _ => c,
                    })
                    .collect();
                record.insert("personal_id".into(), flipped.into());
            }
        }
        6 => {
            // A guardian's phone on a prefix that does not exist.
            if let Some(Value::Array(guardians)) = record.get_mut("guardians") {
                if let Some(first) = guardians.first_mut() {
                    set(first, "phone", format!("019{:07}", rng.below(10_000_000)));
                }
            }
        }
        7 => {
            // A commune code that is in no edition's list.
            if let Some(residence) = record.get_mut("residence") {
                set(
                    residence,
                    "commune_code",
                    format!("9{:04}", rng.below(10_000)),
                );
            }
        }
        0 => {
            let impossible = [
                format!("31/2/{year}"),
                format!("30/02/{year}"),
                format!("31/4/{year}"),
                format!("29/2/{}", if year % 4 == 0 { year + 1 } else { year }),
                format!("{year}-13-05"),
            ];
            let text = rng.pick(&impossible).cloned().unwrap_or_default();
            record.insert("date_of_birth".into(), text.into());
        }
        1 => {
            let future = as_of
                .checked_add_days(Days::new(1 + rng.below(3650)))
                .unwrap_or(as_of);
            record.insert(
                "date_of_birth".into(),
                future.format("%Y-%m-%d").to_string().into(),
            );
        }
        2 => {
            let bad = ["x", "?", "3", "không rõ", "N"];
            let text = rng.pick(&bad).copied().unwrap_or("x");
            record.insert("sex".into(), text.into());
        }
        3 => match rng.below(3) {
            0 => {
                record.insert("full_name".into(), (10_000 + rng.below(90_000)).into());
            }
            1 => {
                record.insert(
                    "date_of_birth".into(),
                    (20_150_314 + rng.below(1000)).into(),
                );
            }
            _ => {
                record.insert("sex".into(), Value::Bool(rng.chance(500_000)));
            }
        },
        _ => {
            let bad = [
                "15-3-15",
                "1/1",
                "mười hai tháng ba",
                "2015/3/14/1",
                "??/??/2016",
            ];
            let text = rng.pick(&bad).copied().unwrap_or("1/1");
            record.insert("date_of_birth".into(), text.into());
        }
    }
}

/// A duplicate as exports make them: the same child entered again under a new record id,
/// as written, with extra spaces in the name, or in capitals without marks.
fn vary(rng: &mut Rng, record: Value, id: &str) -> Value {
    let Value::Object(mut map) = record else {
        return record;
    };
    map.insert("id".into(), id.into());
    match rng.below(3) {
        0 => {
            if let Some(Value::String(name)) = map.get("full_name") {
                let spaced = format!(" {}  ", name.replacen(' ', "  ", 1));
                map.insert("full_name".into(), spaced.into());
            }
        }
        1 => {
            if let Some(Value::String(name)) = map.get("full_name") {
                let folded = treem::vn::name::fold(name).to_uppercase();
                map.insert("full_name".into(), folded.into());
            }
        }
        _ => {}
    }
    Value::Object(map)
}

/// Sets `key` of an object (nothing for any other value).
pub(crate) fn set(value: &mut Value, key: &str, member: impl Into<Value>) {
    if let Some(map) = value.as_object_mut() {
        map.insert(key.to_owned(), member.into());
    }
}
