#!/usr/bin/env bash
# Formatting, lints (the core's deny list: unwrap, expect, panic, indexing) and every Rust test.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== rust: fmt"
cargo fmt --all -- --check
echo "== rust: clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== rust: docs (every intra-doc link resolves)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p treem
echo "== rust: tests"
cargo test --workspace --quiet 2>&1 | tee /tmp/treem-cargo-test.log
# The core's unit tests in the domain feature builds that a portal may ship in its own
# WebAssembly package (bindings/wasm/README.md): each domain alone, with what it turns on.
for features in school child case safe-school indicators directive; do
  echo "== rust: core tests with only --features $features"
  cargo test --quiet -p treem --lib --no-default-features --features "$features"
done
# Every kind's JSON Schema checked by a second validator (the `jsonschema` crate; ajv is the
# first, in the wasm stage): benches/jsonschema is its own workspace, so it is tested here.
echo "== rust: kind schemas with the jsonschema crate (benches/jsonschema)"
cargo test --quiet --manifest-path benches/jsonschema/Cargo.toml
# Generated docs are checked by crates/treem/tests/docs.rs; the public API listing
# (crates/treem/public-api.txt) by crates/treem/tests/public_api.rs, which builds its own
# docs in target/public-api (run by `cargo test --workspace` above).
