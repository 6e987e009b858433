//! The candidate pairs of the blocks (module docs of [`super`]), and a cheap test that skips
//! the judge for the pairs that cannot be a result.
//!
//! Within a date of birth (a few hundred records on one date at province scale, so some 300 M
//! pairs at 2,000,000 records), a pair is a result only when the personal IDs are equal or the
//! folded names are equal or one edit apart. Each member of a block is read once into a small
//! [`Member`] (its letter counts and length in letters); a pair is judged only when the IDs
//! are equal or the names pass [`Member::may_match`], a handful of integer operations that
//! every equal or one-edit pair passes. Every candidate still counts in `comparisons`, so the
//! answer is the one the all-pairs comparison gave (a property test compares them).
//!
//! The blocks are index lists sorted once (a counting sort on the date of birth, one sort of
//! the IDs), never maps of vectors; the day/month swap joins the two date blocks by name.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::{judge, swapped, Keys, Pair};

/// Counts of the letters of a folded name in 16 groups (a letter's code modulo 16), with its
/// length in letters: an equal name has the same counts, a name one edit away differs by one
/// in at most two groups (a letter replaced: one fewer here, one more there) and by at most
/// one letter in length. Counts saturate at 255, which only makes them closer.
#[derive(Clone, Copy)]
struct Member {
    index: usize,
    id: Option<u64>,
    letters: u32,
    counts: [u8; 16],
}

impl Member {
    fn of(keys: &Keys, index: usize) -> Member {
        let mut counts = [0u8; 16];
        let mut letters = 0u32;
        for c in keys.name(index).unwrap_or_default().chars() {
            letters = letters.saturating_add(1);
            if let Some(n) = counts.get_mut((u32::from(c) & 15) as usize) {
                *n = n.saturating_add(1);
            }
        }
        Member {
            index,
            id: keys.id(index),
            letters,
            counts,
        }
    }

    /// False when the names can be neither equal nor one edit apart.
    fn may_match(&self, other: &Member) -> bool {
        if self.letters.abs_diff(other.letters) > 1 {
            return false;
        }
        let apart: u32 = self
            .counts
            .iter()
            .zip(&other.counts)
            .map(|(a, b)| u32::from(a.abs_diff(*b)))
            .sum();
        apart <= 2
    }
}

/// The search in progress: the pairs found, the counts, and the pairs by ID.
struct Search<'a> {
    keys: &'a Keys,
    cap: usize,
    /// Pairs of records with the same personal ID (sorted): judged once, at the end, and
    /// skipped (neither judged nor counted) when a block or the swap index meets them again.
    id_pairs: Vec<(usize, usize)>,
    pairs: Vec<Pair>,
    comparisons: u64,
    capped: usize,
    /// Reused for each block.
    members: Vec<Member>,
}

impl Search<'_> {
    /// The first `cap` records of `block`, counting the block as capped when it is longer.
    fn head<'b>(&mut self, block: &'b [usize]) -> &'b [usize] {
        match block.get(..self.cap) {
            Some(head) if block.len() > self.cap => {
                self.capped += 1;
                head
            }
            _ => block,
        }
    }

    /// True when `(a, b)` (`a < b`) is a pair by personal ID.
    fn is_id_pair(&self, a: usize, b: usize) -> bool {
        let id = self.keys.id(a);
        id.is_some() && id == self.keys.id(b) && self.id_pairs.binary_search(&(a, b)).is_ok()
    }

    /// Judges `(a, b)` (`a < b`), keeping it when it is a result.
    fn judge(&mut self, a: usize, b: usize) {
        if let Some(pair) = judged(self.keys, a, b) {
            self.pairs.push(pair);
        }
    }

    /// Every pair of a block of one date of birth (records in input order).
    fn block(&mut self, block: &[usize]) {
        let block = self.head(block);
        let mut members = std::mem::take(&mut self.members);
        members.clear();
        members.extend(block.iter().map(|&i| Member::of(self.keys, i)));
        let n = members.len() as u64;
        self.comparisons += n * n.saturating_sub(1) / 2;
        for (i, x) in members.iter().enumerate() {
            for y in members.get(i + 1..).unwrap_or_default() {
                let same_id = x.id.is_some() && x.id == y.id;
                if !same_id && !x.may_match(y) {
                    continue;
                }
                let (a, b) = (x.index.min(y.index), x.index.max(y.index));
                if self.is_id_pair(a, b) {
                    // Counted above, but judged with the pairs by ID.
                    self.comparisons -= 1;
                } else {
                    self.judge(a, b);
                }
            }
        }
        self.members = members;
    }

    /// A block of one date of birth larger than the cap (a placeholder date typed for unknown
    /// births): split by folded surname + initial of the last syllable, each part in input
    /// order and capped in its turn.
    fn split(&mut self, block: &[usize]) {
        let keys = self.keys;
        let mut parts: Vec<((&str, char), usize)> = block
            .iter()
            .map(|&i| (initials(keys.name(i).unwrap_or_default()), i))
            .collect();
        crate::sorting::sort_by(&mut parts, |x, y| x.0.cmp(&y.0));
        let mut part: Vec<usize> = Vec::new();
        for (at, &(key, index)) in parts.iter().enumerate() {
            part.push(index);
            if parts.get(at + 1).is_none_or(|next| next.0 != key) {
                if part.len() > 1 {
                    self.block(&part);
                }
                part.clear();
            }
        }
    }

    /// The pairs with the same folded name whose dates of birth are `date` (block `here`) and
    /// the same with day and month swapped (block `there`): each name's records, the first
    /// `cap` on each side, pair by pair.
    fn swapped_pairs(&mut self, here: &[usize], there: &[usize]) {
        let keys = self.keys;
        let by_name = |block: &[usize]| {
            let mut named: Vec<(&str, usize)> = block
                .iter()
                .map(|&i| (keys.name(i).unwrap_or_default(), i))
                .collect();
            crate::sorting::sort_by(&mut named, |x, y| x.0.cmp(y.0));
            named
        };
        let (here, there) = (by_name(here), by_name(there));
        let (mut i, mut j) = (0, 0);
        while let (Some(&(x, _)), Some(&(y, _))) = (here.get(i), there.get(j)) {
            match x.cmp(y) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    let run = |list: &[(&str, usize)], from: usize| {
                        list.get(from..)
                            .unwrap_or_default()
                            .iter()
                            .take_while(|(name, _)| *name == x)
                            .count()
                    };
                    let (m, n) = (run(&here, i), run(&there, j));
                    let side = |list: &[(&str, usize)], from: usize, len: usize| {
                        list.get(from..from + len.min(self.cap))
                            .unwrap_or_default()
                            .iter()
                            .map(|&(_, index)| index)
                            .collect::<Vec<usize>>()
                    };
                    let (left, right) = (side(&here, i, m), side(&there, j, n));
                    for &a in &left {
                        for &b in &right {
                            let (a, b) = (a.min(b), a.max(b));
                            if !self.is_id_pair(a, b) {
                                self.comparisons += 1;
                                self.judge(a, b);
                            }
                        }
                    }
                    i += m;
                    j += n;
                }
            }
        }
    }
}

/// Folded surname and the initial of the last syllable (a space when there is none).
fn initials(name: &str) -> (&str, char) {
    let surname = name.split(' ').next().unwrap_or_default();
    let given = name.rsplit(' ').next().and_then(|g| g.chars().next());
    (surname, given.unwrap_or(' '))
}

/// The judged pair `(a, b)`, when it is a result.
fn judged(keys: &Keys, a: usize, b: usize) -> Option<Pair> {
    let (level, evidence) = judge(keys.view(a)?, keys.view(b)?)?;
    Some(Pair {
        a,
        b,
        level,
        evidence,
    })
}

/// The pairs of records with the same personal ID, `(a, b)` with `a < b`, sorted; a block of
/// more than `cap` records gives the pairs of its first `cap` only (counted in `capped`).
///
/// The IDs are hashes, spread evenly: a counting sort on their top bits puts the records in
/// about one bucket per four records, each bucket in input order, and only the few records of a
/// bucket are compared with each other (8 bytes a record and two counters per bucket, where
/// a general sort of (hash, record) needed some 30).
fn id_pairs(keys: &Keys, cap: usize, capped: &mut usize) -> Vec<(usize, usize)> {
    let count = (0..keys.len()).filter(|&i| keys.id(i).is_some()).count();
    // Buckets: the smallest power of two at or above a quarter of the records (at least 1).
    let bits = (count / 4).max(1).next_power_of_two().trailing_zeros();
    let bucket = |id: u64| usize::try_from(id.checked_shr(64 - bits).unwrap_or(0)).unwrap_or(0);
    let mut starts = vec![0usize; (1 << bits) + 1];
    for id in (0..keys.len()).filter_map(|i| keys.id(i)) {
        if let Some(n) = starts.get_mut(bucket(id) + 1) {
            *n += 1;
        }
    }
    for k in 1..starts.len() {
        let before = starts.get(k - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(k) {
            *n += before;
        }
    }
    let mut order = vec![0usize; count];
    {
        let mut next = starts.clone();
        for i in 0..keys.len() {
            let Some(id) = keys.id(i) else { continue };
            if let Some(at) = next.get_mut(bucket(id)) {
                if let Some(place) = order.get_mut(*at) {
                    *place = i;
                }
                *at += 1;
            }
        }
    }
    let mut pairs = Vec::new();
    let mut same: Vec<(u64, usize)> = Vec::new();
    for window in starts.windows(2) {
        let &[start, end] = window else { continue };
        let records = order.get(start..end).unwrap_or_default();
        if records.len() < 2 {
            continue;
        }
        same.clear();
        same.extend(records.iter().filter_map(|&i| keys.id(i).map(|id| (id, i))));
        // Stable: each ID's records stay in input order.
        crate::sorting::sort_by(&mut same, |x, y| x.0.cmp(&y.0));
        let mut from = 0;
        while let Some(&(id, _)) = same.get(from) {
            let rest = same.get(from..).unwrap_or_default();
            let len = rest.iter().take_while(|(other, _)| *other == id).count();
            let block = rest.get(..len).unwrap_or_default();
            let block = match block.get(..cap) {
                Some(head) if len > cap => {
                    *capped += 1;
                    head
                }
                _ => block,
            };
            for (i, &(_, a)) in block.iter().enumerate() {
                for &(_, b) in block.get(i + 1..).unwrap_or_default() {
                    pairs.push((a, b));
                }
            }
            from += len;
        }
    }
    crate::sorting::sort(&mut pairs);
    pairs
}

/// The records with a folded name and a date of birth, sorted by date of birth, each date in
/// input order: a counting sort over the days when the dates span a range the size of the
/// data or less (always, for real births), else a stable sort.
fn by_birth(keys: &Keys) -> Vec<usize> {
    let day = |i: usize| -> Option<i64> {
        keys.name(i)?;
        keys.birth(i).map(|d| i64::from(d.num_days_from_ce()))
    };
    let mut count = 0usize;
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for d in (0..keys.len()).filter_map(day) {
        count += 1;
        first = first.min(d);
        last = last.max(d);
    }
    if count == 0 {
        return Vec::new();
    }
    let span = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
    if span > count / 4 + (1 << 16) {
        let mut order: Vec<usize> = (0..keys.len()).filter(|&i| day(i).is_some()).collect();
        crate::sorting::sort_by(&mut order, |&a, &b| keys.birth(a).cmp(&keys.birth(b)));
        return order;
    }
    let slot = |d: i64| usize::try_from(d - first).unwrap_or(0);
    // starts[k]: where the records born `k` days after the first date begin in `order`.
    let mut starts = vec![0usize; span + 1];
    for d in (0..keys.len()).filter_map(day) {
        if let Some(n) = starts.get_mut(slot(d) + 1) {
            *n += 1;
        }
    }
    for k in 1..starts.len() {
        let before = starts.get(k - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(k) {
            *n += before;
        }
    }
    let mut order = vec![0usize; count];
    for i in 0..keys.len() {
        let Some(d) = day(i) else { continue };
        if let Some(at) = starts.get_mut(slot(d)) {
            if let Some(place) = order.get_mut(*at) {
                *place = i;
            }
            *at += 1;
        }
    }
    order
}

/// The records of `order` (sorted by date of birth) born on `date`.
fn born_on<'a>(keys: &Keys, order: &'a [usize], date: NaiveDate) -> &'a [usize] {
    let start = order.partition_point(|&i| keys.birth(i) < Some(date));
    let end = order.partition_point(|&i| keys.birth(i) <= Some(date));
    order.get(start..end).unwrap_or_default()
}

/// [`super::find`] with the largest block compared pair by pair as a parameter (tests use
/// small ones).
pub(super) fn find(keys: &Keys, cap: usize) -> (Vec<Pair>, u64, usize) {
    let mut capped = 0;
    let id_pairs = id_pairs(keys, cap, &mut capped);
    let mut search = Search {
        keys,
        cap,
        id_pairs,
        pairs: Vec::new(),
        comparisons: 0,
        capped,
        members: Vec::new(),
    };
    let order = by_birth(keys);
    let mut start = 0;
    while let Some(&first) = order.get(start) {
        let date = keys.birth(first);
        let rest = order.get(start..).unwrap_or_default();
        let len = rest.iter().take_while(|&&i| keys.birth(i) == date).count();
        let block = rest.get(..len).unwrap_or_default();
        if block.len() > cap {
            search.split(block);
        } else if block.len() > 1 {
            search.block(block);
        }
        // Each swapped pair of dates is met from both sides; take it from the earlier.
        if let Some(other) = date.and_then(swapped).filter(|&o| Some(o) > date) {
            let partners = born_on(keys, &order, other);
            if !partners.is_empty() {
                search.swapped_pairs(block, partners);
            }
        }
        start += len;
    }
    let id_pairs = std::mem::take(&mut search.id_pairs);
    search.comparisons += id_pairs.len() as u64;
    for &(a, b) in &id_pairs {
        search.judge(a, b);
    }
    let mut pairs = search.pairs;
    crate::sorting::sort_by(&mut pairs, |x, y| (x.a, x.b).cmp(&(y.a, y.b)));
    (pairs, search.comparisons, search.capped)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::{one_edit_names, Key};
    use super::*;
    use proptest::prelude::*;

    /// Two records with these folded names (and nothing else) as members of a block.
    fn members(a: &str, b: &str) -> (Member, Member) {
        let mut keys = Keys::new();
        for name in [a, b] {
            let key = Key {
                name: Some(name.into()),
                ..Key::default()
            };
            keys.push(Some(key));
        }
        (Member::of(&keys, 0), Member::of(&keys, 1))
    }

    proptest! {
        /// The filter never drops a pair the judge would keep: any name and the same name
        /// with one letter replaced, removed or added (any letters, marks and `đ` included)
        /// pass it, both ways round.
        #[test]
        fn one_edit_names_pass_the_filter(
            name in "[a-z đ\u{e0}-\u{ff}0-9]{0,24}",
            edit in 0..4_u8,
            at in any::<prop::sample::Index>(),
            letter in "[a-z đ\u{e0}-\u{ff}0-9]",
        ) {
            let mut chars: Vec<char> = name.chars().collect();
            let at = at.index(chars.len() + 1);
            let letter = letter.chars().next().unwrap();
            match edit {
                1 if at < chars.len() => chars[at] = letter,
                2 if at < chars.len() => drop(chars.remove(at)),
                3 => chars.insert(at, letter),
                _ => {}
            }
            let other: String = chars.into_iter().collect();
            prop_assert!(other == name || one_edit_names(&name, &other));
            let (x, y) = members(&name, &other);
            prop_assert!(x.may_match(&y) && y.may_match(&x));
        }
    }

    #[test]
    fn names_far_apart_do_not_pass_the_filter() {
        let (x, y) = members("nguyen van an", "tran thi lan");
        assert!(!x.may_match(&y));
        // One letter apart in length but two letters replaced.
        let (x, y) = members("le van nam", "le van tuan");
        assert!(!x.may_match(&y));
        assert!(!one_edit_names("le van nam", "le van tuan"));
    }
}
