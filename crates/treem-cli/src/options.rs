//! Turning the shared flags into the core's options (the CLI is the only place that reads the
//! clock: `--as-of` defaults to today and is echoed in every answer).

use crate::args::CommonArgs;
use crate::failure::Failure;

/// The options of one run, as the core reads them and as they are echoed.
pub(crate) struct RunOptions {
    /// The parsed context the rules are judged in.
    pub(crate) ctx: treem::Context,
    /// The same options as JSON bytes, for the core's JSON entry points.
    pub(crate) json: Vec<u8>,
    /// The same options as a JSON value, echoed in the output.
    pub(crate) echo: serde_json::Value,
}

/// Reads the shared flags; `--as-of` defaults to today's local date.
pub(crate) fn from_args(common: &CommonArgs) -> Result<RunOptions, Failure> {
    let as_of = match &common.as_of {
        Some(text) => as_of_date(text, &common.lang)?,
        None => chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
    };
    let mut map = serde_json::Map::new();
    map.insert("as_of".into(), as_of.into());
    map.insert("lang".into(), common.lang.clone().into());
    if let Some(edition) = &common.edition {
        map.insert("edition".into(), edition.clone().into());
    }
    // Checked by the core like every option (0 is refused there).
    if let Some(limit) = common.max_record_bytes {
        map.insert("max_record_bytes".into(), limit.into());
    }
    if let Some(path) = &common.holidays {
        map.insert("holidays".into(), holidays_file(path)?);
    }
    let value = serde_json::Value::Object(map);
    let ctx = treem::Context::from_options_value(&value).map_err(Failure::Core)?;
    Ok(RunOptions {
        json: value.to_string().into_bytes(),
        echo: ctx.to_options_value(),
        ctx,
    })
}

/// The JSON of `--holidays FILE`, checked by the core as the option `holidays`.
fn holidays_file(path: &std::path::Path) -> Result<serde_json::Value, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::io(format!("cannot read {}", path.display()), e))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::said(
            "invalid_option",
            format!("--holidays {}: không phải JSON ({e})", path.display()),
            format!("--holidays {}: not JSON ({e})", path.display()),
        )
    })
}

/// The ISO date `--as-of` gives, read as the data's dates are (`2026-11-28`, `28/11/2026`,
/// `28-11-2026`, ...) by the core's date parser, so that a day that does not exist is named
/// as the rules name it ("Ngày 30/2/2026 không tồn tại: tháng 2 chỉ có 28 ngày").
fn as_of_date(text: &str, lang: &str) -> Result<String, Failure> {
    let options = serde_json::json!({ "lang": lang }).to_string();
    let answer = treem::api::parse("date", text, options.as_bytes()).map_err(Failure::Core)?;
    if let Some(date) = answer
        .pointer("/value/date")
        .and_then(serde_json::Value::as_str)
    {
        return Ok(date.to_owned());
    }
    let issue_message = |lang: &str| {
        let options = serde_json::json!({ "lang": lang }).to_string();
        treem::api::parse("date", text, options.as_bytes())
            .ok()
            .and_then(|a| {
                a.pointer("/issues/0/message")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    };
    Err(Failure::said(
        "invalid_option",
        format!("--as-of “{text}”: {}", issue_message("vi")),
        format!("--as-of “{text}”: {}", issue_message("en")),
    ))
}
