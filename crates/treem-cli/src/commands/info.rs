//! `treem schema`, `treem parse`, `treem catalog`: one answer from the core, printed.

use std::io::Write;

use crate::args::CommonArgs;
use crate::failure::Failure;
use crate::output::write_failed;
use crate::{EXIT_ISSUES, EXIT_OK};

/// Prints a JSON value, pretty.
fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    writeln!(std::io::stdout().lock(), "{text}").map_err(write_failed)
}

/// `treem schema --kind K`.
pub(crate) fn schema(kind: &str) -> Result<u8, Failure> {
    print_json(&treem::api::schema(kind).map_err(Failure::Core)?)?;
    Ok(EXIT_OK)
}

/// `treem parse WHAT TEXT`: exit 1 when the text is not accepted.
pub(crate) fn parse(what: &str, text: &str, common: &CommonArgs) -> Result<u8, Failure> {
    let options = crate::options::from_args(common)?;
    let value = treem::api::parse(what, text, &options.json).map_err(Failure::Core)?;
    print_json(&value)?;
    Ok(if value.get("ok") == Some(&serde_json::Value::Bool(true)) {
        EXIT_OK
    } else {
        EXIT_ISSUES
    })
}

/// `treem catalog NAME [--format markdown]`.
pub(crate) fn catalog(
    name: &str,
    format: &str,
    filters: [(&str, Option<&str>); 2],
    common: &CommonArgs,
) -> Result<u8, Failure> {
    if format == "markdown" && name == "issue_codes" {
        write!(std::io::stdout().lock(), "{}", treem::codes::markdown()).map_err(write_failed)?;
        return Ok(EXIT_OK);
    }
    if format != "json" {
        return Err(Failure::Usage(format!(
            "--format {format} is not available for catalog {name}: use json (or markdown for issue_codes)"
        )));
    }
    let options = crate::options::from_args(common)?;
    // The catalog filters (province, district) join the shared options.
    let mut json = options.echo.clone();
    if let Some(map) = json.as_object_mut() {
        for (key, value) in filters {
            if let Some(value) = value {
                map.insert(key.into(), value.into());
            }
        }
    }
    let bytes = json.to_string().into_bytes();
    print_json(&treem::api::catalog(name, &bytes).map_err(Failure::Core)?)?;
    Ok(EXIT_OK)
}
