#!/usr/bin/env bash
# Builds the monctl-wasm package: the core compiled to WebAssembly plus wasm-bindgen's JS glue.
#
#   wasm/build.sh [OUT_DIR]        (default OUT_DIR: wasm/pkg; works from any directory)
#
# Writes OUT_DIR (--target web: ES module with `init`/`initSync`, for the browser) and
# OUT_DIR-node (--target nodejs: CommonJS, for the Node tests in wasm/tests).
#
# Compiler route:
#   - rustup with the wasm32-unknown-unknown target installed: plain `cargo build --target ...`;
#   - otherwise (Debian machines, CI; see .ci/install-wasm-toolchain.sh): Debian's rustc-web with
#     std built from source (RUSTC=/usr/bin/rustc, RUSTC_BOOTSTRAP=1, -Zbuild-std) and wasm-ld-19.
# Either way the release profile (opt-level z, fat LTO, one codegen unit) applies, with
# panic=abort set for the wasm build only, so native tests keep unwinding.
#
# Environment: CARGO_TARGET_DIR (default: the workspace's target/), WASM_OPT=0 to skip wasm-opt
# even where it is installed, MONCTL_WASM_ROUTE=rustup|debian to force a route.
set -euo pipefail

wasm_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$wasm_dir/.." && pwd)"
out_dir="${1:-$wasm_dir/pkg}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
node_dir="$out_dir-node"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[wasm/build.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- wasm-bindgen CLI: must be exactly the locked crate version ------------------------------
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
[ -n "$want" ] || die "no wasm-bindgen package in $root/Cargo.lock"
command -v wasm-bindgen >/dev/null ||
  die "wasm-bindgen CLI not found; install it with: bash .ci/install-wasm-toolchain.sh (or: cargo install wasm-bindgen-cli --version $want)"
have="$(wasm-bindgen --version | awk '{print $2}')"
[ "$have" = "$want" ] ||
  die "wasm-bindgen CLI is $have but Cargo.lock has wasm-bindgen $want; they must match exactly: cargo install wasm-bindgen-cli --version $want --force"

# --- compile ---------------------------------------------------------------------------------
route="${MONCTL_WASM_ROUTE:-}"
if [ -z "$route" ]; then
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    route=rustup
  else
    route=debian
  fi
fi

# Only the wasm target gets these flags (CARGO_TARGET_<triple>_RUSTFLAGS), so build scripts and
# proc macros compiled for the host are untouched.
wasm_rustflags="-C panic=abort"
cd "$root"
start=$SECONDS
case "$route" in
  rustup)
    log "compiling with rustup's wasm32-unknown-unknown target"
    # rustup's prebuilt std unwinds; panic=abort for our crates is still allowed and smaller.
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_rustflags" \
      cargo build --release --target wasm32-unknown-unknown -p monctl-wasm --target-dir "$target_dir"
    ;;
  debian)
    [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] ||
      die "no rustup wasm32 target and no Debian rustc-web/rust-web-src; run: bash .ci/install-wasm-toolchain.sh"
    command -v wasm-ld-19 >/dev/null || die "wasm-ld-19 not found (apt-get install lld-19); run: bash .ci/install-wasm-toolchain.sh"
    log "compiling with Debian's $(/usr/bin/rustc --version) and std built from source"
    # panic_immediate_abort is not used: it would drop panic messages (see start() in src/lib.rs).
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_rustflags" \
      cargo build --release --target wasm32-unknown-unknown -p monctl-wasm --target-dir "$target_dir" \
      -Zbuild-std=std,panic_abort
    ;;
  *) die "MONCTL_WASM_ROUTE must be rustup or debian, not '$route'" ;;
esac
log "compiled in $((SECONDS - start)) s"
wasm="$target_dir/wasm32-unknown-unknown/release/monctl_wasm.wasm"
[ -f "$wasm" ] || die "cargo produced no $wasm"

# --- bindings ------------------------------------------------------------------------------------
rm -rf "$node_dir"
wasm-bindgen --target web --out-dir "$out_dir" --out-name monctl "$wasm"
wasm-bindgen --target nodejs --out-dir "$node_dir" --out-name monctl "$wasm"

# --- optional size pass --------------------------------------------------------------------------
if [ "${WASM_OPT:-1}" != 0 ] && command -v wasm-opt >/dev/null; then
  for f in "$out_dir/monctl_bg.wasm" "$node_dir/monctl_bg.wasm"; do
    before=$(wc -c <"$f")
    # Keep the features rustc enabled (bulk memory, reference types, ...); skip on failure
    # (an old binaryen that does not know one of them), the unoptimised module stays valid.
    if wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$f" -o "$f.opt" 2>"$f.opt.log"; then
      mv "$f.opt" "$f"; rm -f "$f.opt.log"
      log "wasm-opt -Oz $(basename "$(dirname "$f")"): $before -> $(wc -c <"$f") bytes"
    else
      log "wasm-opt failed (kept the unoptimised module): $(head -c 300 "$f.opt.log")"
      rm -f "$f.opt" "$f.opt.log"
    fi
  done
else
  log "wasm-opt not used ($(command -v wasm-opt >/dev/null && echo 'WASM_OPT=0' || echo 'not installed'))"
fi

# --- sizes ---------------------------------------------------------------------------------------
final="$out_dir/monctl_bg.wasm"
raw=$(wc -c <"$final")
gz=$(gzip -9 -c "$final" | wc -c)
log "built $out_dir (web) and $node_dir (nodejs)"
printf 'monctl_bg.wasm: %d bytes raw (%d KiB), %d bytes gzipped (%d KiB)\n' \
  "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
