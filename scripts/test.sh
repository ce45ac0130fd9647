#!/usr/bin/env bash
# The whole test command (README): lint, format, typecheck, unit tests, both builds, the
# end-to-end tests in real Chromium. Every gate counts as one check in the closing summary line.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json test-results/gates.txt

gate() {
  local name=$1
  shift
  echo "== $name: $*"
  if "$@"; then echo "pass $name" >>test-results/gates.txt; else echo "fail $name" >>test-results/gates.txt; fi
}

gate lint npx eslint .
gate format npx prettier --check .
gate typecheck npx tsc --noEmit
gate unit npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
gate build-chrome npx wxt build
gate build-firefox npx wxt build -b firefox
if [ "${SKIP_E2E:-}" != 1 ]; then
  gate e2e npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
    --outputFile=test-results/e2e.json
fi
node scripts/test-summary.mjs
