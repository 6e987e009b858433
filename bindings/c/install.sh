#!/usr/bin/env bash
# Installs the treem C library, header and pkg-config file under a prefix.
#   bash bindings/c/install.sh /usr/local            # builds in release first
#   PROFILE=debug bash bindings/c/install.sh /tmp/x  # use an existing debug build
# Then: gcc app.c $(pkg-config --cflags --libs treem)   (PKG_CONFIG_PATH=<prefix>/lib/pkgconfig
# when the prefix is not a system one).
set -euo pipefail
prefix=${1:?usage: install.sh PREFIX}
profile=${PROFILE:-release}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}/$profile"
if [[ "$profile" == release ]]; then
  cargo build --release -p treem-c --manifest-path "$root/Cargo.toml"
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include"
install -m 0644 "$here/include/treem.h" "$prefix/include/treem.h"
install -m 0755 "$target/libtreem.so" "$prefix/lib/libtreem.so"
install -m 0644 "$target/libtreem.a" "$prefix/lib/libtreem.a"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" "$here/treem.pc.in" \
  > "$prefix/lib/pkgconfig/treem.pc"
echo "installed treem $version ($profile) under $prefix"
