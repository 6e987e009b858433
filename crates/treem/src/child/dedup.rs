//! Duplicate child records in a set: pairs that are likely or possibly the same child, and
//! pairs that share a personal ID although they are plainly two children, each with the
//! evidence (which members matched, and how). Nothing is merged: a person decides.
//!
//! No law sets these criteria; they are treem's (the seed's "làm sạch dữ liệu trẻ em").
//!
//! | level      | when                                                                        |
//! |------------|-----------------------------------------------------------------------------|
//! | `id_conflict` | same personal ID, names different (not one edit apart) and dates of birth or sexes different |
//! | `likely`   | same personal ID otherwise (valid structure, Nghị định 137/2015/NĐ-CP, Điều 13) |
//! | `likely`   | same folded name + same date of birth + same commune (or its 2025 successor) |
//! | `possible` | same folded name + same date of birth, commune different or missing          |
//! | `possible` | folded names one edit apart + same date of birth (sex not different)         |
//! | `possible` | same folded name + date of birth with day and month swapped, commune same or missing |
//!
//! A personal ID belongs to one citizen (NĐ 137/2015/NĐ-CP, Điều 13: "Số định danh cá nhân là
//! dãy số tự nhiên gồm 12 số ..." of that citizen), so two records with one ID but different
//! names and a different date of birth (or sex) are not "almost certainly one child": one of
//! them carries the other's ID, a data error to correct, which the level `id_conflict` says.
//! The same ID with the name or the date of birth matching (a retyped name, a mistyped date)
//! stays `likely`.
//!
//! A `likely` pair by name, birth and commune becomes `possible` when both records carry valid
//! personal IDs that differ, or when their sexes differ (twins, a mistyped ID): the evidence
//! says which. The folded name is [`crate::vn::name::fold`] (case, tones and marks ignored).
//! A commune code belongs to the record's `residence.edition`, else the context's edition
//! (option `edition`, else the one in force at `as_of`, else 2025); a 2024 and a 2025 code
//! match when the 2025 unit is a successor of the 2024 one.
//!
//! The comparison reads typed keys ([`Key`]: the ID's digits, the folded name, the date, the
//! sex, the commune). [`run`] keys each record of a dataset leniently ([`Key::of`]: a member
//! that does not parse counts as absent), since messy datasets, records with errors included,
//! are what dedup is for; a caller holding checked children keys them with [`Key::of_child`],
//! which reads their domain values and answers the same key.
//!
//! # Scale
//! Never all pairs. Candidates come from blocks: records with the same personal ID; records
//! with the same date of birth (then compared in full: same or one-edit names); and, for the
//! day/month swap, an index on (folded name, date of birth). A date-of-birth block larger than
//! [`MAX_BLOCK`] records (a placeholder date such as 01/01 typed for unknown births) is split
//! by folded surname + initial of the given name, and any block still larger is compared only
//! over its first [`MAX_BLOCK`] records; `capped_blocks` in the answer counts those, so no
//! limit is silent. The output is sorted by record indices (deterministic).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::draft::ChildDraft;
use crate::context::{Context, Edition};
use crate::json::Field;
use crate::report::{IssueSink, Location};
use crate::vn::sex::Sex;

mod blocks;
mod keys;
pub use keys::Keys;

/// The largest block compared pair by pair.
pub const MAX_BLOCK: usize = 2000;

/// How sure a pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth a look: near matches.
    Possible,
    /// Very probably the same child.
    Likely,
    /// One personal ID on two records that are plainly two children (name different, and date
    /// of birth or sex different): one record carries the wrong ID.
    IdConflict,
}

/// How one member of the two records compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// The same value (after normalisation).
    Equal,
    /// Names equal once folded (case, tones, marks), not as written.
    Folded,
    /// Folded names one edit apart (one letter inserted, removed or replaced).
    OneEdit,
    /// Dates of birth equal once day and month are swapped.
    DayMonthSwapped,
    /// A 2024 commune and a 2025 commune it went into.
    Successor,
    /// Both present and different.
    Differs,
    /// Absent (or unreadable) in one record or both.
    Missing,
}

/// One member's comparison: which member, and how it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The member (`personal_id`, `full_name`, `date_of_birth`, `residence.commune_code`, `sex`).
    pub field: &'static str,
    /// How it compares.
    #[serde(rename = "match")]
    pub how: Match,
}

/// A pair of records (indices in the input, `a < b`) that may be one child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// The first record's index.
    pub a: usize,
    /// The second record's index.
    pub b: usize,
    /// Likely, possible, or an ID conflict.
    pub level: Level,
    /// Every member compared, in a fixed order.
    pub evidence: Vec<Evidence>,
}

/// The answer: the pairs, how many records were read, and how the blocks went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// Pairs sorted by `(a, b)`.
    pub pairs: Vec<Pair>,
    /// The number of records in the input (readable or not).
    pub records: usize,
    /// Indices of input items that are not child records (not an object, not JSON).
    pub unreadable: Vec<usize>,
    /// Candidate pairs compared.
    pub comparisons: u64,
    /// Blocks compared over their first [`MAX_BLOCK`] records only.
    pub capped_blocks: usize,
}

/// What the comparison reads of one record: the personal ID and the name as written as 64-bit
/// hashes, only ever compared for equality; the folded name (blocks, one-edit comparisons) and
/// the commune code (successor look-ups) as text. A record's key lives only until it is pushed
/// into [`Keys`], which stores a dataset's keys column by column in a few dozen bytes each.
///
/// Two different IDs (or written names) share a hash with probability 2⁻⁶⁴ per pair compared
/// (about 10⁻⁶ for all pairs of five million IDs): the pair would then read `personal_id
/// equal` (or `full_name equal` instead of `folded`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Key {
    personal_id: Option<u64>,
    written_name: u64,
    name: Option<Box<str>>,
    birth: Option<NaiveDate>,
    sex: Option<Sex>,
    commune: Option<(Edition, Box<str>)>,
}

/// The code of the commune `written` in `residence`: the text itself when it is a code, else
/// the one unit the rules read for a name (`Phường Lê Chân`, `phuong le chan`) inside the
/// province (and district) written beside it, so two records naming one commune differently
/// compare equal; a name the rules cannot place is compared as written.
fn commune_code<'a>(
    written: &'a str,
    residence: &super::draft::ResidenceDraft,
    edition: Edition,
) -> &'a str {
    use crate::vn::admin::{place::code_for_name, Level as UnitLevel};
    if written.bytes().all(|b| b.is_ascii_digit()) {
        return written;
    }
    let province = text(&residence.province_code)
        .and_then(|p| code_for_name(p, UnitLevel::Province, edition, None));
    let district = match edition {
        Edition::E2024 => text(&residence.district_code)
            .and_then(|d| code_for_name(d, UnitLevel::District, edition, province)),
        Edition::E2025 => None,
    };
    code_for_name(written, UnitLevel::Commune, edition, district.or(province)).unwrap_or(written)
}

/// The hash the keys keep instead of a text ([`crate::hash::text64`]).
fn hash(text: &str) -> u64 {
    crate::hash::text64(text)
}

fn text(field: &Field<String>) -> Option<&str> {
    field.value().map(|s| s.trim()).filter(|s| !s.is_empty())
}

impl Key {
    /// Reads the members dedup compares; unreadable members count as absent.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::dedup::{Key, Keys};
    /// let draft = treem::child::ChildDraft { full_name: treem::Field::Value("Nguyễn Văn An".into()), ..Default::default() };
    /// let mut keys = Keys::new();
    /// keys.push(Some(Key::of(&draft, &treem::Context::default())));
    /// assert!(keys.is_readable(0));
    /// # }
    /// ```
    pub fn of(draft: &ChildDraft, ctx: &Context) -> Key {
        let mut scratch = IssueSink::new(ctx.lang);
        let root = Location::root();
        let personal_id = text(&draft.personal_id)
            .and_then(|t| crate::vn::personal_id::parse(t, &root, &mut scratch))
            .map(|id| hash(&id.number));
        let written = text(&draft.full_name).map(crate::vn::name::normalize);
        let name = written
            .as_deref()
            .map(crate::vn::name::fold)
            .filter(|n| !n.is_empty())
            .map(String::into_boxed_str);
        let birth = text(&draft.date_of_birth)
            .and_then(|t| crate::vn::date::parse(t, &root, &mut scratch))
            .map(|p| p.date);
        let sex = text(&draft.sex).and_then(Sex::parse);
        let commune = draft.residence.value().and_then(|r| {
            let written = text(&r.commune_code)?;
            let edition = match text(&r.edition) {
                Some(e) => Edition::parse(e).ok()?,
                None => ctx.edition(),
            };
            Some((edition, commune_code(written, r, edition).into()))
        });
        Key {
            personal_id,
            written_name: written.as_deref().map_or(0, hash),
            name,
            birth,
            sex,
            commune,
        }
    }

    /// The key of a checked child: the members [`Key::of`] reads, taken from the domain values
    /// the rules read (the personal ID's digits, the name as normalised, the date of birth,
    /// the sex, the commune's code in the residence's edition, else the context's), with
    /// nothing parsed again. The same key as [`Key::of`] of the child's normalised draft.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::{dedup::{find, Key, Keys}, Child};
    /// use treem::record::Record;
    /// let ctx = treem::Context::default();
    /// let mut keys = Keys::new();
    /// for name in ["nguyễn văn an", "Nguyen Van An"] {
    ///     let input = serde_json::json!({"full_name": name, "date_of_birth": "13/08/2016"});
    ///     let child = Child::check(&input, &ctx).unwrap().into_record();
    ///     keys.push(Some(Key::of_child(&child, &ctx)));
    /// }
    /// let (pairs, _, _) = find(&keys);
    /// assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
    /// # }
    /// ```
    pub fn of_child(child: &super::Child, ctx: &Context) -> Key {
        let written = child.full_name.as_deref();
        Key {
            personal_id: child.personal_id.as_ref().map(|id| hash(&id.number)),
            written_name: written.map_or(0, hash),
            name: written
                .map(crate::vn::name::fold)
                .filter(|n| !n.is_empty())
                .map(String::into_boxed_str),
            birth: child.date_of_birth,
            sex: child.sex,
            commune: child.residence.as_ref().and_then(|r| {
                let code = r.commune.as_ref()?.code();
                Some((r.edition.unwrap_or_else(|| ctx.edition()), code.into()))
            }),
        }
    }

    /// The key of one input item (a JSON value), `None` when it is not a child record (not an
    /// object): what a caller streaming records keeps of each (in [`Keys`], column by column),
    /// to call [`find`] at the end.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::dedup::Key;
    /// let ctx = treem::Context::default();
    /// assert!(Key::of_value(&serde_json::json!({"full_name": "Nguyễn Văn An"}), &ctx).is_some());
    /// assert!(Key::of_value(&serde_json::json!([1]), &ctx).is_none());
    /// # }
    /// ```
    pub fn of_value(item: &serde_json::Value, ctx: &Context) -> Option<Key> {
        let draft = Some(item)
            .filter(|v| v.is_object())
            .and_then(|v| <ChildDraft as crate::json::FromValue>::from_value(v.clone()).ok())?;
        Some(Key::of(&draft, ctx))
    }
}

/// [`one_edit`] on two folded names: on their bytes when both are ASCII (as folded names
/// mostly are: one byte is one letter), else on their letters.
fn one_edit_names(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_edit(&a, &b)
    }
}

/// True when `a` and `b` are one insertion, deletion or substitution apart (not equal).
pub(crate) fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (Some(short_rest), Some(long_rest)) = (short.get(prefix..), long.get(prefix..)) else {
        return false;
    };
    if short.len() == long.len() {
        // One substitution: everything after the first difference equal.
        short_rest.get(1..) == long_rest.get(1..) && !short_rest.is_empty()
    } else {
        // One insertion into the shorter.
        long_rest.get(1..) == Some(short_rest)
    }
}

fn swapped(date: NaiveDate) -> Option<NaiveDate> {
    (date.day() != date.month())
        .then(|| NaiveDate::from_ymd_opt(date.year(), date.day(), date.month()))
        .flatten()
}

fn compare_commune(a: Option<(Edition, &str)>, b: Option<(Edition, &str)>) -> Match {
    let (Some((ea, ca)), Some((eb, cb))) = (a, b) else {
        return Match::Missing;
    };
    if ea == eb {
        return if ca == cb {
            Match::Equal
        } else {
            Match::Differs
        };
    }
    let (old, new) = if ea == Edition::E2024 {
        (ca, cb)
    } else {
        (cb, ca)
    };
    if crate::vn::admin::successors(old)
        .iter()
        .any(|s| *s.new_code == *new)
    {
        Match::Successor
    } else {
        Match::Differs
    }
}

fn compare<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> Match {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Match::Equal,
        (Some(_), Some(_)) => Match::Differs,
        _ => Match::Missing,
    }
}

/// What [`judge`] reads of one record, borrowed from the columns of [`Keys`]: the members of
/// a [`Key`], with the texts as slices of the columns' arenas.
#[derive(Debug, Clone, Copy)]
struct View<'a> {
    personal_id: Option<u64>,
    written_name: u64,
    name: Option<&'a str>,
    birth: Option<NaiveDate>,
    sex: Option<Sex>,
    commune: Option<(Edition, &'a str)>,
}

/// Compares two records; `Some` when they are likely or possibly one child, or share an ID.
fn judge(a: View<'_>, b: View<'_>) -> Option<(Level, Vec<Evidence>)> {
    let id = compare(&a.personal_id, &b.personal_id);
    let name = match (a.name, b.name) {
        (Some(x), Some(y)) if x == y => {
            if a.written_name == b.written_name {
                Match::Equal
            } else {
                Match::Folded
            }
        }
        (Some(x), Some(y)) if one_edit_names(x, y) => Match::OneEdit,
        (Some(_), Some(_)) => Match::Differs,
        _ => Match::Missing,
    };
    let birth = match (a.birth, b.birth) {
        (Some(x), Some(y)) if x == y => Match::Equal,
        (Some(x), Some(y)) if swapped(x) == Some(y) => Match::DayMonthSwapped,
        (Some(_), Some(_)) => Match::Differs,
        _ => Match::Missing,
    };
    let commune = compare_commune(a.commune, b.commune);
    let sex = compare(&a.sex, &b.sex);
    let same_name = matches!(name, Match::Equal | Match::Folded);
    let same_place = matches!(commune, Match::Equal | Match::Successor);
    let level = if id == Match::Equal {
        let two_children =
            name == Match::Differs && (birth == Match::Differs || sex == Match::Differs);
        Some(if two_children {
            Level::IdConflict
        } else {
            Level::Likely
        })
    } else if same_name && birth == Match::Equal {
        let doubt = id == Match::Differs || sex == Match::Differs;
        Some(if same_place && !doubt {
            Level::Likely
        } else {
            Level::Possible
        })
    } else {
        let near_name = name == Match::OneEdit && birth == Match::Equal && sex != Match::Differs;
        let swapped_birth =
            same_name && birth == Match::DayMonthSwapped && commune != Match::Differs;
        (near_name || swapped_birth).then_some(Level::Possible)
    }?;
    let evidence = vec![
        Evidence {
            field: "personal_id",
            how: id,
        },
        Evidence {
            field: "full_name",
            how: name,
        },
        Evidence {
            field: "date_of_birth",
            how: birth,
        },
        Evidence {
            field: "residence.commune_code",
            how: commune,
        },
        Evidence {
            field: "sex",
            how: sex,
        },
    ];
    Some((level, evidence))
}

/// Finds the likely and possible duplicate pairs among `keys` (see the module docs): the
/// pairs sorted by `(a, b)`, the number of candidate pairs compared, and the number of blocks
/// compared over their first [`MAX_BLOCK`] records only.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// use treem::child::dedup::{find, Key, Keys};
/// let child = serde_json::json!({"full_name": "Nguyễn Văn An", "date_of_birth": "2016-08-13", "sex": "nam"});
/// let mut keys = Keys::new();
/// for _ in 0..2 { keys.push(Key::of_value(&child, &treem::Context::default())); }
/// let (pairs, compared, _capped) = find(&keys);
/// assert_eq!((pairs.len(), pairs[0].a, pairs[0].b, compared), (1, 0, 1, 1));
/// # }
/// ```
pub fn find(keys: &Keys) -> (Vec<Pair>, u64, usize) {
    blocks::find(keys, MAX_BLOCK)
}

/// Reads the input (a JSON array of child records, or NDJSON) and finds the pairs.
///
/// # Errors
/// `is_not_json()` when the input is not UTF-8 or a top-level array is not JSON. A single
/// bad item is listed in `unreadable`, never dropped silently.
///
/// # Examples
/// ```
/// # #[cfg(feature = "child")] {
/// let input = r#"[{"full_name": "Nguyễn Văn An", "date_of_birth": "2016-08-13"}, 7]"#;
/// let answer = treem::child::dedup::run(input.as_bytes(), &treem::Context::default())?;
/// assert_eq!((answer.records, answer.unreadable.clone()), (2, vec![1]));
/// # }
/// # Ok::<(), treem::Error>(())
/// ```
pub fn run(input: &[u8], ctx: &Context) -> Result<Answer, crate::Error> {
    let items: Vec<Option<serde_json::Value>> = crate::json::batch_items(input)?
        .into_iter()
        .map(Result::ok)
        .collect();
    let mut unreadable = Vec::new();
    let mut keys = Keys::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let key = item.and_then(|v| Key::of_value(&v, ctx));
        if key.is_none() {
            unreadable.push(i);
        }
        keys.push(key);
    }
    let (pairs, comparisons, capped_blocks) = find(&keys);
    Ok(Answer {
        pairs,
        records: keys.len(),
        unreadable,
        comparisons,
        capped_blocks,
    })
}

// Tests compare with, or sort through, the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_distance() {
        assert!(one_edit(&chars("nguyen van an"), &chars("nguyen van anh")));
        assert!(one_edit(&chars("nguyen van anh"), &chars("nguyen van an")));
        assert!(one_edit(&chars("tran thi lan"), &chars("tran thi lam")));
        assert!(one_edit(&chars("le hoa"), &chars("le hoaa")));
        assert!(!one_edit(&chars("le hoa"), &chars("le hoa")));
        assert!(!one_edit(&chars("le hoa"), &chars("le hao")));
        assert!(!one_edit(&chars("an"), &chars("anh2")));
        assert!(one_edit(&chars(""), &chars("a")));
    }

    fn key(value: serde_json::Value) -> Option<Key> {
        let draft: ChildDraft = serde_json::from_value(value).unwrap();
        Some(Key::of(&draft, &Context::default()))
    }

    /// The level of two records stored as columns and judged from there.
    fn level(a: serde_json::Value, b: serde_json::Value) -> Option<Level> {
        let mut keys = Keys::new();
        keys.push(key(a));
        keys.push(key(b));
        judge(keys.view(0).unwrap(), keys.view(1).unwrap()).map(|(l, _)| l)
    }

    #[test]
    fn levels_follow_the_table() {
        use serde_json::json;
        let base = json!({"full_name": "Nguyễn Thị Hoà", "date_of_birth": "2016-05-20", "sex": "female",
            "residence": {"edition": "2025", "commune_code": "11311"}});
        let mut spelled = base.clone();
        spelled["full_name"] = json!("NGUYỄN THỊ HÒA");
        assert_eq!(level(base.clone(), spelled.clone()), Some(Level::Likely));
        let mut elsewhere = spelled.clone();
        elsewhere["residence"]["commune_code"] = json!("11320");
        assert_eq!(level(base.clone(), elsewhere), Some(Level::Possible));
        let mut twin = spelled.clone();
        twin["sex"] = json!("male");
        assert_eq!(level(base.clone(), twin), Some(Level::Possible));
        let mut typo = base.clone();
        typo["full_name"] = json!("Nguyễn Thị Hoan");
        assert_eq!(level(base.clone(), typo.clone()), Some(Level::Possible));
        typo["date_of_birth"] = json!("2016-05-21");
        assert_eq!(level(base.clone(), typo), None);
        let mut swap = base.clone();
        swap["date_of_birth"] = json!("2016-02-05");
        let mut early = base.clone();
        early["date_of_birth"] = json!("2016-05-02");
        assert_eq!(level(early, swap), Some(Level::Possible));
        let a = json!({"personal_id": "031316000123", "full_name": "A"});
        let b = json!({"personal_id": "031 316 000 123", "full_name": "B"});
        assert_eq!(level(a, b), Some(Level::Likely));
        let mut other_id = spelled;
        other_id["personal_id"] = json!("031316000999");
        let mut with_id = base;
        with_id["personal_id"] = json!("031316000123");
        assert_eq!(level(with_id, other_id), Some(Level::Possible));
    }

    #[test]
    fn one_id_on_two_plain_children_is_a_conflict() {
        use serde_json::json;
        let an = json!({"personal_id": "031218004512", "full_name": "Nguyễn Văn An",
            "date_of_birth": "2018-09-05", "sex": "male"});
        let mut other_child = json!({"personal_id": "031218004512", "full_name": "Trần Thị Bé",
            "date_of_birth": "2016-02-11", "sex": "female"});
        assert_eq!(
            level(an.clone(), other_child.clone()),
            Some(Level::IdConflict)
        );
        // Name and sex different, same birth (a twin given the sibling's ID): a conflict.
        other_child["date_of_birth"] = json!("2018-09-05");
        assert_eq!(
            level(an.clone(), other_child.clone()),
            Some(Level::IdConflict)
        );
        // Name different, birth and sex the same (a name changed or retyped): likely.
        other_child["sex"] = json!("male");
        assert_eq!(level(an.clone(), other_child), Some(Level::Likely));
        // Name one edit apart and birth different (a mistyped date): likely.
        let typo = json!({"personal_id": "031218004512", "full_name": "Nguyễn Văn Anh",
            "date_of_birth": "2018-09-06", "sex": "male"});
        assert_eq!(level(an.clone(), typo), Some(Level::Likely));
        // A commune written by name matches its code.
        let by_code = json!({"full_name": "Lê Minh Châu", "date_of_birth": "2014-11-12",
            "residence": {"edition": "2025", "province_code": "31", "commune_code": "11383"}});
        let by_name = json!({"full_name": "LE MINH CHAU", "date_of_birth": "12/11/2014",
            "residence": {"province_code": "Thành phố Hải Phòng", "commune_code": "phuong le chan"}});
        assert_eq!(level(by_code, by_name), Some(Level::Likely));
        // Birth unknown in one record: nothing says they are two children.
        let unknown = json!({"personal_id": "031218004512", "full_name": "Lê Minh Châu"});
        assert_eq!(level(an, unknown), Some(Level::Likely));
    }

    #[test]
    fn evidence_names_fields_never_values() {
        let input = r#"[{"full_name": "Lê Văn Tám", "date_of_birth": "2015-01-02", "personal_id": "031215000777"},
            {"full_name": "Le Van Tam", "date_of_birth": "02/01/2015", "personal_id": "031215000777"}, 7]"#;
        let answer = run(input.as_bytes(), &Context::default()).unwrap();
        assert_eq!(answer.records, 3);
        assert_eq!(answer.unreadable, vec![2]);
        assert_eq!(answer.pairs.len(), 1);
        let text = serde_json::to_string(&answer).unwrap();
        assert!(!text.contains("031215000777") && !text.contains("Tám") && !text.contains("Tam"));
        assert_eq!(answer.pairs[0].evidence[1].how, Match::Folded);
    }

    #[test]
    fn an_oversized_block_is_split_and_counted() {
        // One placeholder birth date for all: split by surname + initial, then compared.
        let mut lines = String::new();
        for i in 0..(MAX_BLOCK + 10) {
            lines.push_str(&format!(
                "{{\"full_name\": \"Ho{i} Van Nam\", \"date_of_birth\": \"2015-01-01\"}}\n"
            ));
        }
        lines.push_str("{\"full_name\": \"Ho7 Van Nam\", \"date_of_birth\": \"2015-01-01\"}\n");
        let answer = run(lines.as_bytes(), &Context::default()).unwrap();
        assert_eq!(answer.capped_blocks, 0);
        assert_eq!(answer.comparisons, 1);
        let found: Vec<(usize, usize)> = answer.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, vec![(7, MAX_BLOCK + 10)]);
        // The same initials for all: the sub-block is still too large, and that is said.
        let same = lines.replace("Ho", "Ho Y");
        let answer = run(same.as_bytes(), &Context::default()).unwrap();
        assert_eq!(answer.capped_blocks, 1);
    }

    /// What the judge reads of a key struct, not through the columns of [`Keys`].
    fn view(key: &Key) -> View<'_> {
        View {
            personal_id: key.personal_id,
            written_name: key.written_name,
            name: key.name.as_deref(),
            birth: key.birth,
            sex: key.sex,
            commune: key.commune.as_ref().map(|(e, c)| (*e, &**c)),
        }
    }

    /// The search as written before the fast path (the reference): blocks as maps of lists,
    /// every candidate pair of every block handed to the judge, on key structs.
    fn reference(keys: &[Option<Key>], cap: usize) -> (Vec<Pair>, u64, usize) {
        use std::collections::{BTreeMap, BTreeSet};
        let mut capped = 0;
        let mut head = |block: &[usize]| -> Vec<usize> {
            if block.len() > cap {
                capped += 1;
                block[..cap].to_vec()
            } else {
                block.to_vec()
            }
        };
        let all_pairs = |block: &[usize]| -> Vec<(usize, usize)> {
            let mut pairs = Vec::new();
            for (i, &a) in block.iter().enumerate() {
                for &b in &block[i + 1..] {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
            pairs
        };
        let mut by_id: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        let mut by_birth: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut by_name_birth: BTreeMap<(String, NaiveDate), Vec<usize>> = BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            let Some(key) = key else { continue };
            if let Some(id) = key.personal_id {
                by_id.entry(id).or_default().push(i);
            }
            if let (Some(birth), Some(name)) = (key.birth, &key.name) {
                by_birth.entry(birth).or_default().push(i);
                by_name_birth
                    .entry((name.to_string(), birth))
                    .or_default()
                    .push(i);
            }
        }
        let mut id_pairs = BTreeSet::new();
        for block in by_id.values().filter(|b| b.len() > 1) {
            id_pairs.extend(all_pairs(&head(block)));
        }
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for block in by_birth.values().filter(|b| b.len() > 1) {
            if block.len() <= cap {
                candidates.extend(all_pairs(block));
                continue;
            }
            let mut parts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for &i in block {
                let name = keys[i].as_ref().unwrap().name.as_deref().unwrap();
                let surname = name.split(' ').next().unwrap();
                let given = name.rsplit(' ').next().and_then(|g| g.chars().next());
                let initials = format!("{surname}/{}", given.unwrap_or(' '));
                parts.entry(initials).or_default().push(i);
            }
            for part in parts.values().filter(|p| p.len() > 1) {
                candidates.extend(all_pairs(&head(part)));
            }
        }
        for ((name, birth), block) in &by_name_birth {
            let Some(other) = swapped(*birth) else {
                continue;
            };
            if other < *birth {
                continue;
            }
            if let Some(partners) = by_name_birth.get(&(name.clone(), other)) {
                for &a in block.iter().take(cap) {
                    for &b in partners.iter().take(cap) {
                        candidates.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
        let judged = |&(a, b): &(usize, usize)| {
            let (level, evidence) = judge(
                view(keys[a].as_ref().unwrap()),
                view(keys[b].as_ref().unwrap()),
            )?;
            Some(Pair {
                a,
                b,
                level,
                evidence,
            })
        };
        candidates.retain(|pair| !id_pairs.contains(pair));
        let comparisons = (candidates.len() + id_pairs.len()) as u64;
        let mut pairs: Vec<Pair> = candidates
            .iter()
            .chain(&id_pairs)
            .filter_map(judged)
            .collect();
        pairs.sort_by_key(|p| (p.a, p.b));
        (pairs, comparisons, capped)
    }

    /// Records of a few names, dates, IDs, sexes and communes, with one-letter typos, day and
    /// month swapped, a 2024 commune and its 2025 successor, and items that are not records.
    fn records() -> impl Strategy<Value = Vec<serde_json::Value>> {
        use serde_json::json;
        let names = prop::sample::select(vec![
            "Nguyễn Văn An",
            "NGUYEN VAN ANH",
            "Trần Thị Lan",
            "Tran Thi Lam",
            "Lê Hoà",
            "Le Hoa",
            "Lê Hòaa",
            "Ho Y Nam",
            "Hồ Y Năm",
            "Phạm Đức",
        ]);
        // A name, perhaps with one letter replaced, removed or added at a place.
        let name = (names, 0..4_u8, any::<prop::sample::Index>(), "[a-zđ ]").prop_map(
            |(name, edit, at, letter)| {
                let mut chars: Vec<char> = name.chars().collect();
                let at = at.index(chars.len() + 1);
                let letter = letter.chars().next().unwrap();
                match edit {
                    1 if at < chars.len() => chars[at] = letter,
                    2 if at < chars.len() => drop(chars.remove(at)),
                    3 => chars.insert(at, letter),
                    _ => {}
                }
                chars.into_iter().collect::<String>()
            },
        );
        let date = prop::sample::select(vec![
            "2016-05-02",
            "02/05/2016",
            "2016-02-05",
            "2016-05-20",
            "2016-05-21",
            "2015-01-01",
            "2015-03-03",
            "not a date",
        ]);
        let id = prop::sample::select(vec!["031316000123", "031316000999", "031215000777", "12"]);
        let sex = prop::sample::select(vec!["male", "female", "x"]);
        let successor = crate::vn::admin::successors("11311")
            .first()
            .map(|s| s.new_code.to_string())
            .unwrap();
        let commune = prop::sample::select(vec![
            ("2024", "11311".to_string()),
            ("2025", successor),
            ("2025", "11320".to_string()),
            ("2025", "11311".to_string()),
        ]);
        let record = (
            prop::option::of(name),
            prop::option::of(date),
            prop::option::weighted(0.3, id),
            prop::option::of(sex),
            prop::option::of(commune),
        )
            .prop_map(|(name, date, id, sex, commune)| {
                let mut record = json!({});
                if let Some(name) = name {
                    record["full_name"] = json!(name);
                }
                if let Some(date) = date {
                    record["date_of_birth"] = json!(date);
                }
                if let Some(id) = id {
                    record["personal_id"] = json!(id);
                }
                if let Some(sex) = sex {
                    record["sex"] = json!(sex);
                }
                if let Some((edition, code)) = commune {
                    record["residence"] = json!({"edition": edition, "commune_code": code});
                }
                record
            });
        let item = prop_oneof![
            12 => record,
            1 => Just(json!(7)),
        ];
        prop::collection::vec(item, 0..48)
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The fast path (columns, blocks as sorted index lists, cheap filters before the
        /// judge) finds the same pairs, with the same evidence and counts, as judging every
        /// candidate pair of every block; with small caps, oversized blocks are split by
        /// initials and capped as the reference does.
        #[test]
        fn the_fast_path_finds_what_all_pairs_find(items in records(), cap in prop::sample::select(vec![2_usize, 3, 5, MAX_BLOCK])) {
            let ctx = Context::default();
            let structs: Vec<Option<Key>> = items.iter().map(|v| Key::of_value(v, &ctx)).collect();
            let mut keys = Keys::new();
            for key in &structs {
                keys.push(key.clone());
            }
            let fast = blocks::find(&keys, cap);
            let slow = reference(&structs, cap);
            prop_assert_eq!(fast, slow);
        }
    }
}
