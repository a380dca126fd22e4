#!/usr/bin/env bash
# Browser tests of the example app (Playwright, driving Debian's Chromium; no browser downloads).
#
#   1. installs Chromium when it is missing (scripts/ensure-chromium.sh: apt-get, needs root);
#   2. starts the local API servers, or reuses running ones, and seeds the scenarios the tests
#      open (never reset or stop: other test runs share them);
#   3. builds the app for production (packages/app/dist);
#   4. starts the backend, which serves that build, with NODE_ENV=production on a free loopback
#      port: app-config.yaml + the clusters' generated config + packages/app/e2e-tests/app-config.e2e.yaml;
#   5. runs Playwright (playwright.config.ts; line reporter, JSON report test-results/e2e/report.json,
#      card screenshots in test-results/screenshots/, the backend's log in test-results/e2e/backend.log);
#   6. stops the backend it started.
#
# The last line is `E2E: <passed> passed, <failed> failed`; the exit status is non-zero on any
# failure. A step before the tests that fails counts as one failed test; a skipped test counts as
# failed (nothing may be skipped). Safe to run again; two runs take turns (lock file).
#
#   PM_E2E_PORT=7107 scripts/e2e.sh                  # a fixed port instead of a free one
#   PM_E2E_SKIP_BUILD=1 scripts/e2e.sh               # reuse packages/app/dist from an earlier run
#   PM_E2E_EXTRA_CONFIG=my.yaml scripts/e2e.sh       # more --config files (colon-separated), loaded last
#   scripts/e2e.sh --grep healthy                    # further arguments go to `playwright test`
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

OUT=test-results/e2e
SCREENSHOTS=test-results/screenshots
SCENARIOS=(healthy failed flux-secret-missing argocd)
READY_TIMEOUT=180

say() { printf '[e2e] %s\n' "$*" >&2; } # not log(): scripts/bootstrap.sh defines that
started=$(date +%s)
phase_start=$started
phase() { # name: prints how long the previous phase took
  local now
  now=$(date +%s)
  say "$1 ($((now - phase_start)) s since the last step, $((now - started)) s in all)"
  phase_start=$now
}

backend_pid=""
stop_backend() {
  [ -n "$backend_pid" ] || return 0
  if kill -0 "$backend_pid" 2>/dev/null; then
    say "stopping the backend (pid $backend_pid)"
    # the backend is the leader of its own process group (setsid): end the group
    kill -TERM -- "-$backend_pid" 2>/dev/null || kill -TERM "$backend_pid" 2>/dev/null
    for _ in $(seq 1 40); do
      kill -0 "$backend_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$backend_pid" 2>/dev/null; then
      say "the backend did not stop within 20 s: SIGKILL"
      kill -KILL -- "-$backend_pid" 2>/dev/null || kill -KILL "$backend_pid" 2>/dev/null
    fi
  fi
  wait "$backend_pid" 2>/dev/null
  backend_pid=""
}
summary_done=""
on_exit() {
  stop_backend
  # the summary line is always the last line, even when a sourced script exits this shell
  [ -n "$summary_done" ] || echo "E2E: 0 passed, 1 failed"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

fail_setup() {
  say "FAILED: $*"
  stop_backend
  echo "E2E: 0 passed, 1 failed"
  summary_done=1
  exit 1
}

mkdir -p "$OUT" "$SCREENSHOTS"
exec 9>"$OUT/.lock"
if ! flock -n 9; then
  say "another scripts/e2e.sh is running: waiting for it (up to 15 min)"
  flock -w 900 9 || fail_setup "another scripts/e2e.sh holds $OUT/.lock"
fi

# no results of an earlier run may be taken for this one's
rm -f "$OUT/report.json" "$OUT/backend.log" "$OUT/app-build.log" "$SCREENSHOTS"/*.png

# --- 1. toolchain and browser ---------------------------------------------------------------------
# shellcheck source=bootstrap.sh
. scripts/bootstrap.sh || fail_setup "scripts/bootstrap.sh"
set +e # bootstrap.sh sets -e for itself; every step below checks its own status
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
scripts/ensure-chromium.sh || fail_setup "Chromium is missing and could not be installed (scripts/ensure-chromium.sh)"
export PM_CHROMIUM="${PM_CHROMIUM:-/usr/bin/chromium}"
phase "chromium: $("$PM_CHROMIUM" --version 2>/dev/null)"

# --- 2. clusters ----------------------------------------------------------------------------------
# 9>&-: the API servers outlive this script and must not hold its lock
yarn clusters start >&2 9>&- || fail_setup "yarn clusters start"
yarn clusters seed "${SCENARIOS[@]}" >&2 9>&- || fail_setup "yarn clusters seed ${SCENARIOS[*]}"
clusters_config="$ROOT/packages/dev-clusters/.state/app-config.dev-clusters.yaml"
[ -f "$clusters_config" ] || fail_setup "$clusters_config is missing after yarn clusters start"
phase "clusters started and seeded: ${SCENARIOS[*]}"

# --- 3. production build of the app ---------------------------------------------------------------
if [ "${PM_E2E_SKIP_BUILD:-}" = "1" ] && [ -f packages/app/dist/index.html ]; then
  say "PM_E2E_SKIP_BUILD=1: reusing packages/app/dist"
else
  yarn workspace app build > "$OUT/app-build.log" 2>&1 ||
    { tail -40 "$OUT/app-build.log" >&2; fail_setup "yarn workspace app build (log: $OUT/app-build.log)"; }
  phase "app built (packages/app/dist)"
fi

# --- 4. backend serving the app -------------------------------------------------------------------
port="${PM_E2E_PORT:-}"
if [ -z "$port" ]; then
  port=$(node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  ') || fail_setup "could not find a free port"
fi
url="http://127.0.0.1:$port"
if node -e '
  const c = require("net").connect(+process.argv[1], "127.0.0.1");
  c.on("connect", () => process.exit(0)); c.on("error", () => process.exit(1));
' "$port"; then
  fail_setup "port $port is in use (set PM_E2E_PORT to a free port)"
fi

config_args=(
  --config "$ROOT/app-config.yaml"
  --config "$clusters_config"
  --config "$ROOT/packages/app/e2e-tests/app-config.e2e.yaml"
)
if [ -n "${PM_E2E_EXTRA_CONFIG:-}" ]; then
  IFS=: read -r -a extra <<< "$PM_E2E_EXTRA_CONFIG"
  for file in "${extra[@]}"; do
    config_args+=(--config "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")")
  done
fi

# The backend runs from source through Backstage's own TypeScript loader (what `yarn start` uses),
# without its file watcher: an edit elsewhere in the repo must not restart it mid-test.
transform=$(cd packages/backend && node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")') ||
  fail_setup "@backstage/cli-node is not installed"
say "starting the backend on $url (log: $OUT/backend.log)"
(
  cd packages/backend &&
    NODE_ENV=production \
      APP_CONFIG_app_baseUrl="$url" \
      APP_CONFIG_backend_baseUrl="$url" \
      APP_CONFIG_backend_listen_port="$port" \
      APP_CONFIG_backend_cors_origin="$url" \
      exec setsid node --enable-source-maps --require "$transform" src/index.ts "${config_args[@]}"
) > "$OUT/backend.log" 2>&1 9>&- &
backend_pid=$!

ready=""
for _ in $(seq 1 "$READY_TIMEOUT"); do
  if ! kill -0 "$backend_pid" 2>/dev/null || grep -a -q 'Backend startup failed' "$OUT/backend.log"; then
    break
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/.backstage/health/v1/readiness")" = 200 ]; then
    ready=1
    break
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  grep -a '"level":"error"' "$OUT/backend.log" | cut -c1-1000 | tail -5 >&2
  fail_setup "the backend did not start on $url (log: $OUT/backend.log)"
fi
phase "backend ready on $url"

# --- 5. browser tests -----------------------------------------------------------------------------
PM_E2E_BASE_URL="$url" yarn playwright test --config playwright.config.ts "$@" 9>&-
pw_rc=$?
phase "playwright exited with $pw_rc"

stop_backend

read -r passed failed < <(node -e '
  const fs = require("fs");
  const file = process.argv[1];
  if (!fs.existsSync(file)) { console.log("0 1"); process.exit(0); }
  const { stats = {}, errors = [] } = JSON.parse(fs.readFileSync(file, "utf8"));
  const passed = stats.expected ?? 0;
  // flaky (passed on a retry), skipped and setup errors all count as failures here
  let failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
  if (failed === 0 && errors.length > 0) failed = 1;
  console.log(passed, failed);
' "$OUT/report.json")
if [ "$pw_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  say "no test ran"
  failed=1
fi

say "report: $OUT/report.json; screenshots: $SCREENSHOTS/; $(($(date +%s) - started)) s in all"
echo "E2E: $passed passed, $failed failed"
summary_done=1
[ "$failed" -eq 0 ]
