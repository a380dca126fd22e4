#!/usr/bin/env bash
# Quick start: installs what is missing, starts the three local Kubernetes API servers, seeds the
# demo scenarios (`healthy` and every other scenario that does not change the Secrets shared by the
# whole target; each in its own namespace, each with an entity in the example catalog) and starts
# the example Backstage app (http://localhost:3000) against them.
# Safe to run again: installed tools, built binaries and running API servers are reused.
#   PM_SCENARIO=failed scripts/start.sh    # seed only this scenario (see `yarn clusters scenarios`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh

scenario="${PM_SCENARIO:-all}"
yarn clusters start
yarn clusters seed "$scenario"

exec yarn start \
  --config "$PWD/app-config.yaml" \
  --config "$PWD/packages/dev-clusters/.state/app-config.dev-clusters.yaml"
