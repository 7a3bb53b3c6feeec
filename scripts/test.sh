#!/usr/bin/env bash
# Runs every test file under test/ with node's own runner (tsx strips the types on Node 20).
# Node 20 does not expand globs itself, so the shell does.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."
files=(test/**/*.test.ts)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "$@" "${files[@]}"
