#!/usr/bin/env bash
# The repository carries everything its tests read: the committed HEAD, cloned into an empty
# temporary folder with nothing beside or above it, builds and passes the core's tests. A test
# or `include_str!` that reaches outside the repository (a sibling checkout, a file left on the
# developer's machine) fails here even when it passes in the working tree.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== fresh-clone: no reference to a folder outside the repository"
# The research folder that sat beside the first checkouts; the reference sources live in
# tests/sources/ now. Patterns are split so this file does not match itself.
sibling=shared
outside="\\.\\./$sibling|$sibling/(seed|domain|DESIGN)"
if git grep -nE "$outside" -- ':!tests/sources/**'; then
  echo "the lines above point outside the repository; copy what they need into tests/sources/" >&2
  exit 1
fi

repo=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/treem-fresh-clone.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --no-hardlinks . "$tmp/treem"
echo "== fresh-clone: $(git -C "$tmp/treem" rev-parse --short HEAD) in $tmp/treem"
cd "$tmp/treem"
# A target folder of its own, kept under the working tree's target/ so that the registry
# crates are not rebuilt on every run. The clone's own crates are always rebuilt: cargo keys
# them by their path, which is new each time.
export CARGO_TARGET_DIR="$repo/target/fresh-clone"
cargo test --quiet -p treem --no-run
# The tests that read the reference sources at run time (the admin-unit generator, the
# gazette comparison) and the core's unit tests (the seed text is included by one).
cargo test --quiet -p treem --lib --test admin_data --test indicators
