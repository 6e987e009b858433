#!/usr/bin/env bash
# The WebAssembly package: build it, check the committed TypeScript declarations are current,
# run the Node tests (conformance vectors, API, trap recovery) and the headless-Chromium test
# of the browser form. A missing tool fails this stage (scripts/install.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== wasm: TypeScript declarations are current"
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
cargo run -q -p treem-wasm --bin treem-wasm-types > "$fresh"
if ! diff -u bindings/wasm/types/treem.d.ts "$fresh"; then
  echo "bindings/wasm/types/treem.d.ts is stale; regenerate it with:" >&2
  echo "  cargo run -q -p treem-wasm --bin treem-wasm-types > bindings/wasm/types/treem.d.ts" >&2
  exit 1
fi

echo "== wasm: build the npm package"
bash bindings/wasm/build.sh

echo "== wasm: node --test (vectors, API, trap recovery, browser form in Chromium)"
cd bindings/wasm
node --test --test-reporter=dot tests/
