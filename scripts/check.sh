#!/usr/bin/env bash
# Runs every check: type-check, lint, unit tests and integration tests against real local
# kube-apiservers (started or reused), and browser tests of the example app in Debian's Chromium
# (installed when missing), API and knip reports, and the consumer lane (our packed packages in a
# fresh @backstage/create-app app). Prints a closing line `N passed, N failed` and exits non-zero on any
# failure. Type-check and lint count as one check each; every Jest and Playwright test counts once.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }
set +e # bootstrap.sh sets -e for itself; here every check records its own status

passed=0
failed=0
check() { # name, command...
  local name="$1"; shift
  echo "::: $name"
  if "$@"; then passed=$((passed + 1)); else echo "::: $name FAILED"; failed=$((failed + 1)); fi
}

check "dev clusters (build or reuse, start)" yarn clusters start
# the harness's own Go tests (every Go test counts once)
echo "::: dev-clusters Go tests"
go_json="$(mktemp)"
(cd packages/dev-clusters/go && go test -json ./... >"$go_json" 2>&1)
go_rc=$?
read -r gp gf < <(node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
  let p = 0, f = 0;
  for (const l of lines) {
    try { const e = JSON.parse(l); if (e.Test && e.Action === "pass") p++; if (e.Test && e.Action === "fail") f++; } catch {}
  }
  console.log(p, f);
' "$go_json")
passed=$((passed + gp)); failed=$((failed + gf))
[ "$go_rc" -ne 0 ] && [ "$gf" -eq 0 ] && { failed=$((failed + 1)); tail -20 "$go_json"; }

check "type-check" yarn tsc
# API reports (report*.api.md beside each plugin package) from the type-check's declarations in
# dist-types: fails on drift from the committed reports or on any API Extractor warning
check "API reports (build:api-reports:only --ci)" yarn build:api-reports:only --ci plugins/*
# knip reports (knip-report.md beside each plugin package, as Backstage's repositories keep them):
# fails on drift, i.e. on an unused, unlisted or misplaced dependency
check "knip reports (knip-reports --ci)" yarn backstage-repo-tools knip-reports --ci plugins/*
# knip (.knip.json; knip-reports writes and removes its own knip.json), everything it checks:
# unused files, exports, types and dependencies, unlisted or unresolved imports and binaries
check "knip (files, exports, types, dependencies)" yarn knip --no-progress --no-config-hints
check "script self-tests (node --test scripts/*.test.mjs)" node --test scripts/*.test.mjs
# no production dependency exists only for tests: knip --strict counts production files only
check "production dependencies (knip --strict; used by published code or declarations)" \
  bash -c 'yarn knip --no-progress --no-config-hints --strict --include dependencies --reporter json | node scripts/check-production-dependencies.mjs'
check "consumer types (published declarations, skipLibCheck false)" scripts/check-consumer-types.sh --reuse-declarations
check "lint" yarn backstage-cli repo lint
check "import cycles (plugins/*/src)" node scripts/check-import-cycles.mjs

results="$(mktemp -d)/jest.json"
echo "::: tests (unit and integration)"
CI=true yarn backstage-cli repo test --ci --json --outputFile="$results"
jest_rc=$?
if [ -s "$results" ]; then
  read -r jp jf < <(node -e '
    const r = require(process.argv[1]);
    const broken = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  ' "$results")
  passed=$((passed + jp)); failed=$((failed + jf))
  [ "$jest_rc" -ne 0 ] && [ "$jf" -eq 0 ] && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi

# the benchmark, at smoke size: it must still run and print every figure (not how fast)
check "benchmark smoke (yarn bench:status --smoke)" yarn bench:status --smoke
check "benchmark smoke (yarn bench:cache-cost --scale 10,100)" yarn bench:cache-cost --scale 10,100
check "benchmark smoke (yarn bench:apply --smoke)" yarn bench:apply --smoke

# browser tests after Jest: they seed scenarios that Jest's integration tests also use
echo "::: browser tests (Playwright, Debian's Chromium)"
e2e_log="$(dirname "$results")/e2e.log"
scripts/e2e.sh 2>&1 | tee "$e2e_log"
read -r ep ef < <(sed -n 's/^E2E: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$e2e_log" | tail -1)
passed=$((passed + ${ep:-0}))
failed=$((failed + ${ef:-1}))

# the consumer lane (scripts/consumer-lane.sh): the packed packages in a fresh app made by
# @backstage/create-app, wired as the READMEs say, started against the local clusters; its browser
# tests open the healthy scenario (e2e.sh seeded it; seeding again is a no-op). Every step counts once.
echo "::: consumer lane (packed packages in a fresh Backstage app)"
consumer_log="$(dirname "$results")/consumer.log"
if yarn clusters seed healthy >&2; then
  scripts/consumer-lane.sh 2>&1 | tee "$consumer_log"
  read -r cp cf < <(sed -n 's/^CONSUMER: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$consumer_log" | tail -1)
  passed=$((passed + ${cp:-0}))
  failed=$((failed + ${cf:-1}))
else
  echo "::: consumer lane FAILED (yarn clusters seed healthy)"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
