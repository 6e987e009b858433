//! The committed JSON Schemas (`data/schemas/<kind>.json`, answered by `Kind::schema` without
//! the feature `live-schemas`, as in the WebAssembly package) equal the schemas derived from
//! the draft types. Regenerate them with
//! `TREEM_WRITE_SCHEMAS=1 cargo test -p treem --test schemas`.
#![cfg(feature = "live-schemas")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/schemas")
}

#[test]
fn committed_schemas_are_current() {
    let write = std::env::var_os("TREEM_WRITE_SCHEMAS").is_some();
    let mut stale = BTreeSet::new();
    for kind in treem::Kind::all() {
        let path = dir().join(format!("{}.json", kind.name()));
        let live = kind.schema();
        if write {
            let text = serde_json::to_string_pretty(&live).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let committed: Option<serde_json::Value> = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok());
        if committed.as_ref() != Some(&live) {
            stale.insert(kind.name());
        }
    }
    // No file for a kind that no longer exists.
    let kinds: BTreeSet<String> = treem::Kind::all().map(|k| format!("{k}.json")).collect();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(kinds.contains(&name), "data/schemas/{name} names no kind");
    }
    assert!(
        stale.is_empty(),
        "stale {stale:?}: run TREEM_WRITE_SCHEMAS=1 cargo test -p treem --test schemas"
    );
}
