//! The keys of a whole dataset, stored column by column: millions of records in a few dozen
//! bytes each (issue #25: under 100), where a vector of [`Key`] structs took about 120 bytes a
//! record plus two heap blocks (the folded name and the commune code) and their allocator
//! overhead.
//!
//! Per record: a flags byte (readable, has an ID, sex, commune edition), the personal ID hash
//! and the written name's hash (8 bytes each), the date of birth (4 bytes), and the folded name
//! and commune code as text in two arenas (4 bytes of end offset each, plus the text: about 15
//! and 5 bytes). That is about 50 bytes a record for generated Vietnamese records.

use chrono::NaiveDate;

use super::{Key, View};
use crate::context::Edition;
use crate::vn::sex::Sex;

/// The record is a child record (an object); unset for an unreadable item.
const READABLE: u8 = 1;
/// The record has a personal ID of valid structure (its hash is in `ids`).
const HAS_ID: u8 = 1 << 1;
/// Sex male.
const MALE: u8 = 1 << 2;
/// Sex female.
const FEMALE: u8 = 1 << 3;
/// The commune code belongs to the 2025 edition (else 2024); meaningless without a code.
const E2025: u8 = 1 << 4;

/// Texts one after the other in one string, each found by its end offset. Offsets are `u32`
/// (4 bytes a record, not 8); past 4 GiB of text the offsets wrap, and `wraps` lists the
/// records at which they did, so that any size stays right (the list is empty below 4 GiB).
#[derive(Debug, Default)]
struct Texts {
    text: String,
    ends: Vec<u32>,
    /// Records whose end offset passed one more multiple of 2³², in order (repeated when one
    /// text passed several).
    wraps: Vec<usize>,
}

impl Texts {
    fn with_capacity(records: usize, bytes: usize) -> Texts {
        Texts {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(records),
            wraps: Vec::new(),
        }
    }

    fn push(&mut self, text: &str) {
        let before = self.text.len() as u64;
        self.text.push_str(text);
        let after = self.text.len() as u64;
        for _ in (before >> 32)..(after >> 32) {
            self.wraps.push(self.ends.len());
        }
        // The low 32 bits; the high ones are counted in `wraps`.
        self.ends.push(after as u32);
    }

    /// Where text `index` ends in `text` (0 before the first).
    fn end(&self, index: Option<usize>) -> usize {
        let Some(index) = index else { return 0 };
        let low = self.ends.get(index).copied().unwrap_or(0);
        let high = self.wraps.partition_point(|&w| w <= index) as u64;
        usize::try_from((high << 32) | u64::from(low)).unwrap_or(usize::MAX)
    }

    /// Text `index` (empty when there is none).
    fn get(&self, index: usize) -> &str {
        let start = self.end(index.checked_sub(1));
        let end = self.end(Some(index));
        self.text.get(start..end).unwrap_or_default()
    }
}

/// The dedup keys of a dataset, in input order (index = place in the input), stored column by
/// column: what [`super::find`] compares. Fill it with [`Keys::push`] as records stream by.
#[derive(Debug, Default)]
pub struct Keys {
    flags: Vec<u8>,
    ids: Vec<u64>,
    written: Vec<u64>,
    births: Vec<Option<NaiveDate>>,
    names: Texts,
    communes: Texts,
}

impl Keys {
    /// No keys yet.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// assert!(treem::child::dedup::Keys::new().is_empty());
    /// # }
    /// ```
    pub fn new() -> Keys {
        Keys::default()
    }

    /// No keys yet, with room for `records` (an estimate: more is only address space, pages
    /// never written are never resident; fewer, and the columns grow as vectors do).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// assert_eq!(treem::child::dedup::Keys::with_capacity(100).len(), 0);
    /// # }
    /// ```
    pub fn with_capacity(records: usize) -> Keys {
        Keys {
            flags: Vec::with_capacity(records),
            ids: Vec::with_capacity(records),
            written: Vec::with_capacity(records),
            births: Vec::with_capacity(records),
            // Folded names are some 15 bytes, commune codes 5.
            names: Texts::with_capacity(records, records.saturating_mul(24)),
            communes: Texts::with_capacity(records, records.saturating_mul(6)),
        }
    }

    /// Adds the next record's key: `None` for an item that is not a child record.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let mut keys = treem::child::dedup::Keys::new();
    /// keys.push(None);
    /// assert_eq!(keys.len(), 1);
    /// assert!(!keys.is_readable(0));
    /// # }
    /// ```
    pub fn push(&mut self, key: Option<Key>) {
        let Some(key) = key else {
            self.flags.push(0);
            self.ids.push(0);
            self.written.push(0);
            self.births.push(None);
            self.names.push("");
            self.communes.push("");
            return;
        };
        let mut flags = READABLE;
        if key.personal_id.is_some() {
            flags |= HAS_ID;
        }
        flags |= match key.sex {
            Some(Sex::Male) => MALE,
            Some(Sex::Female) => FEMALE,
            None => 0,
        };
        if let Some((Edition::E2025, _)) = key.commune {
            flags |= E2025;
        }
        self.flags.push(flags);
        self.ids.push(key.personal_id.unwrap_or(0));
        self.written.push(key.written_name);
        self.births.push(key.birth);
        self.names.push(key.name.as_deref().unwrap_or_default());
        self.communes
            .push(key.commune.as_ref().map(|(_, c)| &**c).unwrap_or_default());
    }

    /// The number of records (readable or not).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let mut keys = treem::child::dedup::Keys::new();
    /// keys.push(None);
    /// keys.push(None);
    /// assert_eq!(keys.len(), 2);
    /// # }
    /// ```
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// True when there is no record.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// let mut keys = treem::child::dedup::Keys::new();
    /// keys.push(None);
    /// assert!(!keys.is_empty());
    /// # }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// True when record `index` is a child record (it has a key).
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "child")] {
    /// use treem::child::dedup::{Key, Keys};
    /// let mut keys = Keys::new();
    /// keys.push(Key::of_value(&serde_json::json!({"sex": "nữ"}), &treem::Context::default()));
    /// keys.push(None);
    /// assert!(keys.is_readable(0) && !keys.is_readable(1));
    /// # }
    /// ```
    pub fn is_readable(&self, index: usize) -> bool {
        self.flag(index, READABLE)
    }

    fn flag(&self, index: usize, flag: u8) -> bool {
        self.flags.get(index).is_some_and(|f| f & flag != 0)
    }

    /// The personal ID hash of record `index`, if it has one.
    pub(super) fn id(&self, index: usize) -> Option<u64> {
        if self.flag(index, HAS_ID) {
            self.ids.get(index).copied()
        } else {
            None
        }
    }

    /// The date of birth of record `index`.
    pub(super) fn birth(&self, index: usize) -> Option<NaiveDate> {
        self.births.get(index).copied().flatten()
    }

    /// The folded name of record `index` (`None` when absent or unreadable).
    pub(super) fn name(&self, index: usize) -> Option<&str> {
        Some(self.names.get(index)).filter(|n| !n.is_empty())
    }

    /// What [`super::judge`] reads of record `index`; `None` for an unreadable record.
    pub(super) fn view(&self, index: usize) -> Option<View<'_>> {
        if !self.is_readable(index) {
            return None;
        }
        let sex = if self.flag(index, MALE) {
            Some(Sex::Male)
        } else if self.flag(index, FEMALE) {
            Some(Sex::Female)
        } else {
            None
        };
        let commune = Some(self.communes.get(index))
            .filter(|c| !c.is_empty())
            .map(|code| {
                let edition = if self.flag(index, E2025) {
                    Edition::E2025
                } else {
                    Edition::E2024
                };
                (edition, code)
            });
        Some(View {
            personal_id: self.id(index),
            written_name: self.written.get(index).copied().unwrap_or(0),
            name: self.name(index),
            birth: self.birth(index),
            sex,
            commune,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_date_of_birth_takes_four_bytes() {
        // The column's size is part of the budget (chrono's date has a niche for `None`).
        assert_eq!(std::mem::size_of::<Option<NaiveDate>>(), 4);
    }

    #[test]
    fn texts_come_back_as_pushed() {
        let mut texts = Texts::with_capacity(0, 0);
        for t in ["nguyen van an", "", "le thi hoa", "đ"] {
            texts.push(t);
        }
        let got: Vec<&str> = (0..4).map(|i| texts.get(i)).collect();
        assert_eq!(got, ["nguyen van an", "", "le thi hoa", "đ"]);
        assert_eq!(texts.get(4), "");
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn offsets_past_four_gib_are_counted_by_the_wraps() {
        // The arithmetic of `end` without 4 GiB of text: ends as they would be stored.
        let texts = Texts {
            text: String::new(),
            ends: vec![10, u32::MAX, 5, 20],
            wraps: vec![2],
        };
        assert_eq!(texts.end(Some(1)), u32::MAX as usize);
        assert_eq!(texts.end(Some(2)), (1 << 32) + 5);
        assert_eq!(texts.end(Some(3)), (1 << 32) + 20);
    }
}
