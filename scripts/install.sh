#!/usr/bin/env bash
# Installs what the test command needs on a fresh machine; every step is skipped when its
# tool is already present at the right version, so it is cheap to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== install: Rust toolchain components and the wasm32 target"
rustup show active-toolchain >/dev/null
rustup target add wasm32-unknown-unknown >/dev/null
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The C stage (scripts/ci/c.sh): cbindgen at the version that generated the committed header,
# a C compiler, valgrind, pkg-config and Python 3 (standard library only).
if [[ "$(cbindgen --version 2>/dev/null)" != "cbindgen 0.29.4" ]]; then
  echo "== install: cbindgen 0.29.4"
  cargo install cbindgen --version 0.29.4 --locked
fi
apt_missing=()
command -v gcc >/dev/null || apt_missing+=(gcc libc6-dev)
command -v valgrind >/dev/null || apt_missing+=(valgrind)
# g++: libfuzzer-sys compiles libFuzzer (the fuzz stage).
command -v g++ >/dev/null || apt_missing+=(g++)
command -v pkg-config >/dev/null || apt_missing+=(pkg-config)
command -v python3 >/dev/null || apt_missing+=(python3)
# The soak stage (scripts/ci/soak.sh) reads each command's peak memory from GNU time.
[[ -x /usr/bin/time ]] || apt_missing+=(time)
if (( ${#apt_missing[@]} )); then
  echo "== install: ${apt_missing[*]}"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q "${apt_missing[@]}"
fi

# The fuzz stage (scripts/ci/fuzz.sh): cargo-fuzz, pinned; it runs on stable with `-s none`.
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.1" ]]; then
  echo "== install: cargo-fuzz 0.13.1"
  cargo install cargo-fuzz --version 0.13.1 --locked
fi

echo "== install: wasm-bindgen CLI (pinned to the wasm-bindgen crate of bindings/wasm)"
wasm_bindgen_version=0.2.130
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version\$"; then
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

echo "== install: Node tools of the WebAssembly package (binaryen, terser, playwright-core, ajv, typescript, the form libraries of its tests)"
command -v node >/dev/null || { echo "node (>= 20) and npm are required" >&2; exit 1; }
lock_stamp=bindings/wasm/node_modules/.treem-lock
if ! cmp -s bindings/wasm/package-lock.json "$lock_stamp" 2>/dev/null; then
  # playwright-core never downloads a browser; the variable makes sure nothing else does.
  (cd bindings/wasm && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  cp bindings/wasm/package-lock.json "$lock_stamp"
fi

echo "== install: Chromium for the browser form test (Debian's package)"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

# The Python stage (scripts/ci/python.sh): a Java runtime for Spark (pyspark from PyPI carries
# Spark, never a tarball of ours; Spark 4 needs Java 17+), then a virtual environment with the
# pinned tools of bindings/python/requirements-dev.txt (maturin, cffi, pytest, mypy, pyspark,
# pandas, pyarrow), remade only when that file changes.
if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  echo "== install: openjdk-17-jre-headless (Debian's package)"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q openjdk-17-jre-headless
fi
python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' \
  || { echo "python3 >= 3.9 is required for bindings/python" >&2; exit 1; }
venv=target/python-venv
if ! cmp -s bindings/python/requirements-dev.txt "$venv/.treem-requirements" 2>/dev/null \
   || ! "$venv/bin/python" -c '' 2>/dev/null; then
  echo "== install: Python virtual environment $venv (bindings/python/requirements-dev.txt)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check pip==25.3
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r bindings/python/requirements-dev.txt
  cp bindings/python/requirements-dev.txt "$venv/.treem-requirements"
fi
