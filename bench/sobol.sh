#!/usr/bin/env bash
# sobol.sh: what a Sobol analysis of 8 parameters costs. Runs `bin/qm sensitivity --method sobol`
# with N base points (N x (8 + 2) variants) on a scenario under GNU `time`, and prints variants/s and
# cell-steps per CPU-second. See bench/README.md. Run `bench/sobol.sh --help` for the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/sobol.sh [options] [SCENARIO.yaml]

Writes a sweep file of 8 parameters of the rocket-70 lines and the USA/rocket-70
stock of medium.yaml (surge, ramp, start, delay, disruption, initial stock,
demand; ranges around the scenario's values, for timing only), then runs

  bin/qm sensitivity SWEEP.yaml --method sobol --n N --bootstrap B \
      --metric expected_unmet_demand --cell USA/rocket-70 --threads K --no-progress

under GNU time and prints wall and CPU (user+sys) seconds, variants per second
(wall and per CPU-second), cell-steps per CPU-second, the three most influential
parameters, and the load average before and after: on a shared machine, compare
CPU seconds rather than wall seconds.

SCENARIO.yaml (default: medium.yaml of the benchmark set: $SHARED_BENCH/scenarios,
else ../shared/bench/scenarios relative to the repo root). It must have the
lines rocket-70-line-3 and rocket-70-line-4 and the stock USA/rocket-70.

Options:
  --n N          Sobol base points (default 512: 5,120 variants)
  --runs R       runs per variant (default 500)
  --bootstrap B  bootstrap resamples of the intervals (default 1000)
  --threads K    worker threads (default 1)
  --keep         keep the temporary directory (sweep file, result, time output)
  -h, --help     this help

Environment: SHARED_BENCH, GNU_TIME (default /usr/bin/time), JAVA_HOME and
QM_JAVA_OPTS (read by bin/qm).
Exit status: 0 when the command succeeded, 1 when it failed, 2 on bad usage or a
missing prerequisite (jar not built, no GNU time, no scenario).
EOF
}

die() { echo "sobol.sh: $*" >&2; exit 2; }
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=512
runs=500
bootstrap=1000
threads=1
keep=0
scenario=""
gnu_time="${GNU_TIME:-/usr/bin/time}"

while [ $# -gt 0 ]; do
  case "$1" in
    --n) [ $# -ge 2 ] || die "--n needs a number"; n="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
    --bootstrap) [ $# -ge 2 ] || die "--bootstrap needs a number"; bootstrap="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || die "--threads needs a number"; threads="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$scenario" ] || die "one scenario only, got $scenario and $1"; scenario="$1"; shift ;;
  esac
done
is_count "$n" || die "--n must be a positive whole number, got $n"
is_count "$runs" || die "--runs must be a positive whole number, got $runs"
[[ "$bootstrap" =~ ^[0-9]+$ ]] || die "--bootstrap must be a whole number, got $bootstrap"
is_count "$threads" || die "--threads must be a positive whole number, got $threads"

if [ -z "$scenario" ]; then
  for candidate in ${SHARED_BENCH:+"$SHARED_BENCH/scenarios/medium.yaml"} \
      "$repo/../shared/bench/scenarios/medium.yaml" "$repo/../shared/bench/medium.yaml"; do
    if [ -f "$candidate" ]; then scenario="$candidate"; break; fi
  done
fi
[ -f "$scenario" ] || die "no scenario file ${scenario:-found}; give one: bench/sobol.sh SCENARIO.yaml"
scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"
[ -x "$gnu_time" ] || die "GNU time not found at $gnu_time (apt-get install time, or set GNU_TIME)"
[ -f "$repo/app/target/quartermaster.jar" ] || die "the jar is not built: mvn -B -ntp -DskipTests package"
horizon="$(sed -n 's/^horizon_months: *\([0-9]*\).*/\1/p' "$scenario" | head -1)"
is_count "$horizon" || die "$scenario: no horizon_months at the top level"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/qm-sobol-bench.XXXXXX")"
if [ "$keep" -eq 0 ]; then trap 'rm -rf "$tmp"' EXIT; fi
cat > "$tmp/sweep.yaml" <<EOF
base: $scenario
design: {type: latin-hypercube, points: 8}
runs: $runs
seed: 202
parameters:
  - {path: "lines[rocket-70-line-3].surge_per_month", range: {low: 20000, high: 36000}}
  - {path: "lines[rocket-70-line-3].ramp_months", range: {low: 3, high: 18}}
  - {path: "lines[rocket-70-line-4].surge_per_month", range: {low: 15000, high: 28000}}
  - {path: "lines[rocket-70-line-4].ramp_start_month", range: {low: 20, high: 36}}
  - {path: "lines[rocket-70-line-4].ramp_delay_months.mode", range: {low: 2, high: 10}}
  - {path: "lines[rocket-70-line-4].disruption.probability", range: {low: 0, high: 0.1}}
  - {path: "stocks[USA/rocket-70].initial", range: {low: 300000, high: 550000}}
  - {path: "stocks[USA/rocket-70].demand[0].per_month", range: {low: 16000, high: 24000}}
metrics: [expected_unmet_demand]
EOF

cells="$("$repo/bin/qm" validate "$scenario" 2>/dev/null | sed -n 's/.*, \([0-9]*\) cells, .*/\1/p' | head -1)"
variants=$((n * 10))
echo "scenario: $scenario (horizon $horizon months, $cells cells)"
echo "sobol: n = $n, 8 parameters: $variants variants x $runs runs; bootstrap $bootstrap; threads: $threads"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(getconf _NPROCESSORS_ONLN) CPUs"
if ! "$gnu_time" -f "%e %U %S %M" -o "$tmp/sobol.time" "$repo/bin/qm" sensitivity "$tmp/sweep.yaml" \
    --method sobol --n "$n" --bootstrap "$bootstrap" --metric expected_unmet_demand --cell USA/rocket-70 \
    --threads "$threads" --no-progress >"$tmp/sobol.out" 2>"$tmp/sobol.err"; then
  echo "sobol.sh: qm sensitivity failed:" >&2
  cat "$tmp/sobol.err" >&2
  exit 1
fi
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
read -r wall user sys kb < "$tmp/sobol.time"
awk -v v="$variants" -v r="$runs" -v m="$horizon" -v c="${cells:-0}" -v w="$wall" -v u="$user" -v s="$sys" \
    -v k="$kb" 'BEGIN {
  cpu = u + s
  printf "wall %.1f s, CPU %.1f s, peak RSS %.0f MiB\n", w, cpu, k / 1024
  printf "variants/s: %.2f wall, %.2f per CPU-second\n", v / w, v / cpu
  if (c > 0) printf "cell-steps per CPU-second: %.1f M (%d cells x %d months x %d runs)\n", v * r * m * c / cpu / 1e6,
      c, m, v * r
}'
echo "most influential (rank, parameter, S1 [low, high], ST [low, high]):"
awk '/^rank/ { on = 1; next } on && NF >= 8 && n < 3 { printf "  %s %s S1 %s [%s, %s] ST %s [%s, %s]\n", $1, $2, $3, $4, $5, $6, $7, $8; n++ }' \
  "$tmp/sobol.out"
if [ "$keep" -eq 1 ]; then echo "kept: $tmp"; fi
