#!/usr/bin/env bash
# Browser tests of the web playground, idempotently on a Debian machine: installs Debian's
# chromium when it is missing, then builds the static site from the committed lockfile and drives
# it headless: first the measurements (web-playground/tests/measure.mjs: printed, not asserted;
# MEASURE=0 skips them), then the tests (web-playground/tests/browser.test.mjs; screenshots in
# web-playground/test-artifacts/), whose "N passed, N failed" is the last line.
# Needs the WebAssembly package: run `bash wasm/build.sh` first (.ci/run does).
# Usage: bash .ci/browser-tests.sh   (from any directory; needs root for apt-get)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '[browser-tests] %s\n' "$*" >&2; }

for f in monctl.js monctl_bg.wasm node/monctl.js; do
  [ -f "$root/wasm/pkg/$f" ] || { log "error: wasm/pkg/$f is missing: run bash wasm/build.sh first"; exit 1; }
done

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  command -v apt-get >/dev/null || { log "error: no $chromium and no apt-get: install Chromium and set CHROMIUM"; exit 1; }
  log "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi
"$chromium" --version || true

command -v npm >/dev/null || { log "error: npm not found (Node.js 20+ is needed)"; exit 1; }
cd "$root/web-playground"
npm ci --no-audit --no-fund
npm run build
measured=0
[ "${MEASURE:-1}" = 0 ] || npm run measure || measured=$?
npm test
[ "$measured" = 0 ] || { log "error: the measurements could not all be taken (see above)"; exit "$measured"; }
