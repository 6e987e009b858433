#!/usr/bin/env bash
# Benchmark (not a test): the per-call cost of treem_validate through the C ABI against
# treem::api::validate called directly from Rust, on the same records with the same options.
#   bash bindings/c/bench/bench.sh [FILE] [ITERATIONS] [REPEATS]
# Defaults: the first record of examples/data/children.ndjson (a typical, valid child record),
# then every record of the file; 20000 calls per record, best of 5 runs. Release builds.
set -euo pipefail
cd "$(dirname "$0")/../../.."
file=${1:-examples/data/children.ndjson}
iterations=${2:-20000}
repeats=${3:-5}
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
for input in "$work/typical.ndjson" "$file"; do
  [[ "$input" == "$file" ]] && echo "== every record of $file" || echo "== typical child record: $(cat "$input")"
  rust=$("$target/examples/bench_core" "$input" "$iterations" "$repeats" | tail -n1)
  shared=$("$work/bench_shared" "$input" "$iterations" "$repeats" | tail -n1)
  static=$("$work/bench_static" "$input" "$iterations" "$repeats" | tail -n1)
  echo "$rust"
  echo "shared $shared"
  echo "static $static"
  python3 - "$rust" "$shared" "$static" <<'PY'
import re, sys
nums = lambda s: [float(x) for x in re.findall(r"(\d+) ns/call", s)]
call, json_out = nums(sys.argv[1])
for name, line in (("shared", sys.argv[2]), ("static", sys.argv[3])):
    c = nums(line)[0]
    print(f"{name}: C ABI {c:.0f} ns vs Rust call+JSON {json_out:.0f} ns: "
          f"{100 * (c - json_out) / json_out:+.1f} %; vs Rust call alone {call:.0f} ns: "
          f"{100 * (c - call) / call:+.1f} %")
PY
done
