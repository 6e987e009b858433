//! Which column of a CSV or spreadsheet holds which field of a kind.
//!
//! The built-in map (`data/columns.json`, compiled in) lists, per kind and field, the column
//! names officers use ("Họ và tên", "Ngày sinh", ...). Headers are matched after folding:
//! lower case, no diacritics (`đ` as `d`), punctuation and runs of spaces as one space, so
//! "HỌ VÀ TÊN", "Ho va ten" and "họ_và_tên" all match "Họ và tên". A field's own name always
//! matches too. A field is a path into the record (`guardians.0.phone`, see [`super::paths`]).
//! Built-in names only count for paths the kind accepts (its JSON Schema has them): names for
//! pending fields wait in the file until the kind lands them. Names from a `--mapping` file
//! are tried first; a path there that the kind does not have is refused before any row is
//! read.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::paths::{self, Shape};
use crate::failure::Failure;

/// The built-in column map.
const DEFAULT_MAP: &str = include_str!("../../data/columns.json");

/// Field name -> accepted column names, for one kind.
type FieldNames = BTreeMap<String, Vec<String>>;

/// The columns of one table and the field each one feeds (if any).
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    /// The header cells as written.
    pub(crate) headers: Vec<String>,
    /// For each column, the path of the field it feeds; `None` for a column kept but not
    /// validated.
    pub(crate) fields: Vec<Option<String>>,
    /// For each column, how its cell becomes the field's value (`None` with the field).
    pub(crate) shapes: Vec<Option<Shape>>,
    /// Columns that hold the row's ordinal number (STT): no data, never reported as unread.
    pub(crate) ordinal: Vec<bool>,
    /// Columns that feed a code (`residence.commune_code`) under a header that names the
    /// unit rather than its code ("Xã/Phường"): officers write names there, so cleaned
    /// output keeps the name in its column and adds a column with the code (header "Mã "
    /// and the column's header), in this order.
    pub(crate) code_columns: Vec<(usize, String)>,
}

impl Columns {
    /// The headers of columns that feed no field (the row's ordinal aside), in column order.
    pub(crate) fn unmapped(&self) -> Vec<&str> {
        self.headers
            .iter()
            .zip(&self.fields)
            .zip(&self.ordinal)
            .filter(|((_, f), ordinal)| f.is_none() && !**ordinal)
            .map(|((h, _), _)| h.as_str())
            .collect()
    }
}

/// The header matcher for one kind.
#[derive(Debug, Clone)]
pub(crate) struct Mapping {
    /// Folded column name -> field path, user names first (first insertion wins).
    by_folded: Vec<(String, String)>,
    /// The shape of each path a name maps to.
    shapes: BTreeMap<String, Shape>,
    /// Folded names of the columns that hold the row's ordinal number.
    ordinal: Vec<String>,
}

impl Mapping {
    /// The map for `kind`: the user's file (if any) first, then the built-in names of the
    /// fields the kind accepts, then each accepted field's own name.
    pub(crate) fn for_kind(kind: treem::Kind, user: Option<&str>) -> Result<Mapping, Failure> {
        let schema = kind.schema();
        let mut shapes = BTreeMap::new();
        let mut by_folded = Vec::new();
        if let Some(text) = user {
            for (field, names) in names_of(text, kind.name())
                .map_err(|e| Failure::Usage(format!("mapping file: {e}")))?
            {
                let Some(shape) = paths::shape_at(&schema, &field) else {
                    return Err(Failure::said(
                        "usage",
                        format!(
                            "tệp ánh xạ cột: loại {} không có trường “{field}” mà một ô có thể điền; các trường có thể dùng: {}",
                            kind.name(),
                            paths::all_paths(&schema).join(", ")
                        ),
                        format!(
                            "mapping file: kind {} has no field “{field}” that one cell can fill; fields that can be used: {}",
                            kind.name(),
                            paths::all_paths(&schema).join(", ")
                        ),
                    ));
                };
                shapes.insert(field.clone(), shape);
                for name in names {
                    by_folded.push((fold(&name), field.clone()));
                }
            }
        }
        let builtin = names_of(DEFAULT_MAP, kind.name())
            .map_err(|e| Failure::Usage(format!("built-in column map: {e}")))?;
        for (field, names) in builtin {
            if let Some(shape) = paths::shape_at(&schema, &field) {
                shapes.insert(field.clone(), shape);
                for name in names {
                    by_folded.push((fold(&name), field.clone()));
                }
            }
        }
        for field in accepted_fields(kind) {
            if let Some(shape) = paths::shape_at(&schema, &field) {
                shapes.insert(field.clone(), shape);
                by_folded.push((fold(&field), field));
            }
        }
        let ordinal = ordinal_names(DEFAULT_MAP)
            .map_err(|e| Failure::Usage(format!("built-in column map: {e}")))?;
        Ok(Mapping {
            by_folded,
            shapes,
            ordinal,
        })
    }

    /// The field a header feeds, if any.
    pub(crate) fn field_of(&self, header: &str) -> Option<&str> {
        let folded = fold(header);
        self.by_folded
            .iter()
            .find(|(name, _)| *name == folded)
            .map(|(_, field)| field.as_str())
    }

    /// Matches a header row. When two columns feed the same field, both are kept and the
    /// first non-empty cell wins (see [`crate::input::tabular`]).
    pub(crate) fn columns(&self, headers: Vec<String>) -> Columns {
        let fields: Vec<Option<String>> = headers
            .iter()
            .map(|h| self.field_of(h).map(str::to_owned))
            .collect();
        let shapes = fields
            .iter()
            .map(|f| f.as_ref().and_then(|f| self.shapes.get(f).copied()))
            .collect();
        let code_columns = headers
            .iter()
            .zip(&fields)
            .enumerate()
            .filter_map(|(i, (header, field))| {
                let field = field.as_deref()?;
                let folded = fold(header);
                let names_the_code = folded == "ma"
                    || folded.starts_with("ma ")
                    || folded.ends_with(" code")
                    || folded == "code";
                (field.ends_with("_code") && !names_the_code).then(|| (i, field.to_owned()))
            })
            .collect();
        let ordinal = headers
            .iter()
            .zip(&fields)
            .map(|(h, f)| f.is_none() && self.ordinal.contains(&fold(h)))
            .collect();
        Columns {
            headers,
            fields,
            shapes,
            ordinal,
            code_columns,
        }
    }
}

/// The top-level properties of the kind's JSON Schema: the fields it accepts (nested paths
/// are in [`paths::all_paths`]).
pub(crate) fn accepted_fields(kind: treem::Kind) -> Vec<String> {
    kind.schema()
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}

/// The folded names of the `$ordinal` list: columns that number the rows.
fn ordinal_names(text: &str) -> Result<Vec<String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(value
        .get("$ordinal")
        .and_then(serde_json::Value::as_array)
        .map(|names| names.iter().filter_map(|n| n.as_str()).map(fold).collect())
        .unwrap_or_default())
}

/// Reads `{kind: {field: [names...]}}` and returns the entry of `kind` (empty when absent).
fn names_of(text: &str, kind: &str) -> Result<FieldNames, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let Some(root) = value.as_object() else {
        return Err("expected an object {kind: {field: [column names]}}".into());
    };
    let mut out = FieldNames::new();
    let Some(entry) = root.get(kind) else {
        return Ok(out);
    };
    let Some(fields) = entry.as_object() else {
        return Err(format!(
            "{kind}: expected an object {{field: [column names]}}"
        ));
    };
    for (field, names) in fields {
        let list = match names {
            serde_json::Value::String(one) => vec![one.clone()],
            serde_json::Value::Array(many) => many
                .iter()
                .map(|n| {
                    n.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| format!("{kind}.{field}: column names must be strings"))
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(format!("{kind}.{field}: expected a list of column names")),
        };
        out.insert(field.clone(), list);
    }
    Ok(out)
}

/// Folds a header for matching: no diacritics, lower case, `đ` as `d`, every run of
/// non-alphanumeric characters as one space, trimmed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfd() {
        if is_combining_mark(ch) {
            continue;
        }
        let ch = match ch {
            'đ' | 'Đ' => 'd',
            other => other,
        };
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The combining diacritical marks Vietnamese uses after canonical decomposition.
fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Họ và tên"), "ho va ten");
        assert_eq!(fold("  HỌ VÀ TÊN "), "ho va ten");
        assert_eq!(fold("ho_va_ten"), "ho va ten");
        assert_eq!(fold("Số định danh cá nhân"), "so dinh danh ca nhan");
        assert_eq!(fold("Ngày, tháng, năm sinh"), "ngay thang nam sinh");
    }

    #[test]
    fn builtin_names_apply_only_to_accepted_fields() {
        let kind: treem::Kind = "child".parse().unwrap();
        let map = Mapping::for_kind(kind, None).unwrap();
        assert_eq!(map.field_of("HỌ VÀ TÊN"), Some("full_name"));
        assert_eq!(map.field_of("Ngày sinh"), Some("date_of_birth"));
        assert_eq!(map.field_of("gioi tinh"), Some("sex"));
        assert_eq!(map.field_of("sex"), Some("sex"));
        let accepted = accepted_fields(kind);
        assert_eq!(
            map.field_of("Số định danh cá nhân").is_some(),
            accepted.iter().any(|f| f == "personal_id")
        );
        assert_eq!(map.field_of("STT"), None);
    }

    #[test]
    fn user_names_come_first() {
        let kind: treem::Kind = "child".parse().unwrap();
        let map = Mapping::for_kind(kind, Some(r#"{"child": {"sex": ["Tên"]}}"#)).unwrap();
        assert_eq!(map.field_of("Tên"), Some("sex"));
        assert!(Mapping::for_kind(kind, Some("[1]")).is_err());
        assert!(Mapping::for_kind(kind, Some(r#"{"child": {"sex": 3}}"#)).is_err());
    }
}
