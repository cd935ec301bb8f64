#!/usr/bin/env bash
# Installs what the WebAssembly build (wasm/build.sh) needs on a Debian machine, idempotently:
#   - Debian's rustc-web + rust-web-src (a rustc that can build std for wasm32 from source, used
#     when rustup has no wasm32-unknown-unknown target) and lld-19 (wasm-ld-19, the linker);
#   - wasm-bindgen-cli at exactly the `wasm-bindgen` version locked in Cargo.lock.
# Work already done is skipped: packages already installed, a wasm-bindgen CLI of the right version.
# Usage: bash .ci/install-wasm-toolchain.sh   (from any directory; needs root for apt-get)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[install-wasm-toolchain] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
# rustup's wasm32 target is not needed where rustup already has it (a developer's laptop).
packages=(lld-19)
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  packages+=(rustc-web rust-web-src)
fi
missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]} and no apt-get: install them by hand"; exit 1
  fi
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${packages[*]}"
fi

# --- wasm-bindgen-cli ------------------------------------------------------------------------
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
if [ -z "$want" ]; then
  log "no wasm-bindgen package in $root/Cargo.lock"; exit 1
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" = "$want" ]; then
  log "wasm-bindgen-cli $want present"
else
  log "cargo install wasm-bindgen-cli --version $want (have: ${have:-none}; takes ~4 min)"
  start=$SECONDS
  # Not --locked (as TOOLCHAIN.md measured): resolve the CLI's dependencies afresh.
  # A separate target dir keeps the shared workspace target/ unlocked.
  CARGO_TARGET_DIR="${WASM_BINDGEN_INSTALL_TARGET_DIR:-/tmp/wasm-bindgen-cli-target}" \
    cargo install wasm-bindgen-cli --version "=$want" --force
  log "installed wasm-bindgen-cli $want in $((SECONDS - start)) s"
fi
