#!/usr/bin/env bash
# The C ABI under AddressSanitizer (with LeakSanitizer): the Rust staticlib is built with
# `-Zsanitizer=address` (RUSTC_BOOTSTRAP=1 lets stable rustc take that unstable flag; for
# this build only, in its own target dir), the C example and the ABI test with
# `-fsanitize=address`. Valgrind runs on the ordinary build in the c stage.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in cargo gcc rustc; do
  command -v "$tool" >/dev/null || { echo "asan stage: $tool is missing (run bash scripts/install.sh)" >&2; exit 1; }
done
export RUST_BACKTRACE=0
host=$(rustc -vV | sed -n 's/^host: //p')
dir=target/asan

echo "== asan: build treem-c with -Zsanitizer=address ($host, $dir)"
# --target keeps the sanitizer flags off build scripts and proc macros.
RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zsanitizer=address -Cforce-frame-pointers=yes" \
  cargo build -p treem-c --quiet --target "$host" --target-dir "$dir"
lib="$dir/$host/debug/libtreem.a"
[[ -f "$lib" ]] || { echo "asan stage: $lib not built" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -Ibindings/c/include -g
        -fsanitize=address -fno-omit-frame-pointer)
libs=("$lib" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)

gcc "${cflags[@]}" examples/c/validate_child.c "${libs[@]}" -o "$work/validate_child"
gcc "${cflags[@]}" -pthread bindings/c/tests/abi_test.c "${libs[@]}" -o "$work/abi_test"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=23

echo "== asan: the C example"
"$work/validate_child" > /dev/null
echo "== asan: the ABI test (every status, threads, the caught panic)"
"$work/abi_test" > /dev/null 2> "$work/abi_test.err" \
  || { grep -v "deliberate panic\|panicked at\|^note: \|^$" "$work/abi_test.err" >&2; exit 1; }
if grep -q "AddressSanitizer\|LeakSanitizer" "$work/abi_test.err"; then
  cat "$work/abi_test.err" >&2
  exit 1
fi
echo "asan: no invalid access, no leak"
