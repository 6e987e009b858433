//! Rows of a dataset file that cannot be read as a record.
//!
//! A batch (CSV, spreadsheet, NDJSON, JSON array) is read row by row; a row that cannot be
//! read is never dropped and never stops the run: it is reported with one of these codes at
//! its row number and kept as it was in any cleaned output. The codes live in the core so
//! that every caller that reads datasets (the CLI today) reports them alike and so that the
//! code table lists them.

crate::codes! {
    /// A CSV or spreadsheet row whose number of cells differs from the header's.
    ROW_COLUMN_COUNT = "row.column_count", Error, "dataset.row", "treem",
        "Dòng có {found} ô nhưng dòng tiêu đề có {expected} cột (dòng được giữ nguyên)",
        "The row has {found} cells but the header has {expected} columns (row kept as is)";
    /// A cell that cannot be decoded: bytes that are not UTF-8, or a spreadsheet error value.
    ROW_CELL_UNREADABLE = "row.cell_unreadable", Error, "dataset.row", "treem",
        "Không đọc được ô ở cột {column}: {reason_vi}",
        "The cell in column {column} cannot be read: {reason_en}";
    /// A line or element whose bytes are not UTF-8 text.
    ROW_NOT_UTF8 = "row.not_utf8", Error, "dataset.row", "treem",
        "Dòng chứa dữ liệu không phải văn bản UTF-8 (byte thứ {offset})",
        "The line is not UTF-8 text (byte {offset})";
}
