#!/usr/bin/env bash
# spark.sh: what running a sweep on Spark costs over running it here. Runs the same sweep file with
# `bin/qm sweep` (here) and `bin/qm sweep --spark MASTER` (Spark, default local[2]) back to back on this
# machine, each under GNU time, and prints wall and CPU seconds, the ratio, and Spark's start-up apart.
# See bench/README.md and docs/spark.md. Run `bench/spark.sh --help` for the options.
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
Usage: bench/spark.sh [options] [SCENARIO.yaml]

Writes the sweep file of bench/sweep.sh (Latin hypercube, V points, every line's
ramp_months from 6 to 36; months_to_target_p50, shortfall_probability,
expected_unmet_demand, closing-stock quantiles in the last month), then runs

  bin/qm sweep SWEEP.yaml --out TMP/here.parquet --threads K --no-progress
  bin/qm sweep SWEEP.yaml --out TMP/spark --spark MASTER

back to back under GNU time, then both again for a tiny sweep of the same
scenario (2 variants x 10 runs: the fixed cost of JVMs, Spark start-up and
the first job). It prints, for each: wall and CPU (user+sys) seconds and peak
RSS; for Spark also the job's own time and the SparkSession start-up (from
the job's summary line); the ratio Spark / here; and runs per CPU-second, of
the whole command and at the margin (fixed cost taken off): the figure
docs/spark.md's capacity table uses.

SCENARIO.yaml (default: medium.yaml of the benchmark set: $SHARED_BENCH/scenarios,
else ../shared/bench/scenarios relative to the repo root; else
examples/us-155mm-shells.yaml of the repo)

Options:
  --variants V    sweep variants (default 1000)
  --runs R        runs per variant (default 2000; at most 10,000)
  --master M      Spark master (default local[2])
  --threads K     worker threads of the local sweep (default 2, as local[2])
  --keep          keep the temporary directory
  -h, --help      this help

Environment: SPARK_HOME (a Spark 4.x installation for Scala 2.13; `mvn verify`
leaves a minimal one in spark/target/spark-home), QM_SPARK_JAR (default: what
the build leaves in spark/target), GNU_TIME (default /usr/bin/time), JAVA_HOME
and QM_JAVA_OPTS (read by bin/qm).
Exit status: 0 when both sweeps succeeded, 1 when one failed, 2 on bad usage or
a missing prerequisite.
EOF_USAGE
}

die() { echo "spark.sh: $*" >&2; exit 2; }
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variants=1000
runs=2000
master="local[2]"
threads=2
keep=0
scenario=""
gnu_time="${GNU_TIME:-/usr/bin/time}"

while [ $# -gt 0 ]; do
  case "$1" in
    --variants) [ $# -ge 2 ] || die "--variants needs a number"; variants="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
    --master) [ $# -ge 2 ] || die "--master needs a value"; master="$2"; shift 2 ;;
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
[ -f "$scenario" ] || die "no scenario file ${scenario:-found}; give one: bench/spark.sh SCENARIO.yaml"
scenario="$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")"
[ -x "$gnu_time" ] || die "GNU time not found at $gnu_time (apt-get install time, or set GNU_TIME)"
[ -f "$repo/app/target/quartermaster.jar" ] || die "the qm jar is not built: mvn -B -ntp -DskipTests package"
[ -n "${SPARK_HOME:-}" ] || die "set SPARK_HOME to a Spark 4.x installation (after mvn verify: $repo/spark/target/spark-home)"
[ -x "$SPARK_HOME/bin/spark-submit" ] || die "$SPARK_HOME has no bin/spark-submit"
export QM_SPARK_JAR="${QM_SPARK_JAR:-$repo/spark/target/quartermaster-spark.jar}"
[ -f "$QM_SPARK_JAR" ] || die "$QM_SPARK_JAR is not built: mvn -B -ntp -DskipTests package"
horizon="$(sed -n 's/^horizon_months: *\([0-9]*\).*/\1/p' "$scenario" | head -1)"
is_count "$horizon" || die "$scenario: no horizon_months at the top level"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/qm-spark-bench.XXXXXX")"
if [ "$keep" -eq 0 ]; then trap 'rm -rf "$tmp"' EXIT; fi
cat > "$tmp/sweep.yaml" <<EOF_SWEEP
base: $scenario
design: {type: latin-hypercube, points: $variants}
runs: $runs
seed: 202
parameters:
  - {path: "lines[*].ramp_months", range: {low: 6, high: 36}}
metrics: [months_to_target_p50, shortfall_probability, expected_unmet_demand,
          {closing_stock: {month: $((horizon - 1)), quantiles: [0.05, 0.5, 0.95]}}]
EOF_SWEEP
sed -e 's/points: [0-9]*/points: 2/' -e 's/^runs: [0-9]*/runs: 10/' "$tmp/sweep.yaml" > "$tmp/tiny.yaml"

# timed LABEL COMMAND...: runs the command under GNU time; its figures land in $tmp/LABEL.time
timed() {
  local label="$1"; shift
  if ! "$gnu_time" -f "%e %U %S %M" -o "$tmp/$label.time" "$@" >"$tmp/$label.out" 2>"$tmp/$label.err"; then
    echo "spark.sh: $label failed:" >&2
    cat "$tmp/$label.err" >&2
    exit 1
  fi
}

echo "scenario: $scenario (horizon $horizon months)"
echo "sweep: $variants variants x $runs runs = $((variants * runs)) runs; here: $threads threads; Spark: $master"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(getconf _NPROCESSORS_ONLN) CPUs"
timed here "$repo/bin/qm" sweep "$tmp/sweep.yaml" --out "$tmp/here.parquet" --threads "$threads" --no-progress
timed spark "$repo/bin/qm" sweep "$tmp/sweep.yaml" --out "$tmp/spark" --spark "$master"
timed here-tiny "$repo/bin/qm" sweep "$tmp/tiny.yaml" --out "$tmp/here-tiny.parquet" --threads "$threads" --no-progress
timed spark-tiny "$repo/bin/qm" sweep "$tmp/tiny.yaml" --out "$tmp/spark-tiny" --spark "$master"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# the job's summary: "... in 12.3 s (81.3 variants/s; Spark start-up 4.1 s); parquet written to ..."
job="$(sed -n 's/.* in \([0-9.]*\) s ([0-9.]* variants\/s; Spark start-up.*/\1/p' "$tmp/spark.out" | tail -1)"
startup="$(sed -n 's/.*Spark start-up \([0-9.]*\) s).*/\1/p' "$tmp/spark.out" | tail -1)"
[ -n "$job" ] && [ -n "$startup" ] || { echo "spark.sh: no summary line from the Spark job:" >&2; cat "$tmp/spark.out" >&2; exit 1; }
read -r here_wall here_user here_sys here_kb < "$tmp/here.time"
read -r spark_wall spark_user spark_sys spark_kb < "$tmp/spark.time"
read -r _ here_tiny_user here_tiny_sys _ < "$tmp/here-tiny.time"
read -r _ spark_tiny_user spark_tiny_sys _ < "$tmp/spark-tiny.time"
awk -v v="$variants" -v r="$runs" -v hw="$here_wall" -v hu="$here_user" -v hs="$here_sys" -v hk="$here_kb" \
    -v sw="$spark_wall" -v su="$spark_user" -v ss="$spark_sys" -v sk="$spark_kb" -v job="$job" -v up="$startup" \
    -v htu="$here_tiny_user" -v hts="$here_tiny_sys" -v stu="$spark_tiny_user" -v sts="$spark_tiny_sys" 'BEGIN {
  hcpu = hu + hs; scpu = su + ss; hfix = htu + hts; sfix = stu + sts
  printf "%-22s %9s %9s %10s\n", "command", "wall (s)", "CPU (s)", "peak RSS"
  printf "%-22s %9.1f %9.1f %7.0f MiB\n", "qm sweep (here)", hw, hcpu, hk / 1024
  printf "%-22s %9.1f %9.1f %7.0f MiB\n", "qm sweep --spark", sw, scpu, sk / 1024
  printf "  of which Spark start-up (SparkSession): %.1f s; the job itself: %.1f s; the rest (qm, spark-submit JVMs): %.1f s\n",
      up, job, sw - job - up
  printf "ratio Spark / here: %.2f wall, %.2f CPU; job alone / here: %.2f wall\n", sw / hw, scpu / hcpu, job / hw
  printf "fixed cost (2 variants x 10 runs), CPU: here %.1f s, Spark %.1f s\n", hfix, sfix
  printf "runs per CPU-second: here %.0f, Spark %.0f (whole command); at the margin: here %.0f, Spark %.0f\n",
      v * r / hcpu, v * r / scpu, v * r / (hcpu - hfix), v * r / (scpu - sfix)
}'
if [ "$keep" -eq 1 ]; then echo "kept: $tmp"; fi
