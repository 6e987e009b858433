//! Looking at the start of an input to tell its shape without consuming records.

use std::io::BufRead;

/// What a JSON input turned out to be.
pub(crate) enum JsonShape {
    /// Starts with `[`: a JSON array, streamed element by element.
    Array,
    /// One JSON value per line (the first line parses, or is too long to look at).
    Lines,
    /// One JSON document spread over several lines (pretty-printed), read whole.
    Document(String),
    /// Neither: the bytes already read, to be read as NDJSON (bad lines get reported).
    Buffered(Vec<u8>),
}

/// Skips a UTF-8 byte-order mark; true when there was one.
pub(crate) fn skip_bom(stream: &mut impl BufRead) -> std::io::Result<bool> {
    let buf = stream.fill_buf()?;
    if buf.starts_with(b"\xEF\xBB\xBF") {
        stream.consume(3);
        return Ok(true);
    }
    Ok(false)
}

/// Tells the shape of a JSON input from its first line.
///
/// Only when the first line is not JSON by itself is the input read whole, to see whether it
/// is one pretty-printed document; an input like that is a single record, not a dataset.
pub(crate) fn json_shape(stream: &mut impl BufRead) -> std::io::Result<JsonShape> {
    loop {
        let buf = stream.fill_buf()?;
        let Some(&first) = buf.first() else {
            return Ok(JsonShape::Lines);
        };
        if first.is_ascii_whitespace() {
            stream.consume(1);
            continue;
        }
        if first == b'[' {
            return Ok(JsonShape::Array);
        }
        let Some(end) = buf.iter().position(|&b| b == b'\n') else {
            return Ok(JsonShape::Lines);
        };
        let first_line = buf.get(..end).unwrap_or_default();
        if serde_json::from_slice::<serde::de::IgnoredAny>(first_line).is_ok() {
            return Ok(JsonShape::Lines);
        }
        let mut all = Vec::new();
        stream.read_to_end(&mut all)?;
        return Ok(match String::from_utf8(all) {
            Ok(text) if serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok() => {
                JsonShape::Document(text)
            }
            Ok(text) => JsonShape::Buffered(text.into_bytes()),
            Err(e) => JsonShape::Buffered(e.into_bytes()),
        });
    }
}
