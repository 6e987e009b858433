//! Blocks of records that share a key, built by one stable sort rather than a hash map: the
//! same blocks, in key order, with no `HashMap` (hashbrown, SipHash, `RandomState`: some 8 KB
//! of the WebAssembly package) and O(n log n) at province scale.

use std::ops::Range;

/// Record indices grouped by key.
pub(super) struct Blocks<K> {
    /// The record indices, block after block, each block in input order.
    indices: Vec<usize>,
    /// Each key, in order, with the range of its block in `indices`.
    blocks: Vec<(K, Range<usize>)>,
}

impl<K: Ord + Copy> Blocks<K> {
    /// Groups `entries` (key, record index), given in input order; the sort is stable, so
    /// each block keeps that order.
    pub(super) fn of(mut entries: Vec<(K, usize)>) -> Blocks<K> {
        crate::sorting::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut indices = Vec::with_capacity(entries.len());
        let mut blocks: Vec<(K, Range<usize>)> = Vec::new();
        for (key, index) in entries {
            let at = indices.len();
            indices.push(index);
            match blocks.last_mut() {
                Some((last, range)) if *last == key => range.end = at + 1,
                _ => blocks.push((key, at..at + 1)),
            }
        }
        Blocks { indices, blocks }
    }

    /// Each key with its block, in key order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (K, &[usize])> + '_ {
        self.blocks.iter().map(|(key, range)| {
            let block = self.indices.get(range.clone()).unwrap_or_default();
            (*key, block)
        })
    }

    /// The block of `key`, if any record has it.
    pub(super) fn get(&self, key: &K) -> Option<&[usize]> {
        let at = self.blocks.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
        let (_, range) = self.blocks.get(at)?;
        self.indices.get(range.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// The blocks of a map from key to the indices pushed in input order.
        #[test]
        fn blocks_are_a_maps_groups(keys in prop::collection::vec(0..20_u8, 0..200)) {
            let entries: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut map: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
            for &(key, index) in &entries {
                map.entry(key).or_default().push(index);
            }
            let blocks = Blocks::of(entries);
            let listed: Vec<(u8, Vec<usize>)> =
                blocks.iter().map(|(k, b)| (k, b.to_vec())).collect();
            let expected: Vec<(u8, Vec<usize>)> = map.clone().into_iter().collect();
            prop_assert_eq!(listed, expected);
            for key in 0..21_u8 {
                prop_assert_eq!(blocks.get(&key), map.get(&key).map(Vec::as_slice));
            }
        }
    }
}
