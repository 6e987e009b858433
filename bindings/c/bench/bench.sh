#!/usr/bin/env bash
# Benchmark (not a test): the per-call cost of treem_validate through the C ABI against
# treem::api::validate called directly from Rust, on the same records with the same options.
#   bash bindings/c/bench/bench.sh [FILE] [ITERATIONS] [ROUNDS]
# Defaults: the first record of examples/data/children.ndjson (a typical, valid child record),
# then every record of the file; 20000 calls per record per run. The three programs (Rust,
# C against libtreem.so, C against libtreem.a) run interleaved for ROUNDS rounds (default 7),
# and the best run of each is kept, so load that drifts during the run hits all three alike.
# Release builds.
set -euo pipefail
cd "$(dirname "$0")/../../.."
file=${1:-examples/data/children.ndjson}
iterations=${2:-20000}
rounds=${3:-7}
cargo build --release --quiet -p treem-c --lib --example bench_core
target=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -std=c11 -O2 -Ibindings/c/include bindings/c/bench/bench.c -L"$target" -ltreem \
  -Wl,-rpath,"$target" -o "$work/bench_shared"
gcc -std=c11 -O2 -Ibindings/c/include bindings/c/bench/bench.c "$target/libtreem.a" \
  -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$work/bench_static"
head -n1 "$file" > "$work/typical.ndjson"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for input in "$work/typical.ndjson" "$file"; do
  [[ "$input" == "$file" ]] && echo "== every record of $file" || echo "== typical child record: $(cat "$input")"
  : > "$work/runs"
  for _ in $(seq "$rounds"); do
    echo "rust $("$target/examples/bench_core" "$input" "$iterations" 1 | tail -n1)" >> "$work/runs"
    echo "shared $("$work/bench_shared" "$input" "$iterations" 1 | tail -n1)" >> "$work/runs"
    echo "static $("$work/bench_static" "$input" "$iterations" 1 | tail -n1)" >> "$work/runs"
  done
  python3 - "$work/runs" <<'PY'
import re, sys
best = {}
for line in open(sys.argv[1]):
    name, nums = line.split()[0], [float(x) for x in re.findall(r"(\d+) ns/call", line)]
    best[name] = [min(a, b) for a, b in zip(best.get(name, nums), nums)]
call, json_out = best["rust"]
print(f"rust   treem::api::validate          {call:6.0f} ns/call")
print(f"rust   validate + JSON answer        {json_out:6.0f} ns/call")
for name in ("shared", "static"):
    c = best[name][0]
    print(f"{name} treem_validate (C ABI)        {c:6.0f} ns/call: "
          f"{100 * (c - json_out) / json_out:+.1f} % vs Rust + JSON, "
          f"{100 * (c - call) / call:+.1f} % vs Rust call alone")
PY
done
