#!/usr/bin/env bash
# `npm test`: every check, in the order CI runs them. A failing step does not hide the others'
# results; the run fails if any step failed, and ends with one line counting the tests.
set -uo pipefail
cd "$(dirname "$0")/.."

reports=.tmp/reports
rm -rf "$reports" && mkdir -p "$reports"
failed=()

step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  if ! "$@"; then
    failed+=("$name")
    printf '=== %s FAILED\n' "$name"
  fi
}

step 'Type-check' npx tsc -b
step 'Lint' npx eslint --max-warnings 0 .
step 'Format (Prettier, 160 columns)' npx prettier --check .
step 'Build' npx electron-vite build
step 'Unit and integration tests (vitest, real SQLite)' \
  npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
step 'Electron security check (Electronegativity)' node scripts/electron-security-check.mjs
step 'End-to-end tests (Playwright, Chromium)' \
  env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$reports" "${failed[@]}"
