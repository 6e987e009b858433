#!/usr/bin/env bash
# The Python stage: the package bindings/python (maturin + cffi over the C ABI) installed with
# pip from source in a fresh virtual environment and in the test environment, mypy (strict)
# on the package and its tests, pytest (every conformance vector, every bad input, statuses,
# 8 threads, a million records in flat memory, pandas, the table files), the example, and the
# Spark job against `treem report` (examples/spark/test_spark_job.py).
#
# The CLI is built in release: it is the reference the Spark test compares with, and it
# generates the test's records; the wheel is a release build too, so both share the core's
# release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
venv=$root/target/python-venv
py=$venv/bin/python

# A missing tool fails the stage; scripts/install.sh installs them all.
for tool in cargo java python3 "$py" "$venv/bin/spark-submit" "$venv/bin/mypy"; do
  command -v "$tool" >/dev/null || { echo "python stage: $tool is missing (run bash scripts/install.sh)" >&2; exit 1; }
done
export RUST_BACKTRACE=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== python: release build of the treem CLI (reference and data generator of the tests)"
cargo build --release -p treem-cli --quiet

echo "== python: pip install ./bindings/python in a fresh virtual environment"
t0=$(date +%s)
python3 -m venv "$work/fresh"
"$work/fresh/bin/python" -m pip install -q --disable-pip-version-check ./bindings/python
(cd "$work" && "$work/fresh/bin/python" -c \
  "import treem; print(treem.validate('child', {'full_name': 'Nguyễn Văn An'}).ok)") > "$work/fresh.out"
[[ "$(cat "$work/fresh.out")" == "True" ]] || { echo "python stage: the fresh install printed $(cat "$work/fresh.out")" >&2; exit 1; }
echo "fresh install and import: $(( $(date +%s) - t0 ))s"

echo "== python: install into the test environment"
"$py" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall ./bindings/python

echo "== python: mypy (strict)"
(cd bindings/python && "$venv/bin/mypy")

echo "== python: example"
(cd "$work" && "$py" "$root/examples/python/validate_children.py" "$root/examples/data/children.ndjson") > "$work/example.out"
grep -q "date.impossible" "$work/example.out" \
  || { cat "$work/example.out" >&2; echo "python stage: the example did not report date.impossible" >&2; exit 1; }

echo "== python: pytest (package)"
# Deliberate panics (the panic tests) print one line each on stderr.
"$py" -m pytest -q -p no:cacheprovider bindings/python/tests

echo "== python: pytest (Spark job against treem report)"
"$py" -m pytest -q -s -p no:cacheprovider examples/spark/test_spark_job.py
