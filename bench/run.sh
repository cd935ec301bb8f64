#!/usr/bin/env bash
# monctl vs promtool on the same large inputs, timed in the same hyperfine invocations; prints the
# ratios, the scaling exponent of `monctl check` and peak memory. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bash bench/run.sh [--quick] [--runs N] [--copies N] [--sizes N,N,...] [--work DIR]

  --quick         2 timed runs per command (unless --runs is given) and no 40k scaling point
  --runs N        timed runs per command, after 1 warmup run (default 5; env BENCH_RUNS)
  --copies N      copies of the awesome-prometheus-alerts rules in the reference input (default 11)
  --sizes LIST    rule counts of the scaling series (default 1000,2500,5000,10000,20000,40000)
  --work DIR      where inputs and results go (default target/bench-inputs)

environment:
  MONCTL_BIN      the monctl binary to measure (default: cargo build --release -p monctl-cli,
                  honouring CARGO_TARGET_DIR, then ${CARGO_TARGET_DIR:-target}/release/monctl)
  MONCTL_CORPUS   the shared corpus (default ../shared/corpus relative to the repository)
  PROMTOOL        the promtool binary (default: promtool on PATH)
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${BENCH_RUNS:-}
QUICK=0
COPIES=11
SIZES=
WORK=target/bench-inputs
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) QUICK=1 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    --runs=*) RUNS=${1#*=} ;;
    --copies) COPIES=${2:?--copies needs a number}; shift ;;
    --copies=*) COPIES=${1#*=} ;;
    --sizes) SIZES=${2:?--sizes needs a list}; shift ;;
    --sizes=*) SIZES=${1#*=} ;;
    --work) WORK=${2:?--work needs a folder}; shift ;;
    --work=*) WORK=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $RUNS ]]; then
  if [[ $QUICK == 1 ]]; then RUNS=2; else RUNS=5; fi
fi
if [[ -z $SIZES ]]; then
  if [[ $QUICK == 1 ]]; then SIZES=1000,2500,5000,10000,20000; else SIZES=1000,2500,5000,10000,20000,40000; fi
fi
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs must be a positive integer, not '$RUNS'" >&2; exit 2; }
[[ $COPIES =~ ^[1-9][0-9]*$ ]] || { echo "error: --copies must be a positive integer, not '$COPIES'" >&2; exit 2; }
[[ $SIZES =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "error: --sizes must be a comma-separated list of rule counts, not '$SIZES'" >&2; exit 2; }

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------
PROMTOOL=${PROMTOOL:-promtool}
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v "$PROMTOOL" >/dev/null || missing+=("promtool (package prometheus)")
/usr/bin/time -v true >/dev/null 2>&1 || missing+=("GNU time at /usr/bin/time (package time)")
command -v python3 >/dev/null || missing+=(python3)
command -v flock >/dev/null || missing+=("flock (package util-linux)")
if command -v python3 >/dev/null && ! python3 -c 'import yaml' 2>/dev/null; then
  missing+=("PyYAML for python3 (package python3-yaml)")
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  printf 'error: missing: %s\n' "${missing[@]}" >&2
  echo "install them with: apt-get install -y prometheus hyperfine time python3 python3-yaml util-linux" >&2
  exit 1
fi

# --- corpus ------------------------------------------------------------------------------------
CORPUS=${MONCTL_CORPUS:-$ROOT/../shared/corpus}
AWESOME_DIR=$CORPUS/rules/good/samber+awesome-prometheus-alerts
LARGE_FILE=$CORPUS/rules/good/prometheus+prometheus/promtool-testdata/rules_large.yml
if [[ ! -d $AWESOME_DIR || ! -f $LARGE_FILE ]]; then
  die "the shared corpus is not at $CORPUS (need $AWESOME_DIR and $LARGE_FILE); set MONCTL_CORPUS=/path/to/corpus"
fi
CORPUS=$(cd "$CORPUS" && pwd)

# --- the monctl binary -------------------------------------------------------------------------
if [[ -n ${MONCTL_BIN:-} ]]; then
  BIN=$MONCTL_BIN
  [[ -x $BIN ]] || die "MONCTL_BIN=$BIN is not an executable file"
else
  log "building monctl (cargo build --release -p monctl-cli)"
  cargo build --release -p monctl-cli >&2
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/monctl
  [[ -x $BIN ]] || die "cargo build succeeded but $BIN is missing"
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# --- inputs ------------------------------------------------------------------------------------
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
# One run at a time per work folder: a second run would regenerate inputs under the first and,
# on a 2-core machine, time itself against it.
exec 9>"$WORK/.lock"
if ! flock -n 9; then
  die "another bench/run.sh is using $WORK; wait for it to finish, or pass --work DIR"
fi
STAMP=$( { cat bench/gen_inputs.py; echo "$CORPUS $COPIES $SIZES"; } | sha256sum | cut -d' ' -f1)
if [[ -f $WORK/inputs.json && -f $WORK/.stamp && $(cat "$WORK/.stamp") == "$STAMP" ]]; then
  log "inputs in $WORK are up to date"
else
  log "generating inputs into $WORK (from $CORPUS)"
  rm -f "$WORK/.stamp"
  python3 bench/gen_inputs.py "$CORPUS" "$WORK" --copies "$COPIES" --sizes "$SIZES"
  echo "$STAMP" >"$WORK/.stamp"
fi

# Every lint rule whose default level is error becomes a warning in each spec (lint.yml), so that
# `monctl generate` writes files despite findings: the check still runs every rule on every rule.
# Load errors (S codes) are not affected.
DEMOTED=$("$BIN" rules | awk '$3 == "error" && $1 !~ /^S/ {print $1}')
SPECS=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("\n".join([d["awesome"]["spec"], d["large"]["spec"]] + [s["spec"] for s in d["scale"]]))' "$WORK/inputs.json")
for spec in $SPECS; do
  {
    echo "# written by bench/run.sh: lint errors as warnings, so that generate writes files"
    echo "lint:"
    echo "  rules:"
    for code in $DEMOTED; do echo "    $code: warning"; done
  } >"$spec/lint.yml"
done

# Each run keeps its own results folder; results/latest points at the newest.
RES=$WORK/results/$(date -u +%Y%m%dT%H%M%SZ)-$$
mkdir -p "$RES" "$WORK/gen-out"
ln -sfn "$(basename "$RES")" "$WORK/results/latest"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "monctl: $BIN ($(sha256sum "$BIN" | cut -c1-12), built $(date -u -r "$BIN" +%Y-%m-%dT%H:%M:%SZ))"
  echo "repo: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') ($(git -C "$ROOT" status --porcelain -- src cli 2>/dev/null | wc -l) uncommitted files in src/ cli/)"
  echo "promtool: $("$PROMTOOL" --version 2>&1 | head -1)"
  echo "hyperfine: $(hyperfine --version)"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs: $RUNS timed + 1 warmup per command"
  echo "lint levels set to warning: $(echo $DEMOTED)"
} >"$RES/meta.txt"
cat "$RES/meta.txt" >&2

q() { printf '%q ' "$@"; }

# One run under GNU time: peak RSS and exit status into $RES/rss-NAME.txt, stdout and stderr
# into $RES/out-NAME.{stdout,stderr}. Never fails; the exit status is checked afterwards.
rss() {
  local name=$1; shift
  /usr/bin/time -v -o "$RES/rss-$name.txt" "$@" >"$RES/out-$name.stdout" 2>"$RES/out-$name.stderr" || true
}

# hyperfine NAME [hyperfine args...]: 1 warmup, $RUNS runs, failures recorded (not fatal; the exit
# codes are checked by the summary).
hf() {
  local name=$1; shift
  hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --output=pipe --style basic \
    --export-json "$RES/hf-$name.json" "$@" >&2
}

# Checks a preflight run: exit 2 (usage/IO) fails the script, load errors other than the input
# limit fail the script, the input limit marks the input refused (reported, not timed).
preflight() {
  local name=$1
  python3 bench/summarize.py preflight "$RES" "$name"
}

get() { python3 bench/summarize.py get "$WORK/inputs.json" "$1"; }
AW_SPEC=$(get awesome.spec)
AW_RULES=$(get awesome.promtool)
LG_SPEC=$(get large.spec)
LG_RULES=$(get large.promtool)

# --- preflight + peak memory ---------------------------------------------------------------------
log "preflight and peak memory (one run each under /usr/bin/time -v)"
rss check-awesome "$BIN" check "$AW_SPEC" --format json
preflight check-awesome
rss check-large "$BIN" check "$LG_SPEC" --format json
preflight check-large
rss promtool-awesome "$PROMTOOL" check rules "$AW_RULES"
rss promtool-large "$PROMTOOL" check rules "$LG_RULES"
for n in ${SIZES//,/ }; do
  rss "check-scale-$n" "$BIN" check "$WORK/scale-$n" --format json
  preflight "check-scale-$n"
  rss "promtool-scale-$n" "$PROMTOOL" check rules "$WORK/scale-$n.rules.yml"
done
refused() { [[ -f $RES/refused-$1 ]]; }
# generate: the reference input, rules_large, the 10k point and the largest accepted point
gen_rss() {
  local name=$1 spec=$2
  rm -rf "$WORK/gen-out/$name"
  rss "generate-$name" "$BIN" generate "$spec" --out "$WORK/gen-out/$name"
  python3 bench/summarize.py preflight "$RES" "generate-$name"
}
refused check-awesome || gen_rss awesome "$AW_SPEC"
refused check-large || gen_rss large "$LG_SPEC"
largest=
for n in ${SIZES//,/ }; do
  refused "check-scale-$n" || largest=$n
done
for n in ${SIZES//,/ }; do
  if ! refused "check-scale-$n" && [[ $n == 10000 || $n == "$largest" ]]; then
    gen_rss "scale-$n" "$WORK/scale-$n"
  fi
done

# --- timings -----------------------------------------------------------------------------------
if ! refused check-awesome; then
  log "check: awesome x$COPIES (monctl check vs promtool check rules)"
  hf check-awesome -n monctl "$(q "$BIN" check "$AW_SPEC")" -n promtool "$(q "$PROMTOOL" check rules "$AW_RULES")"
  log "generate: awesome x$COPIES (monctl generate vs promtool check rules)"
  out=$WORK/gen-out/hf-awesome
  hf generate-awesome --prepare "$(q rm -rf "$out")" \
    -n monctl "$(q "$BIN" generate "$AW_SPEC" --out "$out")" -n promtool "$(q "$PROMTOOL" check rules "$AW_RULES")"
fi
if ! refused check-large; then
  log "check: rules_large (monctl check vs promtool check rules)"
  hf check-large -n monctl "$(q "$BIN" check "$LG_SPEC")" -n promtool "$(q "$PROMTOOL" check rules "$LG_RULES")"
  log "generate: rules_large (monctl generate vs promtool check rules)"
  out=$WORK/gen-out/hf-large
  hf generate-large --prepare "$(q rm -rf "$out")" \
    -n monctl "$(q "$BIN" generate "$LG_SPEC" --out "$out")" -n promtool "$(q "$PROMTOOL" check rules "$LG_RULES")"
fi
for n in ${SIZES//,/ }; do
  if refused "check-scale-$n"; then
    log "scaling: $n rules: monctl refuses the input (see the summary); not timed"
    continue
  fi
  log "scaling: $n rules (monctl check vs promtool check rules)"
  hf "check-scale-$n" -n monctl "$(q "$BIN" check "$WORK/scale-$n")" -n promtool "$(q "$PROMTOOL" check rules "$WORK/scale-$n.rules.yml")"
done

# --- summary -----------------------------------------------------------------------------------
log "summary"
python3 bench/summarize.py summary "$RES" "$WORK/inputs.json" "$SIZES" | tee "$RES/summary.txt"
echo "results: $RES (hyperfine JSON: hf-*.json, peak memory: rss-*.txt, summary.txt)" >&2
