#!/usr/bin/env bash
# npm test: every check, in the order CI runs them — typecheck, lint, unit tests (Vitest),
# end-to-end tests (Playwright in Chromium, installed if missing) — then one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
step() { echo "::: [${SECONDS}s] $*"; }
rm -rf reports && mkdir -p reports   # not under test-results/: Playwright empties that folder

step "typecheck"; npx tsc --noEmit -p tsconfig.json; typecheck_rc=$?
step "lint";      npx eslint .; lint_rc=$?
step "unit tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json; unit_rc=$?
step "end-to-end tests (Playwright)"
if bash scripts/ensure-chromium.sh; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json; e2e_rc=$?
else
  e2e_rc=1
fi
step "summary"
checks_failed=0
[ "$typecheck_rc" != 0 ] && { echo "typecheck failed" >&2; checks_failed=$((checks_failed + 1)); }
[ "$lint_rc" != 0 ] && { echo "lint failed" >&2; checks_failed=$((checks_failed + 1)); }
CHECKS_FAILED=$checks_failed node scripts/summary.mjs; summary_rc=$?
[ "$typecheck_rc" = 0 ] && [ "$lint_rc" = 0 ] && [ "$unit_rc" = 0 ] && [ "$e2e_rc" = 0 ] && [ "$summary_rc" = 0 ]
