#!/usr/bin/env bash
# Builds the monctl-wasm package: the core compiled to WebAssembly plus wasm-bindgen's JS glue.
#
#   wasm/build.sh [OUT_DIR]        (default OUT_DIR: wasm/pkg; works from any directory)
#
# Writes OUT_DIR/monctl.js + monctl_bg.wasm (--target web: an ES module with `init`/`initSync`,
# for the browser) and OUT_DIR/node/ (--target nodejs: CommonJS, `require`-able from Node), each
# with a package.json saying which module system it uses.
#
# Compiler route:
#   - rustup with the wasm32-unknown-unknown target installed: plain `cargo build --target ...`;
#   - otherwise (Debian machines, CI; see .ci/install-wasm-toolchain.sh): Debian's rustc-web with
#     std built from source (RUSTC=/usr/bin/rustc, RUSTC_BOOTSTRAP=1, -Zbuild-std) and wasm-ld-19.
# Either way the release profile applies (one codegen unit, at opt-level z: set below, as the
# profile's own is for the CLI), with panic=abort set for the wasm build only, so native tests keep
# unwinding. Its `lto = "fat"` does not: cargo turns LTO
# off for a crate that is also an rlib (wasm/Cargo.toml), and a cdylib-only build with fat LTO was
# measured 448 KB smaller raw but 5 KB larger gzipped, so it stays that way. The Debian route, which
# builds std anyway, builds it for size (optimize_for_size) and leaves panic locations out
# (-Zlocation-detail=none): panic messages are kept, without file:line. Measured together: 61 KB
# less gzipped.
#
# Environment: CARGO_TARGET_DIR (default: the workspace's target/), MONCTL_WASM_ROUTE=rustup|debian
# to force a route, MONCTL_WASM_NAMES=1 to keep function names (bigger; for profiling),
# MONCTL_WASM_PANIC=immediate-abort (smaller, no panic messages), WASM_OPT=0 to skip wasm-opt even
# where it is installed (it is optional, and its output is only kept when it is smaller gzipped and
# still loads: neither Debian's binaryen 108 nor npm's binaryen 132 at -Oz or -Os is, on this
# module: they cut 10% raw but add 7% gzipped).
set -euo pipefail

wasm_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$wasm_dir/.." && pwd)"
out_dir="${1:-$wasm_dir/pkg}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
node_dir="$out_dir/node"
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

# wasm32-unknown-unknown aborts on panic by default; saying so keeps it that way whatever the
# profile says. Only the wasm target gets these flags (CARGO_TARGET_<triple>_RUSTFLAGS), so build scripts and
# proc macros compiled for the host are untouched.
wasm_rustflags="-C panic=abort"
# For the Debian route only (nightly flags, allowed there by RUSTC_BOOTSTRAP=1).
debian_rustflags="$wasm_rustflags -Zlocation-detail=none"
# MONCTL_WASM_PANIC=immediate-abort (Debian route): no panic machinery at all, 48 KB less gzipped,
# but a panic is then a bare `unreachable` trap, without its message on the console.
case "${MONCTL_WASM_PANIC:-abort}" in
  abort) ;;
  immediate-abort) debian_rustflags="-Zunstable-options -C panic=immediate-abort -Zlocation-detail=none" ;;
  *) die "MONCTL_WASM_PANIC must be abort or immediate-abort, not '${MONCTL_WASM_PANIC}'" ;;
esac
# The workspace's release profile optimises for speed (the CLI); the module is built for size.
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}"
cd "$root"
start=$SECONDS
case "$route" in
  rustup)
    log "compiling with rustup's wasm32-unknown-unknown target"
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_rustflags" \
      cargo build --release --target wasm32-unknown-unknown -p monctl-wasm --target-dir "$target_dir"
    ;;
  debian)
    [ -x /usr/bin/rustc ] && [ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] ||
      die "no rustup wasm32 target and no Debian rustc-web/rust-web-src; run: bash .ci/install-wasm-toolchain.sh"
    command -v wasm-ld-19 >/dev/null || die "wasm-ld-19 not found (apt-get install lld-19); run: bash .ci/install-wasm-toolchain.sh"
    log "compiling with Debian's $(/usr/bin/rustc --version) and std built from source"
    # Panic messages are kept unless MONCTL_WASM_PANIC=immediate-abort (see start() in src/lib.rs).
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$debian_rustflags" \
      cargo build --release --target wasm32-unknown-unknown -p monctl-wasm --target-dir "$target_dir" \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
    ;;
  *) die "MONCTL_WASM_ROUTE must be rustup or debian, not '$route'" ;;
esac
log "compiled in $((SECONDS - start)) s"
wasm="$target_dir/wasm32-unknown-unknown/release/monctl_wasm.wasm"
[ -f "$wasm" ] || die "cargo produced no $wasm"

# --- bindings ------------------------------------------------------------------------------------
# The name section (function names for stack traces) is half the module: dropped unless
# MONCTL_WASM_NAMES=1. Panic messages do not need it.
bindgen_flags=()
[ "${MONCTL_WASM_NAMES:-0}" = 1 ] || bindgen_flags+=(--remove-name-section)
rm -rf "$node_dir"
rm -f "$out_dir"/monctl*.js "$out_dir"/monctl*.ts "$out_dir"/monctl*.wasm "$out_dir/package.json"
wasm-bindgen --target web ${bindgen_flags[@]+"${bindgen_flags[@]}"} --out-dir "$out_dir" --out-name monctl "$wasm"
wasm-bindgen --target nodejs ${bindgen_flags[@]+"${bindgen_flags[@]}"} --out-dir "$node_dir" --out-name monctl "$wasm"
version="$(awk -F'"' '/^version = / { print $2; exit }' "$wasm_dir/Cargo.toml")"
package_json() { # TYPE
  printf '{\n  "name": "monctl-wasm",\n  "version": "%s",\n  "type": "%s",\n  "main": "monctl.js",\n  "types": "monctl.d.ts",\n  "files": ["monctl.js", "monctl.d.ts", "monctl_bg.wasm", "monctl_bg.wasm.d.ts"],\n  "sideEffects": false\n}\n' "$version" "$1"
}
package_json module >"$out_dir/package.json"
package_json commonjs >"$node_dir/package.json"

# --- optional size pass --------------------------------------------------------------------------
gz_size() { echo $(($(gzip -9 -c "$1" | wc -c))); }
# Does the package still load and answer? (Debian's binaryen 108 produces a module whose
# externref table no longer instantiates, so an optimised module is only kept if it passes.)
smoke() { # web|nodejs
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { createRequire } from "node:module";
    const [kind, dir] = process.argv.slice(1);
    let m;
    if (kind === "web") {
      m = await import(new URL("file://" + dir + "/monctl.js").href);
      m.initSync({ module: readFileSync(dir + "/monctl_bg.wasm") });
    } else {
      m = createRequire(import.meta.url)(dir + "/node/monctl.js");
    }
    const answer = JSON.parse(m.check_spec("rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up ==\n"));
    if (!answer.diagnostics.some((d) => d.code === "S007")) throw new Error("no S007");
  ' "$1" "$out_dir" >/dev/null 2>&1
}
if [ "${WASM_OPT:-1}" = 0 ]; then
  log "wasm-opt not used (WASM_OPT=0)"
elif ! command -v wasm-opt >/dev/null; then
  log "wasm-opt not used (not installed; optional)"
elif ! command -v node >/dev/null; then
  log "wasm-opt not used (no node to check its output with)"
else
  for kind in web nodejs; do
    f="$out_dir/monctl_bg.wasm"; [ "$kind" = web ] || f="$node_dir/monctl_bg.wasm"
    # Keep the features rustc enabled (bulk memory, reference types, ...).
    if ! wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$f" -o "$f.opt" 2>"$f.opt.log"; then
      log "wasm-opt failed on the $kind module, kept it as it was: $(head -c 300 "$f.opt.log")"
      rm -f "$f.opt" "$f.opt.log"; continue
    fi
    rm -f "$f.opt.log"
    before=$(gz_size "$f"); after=$(gz_size "$f.opt")
    if [ "$after" -ge "$before" ]; then
      log "wasm-opt ($(wasm-opt --version)) did not shrink the gzipped $kind module ($before -> $after bytes): not used"
      rm -f "$f.opt"; continue
    fi
    mv "$f" "$f.orig"; mv "$f.opt" "$f"
    if smoke "$kind"; then
      rm -f "$f.orig"
      log "wasm-opt -Oz, $kind module: $before -> $after bytes gzipped"
    else
      mv "$f.orig" "$f"
      log "wasm-opt ($(wasm-opt --version)) output does not load in node, kept the $kind module as it was"
    fi
  done
fi

# --- sizes ---------------------------------------------------------------------------------------
final="$out_dir/monctl_bg.wasm"
raw=$(($(wc -c <"$final")))
gz=$(gz_size "$final")
log "built $out_dir (--target web) and $node_dir (--target nodejs)"
# Where the bytes are: each section raw and gzipped on its own (for what is in them: twiggy on
# the module built with MONCTL_WASM_NAMES=1, or the linker's map: -C link-arg=--Map=FILE).
if command -v node >/dev/null; then
  node -e '
    const { readFileSync } = require("node:fs");
    const { gzipSync } = require("node:zlib");
    const b = readFileSync(process.argv[1]);
    const names = { 0: "custom", 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 9: "elem", 10: "code", 11: "data" };
    const leb = (i) => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return [r, i]; };
    const rows = [];
    for (let i = 8; i < b.length; ) {
      const id = b[i];
      const [n, body] = leb(i + 1);
      let name = names[id] ?? `section ${id}`;
      if (id === 0) { const [l, j] = leb(body); name = `custom "${b.subarray(j, j + l)}"`; }
      rows.push([name, n, gzipSync(b.subarray(body, body + n), { level: 9 }).length]);
      i = body + n;
    }
    for (const [name, n, gz] of rows.filter((r) => r[1] > 4096)) console.error(`[wasm/build.sh]   ${name.padEnd(10)} ${String(n).padStart(9)} bytes raw, ${String(gz).padStart(8)} gzipped on its own`);
  ' "$final" || true
fi
printf 'monctl_bg.wasm: %d bytes raw (%d KiB), %d bytes gzipped (%d KiB)\n' \
  "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
