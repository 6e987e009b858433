//! The database: accepted records in their canonical JSON, in one SQLite file.
//!
//! One table, `records`: a row per accepted record with its kind, its own `id` (unique per
//! kind, so a child cannot be stored twice under one id and counted twice), the canonical
//! JSON and the codes of its warnings. SQLite checks the JSON is well formed. Calls block:
//! the HTTP layer runs them on tokio's blocking pool.

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rusqlite::{params, Connection, ErrorCode, OptionalExtension};
use serde_json::Value;

use crate::rules::RecordKind;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('child', 'case')),
    record_id TEXT,
    record    TEXT NOT NULL CHECK (json_valid(record)),
    warnings  TEXT NOT NULL CHECK (json_valid(warnings)),
    UNIQUE (kind, record_id)
);
";

/// One stored record.
#[derive(Debug, serde::Serialize)]
pub(crate) struct Row {
    /// The row id (`/children/{id}`).
    pub(crate) id: i64,
    /// The record's own `id`, if it has one.
    pub(crate) record_id: Option<String>,
    /// The canonical record.
    pub(crate) record: Value,
    /// The warnings it was accepted with: `[{"path", "code"}]`.
    pub(crate) warnings: Value,
    /// Its kind.
    #[serde(skip)]
    pub(crate) kind: RecordKind,
}

/// Why a record was not stored.
#[derive(Debug)]
pub(crate) enum StoreError {
    /// A record of this kind with this `id` is already stored, in this row.
    Duplicate(Option<(RecordKind, i64)>),
    /// The database failed (disk, lock, corruption): logged, answered as 500.
    Database(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(e)
    }
}

/// The database, one connection shared by the handlers.
#[derive(Debug)]
pub(crate) struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates) the database at `path` and its table.
    pub(crate) fn open(path: &Path) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// Stores one accepted record; answers its row id.
    pub(crate) fn insert(
        &self,
        kind: RecordKind,
        record_id: Option<&str>,
        record: &Value,
        warnings: &Value,
    ) -> Result<i64, StoreError> {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let inserted = conn.execute(
            "INSERT INTO records (kind, record_id, record, warnings) VALUES (?1, ?2, ?3, ?4)",
            params![
                kind.as_str(),
                record_id,
                record.to_string(),
                warnings.to_string()
            ],
        );
        match inserted {
            Ok(_) => Ok(conn.last_insert_rowid()),
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                let row = conn
                    .query_row(
                        "SELECT id FROM records WHERE kind = ?1 AND record_id = ?2",
                        params![kind.as_str(), record_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                Err(StoreError::Duplicate(row.map(|row| (kind, row))))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The stored records of `kind` (every kind when `None`), children before cases, each
    /// in the order stored.
    pub(crate) fn list(&self, kind: Option<RecordKind>) -> rusqlite::Result<Vec<Row>> {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let mut statement = conn.prepare(
            "SELECT id, kind, record_id, record, warnings FROM records
             WHERE ?1 IS NULL OR kind = ?1 ORDER BY kind = 'case', id",
        )?;
        let rows = statement.query_map([kind.map(RecordKind::as_str)], read_row)?;
        rows.collect()
    }

    /// One stored record of `kind`, by row id.
    pub(crate) fn get(&self, kind: RecordKind, id: i64) -> rusqlite::Result<Option<Row>> {
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        conn.query_row(
            "SELECT id, kind, record_id, record, warnings FROM records WHERE kind = ?1 AND id = ?2",
            params![kind.as_str(), id],
            read_row,
        )
        .optional()
    }
}

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let kind: String = row.get(1)?;
    let json = |i: usize| -> rusqlite::Result<Value> {
        let text: String = row.get(i)?;
        serde_json::from_str(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    };
    Ok(Row {
        id: row.get(0)?,
        kind: RecordKind::from_name(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                "unknown kind".into(),
            )
        })?,
        record_id: row.get(2)?,
        record: json(3)?,
        warnings: json(4)?,
    })
}
