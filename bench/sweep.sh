#!/usr/bin/env bash
# sweep.sh: what a sweep costs over one simulation of the same total runs. Runs `bin/qm sweep` of
# V variants x R runs of a scenario and `bin/qm simulate` of the same scenario with V*R runs, back
# to back, each under GNU `time`, and prints variants/s and the overhead ratio.
# See bench/README.md. Run `bench/sweep.sh --help` for the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/sweep.sh [options] [SCENARIO.yaml]

Writes a sweep file (Latin hypercube, V points, one parameter: every line's
ramp_months from 6 to 36; metrics: months_to_target_p50, shortfall_probability,
expected_unmet_demand and closing-stock quantiles in the last month), then runs

  bin/qm sweep SWEEP.yaml --out TMP/sweep.parquet --threads K --no-progress
  bin/qm simulate SCENARIO --runs V*R --threads K --no-progress --out TMP/sim.json

back to back under GNU time, and prints wall and CPU (user+sys) seconds of each,
variants per second (wall and per CPU-second), cell-steps per CPU-second, and the
overhead of the sweep over the simulation (sweep / simulate - 1, wall and CPU).
The machine's load average is printed before and after: on a shared machine,
compare CPU seconds rather than wall seconds.

SCENARIO.yaml (default: medium.yaml of the benchmark set: $SHARED_BENCH/scenarios,
else ../shared/bench/scenarios or ../shared/bench relative to the repo root; if
none is there, examples/us-155mm-shells.yaml of the repo)

Options:
  --variants V   sweep variants (default 1000)
  --runs R       runs per variant (default 2000; at most 10,000)
  --threads K    worker threads of both commands (default 1: CPU time then
                 compares like with like on a busy machine)
  --keep         keep the temporary directory (sweep file, results, time output)
  -h, --help     this help

Environment: SHARED_BENCH (see above), GNU_TIME (default /usr/bin/time),
JAVA_HOME and QM_JAVA_OPTS (read by bin/qm).
Exit status: 0 when both commands succeeded, 1 when one failed, 2 on bad usage or
a missing prerequisite (jar not built, no GNU time, no scenario).
EOF
}

die() { echo "sweep.sh: $*" >&2; exit 2; }
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variants=1000
runs=2000
threads=1
keep=0
scenario=""
gnu_time="${GNU_TIME:-/usr/bin/time}"

while [ $# -gt 0 ]; do
  case "$1" in
    --variants) [ $# -ge 2 ] || die "--variants needs a number"; variants="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || die "--threads needs a number"; threads="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$scenario" ] || die "one scenario only, got $scenario and $1"; scenario="$1"; shift ;;
  esac
done
is_count "$variants" || die "--variants must be a positive whole number, got $variants"
is_count "$runs" || die "--runs must be a positive whole number, got $runs"
[ "$runs" -le 10000 ] || die "--runs must be at most 10000 (a sweep's runs per variant), got $runs"
is_count "$threads" || die "--threads must be a positive whole number, got $threads"

if [ -z "$scenario" ]; then
  for candidate in ${SHARED_BENCH:+"$SHARED_BENCH/scenarios/medium.yaml"} \
      "$repo/../shared/bench/scenarios/medium.yaml" "$repo/../shared/bench/medium.yaml" \
      "$repo/examples/us-155mm-shells.yaml"; do
    if [ -f "$candidate" ]; then scenario="$candidate"; break; fi
  done
fi
[ -f "$scenario" ] || die "no scenario file ${scenario:-found}; give one: bench/sweep.sh SCENARIO.yaml"
scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"
[ -x "$gnu_time" ] || die "GNU time not found at $gnu_time (apt-get install time, or set GNU_TIME)"
[ -f "$repo/app/target/quartermaster.jar" ] || die "the jar is not built: mvn -B -ntp -DskipTests package"
horizon="$(sed -n 's/^horizon_months: *\([0-9]*\).*/\1/p' "$scenario" | head -1)"
is_count "$horizon" || die "$scenario: no horizon_months at the top level"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/qm-sweep-bench.XXXXXX")"
if [ "$keep" -eq 0 ]; then trap 'rm -rf "$tmp"' EXIT; fi
cat > "$tmp/sweep.yaml" <<EOF
base: $scenario
design: {type: latin-hypercube, points: $variants}
runs: $runs
seed: 202
parameters:
  - {path: "lines[*].ramp_months", range: {low: 6, high: 36}}
metrics: [months_to_target_p50, shortfall_probability, expected_unmet_demand,
          {closing_stock: {month: $((horizon - 1)), quantiles: [0.05, 0.5, 0.95]}}]
EOF

# timed LABEL COMMAND...: runs the command under GNU time; its figures land in $tmp/LABEL.time
timed() {
  local label="$1"; shift
  if ! "$gnu_time" -f "%e %U %S %M" -o "$tmp/$label.time" "$@" >"$tmp/$label.out" 2>"$tmp/$label.err"; then
    echo "sweep.sh: $label failed:" >&2
    cat "$tmp/$label.err" >&2
    exit 1
  fi
}

total=$((variants * runs))
echo "scenario: $scenario (horizon $horizon months)"
echo "sweep: $variants variants x $runs runs; simulate: $total runs; threads: $threads"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(getconf _NPROCESSORS_ONLN) CPUs"
timed sweep "$repo/bin/qm" sweep "$tmp/sweep.yaml" --out "$tmp/sweep.parquet" --threads "$threads" --no-progress
timed simulate "$repo/bin/qm" simulate "$scenario" --runs "$total" --threads "$threads" --no-progress \
  --out "$tmp/sim.json"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
cells="$(sed -n 's/.*, \([0-9]*\) cells: .*/\1/p' "$tmp/sweep.out" | head -1)"

read -r sweep_wall sweep_user sweep_sys sweep_kb < "$tmp/sweep.time"
read -r sim_wall sim_user sim_sys sim_kb < "$tmp/simulate.time"
awk -v v="$variants" -v r="$runs" -v m="$horizon" -v c="${cells:-0}" \
    -v sw="$sweep_wall" -v su="$sweep_user" -v ss="$sweep_sys" -v sk="$sweep_kb" \
    -v mw="$sim_wall" -v mu="$sim_user" -v ms="$sim_sys" -v mk="$sim_kb" 'BEGIN {
  scpu = su + ss; mcpu = mu + ms
  printf "%-9s %9s %9s %10s\n", "command", "wall (s)", "CPU (s)", "peak RSS"
  printf "%-9s %9.1f %9.1f %7.0f MiB\n", "sweep", sw, scpu, sk / 1024
  printf "%-9s %9.1f %9.1f %7.0f MiB\n", "simulate", mw, mcpu, mk / 1024
  printf "variants/s: %.2f wall, %.2f per CPU-second\n", v / sw, v / scpu
  if (c > 0) printf "cell-steps per CPU-second: sweep %.1f M (%d cells x %d months x %d runs), simulate %.1f M\n",
      v * r * m * c / scpu / 1e6, c, m, v * r, v * r * m * c / mcpu / 1e6
  printf "overhead of the sweep over one simulation: %+.1f%% wall, %+.1f%% CPU\n", (sw / mw - 1) * 100,
      (scpu / mcpu - 1) * 100
}'
if [ "$keep" -eq 1 ]; then echo "kept: $tmp"; fi
