#!/usr/bin/env bash
# The bounded fuzz run: every target of fuzz/ for TREEM_FUZZ_SECONDS (default 12) seconds,
# seeded from the conformance vectors and the bad-input suite (fuzz/seeds.py), on stable
# Rust with cargo-fuzz's `-s none` (coverage-guided libFuzzer, no sanitizer). Then the
# targets, built as plain binaries, replay their whole corpus without the fuzzer, as anyone
# can replay a crash. A crash fails the stage and leaves its input in fuzz/artifacts/<target>/.
# Longer runs: fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo fuzz --version >/dev/null 2>&1 || { echo "fuzz stage: cargo-fuzz is missing (run bash scripts/install.sh)" >&2; exit 1; }
seconds=${TREEM_FUZZ_SECONDS:-12}
targets=(kinds parse call indicators c_abi readers)
export RUST_BACKTRACE=0

echo "== fuzz: seed corpora from tests/vectors and tests/bad-inputs"
python3 fuzz/seeds.py

echo "== fuzz: build the targets (cargo fuzz build -s none)"
cargo fuzz build -s none --fuzz-dir fuzz >/dev/null 2>&1 || cargo fuzz build -s none --fuzz-dir fuzz

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
total=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  # -rss_limit_mb: an input that needs more than 2 GB is a finding (the bad-input suite's
  # 100 MB and million-element inputs stay far below it). -timeout: 10 s for one input.
  if ! cargo fuzz run -s none --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -print_final_stats=1 > "$logs/$target.log" 2>&1; then
    tail -40 "$logs/$target.log" >&2
    echo "fuzz stage: $target crashed; the input is in fuzz/artifacts/$target/" >&2
    echo "  replay it: (cd fuzz && cargo run --bin $target -- artifacts/$target/<file>)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$logs/$target.log" | grep -o '[0-9]*$')
  cov=$(grep -o 'DONE *cov: [0-9]*' "$logs/$target.log" | grep -o '[0-9]*$' || true)
  total=$((total + runs))
  printf 'fuzz %-10s %9d runs in %ss, coverage %s edges, corpus %d inputs, 0 crashes\n' \
    "$target" "$runs" "$seconds" "${cov:-?}" "$(ls "fuzz/corpus/$target" | wc -l)"
done
echo "fuzz: $total runs over ${#targets[@]} targets, 0 crashes"

echo "== fuzz: the targets as plain binaries replay their corpora (no fuzzer)"
# Built in the main target dir: treem's dependencies are shared with the rust stage.
(cd fuzz && cargo build --bins --quiet --target-dir ../target)
for target in "${targets[@]}"; do
  printf '%-10s ' "$target"
  "target/debug/$target" "fuzz/corpus/$target"
done
