//! Residence: the administrative units the child lives in, in either edition of the list.
//!
//! The edition is the record's own (`edition`), else the caller's (option `edition`), else
//! the one in force at `as_of`; with none of them the codes cannot be judged (codes are
//! reused across editions with other meanings) and the record says `context.as_of_missing`.
//! Each code is checked against the list of its edition by [`crate::vn::admin::place`]
//! (exists at its level; the commune inside its district and province; 2024 list of Quyết
//! định 124/2004/QĐ-TTg, 2025 list of Quyết định 19/2025/QĐ-TTg). A 2024 residence converts
//! to its 2025 unit(s) with [`successors`] (operation `residence_successors`).

use super::draft::ResidenceDraft;
use super::read;
use crate::context::{Context, Edition};
use crate::json::Field;
use crate::report::{IssueSink, Location};
use crate::vn::admin::place::{self, PlaceCodes};

crate::codes! {
    /// The edition is neither `2024` nor `2025`.
    CHILD_EDITION_UNKNOWN = "child.edition_unknown", Error, "child.residence", "treem",
        "Phiên bản danh mục hành chính phải là 2024 hoặc 2025",
        "The administrative-unit edition must be 2024 or 2025";
    /// A district code with the 2025 edition: from 1 July 2025 there are only provinces and
    /// communes.
    CHILD_DISTRICT_IN_TWO_LEVEL_EDITION = "child.district_in_two_level_edition", Error, "child.residence",
        "Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg",
        "Từ 01/7/2025 không còn cấp huyện: bỏ mã huyện hoặc dùng phiên bản 2024",
        "There is no district level from 1 July 2025: drop the district code or use edition 2024";
}

/// Checks the residence members.
pub(crate) fn check(
    residence: &ResidenceDraft,
    ctx: &Context,
    dates: &mut super::dates::Dates,
    at: &Location<'_>,
    sink: &mut IssueSink,
) {
    let mut edition_known = true;
    let edition_at = at.key("edition");
    let edition = match read::text(&residence.edition, &edition_at, sink) {
        Some(text) => match Edition::parse(text) {
            Ok(edition) => Some(edition),
            Err(_) => {
                sink.push(&CHILD_EDITION_UNKNOWN, &edition_at, []);
                edition_known = false;
                None
            }
        },
        // Without an edition on the record, the caller's edition or the one in force at
        // `as_of`; with neither, the rule has nothing to judge by.
        None => match (ctx.edition, ctx.as_of) {
            (Some(edition), _) => Some(edition),
            (None, Some(date)) => Some(Edition::in_force_on(date)),
            (None, None) => None,
        },
    };
    let province = code_text(&residence.province_code, &at.key("province_code"), sink);
    let district_at = at.key("district_code");
    let district = code_text(&residence.district_code, &district_at, sink);
    if district.is_some() && edition == Some(Edition::E2025) {
        sink.push(&CHILD_DISTRICT_IN_TWO_LEVEL_EDITION, &district_at, []);
    }
    let commune = code_text(&residence.commune_code, &at.key("commune_code"), sink);
    let codes = PlaceCodes {
        province,
        district,
        commune,
    };
    if codes != PlaceCodes::default() {
        match edition {
            Some(edition) => {
                place::check(codes, edition, at, sink);
            }
            None if edition_known => dates.needed_as_of = true,
            None => {}
        }
    }
    read::text(&residence.address, &at.key("address"), sink);
    crate::fields::unknown_fields(&residence.unknown, at, sink);
}

/// A code member: its type checked, trimmed, `None` when absent or empty.
fn code_text<'f>(
    field: &'f Field<String>,
    at: &Location<'_>,
    sink: &mut IssueSink,
) -> Option<&'f str> {
    read::text(field, at, sink)
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The 2025 unit(s) a residence lies in: for a 2024 residence the statistics office's
/// old → new map (one-to-many: 440 old communes were split, so a commune may give several
/// candidates, each with its relation and note, and the caller or a person picks), and the
/// new province (Nghị quyết 202/2025/QH15); for a 2025 residence its own units. Without a
/// commune code, an island district without communes maps through its own code. The edition
/// is read as for the rules (record, option `edition`, `as_of`); `None` when it cannot be known or is not 2024/2025.
///
/// # Examples
/// ```
/// use treem::child::ResidenceDraft;
/// use treem::Field;
/// let r = ResidenceDraft { edition: Field::Value("2024".into()),
///     commune_code: Field::Value("11311".into()), ..Default::default() };
/// let v = treem::child::residence::successors(&r, &treem::Context::default()).unwrap();
/// assert_eq!(v["edition"], "2024");
/// assert!(v["communes"].as_array().is_some_and(|c| !c.is_empty()));
/// ```
pub fn successors(residence: &ResidenceDraft, ctx: &Context) -> Option<serde_json::Value> {
    let codes = PlaceCodes {
        province: trimmed(&residence.province_code),
        district: trimmed(&residence.district_code),
        commune: trimmed(&residence.commune_code),
    };
    Some(successors_of(edition_of(residence, ctx)?, codes))
}

impl super::Child {
    /// The 2025 unit(s) this child's residence lies in: [`successors`] of its units, in the
    /// edition the record gave, else the caller's (option `edition`), else the one in force
    /// at `as_of` (Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg); `None` when no
    /// edition can be known. A child without a residence has no units (`communes` empty).
    ///
    /// # Examples
    /// ```
    /// use treem::{child::Child, record::Record};
    /// let input = serde_json::json!({"residence": {"edition": "2024", "commune_code": "11311"}});
    /// let child = Child::check(&input, &treem::Context::default()).unwrap().into_record();
    /// let answer = child.residence_successors(&treem::Context::default()).unwrap();
    /// assert_eq!(answer["edition"], "2024");
    /// assert!(answer["communes"].as_array().is_some_and(|c| !c.is_empty()));
    /// ```
    pub fn residence_successors(&self, ctx: &Context) -> Option<serde_json::Value> {
        use crate::record::AdminUnit;
        let residence = self.residence.as_ref();
        let codes = PlaceCodes {
            province: residence.and_then(|r| r.province.as_ref().map(AdminUnit::code)),
            district: residence.and_then(|r| r.district.as_ref().map(AdminUnit::code)),
            commune: residence.and_then(|r| r.commune.as_ref().map(AdminUnit::code)),
        };
        let edition = residence
            .and_then(|r| r.edition)
            .or_else(|| context_edition(ctx))?;
        Some(successors_of(edition, codes))
    }
}

/// A code as written, trimmed; `None` when absent, of another type or empty.
fn trimmed(field: &Field<String>) -> Option<&str> {
    field.value().map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// [`successors`] of codes of `edition` (trimmed, not empty).
fn successors_of(edition: Edition, codes: PlaceCodes<'_>) -> serde_json::Value {
    use crate::vn::admin;
    let PlaceCodes {
        province,
        district,
        commune,
    } = codes;
    let unit_json = |u: &admin::Unit| serde_json::json!({"code": &*u.code, "name": &*u.name});
    let (new_province, communes): (Option<serde_json::Value>, Vec<serde_json::Value>) =
        match edition {
            Edition::E2025 => (
                province
                    .and_then(|p| admin::find_province(edition, p))
                    .map(unit_json),
                commune
                    .and_then(|c| admin::find_commune(edition, c))
                    .map(|u| {
                        serde_json::json!({"code": &*u.code, "name": &*u.name,
                        "province_code": &*u.province_code, "relation": "unchanged"})
                    })
                    .into_iter()
                    .collect(),
            ),
            Edition::E2024 => {
                let old = commune.or(district);
                let links = old.map_or(&[][..], admin::successors);
                let communes = links
                    .iter()
                    .map(|s| {
                        let unit = admin::find(Edition::E2025, &s.new_code);
                        serde_json::json!({
                            "code": &*s.new_code,
                            "name": unit.map(|u| &*u.name),
                            "province_code": unit.map(|u| &*u.province_code),
                            "relation": s.relation,
                            "note_vi": &*s.note_vi,
                        })
                    })
                    .collect();
                let old_province = province.map(str::to_owned).or_else(|| {
                    old.and_then(|c| admin::find(Edition::E2024, c))
                        .map(|u| u.province_code.to_string())
                });
                (
                    old_province
                        .as_deref()
                        .and_then(admin::new_province_of)
                        .map(unit_json),
                    communes,
                )
            }
        };
    serde_json::json!({
        "edition": edition.as_str(),
        "province": new_province,
        "communes": communes,
        "unique": communes.len() == 1,
    })
}

/// The edition of a residence that gives none: the caller's, else the one in force at
/// `as_of`; `None` with neither.
fn context_edition(ctx: &Context) -> Option<Edition> {
    match (ctx.edition, ctx.as_of) {
        (Some(edition), _) => Some(edition),
        (None, Some(date)) => Some(Edition::in_force_on(date)),
        (None, None) => None,
    }
}

/// The edition a residence's codes belong to (see [`check`]); `None` when it cannot be known.
pub(crate) fn edition_of(residence: &ResidenceDraft, ctx: &Context) -> Option<Edition> {
    match residence
        .edition
        .value()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        Some(text) => Edition::parse(text).ok(),
        None => context_edition(ctx),
    }
}

/// `normalize` for a residence: codes without spaces or dots; a code that lost its leading
/// zeros (a spreadsheet reads `01` as `1`) padded to its level's length; and, when the
/// edition is known, a unit's name written instead of its code (`Hải Phòng`, `Phường Lạch
/// Tray`) replaced by the code when it names exactly one unit of that level (inside the
/// province or district given). A name that names none or several is kept as written.
pub(crate) fn normalize(
    residence: &mut ResidenceDraft,
    ctx: &Context,
    at: &Location<'_>,
    log: &mut crate::normalize::ChangeLog,
) {
    use crate::normalize::Rewrite;
    use crate::vn::admin::Level;
    super::normalize::text(&mut residence.edition, &at.key("edition"), log);
    let edition = edition_of(residence, ctx);
    let mut parent: Option<String> = None;
    let members = [
        (
            &mut residence.province_code,
            "province_code",
            Level::Province,
        ),
        (
            &mut residence.district_code,
            "district_code",
            Level::District,
        ),
        (&mut residence.commune_code, "commune_code", Level::Commune),
    ];
    for (field, key, level) in members {
        let here = at.key(key);
        let Field::Value(value) = field else {
            continue;
        };
        let width = level.code_len();
        if value.len() == width && value.bytes().all(|b| b.is_ascii_digit()) {
            // Already a code of its level's length: nothing to rewrite (the common case).
            parent = Some(value.clone());
            continue;
        }
        let compact: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
            .collect();
        let rewritten = if compact.is_empty() {
            None
        } else if compact.bytes().all(|b| b.is_ascii_digit()) {
            let padded = format!("{compact:0>width$}");
            (padded != *value).then(|| {
                let how = if padded == compact {
                    Rewrite::Identifier
                } else {
                    Rewrite::CanonicalCode
                };
                (padded, how)
            })
        } else {
            edition
                .and_then(|e| place::code_for_name(value, level, e, parent.as_deref()))
                .map(|code| (code.to_owned(), Rewrite::CanonicalCode))
        };
        if let Some((code, how)) = rewritten {
            *value = code;
            log.push(&here, how);
        }
        if !crate::fields::is_blank(value) {
            parent = Some(value.trim().to_owned());
        }
    }
    super::normalize::text(&mut residence.address, &at.key("address"), log);
}
