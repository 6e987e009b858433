#!/usr/bin/env bash
# Installs what the test command needs on a fresh machine; every step is skipped when its
# tool is already present at the right version, so it is cheap to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== install: Rust toolchain components and the wasm32 target"
rustup show active-toolchain >/dev/null
rustup target add wasm32-unknown-unknown >/dev/null
rustup component add rustfmt clippy >/dev/null 2>&1 || true
