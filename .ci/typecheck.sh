#!/usr/bin/env bash
# Type-checks the files monctl generates for tools that cannot run here (Elasticsearch, Grafana)
# against their vendors' published TypeScript types, in one tsc run: generates each example into
# a temporary folder, lets every .ci/typecheck/*.mjs write .ts wrappers for the files it knows
# (`export const x = (<generated json>) satisfies <Type>`), then runs `tsc --noEmit` over them.
# Usage: bash .ci/typecheck.sh   (needs cargo and npm; reuses the debug build of the tests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/.ci/typecheck"
log() { printf '[typecheck] %s\n' "$*" >&2; }

cd "$here"
npm ci --no-audit --no-fund --silent
cargo build -q -p monctl-cli --manifest-path "$root/Cargo.toml"
monctl="${CARGO_TARGET_DIR:-$root/target}/debug/monctl"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ts"
for example in "$root"/examples/*/; do
  name="$(basename "$example")"
  "$monctl" generate "$example" --out "$work/out/$name" 2>/dev/null
done
harnesses=("$here"/*.mjs)
if [ ! -e "${harnesses[0]}" ]; then
  log "no harness in .ci/typecheck/*.mjs: nothing to type-check"
  exit 0
fi
for harness in "${harnesses[@]}"; do
  node "$harness" "$work/out" "$work/ts"
done
count="$(find "$work/ts" -name '*.ts' | wc -l)"
if [ "$count" -eq 0 ]; then
  log "error: the harnesses wrote no wrapper: the generators produced none of the files they check"
  exit 1
fi
cat > "$work/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "skipLibCheck": true, "module": "nodenext",
    "moduleResolution": "nodenext", "target": "es2022", "types": [],
    "typeRoots": ["$here/node_modules/@types"], "baseUrl": "$here/node_modules"
  },
  "include": ["ts/**/*.ts"]
}
JSON
ln -s "$here/node_modules" "$work/node_modules"
log "tsc over $count generated files"
"$here/node_modules/.bin/tsc" -p "$work/tsconfig.json"
log "all $count files type-check"
