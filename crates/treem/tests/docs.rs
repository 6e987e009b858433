//! Generated documentation is committed; these tests fail when it is stale.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

#[test]
fn code_table_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/codes.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = treem::issue_codes::markdown();
    assert!(
        committed == generated,
        "docs/codes.md is stale; regenerate it with:\n  cargo run -q -p treem-cli -- catalog issue_codes --format markdown > docs/codes.md"
    );
}
