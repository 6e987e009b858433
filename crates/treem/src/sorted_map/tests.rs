//! `BTreeMap` / `BTreeSet` are the oracle: same contents, order, JSON and schema.

use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn map_basics() {
    let mut m = SortedMap::new();
    assert!(m.is_empty());
    assert_eq!(m.insert("b".to_owned(), 2), None);
    assert_eq!(m.insert("a".to_owned(), 1), None);
    assert_eq!(m.insert("b".to_owned(), 3), Some(2));
    assert_eq!(m.len(), 2);
    assert_eq!(m.get("a"), Some(&1));
    assert_eq!(m.get("c"), None);
    assert!(m.contains_key("b"));
    *m.get_mut("a").unwrap() += 10;
    assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(m.values().copied().collect::<Vec<_>>(), [11, 3]);
    *m.entry("c".to_owned()).or_insert(0) += 5;
    *m.entry("c".to_owned()).or_insert(0) += 5;
    *m.entry("0".to_owned()).or_default() += 1;
    assert_eq!(
        m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(),
        [("0", 1), ("a", 11), ("b", 3), ("c", 10)]
    );
    assert_eq!(m.remove("a"), Some(11));
    assert_eq!(m.remove("a"), None);
    assert_eq!(format!("{m:?}"), r#"{"0": 1, "b": 3, "c": 10}"#);
}

#[test]
fn set_basics() {
    let mut s = SortedSet::new();
    assert!(s.insert("b".to_owned()));
    assert!(s.insert("a".to_owned()));
    assert!(!s.insert("b".to_owned()));
    assert!(s.contains("a"));
    assert!(!s.contains("c"));
    assert_eq!(s.iter().collect::<Vec<_>>(), ["a", "b"]);
    assert!(s.remove("a"));
    assert!(!s.remove("a"));
    assert_eq!(format!("{s:?}"), r#"{"b"}"#);
}

#[test]
fn schemas_are_btree_schemas() {
    let mut g = schemars::SchemaGenerator::default();
    let ours = <SortedMap<String, u64> as schemars::JsonSchema>::json_schema(&mut g);
    let theirs = <BTreeMap<String, u64> as schemars::JsonSchema>::json_schema(&mut g);
    assert_eq!(ours, theirs);
    let ours = <SortedSet<String> as schemars::JsonSchema>::json_schema(&mut g);
    let theirs = <BTreeSet<String> as schemars::JsonSchema>::json_schema(&mut g);
    assert_eq!(ours, theirs);
    assert_eq!(
        <SortedMap<String, u64> as schemars::JsonSchema>::schema_name(),
        <BTreeMap<String, u64> as schemars::JsonSchema>::schema_name()
    );
}

#[test]
fn deserialize_keeps_last_value_of_a_repeated_key() {
    let text = r#"{"b": 1, "a": 2, "b": 3}"#;
    let ours: SortedMap<String, u64> = serde_json::from_str(text).unwrap();
    let theirs: BTreeMap<String, u64> = serde_json::from_str(text).unwrap();
    assert_eq!(
        ours.iter().collect::<Vec<_>>(),
        theirs.iter().collect::<Vec<_>>()
    );
    let ours: SortedSet<u8> = serde_json::from_str("[3, 1, 3, 2]").unwrap();
    assert_eq!(ours.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
    assert!(serde_json::from_str::<SortedMap<String, u64>>("[1]").is_err());
    assert!(serde_json::from_str::<SortedSet<u8>>("{}").is_err());
}

/// An operation on a map, applied to both implementations.
#[derive(Debug, Clone)]
enum Op {
    Insert(u8, u16),
    Remove(u8),
    AddTo(u8, u16),
    Extend(Vec<(u8, u16)>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k % 40, v)),
        any::<u8>().prop_map(|k| Op::Remove(k % 40)),
        (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::AddTo(k % 40, v)),
        proptest::collection::vec((any::<u8>(), any::<u16>()), 0..6)
            .prop_map(|kv| Op::Extend(kv.into_iter().map(|(k, v)| (k % 40, v)).collect())),
    ]
}

proptest! {
    #[test]
    fn map_matches_btreemap(ops in proptest::collection::vec(op(), 0..80), probe in any::<u8>()) {
        let mut ours: SortedMap<String, u16> = SortedMap::new();
        let mut theirs: BTreeMap<String, u16> = BTreeMap::new();
        for op in ops {
            match op {
                Op::Insert(k, v) => {
                    prop_assert_eq!(ours.insert(k.to_string(), v), theirs.insert(k.to_string(), v));
                }
                Op::Remove(k) => {
                    prop_assert_eq!(ours.remove(&k.to_string()), theirs.remove(&k.to_string()));
                }
                Op::AddTo(k, v) => {
                    let a = ours.entry(k.to_string()).or_insert(0);
                    *a = a.wrapping_add(v);
                    let b = theirs.entry(k.to_string()).or_insert(0);
                    *b = b.wrapping_add(v);
                }
                Op::Extend(kv) => {
                    let kv: Vec<(String, u16)> = kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                    ours.extend(kv.clone());
                    theirs.extend(kv);
                }
            }
        }
        prop_assert_eq!(ours.len(), theirs.len());
        prop_assert_eq!(ours.is_empty(), theirs.is_empty());
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        prop_assert_eq!(ours.get(probe.to_string().as_str()), theirs.get(probe.to_string().as_str()));
        prop_assert_eq!(ours.contains_key(probe.to_string().as_str()), theirs.contains_key(probe.to_string().as_str()));
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
        prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        let back: SortedMap<String, u16> = serde_json::from_str(&serde_json::to_string(&theirs).unwrap()).unwrap();
        prop_assert_eq!(&back, &ours);
        prop_assert_eq!(ours.clone().into_iter().collect::<Vec<_>>(), theirs.clone().into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn collect_matches_btreemap(kv in proptest::collection::vec((0u8..30, any::<u16>()), 0..60)) {
        let ours: SortedMap<u8, u16> = kv.iter().copied().collect();
        let theirs: BTreeMap<u8, u16> = kv.iter().copied().collect();
        prop_assert_eq!(ours.into_iter().collect::<Vec<_>>(), theirs.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn set_matches_btreeset(items in proptest::collection::vec(0u8..50, 0..80), removed in proptest::collection::vec(0u8..50, 0..10)) {
        let mut ours: SortedSet<u8> = SortedSet::new();
        let mut theirs: BTreeSet<u8> = BTreeSet::new();
        for &i in &items {
            prop_assert_eq!(ours.insert(i), theirs.insert(i));
        }
        for r in &removed {
            prop_assert_eq!(ours.remove(r), theirs.remove(r));
        }
        prop_assert_eq!(ours.len(), theirs.len());
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        for probe in 0..50u8 {
            prop_assert_eq!(ours.contains(&probe), theirs.contains(&probe));
        }
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
        let collected: SortedSet<u8> = items.iter().copied().collect();
        let oracle: BTreeSet<u8> = items.iter().copied().collect();
        prop_assert_eq!(collected.into_iter().collect::<Vec<_>>(), oracle.into_iter().collect::<Vec<_>>());
    }

    /// Maps compare (`==`, `<`) as `BTreeMap`s do: derived `Ord` fields keep their order.
    #[test]
    fn order_matches_btreemap(a in proptest::collection::vec((0u8..6, 0u8..3), 0..5), b in proptest::collection::vec((0u8..6, 0u8..3), 0..5)) {
        let (oa, ob): (SortedMap<u8, u8>, SortedMap<u8, u8>) = (a.iter().copied().collect(), b.iter().copied().collect());
        let (ta, tb): (BTreeMap<u8, u8>, BTreeMap<u8, u8>) = (a.iter().copied().collect(), b.iter().copied().collect());
        prop_assert_eq!(oa.cmp(&ob), ta.cmp(&tb));
        prop_assert_eq!(oa == ob, ta == tb);
    }
}
