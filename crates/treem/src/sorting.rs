//! Stable sorting with one copy of the sorting algorithm for every element type.
//!
//! The standard library's `sort`/`sort_by` (driftsort) and `sort_unstable` (ipnsort) are
//! instantiated afresh for every element type and comparison, 3–5 KB of WebAssembly each; the
//! core sorted some fifteen types, and the copies came to about 60 KB of the npm package's
//! code (see bindings/wasm/README.md). Here the algorithm runs once, on positions
//! (`usize`), through a comparison passed as a trait object; what is left per element type is
//! the comparison closure and a short loop that moves the elements into their sorted order.
//!
//! The answers are those of the standard library's stable sort: equal elements keep their
//! order. The cost is one vector of positions and an indirect call per comparison, which
//! does not matter for the sizes sorted here (issue lists, catalog entries, the units of an
//! administrative edition).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal elements keep their relative order).
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        sorted_positions(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(a), Some(b)) => compare(a, b),
                // Positions come from 0..len: never reached.
                _ => Ordering::Equal,
            },
        )
    };
    permute(items, order);
}

/// Sorts `items` in ascending order, stably.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` sorts them (stable): the one instantiation
/// of the standard library's sort that every element type shares.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    // The one call the rule in clippy.toml exists to keep single.
    #[allow(clippy::disallowed_methods)]
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that position `i` holds the element that was at `order[i]`,
/// following each cycle of the permutation with swaps (no copies, no `Clone`).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        // A visited position is marked by pointing at itself.
        while let Some(slot) = order.get_mut(current) {
            let next = std::mem::replace(slot, current);
            if next == start || next == current {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

// Tests compare with the standard calls the core avoids for size.
#[allow(clippy::disallowed_methods)]
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        /// The standard library's stable sort is the oracle, on keys with many ties so that
        /// stability is tested, and on owned values that must not be duplicated or lost.
        #[test]
        fn same_as_std_stable_sort(items in proptest::collection::vec((0u8..6, ".{0,3}"), 0..60)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &theirs);
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
