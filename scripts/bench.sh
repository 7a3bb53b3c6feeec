#!/usr/bin/env bash
# Runs every benchmark in bench/ against the built package (npm run bench builds first), then
# rewrites the README's Speed section from the figures they recorded in bench/results.json.
# Each prints its own ratio against a baseline measured in the same run. `npm run bench -- scan`
# runs only the benchmarks whose file name contains "scan".
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-}"
for f in bench/*.mjs; do
  case "$f" in bench/_*) continue ;; esac # shared helpers, not a benchmark
  case "$f" in *"$only"*) ;; *) continue ;; esac
  echo "== $f"
  node "$f"
done
node --import tsx scripts/readme.ts
