#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright drives it through
# executablePath; no browser is ever downloaded by a test tool). Idempotent: does nothing when the
# browser is already there. Needs root (or sudo) to install; fails loudly when it cannot.
#   PM_CHROMIUM=/path/to/chromium scripts/ensure-chromium.sh   # use another Chromium binary
set -euo pipefail

chromium="${PM_CHROMIUM:-/usr/bin/chromium}"
log() { printf '[ensure-chromium] %s\n' "$*" >&2; }

works() { [ -x "$chromium" ] && "$chromium" --version >/dev/null 2>&1; }

if works; then
  exit 0
fi

if [ "${PM_CHROMIUM:-}" != "" ]; then
  log "PM_CHROMIUM=$chromium is not an executable Chromium"
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    log "chromium is missing and installing it needs root: run 'apt-get install -y chromium' as root"
    exit 1
  }
  sudo="sudo -n"
fi
command -v apt-get >/dev/null 2>&1 || {
  log "chromium is missing and there is no apt-get: install Chromium and set PM_CHROMIUM"
  exit 1
}

log "installing Debian's chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
# a concurrent apt run holds the dpkg lock: wait for it instead of failing
$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
$sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >&2

if ! works; then
  log "chromium was installed but '$chromium --version' fails"
  exit 1
fi
log "$("$chromium" --version)"
