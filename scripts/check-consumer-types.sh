#!/usr/bin/env bash
# Type-checks a consumer backend (scripts/consumer-types/consumer.ts) against the declarations the
# node-side packages publish, with `skipLibCheck: false` as a fresh app's `yarn tsc:full` does.
# In the repo, types resolve to `src` and never show errors that only the emitted declarations
# have (such as action input types that do not satisfy `JsonObject`).
#
# Emits the declarations of the five node-side packages into dist-types/ (what
# `backstage-cli package build` bundles into dist/index.d.ts), then checks the consumer against
# them. `--reuse-declarations` skips the emit when dist-types/ has them (scripts/check.sh runs
# `yarn tsc` just before). Fails on any error in our declarations or the consumer; errors inside
# third-party libraries (TypeScript's DOM lib against this repo's @types/node) are counted and
# shown, not ours to fix. Prints one closing line.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(platform-mesh-common platform-mesh-node platform-mesh-backend
  catalog-backend-module-platform-mesh scaffolder-backend-module-platform-mesh)

start=$SECONDS
emit=1
if [ "${1:-}" = "--reuse-declarations" ]; then
  emit=0
  for p in "${packages[@]}"; do
    [ -f "dist-types/plugins/$p/src/index.d.ts" ] || emit=1
  done
fi
if [ "$emit" -eq 1 ] && ! yarn tsc -p scripts/consumer-types/tsconfig.declarations.json; then
  echo "consumer types: the packages' declarations could not be emitted (above)"
  exit 1
fi
emitted=$((SECONDS - start))

out="$(yarn tsc -p scripts/consumer-types/tsconfig.json --pretty false 2>&1)"
# error lines start with the file; continuation lines are indented
ours="$(printf '%s\n' "$out" | grep -E '^[^ ].*error TS[0-9]+' | grep -v '^node_modules/' || true)"
theirs="$(printf '%s\n' "$out" | grep -cE '^node_modules/.*error TS[0-9]+' || true)"
[ "$theirs" -gt 0 ] && printf '%s\n' "$out" | grep -E '^node_modules/.*error TS[0-9]+' | sed 's/^/  (third-party) /'
if [ -n "$ours" ]; then
  printf '%s\n' "$out" | grep -v '^node_modules/'
  echo "consumer types: FAILED, the published declarations do not type-check in a consumer"
  exit 1
fi
echo "consumer types: ok (declarations ${emitted}s, consumer check $((SECONDS - start - emitted))s, ${theirs} third-party lib errors ignored)"
