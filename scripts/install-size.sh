#!/usr/bin/env bash
# What a user's install weighs: this package as npm would publish it, alone and with the MCP SDK
# that gemini-key-doctor-mcp adds. Needs a build (dist/) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" > /dev/null
tarball=$(ls "$work"/gemini-key-doctor-*.tgz)
sdk=$(node -p 'require("./packages/mcp/package.json").dependencies["@modelcontextprotocol/sdk"]')
measure() {
  local name=$1
  shift
  mkdir "$work/$name"
  (cd "$work/$name" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund "$@" > /dev/null)
  local kib packages
  kib=$(du -sk "$work/$name/node_modules" | cut -f1)
  packages=$(cd "$work/$name" && npm ls --all --parseable 2> /dev/null | tail -n +2 | sort -u | wc -l)
  printf '%-28s %6d KiB  %3d packages\n' "$name" "$kib" "$packages"
}
measure gemini-key-doctor "$tarball"
measure with-gemini-key-doctor-mcp "$tarball" "@modelcontextprotocol/sdk@$sdk"
