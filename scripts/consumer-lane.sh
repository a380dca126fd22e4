#!/usr/bin/env bash
# The consumer lane: our packages as a new user gets them, in a fresh Backstage app.
#
#   1. builds the publishable plugin packages (plugins/*, not private) and packs them with
#      `yarn pack` (what `yarn npm publish` uploads), then checks each tarball (no workspace: ranges,
#      every entry point in the tarball, dist/ present);
#   2. creates a fresh app with @backstage/create-app (pinned, --skip-install) outside the repo, in
#      the lane's cache folder, once per create-app version;
#      (create-app's newest release makes an app of an older Backstage release: its @backstage/*
#      ranges are raised to this repo's release, as `backstage-cli versions:bump` would);
#   3. points the app's `resolutions` at the tarballs and wires the plugins in exactly as their
#      READMEs say (packages/consumer-lane/lib/wire.mjs: a step a README does not tell fails here);
#   4. installs the app (yarn, its own cache settings) and runs the app's own `yarn tsc:full`;
#   5. builds the app's frontend, starts its backend with NODE_ENV=production against the local
#      clusters (their generated config; the seeded scenarios must exist: run scripts/e2e.sh or
#      `yarn clusters seed healthy` once; this script never seeds or resets) on a free loopback port;
#   6. checks in Debian's Chromium (Playwright, no browser downloads) that the card shows the healthy
#      instance's status and that /create/actions lists our actions.
#
# Every step is one check (each browser test is one); the last line is
# `CONSUMER: <passed> passed, <failed> failed`, the exit status non-zero on any failure. A step that
# cannot run because an earlier one failed counts as failed. Timings per step are printed at the end.
# Safe to run twice (two runs take turns); a warm run reuses the created app, its node_modules and
# the Yarn cache.
#
#   PM_CONSUMER_LANE_DIR=dir scripts/consumer-lane.sh       # the work folder (default: the user's cache)
#   PM_CONSUMER_CREATE_APP_VERSION=x.y.z scripts/consumer-lane.sh
#   PM_CONSUMER_PORT=7117 scripts/consumer-lane.sh          # a fixed port instead of a free one
#   PM_CONSUMER_SKIP_BUILD=1 scripts/consumer-lane.sh        # pack the dist/ of an earlier build
#   PM_CONSUMER_REUSE_TARBALLS=1 scripts/consumer-lane.sh    # install the tarballs of an earlier run
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

# create-app 0.9.2 is the newest release in the npm registry (Backstage release 1.55.0, its
# backstage.json); no create-app has been published for 1.56 or 1.57, which this repo builds against.
CREATE_APP_VERSION="${PM_CONSUMER_CREATE_APP_VERSION:-0.9.2}"
LANE_DIR="${PM_CONSUMER_LANE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/platform-mesh-consumer-lane}"
SKELETON="$LANE_DIR/skeleton/create-app-$CREATE_APP_VERSION"
APP="$LANE_DIR/app-$CREATE_APP_VERSION"
TARBALLS="$LANE_DIR/tarballs"
OUT="$ROOT/test-results/consumer-lane"
LANE="$ROOT/packages/consumer-lane"
READY_TIMEOUT=240

say() { printf '[consumer] %s\n' "$*" >&2; }
started=$(date +%s)
passed=0
failed=0
timings=()
broken="" # the first failed step that later steps depend on

# step <name> <function> [nonblocking]: runs it unless an earlier step failed (steps depend on the
# ones before them); records status and time. A nonblocking step's failure does not stop the rest.
step() {
  local name="$1" fn="$2" t0 rc
  t0=$(date +%s)
  if [ -n "$broken" ]; then
    say "step $name: not run ($broken failed)"
    failed=$((failed + 1))
    timings+=("$(printf '%-28s %6s  %s' "$name" "-" "not run")")
    return 1
  fi
  say "step $name ..."
  "$fn"
  rc=$?
  local took=$(($(date +%s) - t0))
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    timings+=("$(printf '%-28s %5ss  %s' "$name" "$took" "passed")")
    say "step $name: passed (${took} s)"
  else
    failed=$((failed + 1))
    timings+=("$(printf '%-28s %5ss  %s' "$name" "$took" "FAILED")")
    say "step $name: FAILED (${took} s)"
    [ "${3:-}" = "nonblocking" ] || broken="$name"
  fi
  return "$rc"
}

backend_pid=""
stop_backend() {
  [ -n "$backend_pid" ] || return 0
  if kill -0 "$backend_pid" 2>/dev/null; then
    kill -TERM -- "-$backend_pid" 2>/dev/null || kill -TERM "$backend_pid" 2>/dev/null
    for _ in $(seq 1 40); do
      kill -0 "$backend_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$backend_pid" 2>/dev/null && { kill -KILL -- "-$backend_pid" 2>/dev/null || kill -KILL "$backend_pid" 2>/dev/null; }
  fi
  wait "$backend_pid" 2>/dev/null
  backend_pid=""
}

# `yarn pack` runs the packages' prepack (backstage-cli rewrites package.json for publishing and
# keeps the original as package.json-prepack) and postpack (restores it); an interrupted run
# restores it here
restore_package_jsons() {
  local backup
  for backup in "$ROOT"/plugins/*/package.json-prepack; do
    [ -f "$backup" ] || continue
    say "restoring ${backup%-prepack} (interrupted pack)"
    mv -f "$backup" "${backup%-prepack}"
  done
}

# the seeded healthy PlatformMesh, whose catalog opt-out the browser tests lift (lib/catalogOptOut.mjs)
CLUSTERS_JSON="$ROOT/packages/dev-clusters/.state/clusters.json"
OPT_OUT_REF="pm-healthy/platform-mesh"
opt_out_lifted=""
restore_opt_out() {
  [ -n "$opt_out_lifted" ] || return 0
  node "$LANE/lib/catalogOptOut.mjs" "$CLUSTERS_JSON" "$OPT_OUT_REF" on >&2 && opt_out_lifted=""
}

summary_done=""
on_exit() {
  restore_opt_out
  stop_backend
  restore_package_jsons
  [ -n "$summary_done" ] || echo "CONSUMER: $passed passed, $((failed + 1)) failed"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT" "$LANE_DIR"
exec 9>"$LANE_DIR/.lock"
if ! flock -n 9; then
  say "another scripts/consumer-lane.sh is running: waiting for it (up to 30 min)"
  flock -w 1800 9 || { say "gave up waiting for $LANE_DIR/.lock"; exit 1; }
fi
rm -f "$OUT"/*.log "$OUT/report.json"

# shellcheck source=bootstrap.sh
. scripts/bootstrap.sh >&2 || { echo "CONSUMER: 0 passed, 1 failed"; summary_done=1; exit 1; }
set +e # bootstrap.sh sets -e for itself
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# the fresh app's installs may change its lockfile (CI=true would make Yarn refuse)
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
# quiet, and nothing sent anywhere for statistics
export YARN_ENABLE_TELEMETRY=0 YARN_ENABLE_PROGRESS_BARS=0 NEXT_TELEMETRY_DISABLED=1

publishable() { # the plugin folders whose package is not private
  local dir
  for dir in plugins/*/; do
    dir="${dir%/}"
    node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$ROOT/$dir/package.json" && echo "$dir"
  done
}
mapfile -t PACKAGES < <(publishable)
say "packages: ${PACKAGES[*]}"

# --- the steps ----------------------------------------------------------------------------------
helpers_selftest() {
  node --test "$LANE"/lib/*.test.mjs > "$OUT/helpers.log" 2>&1 || { tail -40 "$OUT/helpers.log" >&2; return 1; }
}

build_packages() {
  if [ "${PM_CONSUMER_SKIP_BUILD:-}" = "1" ]; then
    local dir
    for dir in "${PACKAGES[@]}"; do
      [ -d "$dir/dist" ] || { say "PM_CONSUMER_SKIP_BUILD=1 but $dir/dist is missing"; return 1; }
    done
    say "PM_CONSUMER_SKIP_BUILD=1: packing the dist/ folders of an earlier build"
    return 0
  fi
  # the type declarations come from the repo's own tsc run (dist-types), as in any Backstage repo
  # (emitted even when the repo has type errors; scripts/check.sh counts those in its type-check, and
  # a declaration that could not be emitted fails the package build below)
  if ! yarn tsc --pretty false > "$OUT/build.log" 2>&1; then
    say "warning: the repo's yarn tsc reports errors (the packages are built from what it emitted):"
    grep -a 'error TS' "$OUT/build.log" | head -10 | cut -c1-300 >&2
  fi
  local dir
  for dir in "${PACKAGES[@]}"; do
    (cd "$dir" && yarn backstage-cli package build) >> "$OUT/build.log" 2>&1 ||
      { tail -30 "$OUT/build.log" >&2; say "build of $dir failed (log: $OUT/build.log)"; return 1; }
  done
}

pack_packages() {
  rm -rf "$TARBALLS" && mkdir -p "$TARBALLS"
  local dir tmp info sum name entries=()
  for dir in "${PACKAGES[@]}"; do
    tmp="$TARBALLS/$(basename "$dir").tgz"
    (cd "$dir" && yarn pack --out "$tmp") >> "$OUT/pack.log" 2>&1 ||
      { tail -20 "$OUT/pack.log" >&2; restore_package_jsons; return 1; }
    info=$(node "$LANE/lib/checkTarball.mjs" "$tmp") || return 1
    # the file name carries the content hash: a changed tarball is a new resolution for Yarn
    sum=$(sha256sum "$tmp" | cut -c1-12)
    name="$TARBALLS/$(basename "$dir")-$sum.tgz"
    mv "$tmp" "$name"
    entries+=("$(node -e '
      const [info, tarball, readme] = process.argv.slice(1);
      console.log(JSON.stringify({ ...JSON.parse(info), tarball, readme }));
    ' "$info" "$name" "$ROOT/$dir/README.md")")
    say "  $(basename "$name"): $(node -p 'JSON.parse(process.argv[1]).files' "$info") files"
  done
  printf '%s\n' "${entries[@]}" | node -e '
    const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
    console.log(JSON.stringify(lines.map(l => JSON.parse(l)), null, 2));
  ' > "$LANE_DIR/packed.json"
}

create_app() {
  if [ -f "$SKELETON/package.json" ]; then
    say "reusing the app created by @backstage/create-app@$CREATE_APP_VERSION"
  else
    rm -rf "$SKELETON.tmp" && mkdir -p "$SKELETON.tmp"
    # --path: create-app writes into that folder; the name is asked for unless given here
    (cd "$LANE_DIR" && BACKSTAGE_APP_NAME=consumer-app npx --yes "@backstage/create-app@$CREATE_APP_VERSION" \
      --path "$SKELETON.tmp" --skip-install) > "$OUT/create-app.log" 2>&1 < /dev/null ||
      { tail -30 "$OUT/create-app.log" >&2; return 1; }
    rm -rf "$SKELETON.tmp/.git" # create-app makes it a repository; the lane's copy needs none
    mv "$SKELETON.tmp" "$SKELETON"
  fi
  say "Backstage release of the created app: $(node -p 'require(process.argv[1]).version' "$SKELETON/backstage.json")"
  # the working copy: the created files, fresh every run; its node_modules, lockfile and Yarn
  # install state stay (a warm install only fetches and links what changed)
  mkdir -p "$APP"
  find "$APP" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name yarn.lock ! -name .yarn -exec rm -rf {} +
  [ -f "$APP/yarn.lock" ] && mv -f "$APP/yarn.lock" "$APP/yarn.lock.keep"
  cp -a "$SKELETON/." "$APP/" || return 1
  if [ -f "$APP/yarn.lock.keep" ]; then mv -f "$APP/yarn.lock.keep" "$APP/yarn.lock"; fi
  # create-app $CREATE_APP_VERSION makes an app of an older Backstage release than this repo's: move
  # its @backstage/* ranges to the repo's release, as `backstage-cli versions:bump` would
  node "$LANE/lib/alignRelease.mjs" "$APP" "$ROOT/yarn.lock" "$ROOT/backstage.json" >&2 || return 1
  # the lane's own additions: the entity a user annotates (frontend README) and the test config
  { echo '---'; cat "$LANE/fixtures/platform-mesh-entity.yaml"; } >> "$APP/examples/entities.yaml"
  cp "$LANE/fixtures/app-config.consumer.yaml" "$APP/app-config.consumer.yaml"
}

wire_packages() {
  node "$LANE/lib/wire.mjs" "$APP" "$LANE_DIR/packed.json" 2>&1 | tee "$OUT/wire.log" >&2
  return "${PIPESTATUS[0]}"
}

install_app() {
  (cd "$APP" && yarn install) > "$OUT/install.log" 2>&1
  local rc=$?
  grep -a -E 'YN0060|YN0002|YN0086' "$OUT/install.log" | grep -a 'platform-mesh' | head -10 >&2
  if [ "$rc" -ne 0 ]; then
    grep -a -E 'YN0001|YN0009|YN0028|Error' "$OUT/install.log" | head -20 >&2
    return 1
  fi
  # what was installed must be the packed tarballs: the plugins the READMEs added and our packages
  # they depend on (the test utilities are a dev dependency of the user's own tests: not installed)
  node -e '
    const packed = require(process.argv[1]);
    const path = require("path");
    const fs = require("fs");
    const app = process.argv[2];
    const ours = new Map(packed.map(p => [p.name, p]));
    const dirs = ["packages/backend", "packages/app"].map(d => path.join(app, d));
    const deps = m => Object.keys({ ...m.dependencies, ...m.peerDependencies });
    const queue = dirs.flatMap(d => deps(JSON.parse(fs.readFileSync(path.join(d, "package.json"), "utf8")))).filter(n => ours.has(n));
    const seen = new Set();
    let bad = 0;
    while (queue.length) {
      const name = queue.shift();
      if (seen.has(name)) continue;
      seen.add(name);
      let where;
      try { where = require.resolve(`${name}/package.json`, { paths: dirs }); }
      catch { console.error(`${name}: not installed`); bad++; continue; }
      const manifest = require(where);
      if (manifest.version !== ours.get(name).version) { console.error(`${name}: installed ${manifest.version}, packed ${ours.get(name).version}`); bad++; }
      queue.push(...deps(manifest).filter(n => ours.has(n)));
    }
    const unused = packed.map(p => p.name).filter(n => !seen.has(n));
    console.error(`installed from the tarballs: ${seen.size} packages${unused.length ? ` (not needed by the app: ${unused.join(", ")})` : ""}`);
    process.exit(bad || seen.size === 0 ? 1 : 0);
  ' "$LANE_DIR/packed.json" "$APP"
}

tsc_full() {
  (cd "$APP" && yarn tsc:full --pretty false) > "$OUT/tsc-full.log" 2>&1 && return 0
  say "the fresh app's yarn tsc:full failed (log: $OUT/tsc-full.log):"
  grep -a 'error TS' "$OUT/tsc-full.log" | head -30 >&2
  return 1
}

build_frontend() {
  (cd "$APP" && yarn workspace app build) > "$OUT/app-build.log" 2>&1 || { tail -40 "$OUT/app-build.log" >&2; return 1; }
}

url=""
start_backend() {
  local clusters_config="$ROOT/packages/dev-clusters/.state/app-config.dev-clusters.yaml" port transform
  [ -f "$clusters_config" ] || { say "$clusters_config is missing: run 'yarn clusters start'"; return 1; }
  port="${PM_CONSUMER_PORT:-}"
  if [ -z "$port" ]; then
    port=$(node -e '
      const s = require("net").createServer();
      s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
    ') || return 1
  fi
  url="http://127.0.0.1:$port"
  transform=$(cd "$APP/packages/backend" && node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")') ||
    { say "the fresh app has no @backstage/cli-node"; return 1; }
  say "starting the fresh app's backend on $url (log: $OUT/backend.log)"
  (
    cd "$APP/packages/backend" &&
      NODE_ENV=production \
        APP_CONFIG_app_baseUrl="$url" \
        APP_CONFIG_backend_baseUrl="$url" \
        APP_CONFIG_backend_listen_port="$port" \
        APP_CONFIG_backend_cors_origin="$url" \
        exec setsid node --enable-source-maps --require "$transform" src/index.ts \
        --config "$APP/app-config.yaml" --config "$clusters_config" --config "$APP/app-config.consumer.yaml"
  ) > "$OUT/backend.log" 2>&1 9>&- &
  backend_pid=$!
  for _ in $(seq 1 "$READY_TIMEOUT"); do
    if ! kill -0 "$backend_pid" 2>/dev/null || grep -a -q 'Backend startup failed' "$OUT/backend.log"; then
      break
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/.backstage/health/v1/readiness")" = 200 ]; then
      return 0
    fi
    sleep 1
  done
  grep -a -i 'error' "$OUT/backend.log" | cut -c1-600 | tail -8 >&2
  return 1
}

browser_passed=0
browser_failed=0
browser_tests() {
  scripts/ensure-chromium.sh || return 1
  # the seeded instances opt out of the catalog module (their entities come from files); lifted
  # for the tests, so the module's watch emits dev-pm-healthy-platform-mesh, and restored after
  opt_out_lifted=1
  node "$LANE/lib/catalogOptOut.mjs" "$CLUSTERS_JSON" "$OPT_OUT_REF" off >&2 || { restore_opt_out; return 1; }
  PM_CONSUMER_BASE_URL="$url" PM_CHROMIUM="${PM_CHROMIUM:-/usr/bin/chromium}" \
    yarn playwright test --config "$LANE/playwright.config.ts" 9>&- >&2
  local rc=$?
  restore_opt_out || rc=1
  read -r browser_passed browser_failed < <(node -e '
    const fs = require("fs");
    if (!fs.existsSync(process.argv[1])) { console.log("0 1"); process.exit(0); }
    const { stats = {}, errors = [] } = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    let failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
    if (failed === 0 && errors.length > 0) failed = 1;
    console.log(stats.expected ?? 0, failed);
  ' "$OUT/report.json")
  [ "$rc" -ne 0 ] && [ "$browser_failed" -eq 0 ] && browser_failed=1
  [ "$browser_passed" -eq 0 ] && [ "$browser_failed" -eq 0 ] && browser_failed=1
  [ "$browser_failed" -eq 0 ]
}

# --- the lane -----------------------------------------------------------------------------------
step "helpers self-test" helpers_selftest nonblocking
if [ "${PM_CONSUMER_REUSE_TARBALLS:-}" = "1" ] && [ -f "$LANE_DIR/packed.json" ]; then
  say "PM_CONSUMER_REUSE_TARBALLS=1: installing the tarballs of an earlier run (not built, packed or counted)"
else
  step "build packages" build_packages
  step "pack packages" pack_packages
fi
step "create app ($CREATE_APP_VERSION)" create_app
step "wire as the READMEs say" wire_packages
step "install the app" install_app
step "app's yarn tsc:full" tsc_full nonblocking
step "build the app's frontend" build_frontend
step "start the app's backend" start_backend
if [ -z "$broken" ]; then
  t0=$(date +%s)
  browser_tests
  passed=$((passed + browser_passed))
  failed=$((failed + browser_failed))
  timings+=("$(printf '%-28s %5ss  %s' "browser tests" "$(($(date +%s) - t0))" "$browser_passed passed, $browser_failed failed")")
else
  failed=$((failed + 1))
  timings+=("$(printf '%-28s %6s  %s' "browser tests" "-" "not run")")
fi
stop_backend

say "timings (logs in $OUT/):"
for line in "${timings[@]}"; do printf '  %s\n' "$line" >&2; done
say "$(($(date +%s) - started)) s in all"
echo "CONSUMER: $passed passed, $failed failed"
summary_done=1
[ "$failed" -eq 0 ]
