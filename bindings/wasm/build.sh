#!/usr/bin/env bash
# Builds the npm package into bindings/wasm/pkg/ (no wasm-pack):
#   cargo (wasm32, profile wasm-release) -> wasm-bindgen --target web -> wasm-opt -Oz
#   + the JS wrapper (js/), the committed TypeScript declarations (types/), package.json,
# and prepares the browser form example in target/browser-form/ (the folder `serve.mjs` serves).
# Tools come from scripts/install.sh; a missing one fails the build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

WASM_BINDGEN_VERSION=0.2.130
fail() { echo "build.sh: $*" >&2; exit 1; }
command -v wasm-bindgen >/dev/null || fail "wasm-bindgen not found; run: bash scripts/install.sh"
wasm-bindgen --version | grep -q " $WASM_BINDGEN_VERSION\$" \
  || fail "wasm-bindgen $WASM_BINDGEN_VERSION required, found '$(wasm-bindgen --version)'; run: bash scripts/install.sh"
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || fail "wasm-opt (npm binaryen) not found; run: (cd bindings/wasm && npm ci)"

# TREEM_WASM_FEATURES (e.g. "child") builds a smaller package with only those domains of the
# core; unset, every domain (the published package, the one the tests and types describe).
features=()
if [ -n "${TREEM_WASM_FEATURES:-}" ]; then
  features=(--no-default-features --features "$TREEM_WASM_FEATURES")
fi
echo "== wasm: cargo build ${features[*]}"
cargo build --quiet --target wasm32-unknown-unknown --profile wasm-release -p treem-wasm --lib "${features[@]}"
raw="$root/target/wasm32-unknown-unknown/wasm-release/treem_wasm.wasm"

out="$here/pkg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "== wasm: wasm-bindgen"
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name treem_wasm "$raw"

# The wrapper instantiates the module again after a trap; wasm-bindgen's initSync returns
# early when an instance exists, so that guard is removed (the rest of initSync resets the
# glue's cached views of memory). Fail loudly if the glue ever changes shape.
guard='    if (wasm !== undefined) return wasm;'
count="$(grep -cxF "$guard" "$tmp/treem_wasm.js" || true)"
[ "$count" -ge 1 ] || fail "cannot find initSync's guard in the wasm-bindgen glue (did its version change?)"
node -e '
  const fs = require("fs"); const [file, guard] = process.argv.slice(1);
  const src = fs.readFileSync(file, "utf8");
  const start = src.indexOf("function initSync(");
  const end = src.indexOf("\n}\n", start);
  const body = src.slice(start, end).replace(guard + "\n", "    // (re-instantiation allowed: see bindings/wasm/build.sh)\n");
  if (body === src.slice(start, end)) { console.error("initSync guard not found"); process.exit(1); }
  fs.writeFileSync(file, src.slice(0, start) + body + src.slice(end));
' "$tmp/treem_wasm.js" "$guard"

# --reorder-functions-by-name (while the function names are still in the module, before
# --strip-debug drops them) puts the copies of one generic function side by side, within
# gzip's 32 KB window: measured 6.6 KB smaller gzipped, the same code.
# --low-memory-unused lets wasm-opt fold `pointer + constant` into the offset of a load or
# store (3.7 KB smaller gzipped). It assumes no access to the first 1 KiB of memory: Rust
# puts the 1 MiB stack first, growing down to address 0, so only a stack within 1 KiB of
# overflowing would reach there, and such an access now traps (the wrapper re-instantiates)
# instead of writing there.
#
# --one-caller-inline-max-function-size=0: wasm-opt no longer inlines a function into its
# only caller. The module is 2.5 % larger raw but 30 KB smaller gzipped: the functions stay
# small and, ordered by name, gzip finds their likes within its window, where inlined into
# their callers they were each unique.
opt_flags=(-Oz --reorder-functions-by-name --low-memory-unused --one-caller-inline-max-function-size=0
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# The names that --reorder-functions-by-name sorts by: sort keys that group each trait
# method's implementations (layout-names.mjs; 4 KB smaller gzipped than plain names).
node "$here/layout-names.mjs" "$tmp/treem_wasm_bg.wasm" "$tmp/treem_wasm_bg.keyed.wasm"
echo "== wasm: wasm-opt -Oz"
"$wasm_opt" "${opt_flags[@]}" --strip-debug --strip-producers \
  -o "$tmp/treem_wasm_bg.opt.wasm" "$tmp/treem_wasm_bg.keyed.wasm"
# The same optimisation keeping the function names (-g), not shipped: what
# bench/size-breakdown.mjs reads to say what the size is made of (tests/size.test.mjs checks
# it has exactly the shipped code and data).
echo "== wasm: wasm-opt -Oz -g (named copy in target/wasm-names/)"
mkdir -p "$root/target/wasm-names"
"$wasm_opt" "${opt_flags[@]}" -g -o "$root/target/wasm-names/treem_wasm_bg.wasm" "$tmp/treem_wasm_bg.keyed.wasm"

rm -rf "$out"
mkdir -p "$out"
cp "$tmp/treem_wasm.js" "$out/"
cp "$tmp/treem_wasm_bg.opt.wasm" "$out/treem_wasm_bg.wasm"
cp "$here"/js/*.js "$out/"
cp "$here/types/treem.d.ts" "$out/treem.d.ts"
# The national administrative-unit tables, shipped beside the module: a page fetches this
# file and hands its text to loadGeography() (the module carries Hải Phòng's units only).
cp "$root/crates/treem/data/admin/national.tsv" "$out/national.tsv"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)"
cat > "$out/package.json" <<JSON
{
  "name": "treem",
  "version": "$version",
  "description": "Data rules for Viet Nam's child care, education and protection records (WebAssembly build of the treem Rust library)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "sideEffects": false,
  "types": "./treem.d.ts",
  "exports": {
    ".": {
      "types": "./treem.d.ts",
      "node": "./node.js",
      "default": "./web.js"
    },
    "./treem_wasm_bg.wasm": "./treem_wasm_bg.wasm",
    "./national.tsv": "./national.tsv",
    "./package.json": "./package.json"
  },
  "files": ["core.js", "web.js", "node.js", "treem_wasm.js", "treem_wasm_bg.wasm", "treem.d.ts", "national.tsv"]
}
JSON

echo "== wasm: browser form site in target/browser-form/"
site="$root/target/browser-form"
rm -rf "$site"
mkdir -p "$site"
cp -r "$root/examples/browser-form/." "$site/"
cp -r "$out" "$site/pkg"

ls -l "$out"
