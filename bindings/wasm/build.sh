#!/usr/bin/env bash
# Builds the npm package into bindings/wasm/pkg/ (no wasm-pack), six modules, each
#   cargo (wasm32, profile wasm-release) -> wasm-bindgen --target web -> wasm-opt -Os
#   + the JS wrapper (js/), minified with the glue by terser,
# then the committed TypeScript declarations (types/) and package.json; and prepares the
# browser form example in target/browser-form/ (the folder `serve.mjs` serves).
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
terser="$here/node_modules/.bin/terser"
[ -x "$terser" ] || fail "terser (npm) not found; run: (cd bindings/wasm && npm ci)"

# The wasm-opt flags, one list for the shipped module and its named copy.
#
# -Os, not -Oz: measured 8 Dec 2026 on every module of the package (the same cargo builds),
# -Os is the smaller once gzipped (every domain 344.3 -> 342.5 KiB, child 141.8 -> 141.6,
# case 122.1 -> 121.9, school 109.0 -> 108.8, task report 135.4 -> 135.2, safe-school 144.9
# -> 144.3, .wasm alone) and no slower (A/B x0.98-0.99): -Oz's extra size passes make the
# raw module smaller and its code less alike for gzip.
#
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
opt_flags=(-Os --reorder-functions-by-name --low-memory-unused --one-caller-inline-max-function-size=0
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# The JS files as shipped, minified by terser: comments out, local names shortened, exported
# names kept. The wasm-bindgen glue is mostly doc comments and long local names: the JS of
# the browser entry goes from 5.3 to 2.8 KB gzipped. The readable sources are js/ and the
# glue wasm-bindgen writes (the TypeScript declarations carry the documentation).
minify() {
  "$terser" "$1" --module --compress --mangle --output "$2"
}

out="$here/pkg"
rm -rf "$out"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One module of the package: the core with the given cargo arguments (none: every domain),
# built, bound, optimised and written with its JS entries into pkg/$dir; its named copy (not
# shipped) into target/wasm-names/$dir.
build_module() {
  local dir="$1"
  shift
  local work="$tmp/module-${dir//[.\/]/_}"
  local dest="$out/$dir"
  local named="$root/target/wasm-names/$dir"
  mkdir -p "$work" "$dest" "$named"
  echo "== wasm ($dir): cargo build $*"
  cargo build --quiet --target wasm32-unknown-unknown --profile wasm-release -p treem-wasm --lib "$@"
  local raw="$root/target/wasm32-unknown-unknown/wasm-release/treem_wasm.wasm"

  echo "== wasm ($dir): wasm-bindgen"
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name treem_wasm "$raw"

  # The wrapper instantiates the module again after a trap; wasm-bindgen's initSync returns
  # early when an instance exists, so that guard is removed (the rest of initSync resets the
  # glue's cached views of memory). Fail loudly if the glue ever changes shape.
  local guard='    if (wasm !== undefined) return wasm;'
  local count
  count="$(grep -cxF "$guard" "$work/treem_wasm.js" || true)"
  [ "$count" -ge 1 ] || fail "cannot find initSync's guard in the wasm-bindgen glue (did its version change?)"
  node -e '
    const fs = require("fs"); const [file, guard] = process.argv.slice(1);
    const src = fs.readFileSync(file, "utf8");
    const start = src.indexOf("function initSync(");
    const end = src.indexOf("\n}\n", start);
    const body = src.slice(start, end).replace(guard + "\n", "    // (re-instantiation allowed: see bindings/wasm/build.sh)\n");
    if (body === src.slice(start, end)) { console.error("initSync guard not found"); process.exit(1); }
    fs.writeFileSync(file, src.slice(0, start) + body + src.slice(end));
  ' "$work/treem_wasm.js" "$guard"

  # The names that --reorder-functions-by-name sorts by: sort keys that group each trait
  # method's implementations (layout-names.mjs; 4 KB smaller gzipped than plain names).
  node "$here/layout-names.mjs" "$work/treem_wasm_bg.wasm" "$work/treem_wasm_bg.keyed.wasm"
  echo "== wasm ($dir): wasm-opt -Os"
  "$wasm_opt" "${opt_flags[@]}" --strip-debug --strip-producers \
    -o "$dest/treem_wasm_bg.wasm" "$work/treem_wasm_bg.keyed.wasm"
  # The same optimisation keeping the function names (-g), not shipped: what
  # bench/size-breakdown.mjs reads to say what the size is made of (tests/size.test.mjs checks
  # it has exactly the shipped code and data).
  echo "== wasm ($dir): wasm-opt -Os -g (named copy in target/wasm-names/$dir)"
  "$wasm_opt" "${opt_flags[@]}" -g -o "$named/treem_wasm_bg.wasm" "$work/treem_wasm_bg.keyed.wasm"

  minify "$work/treem_wasm.js" "$dest/treem_wasm.js"
  local js
  for js in core standard web node; do minify "$here/js/$js.js" "$dest/$js.js"; done
}

# The package holds every domain at its root (`treem`), and one module per form in a folder
# of its name (`treem/child`: the kind `child`, its catalogs, Hải Phòng's units; half the
# bytes for a page that needs no other kind; `treem/case`, `treem/school`,
# `treem/safe-school`: the feature of that name; `treem/task-report`: the feature `directive`). TREEM_WASM_FEATURES (e.g. "case,safe-school")
# builds the root with only those domains of the core, for a portal's own package (the tests
# and the TypeScript declarations describe the published package).
root_features=()
if [ -n "${TREEM_WASM_FEATURES:-}" ]; then
  root_features=(--no-default-features --features "$TREEM_WASM_FEATURES")
fi
build_module . "${root_features[@]}"
# One module per form (README "Which module for which form"): each domain alone with the
# domains its feature turns on (crates/treem/Cargo.toml). Each costs one more wasm build.
# The module is named after its form; its feature after its domain (the same name but for
# `task-report`: the directive domain, kinds `directive` and `task_report`).
form_modules=(child case school safe-school task-report)
form_feature() {
  case "$1" in
    task-report) echo directive ;;
    *) echo "$1" ;;
  esac
}
# serde_json optimised for speed ("s") instead of size ("z") in the module whose records
# carry the most JSON through it (a task report's report, written by it): measured A/B in one
# Node process, x0.94 for +1.1 KB gzipped. In the child module it gave x0.99 for the same
# bytes; in the safe-school module, once an inline criteria set was read straight from the
# record's text instead of parsed into a value (CriteriaSetChoice), x0.95 for +1.2 KB, which
# the module's budget no longer holds: the other modules keep "z".
form_config() {
  case "$1" in
    task-report) echo '--config=profile.wasm-release.package.serde_json.opt-level="s"' ;;
  esac
}
for m in "${form_modules[@]}"; do
  # shellcheck disable=SC2046 # form_config prints one argument or none
  build_module "$m" --no-default-features --features "$(form_feature "$m")" $(form_config "$m")
done

cp "$here/types/treem.d.ts" "$out/treem.d.ts"
# treem/rjsf: the react-jsonschema-form validator (plain JS over any module's schema objects,
# no wasm of its own, so shipped once at the root) and its hand-written declarations.
minify "$here/js/rjsf.js" "$out/rjsf.js"
cp "$here/types/rjsf.d.ts" "$out/rjsf.d.ts"
# The national administrative-unit tables, shipped beside the module: a page fetches this
# file and hands its text to loadGeography() (each module carries Hải Phòng's units only).
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
$(for m in "${form_modules[@]}"; do printf '    "./%s": {\n      "types": "./treem.d.ts",\n      "node": "./%s/node.js",\n      "default": "./%s/web.js"\n    },\n' "$m" "$m" "$m"; done)
    "./rjsf": {
      "types": "./rjsf.d.ts",
      "default": "./rjsf.js"
    },
    "./treem_wasm_bg.wasm": "./treem_wasm_bg.wasm",
$(for m in "${form_modules[@]}"; do printf '    "./%s/treem_wasm_bg.wasm": "./%s/treem_wasm_bg.wasm",\n' "$m" "$m"; done)
    "./national.tsv": "./national.tsv",
    "./package.json": "./package.json"
  },
  "files": ["core.js", "standard.js", "web.js", "node.js", "treem_wasm.js", "treem_wasm_bg.wasm", $(for m in "${form_modules[@]}"; do printf '"%s/", ' "$m"; done)"treem.d.ts", "national.tsv", "rjsf.js", "rjsf.d.ts"]
}
JSON

# The form is a child record: it loads the child form's module (pkg/child/ as its pkg/).
echo "== wasm: browser form site in target/browser-form/"
site="$root/target/browser-form"
rm -rf "$site"
mkdir -p "$site"
cp -r "$root/examples/browser-form/." "$site/"
cp -r "$out/child" "$site/pkg"

# Two more forms, each in its folder of the site with its form's module as its pkg/: the
# commune officer's protection case (treem/case) at case/, the school's safe-school
# self-assessment (treem/safe-school) at safe-school/.
for form in case safe-school; do
  mkdir -p "$site/$form"
  cp -r "$root/examples/$form-form/." "$site/$form/"
  cp -r "$out/$form" "$site/$form/pkg"
done

ls -l "$out" "$out/child"
