#!/usr/bin/env bash
# Soak: the commands that read whole datasets, at scale, with their peak memory checked.
# Generates CHILDREN child records (default 2,000,000, the issue's size) and CASES protection
# cases (default 1 % of the children) with `treem sample`, then runs validate, clean -o (onto
# its own input, a copy of the children, checking that no record is lost), report (children +
# cases) and dedup with the release binary, each under GNU time, prints a table (wall time,
# peak RSS, bytes per child) and fails when report or dedup go over the limits that the
# issue's targets give:
#   report < 300 MB (the target at 5,000,000 children and 50,000 cases);
#   dedup  < DEDUP_BASE_MB + 100 bytes per record.
# Measured on this 2-core machine (shared with other builds), 7 Dec 2026: the whole stage at
# 2,000,000 took 188 s with the release build (validate 8.8 s, clean 23.2 s, report 22.7 s,
# dedup 12.7 s at 187 MB); dedup alone had taken 278 s before its pairs were filtered, which
# is why the default had been 1,000,000.
# Usage: bash scripts/ci/soak.sh [CHILDREN] [CASES]   (runnable on its own)
set -euo pipefail
cd "$(dirname "$0")/../.."

children=${1:-2000000}
cases=${2:-$((children / 100))}
report_limit_mb=300
# What dedup needs whatever the input: the binary, the chunks in flight, the pairs found.
dedup_base_mb=64
dedup_per_record=100

[[ -x /usr/bin/time ]] || { echo "soak stage: /usr/bin/time is missing (run bash scripts/install.sh)" >&2; exit 1; }
command -v cargo >/dev/null || { echo "soak stage: cargo is missing (run bash scripts/install.sh)" >&2; exit 1; }

started=$(date +%s)
# TREEM_BIN=path uses a binary already built (e.g. while another build holds the lock).
if [[ -n "${TREEM_BIN:-}" ]]; then
  treem=$TREEM_BIN
else
  echo "== soak: build the release binary"
  cargo build --release -p treem-cli --quiet
  treem=target/release/treem
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== soak: $children children, $cases cases (treem sample, seed 1)"
"$treem" sample --count "$children" --seed 1 --error-rate 0.05 --duplicate-rate 0.02 \
  --cases "$cases" --cases-output "$work/cases.ndjson" -o "$work/children.ndjson"
bytes=$(stat -c %s "$work/children.ndjson")

rows=()
# run NAME COMMAND...: runs under GNU time; exit 0 and 1 (records with errors) are results.
run() {
  local name=$1; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.rss" "$@" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  t1=$(date +%s.%N)
  if (( rc > 1 )); then
    echo "soak stage: $name exited $rc" >&2; tail -5 "$work/$name.err" >&2; exit 1
  fi
  local kb; kb=$(tail -1 "$work/$name.rss")
  rows+=("$(awk -v n="$name" -v a="$t0" -v b="$t1" -v kb="$kb" -v c="$children" \
    'BEGIN { printf "%-10s %8.1f s %9d KB %7.1f B/child", n, b - a, kb, kb * 1024 / c }')")
  eval "rss_$name=$kb"
}
as_of=(--as-of 2026-06-30)
run validate "$treem" validate "$work/children.ndjson" "${as_of[@]}" --format table
# clean -o onto its own input (the issue's case: the output is written to a temporary file and
# renamed over the input at the end, so the input is read whole before it is replaced); on a
# copy, so that report and dedup read the generated records.
cp "$work/children.ndjson" "$work/clean-in.ndjson"
lines_in=$(wc -l < "$work/clean-in.ndjson")
run clean "$treem" clean "$work/clean-in.ndjson" -o "$work/clean-in.ndjson" "${as_of[@]}" --format table
lines_out=$(wc -l < "$work/clean-in.ndjson")
rm -f "$work/clean-in.ndjson"
run report "$treem" report "$work/children.ndjson" --cases "$work/cases.ndjson" "${as_of[@]}" --format json
run dedup "$treem" dedup "$work/children.ndjson" "${as_of[@]}" --format csv

echo "== soak: $children children ($((bytes / 1048576)) MB NDJSON), $cases cases"
printf '%s\n' "${rows[@]}"
report_mb=$(( rss_report / 1024 ))
dedup_limit_kb=$(( dedup_base_mb * 1024 + children * dedup_per_record / 1024 ))
status=0
if (( report_mb >= report_limit_mb )); then
  echo "soak stage: report peaked at $report_mb MB, over $report_limit_mb MB" >&2; status=1
fi
if (( rss_dedup >= dedup_limit_kb )); then
  echo "soak stage: dedup peaked at $rss_dedup KB, over $dedup_limit_kb KB ($dedup_base_mb MB + $dedup_per_record B/record)" >&2; status=1
fi
if (( lines_out != lines_in )); then
  echo "soak stage: clean -o onto its input wrote $lines_out records, not $lines_in" >&2; status=1
fi
grep -q '"format":"treem.indicators.table/1"' "$work/report.out" || { echo "soak stage: report printed no table" >&2; status=1; }
echo "== soak: limits report < $report_limit_mb MB, dedup < $((dedup_limit_kb / 1024)) MB; stage took $(( $(date +%s) - started )) s"
exit $status
