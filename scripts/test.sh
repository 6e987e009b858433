#!/usr/bin/env bash
# The one test command: every stage, in order, stopping at the first failure.
# Each stage is a script under scripts/ci/ and can be run on its own.
# A stage whose tools are missing fails; nothing is skipped silently
# (scripts/install.sh installs everything they need).
set -euo pipefail
cd "$(dirname "$0")/.."
# Installing first keeps the README's promise: this one command works on a fresh machine.
bash scripts/install.sh
stages=(fresh-clone rust c asan wasm fuzz python soak)
start=$(date +%s)
for stage in "${stages[@]}"; do
  t0=$(date +%s)
  bash "scripts/ci/$stage.sh"
  echo "== stage $stage passed in $(( $(date +%s) - t0 ))s"
done
echo "== all ${#stages[@]} stages passed in $(( $(date +%s) - start ))s"
