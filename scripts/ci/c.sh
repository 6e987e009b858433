#!/usr/bin/env bash
# The C ABI stage: header freshness, the C example (shared, static and through pkg-config),
# the C ABI test (statuses + threads) and valgrind on both. (Python: scripts/ci/python.sh.)
#
# Built in the dev profile on purpose: it reuses what the rust stage compiled, takes seconds
# instead of a release + LTO build on 2 cores, keeps overflow checks and debug assertions on
# (a bug panics, and the panic path is what we test), and gives valgrind line numbers.
# The release build is for the benchmark (bindings/c/bench/bench.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

# A missing tool fails the stage; scripts/install.sh installs them all.
for tool in cargo cbindgen gcc valgrind python3 pkg-config ldd; do
  command -v "$tool" >/dev/null || { echo "c stage: $tool is missing (run bash scripts/install.sh)" >&2; exit 1; }
done
# Deliberate panics in the tests print one line each, not a backtrace.
export RUST_BACKTRACE=0

echo "== c: build treem-c (dev profile)"
cargo build -p treem-c --quiet
target=$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug
lib="$target/libtreem.so"
[[ -f "$lib" && -f "$target/libtreem.a" ]] || { echo "c stage: $lib or libtreem.a not built" >&2; exit 1; }

echo "== c: header is up to date"
bash bindings/c/header.sh --check

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -Ibindings/c/include)
static_libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)

echo "== c: example against the shared library"
gcc "${cflags[@]}" examples/c/validate_child.c -L"$target" -ltreem -Wl,-rpath,"$target" \
  -o "$work/validate_child"
"$work/validate_child" > "$work/example.out"
cat "$work/example.out"
grep -q "Ngày 30/2/2016 không tồn tại: tháng 2 chỉ có 29 ngày" "$work/example.out" \
  || { echo "c stage: the example did not print the Vietnamese message" >&2; exit 1; }

echo "== c: example against the static library"
gcc "${cflags[@]}" examples/c/validate_child.c "$target/libtreem.a" "${static_libs[@]}" \
  -o "$work/validate_child_static"
! ldd "$work/validate_child_static" | grep -q libtreem \
  || { echo "c stage: the static build links libtreem.so" >&2; exit 1; }
"$work/validate_child_static" | cmp - "$work/example.out"

echo "== c: install recipe and pkg-config (shared and --static)"
PROFILE=debug CARGO_TARGET_DIR="${target%/debug}" bash bindings/c/install.sh "$work/prefix" >/dev/null
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
gcc -std=c11 examples/c/validate_child.c $(pkg-config --cflags --libs treem) \
  -Wl,-rpath,"$work/prefix/lib" -o "$work/validate_child_pc"
"$work/validate_child_pc" | cmp - "$work/example.out"
# shellcheck disable=SC2046
gcc -std=c11 examples/c/validate_child.c $(pkg-config --cflags treem) \
  "$work/prefix/lib/libtreem.a" $(pkg-config --static --libs-only-l treem | sed 's/-ltreem//') \
  -o "$work/validate_child_pc_static"
"$work/validate_child_pc_static" | cmp - "$work/example.out"

echo "== c: ABI test (every status, $(nproc) cores, 8 threads)"
gcc "${cflags[@]}" -pthread bindings/c/tests/abi_test.c -L"$target" -ltreem \
  -Wl,-rpath,"$target" -o "$work/abi_test"
"$work/abi_test" 2> "$work/abi_test.err" || { cat "$work/abi_test.err" >&2; exit 1; }

echo "== c: valgrind (example and ABI test)"
valgrind -q --leak-check=full --error-exitcode=1 "$work/validate_child" > /dev/null
valgrind -q --leak-check=full --error-exitcode=1 "$work/abi_test" > /dev/null 2> "$work/valgrind.err" \
  || { grep -v "deliberate panic\|panicked at\|^note: \|^$" "$work/valgrind.err" >&2; exit 1; }
echo "valgrind: no leaks, no invalid reads or writes"

# Python reaches this library through the package bindings/python (stage scripts/ci/python.sh:
# every conformance vector, every status, 8 threads, the bad inputs).
