#!/usr/bin/env bash
# Formatting, lints (the core's deny list: unwrap, expect, panic, indexing) and every Rust test.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== rust: fmt"
cargo fmt --all -- --check
echo "== rust: clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== rust: tests"
cargo test --workspace --quiet 2>&1 | tee /tmp/treem-cargo-test.log
# Generated docs are checked by crates/treem/tests/docs.rs.
