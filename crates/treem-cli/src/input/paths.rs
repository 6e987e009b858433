//! Field paths: where a column's cell goes in a record, nested members included.
//!
//! A spreadsheet row is flat; a record is not. A column maps to a path of member names and
//! array indices joined by dots (`full_name`, `residence.commune_code`, `guardians.0.phone`,
//! `disability.types`). A path is accepted when the kind's JSON Schema has a member at it,
//! so a typo in a mapping file is caught before any row is read, and the schema also says
//! how a cell becomes a value: a number for an integer member when the cell is one, a list
//! for a list of strings (a cell such as `vận động; nghe, nói` split on `;` or line breaks:
//! not on commas, which the law's own labels contain, "Khuyết tật nghe, nói"), text
//! otherwise. Whatever the cell holds reaches the rules: a cell that is not a
//! number where one is expected stays text, and the rules report it at that path.
//!
//! A list member can also be chosen by what it is rather than where it is:
//! `guardians[relationship=father].full_name` is the guardian whose `relationship` is
//! `father`, added (with that relationship) when the row has none. That is how a sheet's
//! "Họ tên cha" and "Họ tên mẹ" columns become two guardians with their relationship, which
//! a numbered path cannot say. Members chosen this way come after the numbered ones: the
//! numbered paths of a row are placed first, whatever the column order, so
//! `guardians.0.full_name` ("Người giám hộ") is the same guardian in every sheet.

use serde_json::{Map, Value};

/// How a cell becomes the value at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Text, as written.
    Text,
    /// A whole number when the cell is one, else the text.
    Integer,
    /// A school grade as officers write the class: `5`, `5A`, `10A1`, `Lớp 5B`: the grade is
    /// the number the class name starts with (classes are named by grade and a letter in
    /// Vietnamese schools); a cell that does not read so stays text for the rules to report.
    Grade,
    /// A list of texts: the cell split on `;` and line breaks.
    TextList,
    /// A list of groups of special circumstances (`[{"group": ...}]`) written as text, read
    /// by the core's `special_circumstances` reader; a piece that names no group is kept as
    /// a group of that text, which the rules then report at its path.
    Groups,
}

/// The shape of the value at `path` in the kind's input schema, or `None` when the schema
/// has no member there (or the member is an object or a list of objects, which one cell
/// cannot fill).
pub(crate) fn shape_at(schema: &Value, path: &str) -> Option<Shape> {
    let mut here = resolve(schema, schema)?;
    for segment in segments(path)? {
        here = if let Segment::Chosen { list, member, .. } = segment {
            let list = resolve(schema, here.get("properties")?.get(list)?)?;
            if !has_type(list, "array") {
                return None;
            }
            let items = resolve(schema, list.get("items")?)?;
            let chooser = resolve(schema, items.get("properties")?.get(member)?)?;
            if !has_type(chooser, "string") {
                return None;
            }
            items
        } else if let Segment::Index(_) = segment {
            if !has_type(here, "array") {
                return None;
            }
            resolve(schema, here.get("items")?)?
        } else if let Segment::Member(name) = segment {
            resolve(schema, here.get("properties")?.get(name)?)?
        } else {
            return None;
        };
    }
    if has_type(here, "integer") {
        let last = path.rsplit('.').next();
        Some(if last == Some("grade") {
            Shape::Grade
        } else {
            Shape::Integer
        })
    } else if has_type(here, "string") {
        Some(Shape::Text)
    } else if has_type(here, "array") {
        let items = resolve(schema, here.get("items")?)?;
        if has_type(items, "string") {
            Some(Shape::TextList)
        } else if path == "special_circumstances" && items.get("properties")?.get("group").is_some()
        {
            Some(Shape::Groups)
        } else {
            None
        }
    } else {
        None
    }
}

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment<'a> {
    /// A member of an object.
    Member(&'a str),
    /// An element of a list, by place.
    Index(usize),
    /// The element of the list member `list` whose member `member` is `value` (`list[member=value]`).
    Chosen {
        list: &'a str,
        member: &'a str,
        value: &'a str,
    },
}

/// The steps of `path`, or `None` when one is malformed (an empty name, an unclosed `[`).
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    // A chosen element's value may not contain a dot or a bracket: relationship codes and the
    // like never do, and it keeps the path split on dots.
    path.split('.')
        .map(|segment| {
            if segment.is_empty() {
                None
            } else if let Some((list, rest)) = segment.split_once('[') {
                let (member, value) = rest.strip_suffix(']')?.split_once('=')?;
                let valid = |t: &str| !t.is_empty() && !t.contains(['[', ']', '=']);
                (valid(list) && valid(member) && valid(value)).then_some(Segment::Chosen {
                    list,
                    member,
                    value,
                })
            } else if segment.bytes().all(|b| b.is_ascii_digit()) {
                segment.parse().ok().map(Segment::Index)
            } else if segment.contains([']', '=']) {
                None
            } else {
                Some(Segment::Member(segment))
            }
        })
        .collect()
}

/// Whether `path` chooses a list element by one of its members (`guardians[relationship=father]`).
pub(crate) fn chooses(path: &str) -> bool {
    path.contains('[')
}

/// `path` with each chosen element replaced by its place in `record` (`guardians.1.full_name`
/// for `guardians[relationship=father].full_name` when the father is the second guardian):
/// where a row's cell went, to find its value again once the record is normalised (when
/// `relationship` may have been rewritten and another guardian may have become `father`).
pub(crate) fn numbered(record: &Value, path: &str) -> Option<String> {
    let mut here = record;
    let mut out = Vec::new();
    for segment in segments(path)? {
        match segment {
            Segment::Member(name) => {
                here = here.get(name)?;
                out.push(name.to_owned());
            }
            Segment::Index(index) => {
                here = here.get(index)?;
                out.push(index.to_string());
            }
            Segment::Chosen {
                list,
                member,
                value,
            } => {
                let items = here.get(list)?.as_array()?;
                let at = items
                    .iter()
                    .position(|item| item.get(member).and_then(Value::as_str) == Some(value))?;
                here = items.get(at)?;
                out.push(list.to_owned());
                out.push(at.to_string());
            }
        }
    }
    Some(out.join("."))
}

/// The value at `path` in `record` (a chosen element is the first whose member has the value).
pub(crate) fn value_at<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    let mut here = record;
    for segment in segments(path)? {
        here = match segment {
            Segment::Member(name) => here.get(name)?,
            Segment::Index(index) => here.get(index)?,
            Segment::Chosen {
                list,
                member,
                value,
            } => here
                .get(list)?
                .as_array()?
                .iter()
                .find(|item| item.get(member).and_then(Value::as_str) == Some(value))?,
        };
    }
    Some(here)
}

/// Every path of the schema one cell can fill, array members at index 0 (`guardians.0.phone`).
pub(crate) fn all_paths(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(root) = resolve(schema, schema) {
        collect(schema, root, "", 0, &mut out);
    }
    out
}

fn collect(schema: &Value, here: &Value, prefix: &str, depth: usize, out: &mut Vec<String>) {
    // Drafts nest two or three levels; the bound keeps a recursive schema from looping.
    if depth > 6 {
        return;
    }
    let Some(properties) = here.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (name, member) in properties {
        let path = format!("{prefix}{name}");
        let Some(member) = resolve(schema, member) else {
            continue;
        };
        if shape_at(schema, &path).is_some() {
            out.push(path.clone());
        }
        if has_type(member, "object") {
            collect(schema, member, &format!("{path}."), depth + 1, out);
        } else if has_type(member, "array") {
            if let Some(items) = member.get("items").and_then(|i| resolve(schema, i)) {
                collect(schema, items, &format!("{path}.0."), depth + 1, out);
            }
        }
    }
}

/// Follows `$ref` (to `#/$defs/...`) and an `anyOf` of one alternative and `null`.
fn resolve<'a>(root: &'a Value, mut here: &'a Value) -> Option<&'a Value> {
    for _ in 0..8 {
        if let Some(reference) = here.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/$defs/")?;
            here = root.get("$defs")?.get(name)?;
            continue;
        }
        if let Some(options) = here.get("anyOf").and_then(Value::as_array) {
            let mut real = options.iter().filter(|o| !is_null(o));
            match (real.next(), real.next()) {
                (Some(only), None) => {
                    here = only;
                    continue;
                }
                _ => return Some(here),
            }
        }
        return Some(here);
    }
    None
}

fn is_null(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

fn has_type(schema: &Value, wanted: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(wanted)),
        _ => wanted == "object" && schema.get("properties").is_some(),
    }
}

/// The value a cell gives a member of `shape`.
pub(crate) fn cell_value(cell: &str, shape: Shape) -> Value {
    match shape {
        Shape::Text => Value::String(cell.to_owned()),
        Shape::Integer => match cell.trim().parse::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(cell.to_owned()),
        },
        Shape::Grade => {
            grade_of_class(cell).map_or_else(|| Value::String(cell.to_owned()), Value::from)
        }
        Shape::Groups => {
            let mut groups: Vec<Value> = Vec::new();
            for piece in treem::child::circumstance_text::pieces(cell) {
                let named: Vec<Value> = if piece.groups.is_empty() {
                    vec![Value::String(piece.text.to_owned())]
                } else {
                    piece.groups.iter().map(|g| Value::from(*g)).collect()
                };
                for group in named {
                    let item = serde_json::json!({ "group": group });
                    if !groups.contains(&item) {
                        groups.push(item);
                    }
                }
            }
            Value::Array(groups)
        }
        Shape::TextList => Value::Array(
            cell.split([';', '\n', '\r'])
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .map(|part| Value::String(part.to_owned()))
                .collect(),
        ),
    }
}

/// The grade a class name gives (`5A` → 5, `Lớp 10A1` → 10, `12` → 12): the leading number
/// after an optional "lớp", then nothing or a class letter and what follows it.
fn grade_of_class(cell: &str) -> Option<i64> {
    let text = cell.trim();
    let lower = text.to_lowercase();
    let rest = ["lớp", "lop"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))
        .unwrap_or(&lower)
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, suffix) = rest.split_at_checked(digits)?;
    let class_letter = suffix.chars().next().is_none_or(char::is_alphabetic);
    if number.is_empty() || !class_letter {
        return None;
    }
    number.parse().ok()
}

/// Puts `value` at `path` in `record` unless something is there already (when two columns
/// feed one member, the first non-blank cell wins). Arrays are grown with empty objects up
/// to the index, so `guardians.1.phone` alone gives `[{}, {"phone": ...}]`; a chosen element
/// (`guardians[relationship=father].full_name`) is the first with that member's value, or a
/// new element holding it, appended.
pub(crate) fn insert(record: &mut Map<String, Value>, path: &str, value: Value) {
    fn place(here: &mut Value, segments: &[Segment<'_>], value: Value) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        match *first {
            Segment::Index(index) => {
                if !here.is_array() {
                    *here = Value::Array(Vec::new());
                }
                let Some(items) = here.as_array_mut() else {
                    return;
                };
                // A sheet has a column per guardian at most: a huge index is a typo, not a
                // reason to allocate.
                if index > 64 {
                    return;
                }
                while items.len() <= index {
                    items.push(Value::Object(Map::new()));
                }
                if let Some(item) = items.get_mut(index) {
                    if rest.is_empty() {
                        if item.as_object().is_some_and(Map::is_empty) {
                            *item = value;
                        }
                    } else {
                        place(item, rest, value);
                    }
                }
            }
            Segment::Member(name) => {
                let Some(map) = here.as_object_mut() else {
                    return;
                };
                if rest.is_empty() {
                    map.entry(name.to_owned()).or_insert(value);
                    return;
                }
                let next_is_index = matches!(rest.first(), Some(Segment::Index(_)));
                let child = map.entry(name.to_owned()).or_insert_with(|| {
                    if next_is_index {
                        Value::Array(Vec::new())
                    } else {
                        Value::Object(Map::new())
                    }
                });
                place(child, rest, value);
            }
            Segment::Chosen {
                list,
                member,
                value: wanted,
            } => {
                let Some(map) = here.as_object_mut() else {
                    return;
                };
                let items = map
                    .entry(list.to_owned())
                    .or_insert_with(|| Value::Array(Vec::new()));
                let Some(items) = items.as_array_mut() else {
                    return;
                };
                let found = items
                    .iter()
                    .position(|item| item.get(member).and_then(Value::as_str) == Some(wanted));
                let at = match found {
                    Some(at) => at,
                    None => {
                        let mut item = Map::new();
                        item.insert(member.to_owned(), Value::String(wanted.to_owned()));
                        items.push(Value::Object(item));
                        items.len() - 1
                    }
                };
                if let Some(item) = items.get_mut(at) {
                    place(item, rest, value);
                }
            }
        }
    }
    let Some(segments) = segments(path) else {
        return;
    };
    let mut root = Value::Object(std::mem::take(record));
    place(&mut root, &segments, value);
    if let Value::Object(map) = root {
        *record = map;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn child_schema() -> Value {
        "child".parse::<treem::Kind>().unwrap().schema()
    }

    #[test]
    fn paths_follow_the_schema_into_nested_members() {
        let schema = child_schema();
        assert_eq!(shape_at(&schema, "full_name"), Some(Shape::Text));
        assert_eq!(
            shape_at(&schema, "residence.commune_code"),
            Some(Shape::Text)
        );
        assert_eq!(shape_at(&schema, "guardians.0.phone"), Some(Shape::Text));
        assert_eq!(
            shape_at(&schema, "guardians.3.full_name"),
            Some(Shape::Text)
        );
        assert_eq!(shape_at(&schema, "schooling.grade"), Some(Shape::Grade));
        assert_eq!(
            shape_at(&schema, "guardians[relationship=father].full_name"),
            Some(Shape::Text)
        );
        // The chooser must be a text member of the list's elements; malformed paths are none.
        assert_eq!(shape_at(&schema, "guardians[phone_x=1].full_name"), None);
        assert_eq!(shape_at(&schema, "residence[edition=2025].address"), None);
        assert_eq!(
            shape_at(&schema, "guardians[relationship=].full_name"),
            None
        );
        assert_eq!(
            shape_at(&schema, "guardians[relationship=father.full_name"),
            None
        );
        assert_eq!(shape_at(&schema, "disability.types"), Some(Shape::TextList));
        // Objects and lists of objects cannot come from one cell; unknown members are none.
        assert_eq!(shape_at(&schema, "residence"), None);
        assert_eq!(shape_at(&schema, "guardians"), None);
        assert_eq!(shape_at(&schema, "residence.commune"), None);
        assert_eq!(shape_at(&schema, "guardians.phone"), None);
        assert_eq!(shape_at(&schema, "full_name.0"), None);
        let all = all_paths(&schema);
        for path in [
            "full_name",
            "residence.address",
            "guardians.0.phone",
            "disability.types",
        ] {
            assert!(all.iter().any(|p| p == path), "{path} in {all:?}");
        }
        assert!(all.iter().all(|p| shape_at(&schema, p).is_some()));
    }

    #[test]
    fn cells_are_put_at_their_paths_first_one_wins() {
        let mut record = Map::new();
        insert(&mut record, "full_name", json!("An"));
        insert(&mut record, "full_name", json!("Bình"));
        insert(&mut record, "guardians.0.phone", json!("0912345678"));
        insert(&mut record, "guardians.0.full_name", json!("Chi"));
        insert(&mut record, "guardians.2.phone", json!("0987654321"));
        insert(&mut record, "residence.commune_code", json!("11311"));
        insert(&mut record, "guardians.9999.phone", json!("x"));
        assert_eq!(
            Value::Object(record),
            json!({
                "full_name": "An",
                "guardians": [{"phone": "0912345678", "full_name": "Chi"}, {}, {"phone": "0987654321"}],
                "residence": {"commune_code": "11311"}
            })
        );
    }

    #[test]
    fn a_list_element_can_be_chosen_by_a_member() {
        let mut record = Map::new();
        insert(&mut record, "guardians.0.full_name", json!("Bà Lan"));
        insert(
            &mut record,
            "guardians[relationship=mother].full_name",
            json!("Mẹ Hoa"),
        );
        insert(
            &mut record,
            "guardians[relationship=father].full_name",
            json!("Cha Sơn"),
        );
        insert(
            &mut record,
            "guardians[relationship=mother].phone",
            json!("0912345678"),
        );
        insert(
            &mut record,
            "guardians[relationship=mother].full_name",
            json!("later"),
        );
        let record = Value::Object(record);
        assert_eq!(
            record,
            json!({"guardians": [
                {"full_name": "Bà Lan"},
                {"relationship": "mother", "full_name": "Mẹ Hoa", "phone": "0912345678"},
                {"relationship": "father", "full_name": "Cha Sơn"}
            ]})
        );
        assert_eq!(
            numbered(&record, "guardians[relationship=father].full_name").as_deref(),
            Some("guardians.2.full_name")
        );
        assert_eq!(
            value_at(&record, "guardians[relationship=mother].phone"),
            Some(&json!("0912345678"))
        );
        assert_eq!(
            value_at(&record, "guardians.0.full_name"),
            Some(&json!("Bà Lan"))
        );
        assert_eq!(
            numbered(&record, "guardians[relationship=uncle].full_name"),
            None
        );
    }

    #[test]
    fn cells_take_the_shape_of_their_member() {
        assert_eq!(cell_value(" 7 ", Shape::Integer), json!(7));
        assert_eq!(cell_value("7A", Shape::Integer), json!("7A"));
        assert_eq!(
            cell_value("vận động; Khuyết tật nghe, nói\nkhác;", Shape::TextList),
            json!(["vận động", "Khuyết tật nghe, nói", "khác"])
        );
        assert_eq!(cell_value(" An ", Shape::Text), json!(" An "));
        assert_eq!(cell_value("5A", Shape::Grade), json!(5));
        assert_eq!(cell_value("Lớp 10A1", Shape::Grade), json!(10));
        assert_eq!(cell_value("lop 3", Shape::Grade), json!(3));
        assert_eq!(cell_value(" 12 ", Shape::Grade), json!(12));
        assert_eq!(cell_value("5/3", Shape::Grade), json!("5/3"));
        assert_eq!(
            cell_value("Mẫu giáo lớn", Shape::Grade),
            json!("Mẫu giáo lớn")
        );
        assert_eq!(cell_value("A5", Shape::Grade), json!("A5"));
    }
}
