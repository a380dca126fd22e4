#!/usr/bin/env bash
# Quick start: installs what is missing, starts the local Kubernetes API servers with the real
# Platform Mesh operator and real Flux next to the live ones (packages/dev-clusters/live/README.md),
# seeds the demo scenarios (`healthy` and every other scenario that does not change the Secrets
# shared by the whole target; each in its own namespace, each with an entity in the example
# catalog), starts the example Backstage app (http://localhost:3000) against them, and once it is
# up creates the live instance through the example template (target `live`), which the real
# controllers bring to Ready (entity `platform-mesh-live`).
# Safe to run again: installed tools, built binaries and running API servers are reused.
#   PM_SCENARIO=failed scripts/start.sh    # seed only this scenario (see `yarn clusters scenarios`)
#   PM_DEV_CONTROLLERS=off scripts/start.sh # API servers and seeds only, no real controllers
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh

scenario="${PM_SCENARIO:-all}"
yarn clusters start
yarn clusters seed "$scenario"

if [ "${PM_DEV_CONTROLLERS:-}" != "off" ]; then
  # waits for the backend, runs the template on target `live`, installs the operator chart
  live_log="packages/dev-clusters/.state/live-instance.log"
  echo "creating the live instance in the background (log: $live_log)"
  node packages/dev-clusters/scripts/live-instance.js >"$live_log" 2>&1 &
fi

exec yarn start \
  --config "$PWD/app-config.yaml" \
  --config "$PWD/packages/dev-clusters/.state/app-config.dev-clusters.yaml"
