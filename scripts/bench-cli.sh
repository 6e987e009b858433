#!/usr/bin/env bash
# Benchmarks `treem validate` against peers on the same generated NDJSON, in one run, and
# reports each result as a ratio measured here (never a timed test: nothing fails on speed).
#
#   scripts/bench-cli.sh [RECORDS] [MEMORY_RECORDS...]
#
#   RECORDS         records for the speed comparison (default 1000000; use 200000 while
#                   iterating on a shared machine)
#   MEMORY_RECORDS  extra sizes at which only peak memory (max RSS) of `treem validate` is
#                   measured, e.g. 5000000
#
# Peers: the `jsonschema` crate (benches/jsonschema, its own workspace; parse into
# serde_json::Value + validate, 2 threads, file read into memory first) and ajv in Node
# (benches/ajv, `npm install` there; JSON.parse + validate, one thread), both against the
# schema `treem schema --kind child` exports. treem checks far more than the schema says
# (dates, sex codes, future births, unknown fields), streams the file and uses both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${1:-1000000}"
shift || true
MEMORY_SIZES=("$@")
WORK="${BENCH_DIR:-target/bench-cli}"
mkdir -p "$WORK"

echo "== building (release)" >&2
cargo build --release -q -p treem-cli
TREEM="$PWD/target/release/treem"
(cd benches/jsonschema && cargo build --release -q)
PEER="$PWD/benches/jsonschema/target/release/treem-bench-jsonschema"

generate() { # generate N -> path
  local n="$1" path="$WORK/children-$1.ndjson"
  if [ ! -s "$path" ]; then
    "$TREEM" sample --count "$n" --seed 1 --error-rate 0.05 --duplicate-rate 0.02 > "$path"
  fi
  echo "$path"
}

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Runs `treem validate` on a file; prints "wall_seconds cpu_seconds max_rss_kb".
run_treem() {
  local path="$1"
  { /usr/bin/time -f "%e %U %S %M" "$TREEM" validate --as-of 2026-01-01 --format table \
      --input-format ndjson "$path" > "$WORK/summary.txt" || [ $? -eq 1 ]; } 2>&1 \
    | tail -1 | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

# Runs a peer command; prints its JSON line, then "cpu_seconds" on a second line.
run_peer() {
  local out
  out=$( { /usr/bin/time -f "TIME %U %S" "$@"; } 2>&1 )
  echo "$out" | grep -v '^TIME'
  echo "$out" | grep '^TIME' | awk '{ printf "%.2f\n", $2 + $3 }'
}

DATA=$(generate "$RECORDS")
"$TREEM" schema --kind child > "$WORK/child.schema.json"
echo "== $RECORDS records: $DATA ($(du -h "$DATA" | cut -f1))" >&2
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

read -r T_SEC T_CPU T_RSS < <(run_treem "$DATA")
T_RATE=$(rate "$RECORDS" "$T_SEC")
echo "treem validate:        ${T_RATE} records/s wall (${T_SEC} s, ${T_CPU} s CPU, $(rate "$RECORDS" "$T_CPU") records per CPU-second, max RSS $((T_RSS / 1024)) MB)"
echo "  command: $TREEM validate --as-of 2026-01-01 --format table --input-format ndjson $DATA"
sed -n '3p' "$WORK/summary.txt" | sed 's/^/  /'

{ read -r J; read -r J_CPU; } < <(run_peer "$PEER" "$WORK/child.schema.json" "$DATA" 2)
J_RATE=$(echo "$J" | sed 's/.*"records_per_second":\([0-9]*\).*/\1/')
echo "jsonschema crate (2 threads): ${J_RATE} records/s wall ($J_CPU s CPU incl. reading the file)  $J"
echo "  ratio treem / jsonschema (wall): $(ratio "$T_RATE" "$J_RATE")"

if command -v node > /dev/null && [ -d benches/ajv/node_modules/ajv ]; then
  { read -r A; read -r A_CPU; } < <(run_peer node benches/ajv/bench.mjs "$WORK/child.schema.json" "$DATA")
  A_RATE=$(echo "$A" | sed 's/.*"records_per_second":\([0-9]*\).*/\1/')
  echo "ajv (node $(node --version), 1 thread): ${A_RATE} records/s wall ($A_CPU s CPU)  $A"
  echo "  ratio treem / ajv (wall): $(ratio "$T_RATE" "$A_RATE")"
else
  echo "ajv: skipped (run: cd benches/ajv && npm install)"
fi

for n in "${MEMORY_SIZES[@]}"; do
  path=$(generate "$n")
  read -r sec cpu rss < <(run_treem "$path")
  echo "treem validate at $n records: max RSS $((rss / 1024)) MB, $(rate "$n" "$sec") records/s wall (${sec} s, ${cpu} s CPU)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
