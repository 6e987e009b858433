#!/usr/bin/env bash
# Generates bindings/c/include/treem.h with cbindgen (pinned in scripts/install.sh).
#   bash bindings/c/header.sh          rewrite the committed header
#   bash bindings/c/header.sh --check  fail when the committed header is stale
set -euo pipefail
cd "$(dirname "$0")"
want="cbindgen 0.29.4"
have=$(cbindgen --version 2>/dev/null || true)
if [[ "$have" != "$want" ]]; then
  echo "need $want (found: ${have:-none}); run bash scripts/install.sh" >&2
  exit 1
fi
if [[ "${1:-}" == "--check" ]]; then
  tmp=$(mktemp)
  trap 'rm -f "$tmp"' EXIT
  cbindgen --quiet --config cbindgen.toml --crate treem-c --output "$tmp" .
  if ! diff -u include/treem.h "$tmp"; then
    echo "bindings/c/include/treem.h is stale; regenerate it with: bash bindings/c/header.sh" >&2
    exit 1
  fi
  echo "header bindings/c/include/treem.h is up to date"
else
  mkdir -p include
  cbindgen --quiet --config cbindgen.toml --crate treem-c --output include/treem.h .
  echo "wrote bindings/c/include/treem.h"
fi
