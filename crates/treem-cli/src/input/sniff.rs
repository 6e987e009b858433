//! Looking at the start of an input to tell its shape without consuming records.

use std::io::BufRead;

use crate::failure::Failure;

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

/// Refuses at once an input that is not text, before any of it is read as rows: an Excel
/// workbook renamed `.csv`, an old `.xls`, a UTF-16 "Unicode text" export, a PDF or any
/// binary file would otherwise become hundreds of unreadable rows (or be echoed to the
/// terminal). Legacy 8-bit Vietnamese encodings (TCVN3, VNI) are text: they pass, and their
/// cells are reported one by one.
///
/// # Errors
/// A [`Failure::Said`] naming what the input looks like and what to do instead.
pub(crate) fn refuse_binary(stream: &mut impl BufRead, source: &str) -> Result<(), Failure> {
    let start = stream
        .fill_buf()
        .map_err(|e| Failure::io(format!("cannot read {source}"), e))?;
    let said = |vi: &str, en: &str| {
        Err(Failure::said(
            "not_text",
            format!("{source}: {vi}"),
            format!("{source}: {en}"),
        ))
    };
    if start.starts_with(b"PK\x03\x04") {
        return said(
            "đây là sổ tính Excel (.xlsx) hoặc tệp nén, không phải CSV hay JSON; hãy đặt đuôi .xlsx hoặc dùng --input-format xlsx",
            "this is an Excel workbook (.xlsx) or a zip archive, not CSV or JSON; give it the .xlsx extension or pass --input-format xlsx",
        );
    }
    if start.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return said(
            "đây là sổ tính Excel cũ (.xls); hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8",
            "this is an old Excel workbook (.xls); save it as .xlsx or as CSV UTF-8",
        );
    }
    if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        return said(
            "tệp được mã hóa UTF-16 (\"Unicode Text\" của Excel); hãy lưu lại dưới dạng CSV UTF-8",
            "the file is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV UTF-8",
        );
    }
    if start.starts_with(b"%PDF") {
        return said(
            "đây là tệp PDF, không phải dữ liệu dạng bảng hay JSON",
            "this is a PDF file, not a table or JSON data",
        );
    }
    if start.contains(&0) {
        return said(
            "tệp chứa dữ liệu nhị phân (byte 0), không phải văn bản",
            "the file holds binary data (zero bytes), not text",
        );
    }
    Ok(())
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
