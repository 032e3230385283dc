#!/usr/bin/env bash
# sm1.sh: end-to-end speed and memory of `bin/qm simulate` against the NumPy SM-1 peer (peer_numpy.py),
# run back to back on the same machine, each under GNU `time -v` (wall time, peak RSS).
# See bench/README.md. Run `bench/sm1.sh --help` for the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/sm1.sh [options]

Runs `bin/qm simulate SCENARIO --no-progress --threads K --out TMP.json` and
`python3 peer_numpy.py SCENARIO --out TMP.json` back to back, each under GNU
`time -v`, and prints one table per scenario: wall time, CPU time (user+sys), peak RSS, cell-steps
(runs x months x cells, from the result JSON), cell-steps/s end to end, and the
model-phase cell-steps/s (engine: line 2 of qm's stdout; peer: its timing_s).

Options:
  --bench-dir DIR      directory holding peer_numpy.py and scenarios/ (default:
                       $SHARED_BENCH, else ../shared/bench relative to the repo root)
  --scenarios "A B"    scenario names (DIR/scenarios/NAME.yaml) or YAML paths
                       (default: "medium large")
  --threads K          engine worker threads (default: the number of online CPUs;
                       the peer is single-threaded NumPy and ignores it)
  --repeat N           run each side N times, interleaved, report medians (default 1)
  --runs "N [M ...]"   override the scenario's runs for both sides; several values
                       give one table each plus a memory-growth summary
  --keep               keep the temporary directory (result JSON, logs, time -v output)
  -h, --help           this help

Environment: SHARED_BENCH (see --bench-dir), PYTHON (default python3),
GNU_TIME (default /usr/bin/time), QM_JAVA_OPTS (extra JVM options, read by bin/qm),
JAVA_HOME (read by bin/qm).
Exit status: 0 when every run succeeded, 1 on a failed run, 2 on bad usage or a
missing prerequisite (jar not built, no python3/numpy/PyYAML, no GNU time).
EOF
}

die() { echo "sm1.sh: $*" >&2; exit 2; }
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dir="${SHARED_BENCH:-$repo/../shared/bench}"
scenarios="medium large"
threads="$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)"
repeat=1
runs_list=""
keep=0
python="${PYTHON:-python3}"
gnu_time="${GNU_TIME:-/usr/bin/time}"

while [ $# -gt 0 ]; do
  case "$1" in
    --bench-dir) [ $# -ge 2 ] || die "--bench-dir needs a directory"; bench_dir="$2"; shift 2 ;;
    --bench-dir=*) bench_dir="${1#*=}"; shift ;;
    --scenarios) [ $# -ge 2 ] || die "--scenarios needs a list"; scenarios="$2"; shift 2 ;;
    --scenarios=*) scenarios="${1#*=}"; shift ;;
    --threads) [ $# -ge 2 ] || die "--threads needs a number"; threads="$2"; shift 2 ;;
    --threads=*) threads="${1#*=}"; shift ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a number"; repeat="$2"; shift 2 ;;
    --repeat=*) repeat="${1#*=}"; shift ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs_list="$2"; shift 2 ;;
    --runs=*) runs_list="${1#*=}"; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

is_count "$threads" || die "--threads must be an integer >= 1, got '$threads'"
is_count "$repeat" || die "--repeat must be an integer >= 1, got '$repeat'"
for n in $runs_list; do
  is_count "$n" || die "--runs values must be integers >= 1, got '$n'"
done
[ -n "${scenarios// /}" ] || die "--scenarios is empty"

# ---- prerequisites: refuse clearly, before running anything ----
jar="$repo/app/target/quartermaster.jar"
[ -f "$jar" ] || die "the engine is not built ($jar is missing); build it first, from $repo: mvn -B -ntp -DskipTests package"
[ -x "$repo/bin/qm" ] || die "$repo/bin/qm is missing or not executable"
command -v "$python" >/dev/null 2>&1 || die "$python not found; the peer needs Python 3 with NumPy and PyYAML (set PYTHON to another interpreter)"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)' 2>/dev/null \
  || die "$python is not Python 3.8 or newer"
"$python" -c 'import numpy' 2>/dev/null || die "NumPy is missing for $python (pip install numpy, or apt-get install python3-numpy)"
"$python" -c 'import yaml' 2>/dev/null || die "PyYAML is missing for $python (pip install pyyaml, or apt-get install python3-yaml)"
[ -x "$gnu_time" ] \
  || die "GNU time not found at $gnu_time (apt-get install time; on macOS brew install gnu-time and set GNU_TIME=\$(command -v gtime))"
[ -d "$bench_dir" ] || die "bench directory $bench_dir not found; give --bench-dir DIR or set SHARED_BENCH"
bench_dir="$(cd "$bench_dir" && pwd)"
peer="$bench_dir/peer_numpy.py"
[ -f "$peer" ] || die "$peer not found (give --bench-dir DIR or set SHARED_BENCH)"

declare -a labels=() files=()
for s in $scenarios; do
  if [[ "$s" == */* || "$s" == *.yaml || "$s" == *.yml ]]; then
    f="$s"
  else
    f="$bench_dir/scenarios/$s.yaml"
  fi
  [ -f "$f" ] || die "scenario $s not found (looked for $f)"
  f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
  label="$(basename "$f")"; label="${label%.y*ml}"
  labels+=("$label"); files+=("$f")
done

# "java" is what bin/qm runs: $JAVA_HOME/bin/java, else java on the PATH
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java" >/dev/null 2>&1 || die "no Java runtime ($java); set JAVA_HOME to a JDK 21+"

tmp="$(mktemp -d)"
if [ "$keep" = 1 ]; then
  trap 'echo "sm1.sh: kept $tmp" >&2' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

# GNU time must write -v output (a shell keyword `time` or BSD time cannot)
if ! "$gnu_time" -v -o "$tmp/probe.time" true >/dev/null 2>&1 || ! grep -qs "Maximum resident set size" "$tmp/probe.time"; then
  die "$gnu_time is not GNU time (no -v/-o report; apt-get install time, or set GNU_TIME to GNU time, e.g. gtime)"
fi

# ---- the Python helper: reads one run's files, or summarises all of them ----
cat > "$tmp/report.py" <<'PY'
import glob, json, math, os, re, statistics, sys

def wall_seconds(text):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)", text)
    if not m:
        return None
    secs = 0.0
    for part in m.group(1).split(":"):
        secs = secs * 60 + float(part)
    return secs

def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""

def one_run(prefix, side):
    """Dict of one run's figures, from PREFIX.{rc,time,json,out}."""
    r = {"rc": int(read(prefix + ".rc").strip() or "1")}
    t = read(prefix + ".time")
    r["wall"] = wall_seconds(t)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)
    r["rss_mib"] = int(m.group(1)) / 1024 if m else None
    user = re.search(r"User time \(seconds\): ([0-9.]+)", t)
    system = re.search(r"System time \(seconds\): ([0-9.]+)", t)
    r["cpu"] = float(user.group(1)) + float(system.group(1)) if user and system else None
    r["steps"] = r["phase_s"] = r["phase_rate"] = None
    r["runs"] = r["months"] = r["cells"] = None
    try:
        with open(prefix + ".json", encoding="utf-8") as fh:
            res = json.load(fh)
        r["runs"], r["months"], r["cells"] = int(res["runs"]), int(res["horizon_months"]), len(res["cells"])
        r["steps"] = r["runs"] * r["months"] * r["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        res = None
    if side == "engine":
        lines = read(prefix + ".out").splitlines()
        m = re.search(r";\s*([0-9.]+) s, ([0-9,]+) cell-steps/s", lines[1]) if len(lines) > 1 else None
        if m:
            r["phase_s"] = float(m.group(1))
            r["phase_rate"] = float(m.group(2).replace(",", ""))
    elif res is not None:
        timing = res.get("timing_s") or {}
        if "simulate_s" in timing and r["steps"]:
            r["phase_s"] = float(timing["simulate_s"]) + float(timing.get("quantiles_s", 0.0))
            r["phase_rate"] = r["steps"] / max(r["phase_s"], 1e-9)
    r["e2e_rate"] = r["steps"] / r["wall"] if r["steps"] and r["wall"] else None
    return r

def fmt_rate(x):
    if x is None:
        return "n/a"
    for div, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:.2f} {unit}"
    return f"{x:.0f}"

def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None

def summarise(tmp, label, runs_tag):
    """Print the table for one scenario and runs setting; return its medians or None on failure."""
    sides = {}
    failed = False
    for side in ("engine", "peer"):
        runs = [one_run(p[:-3], side) for p in sorted(glob.glob(os.path.join(tmp, f"{label}.{runs_tag}.*.{side}.rc")))]
        ok = [r for r in runs if r["rc"] == 0 and r["steps"]]
        if len(ok) < len(runs) or not runs:
            failed = True
        sides[side] = {k: med([r[k] for r in ok]) for k in ("wall", "cpu", "rss_mib", "steps", "phase_s", "phase_rate", "e2e_rate")}
        sides[side]["n"] = len(ok)
        sides[side]["tried"] = len(runs)
        sides[side]["shape"] = (ok[0]["runs"], ok[0]["months"], ok[0]["cells"]) if ok else None
    e, p = sides["engine"], sides["peer"]
    shape = e["shape"] or p["shape"]
    print()
    head = f"== {label}"
    if shape:
        head += f": {shape[0]:,} runs x {shape[1]} months x {shape[2]} cells = {shape[0] * shape[1] * shape[2]:,} cell-steps"
    head += f"; engine threads {os.environ['SM1_THREADS']}; median of {os.environ['SM1_REPEAT']} ==" if int(os.environ["SM1_REPEAT"]) > 1 \
        else f"; engine threads {os.environ['SM1_THREADS']}; 1 run each =="
    print(head)
    if e["shape"] and p["shape"] and e["shape"] != p["shape"]:
        print(f"   WARNING: engine and peer disagree on runs x months x cells: {e['shape']} vs {p['shape']}")
        failed = True
    rows = [
        ("wall time, end to end (s)", fmt(e["wall"], ".2f"), fmt(p["wall"], ".2f"), ratio(p["wall"], e["wall"])),
        ("CPU time, user+sys (s)", fmt(e["cpu"], ".2f"), fmt(p["cpu"], ".2f"), ratio(p["cpu"], e["cpu"])),
        ("peak RSS (MiB)", fmt(e["rss_mib"], ".0f"), fmt(p["rss_mib"], ".0f"), ratio(p["rss_mib"], e["rss_mib"])),
        ("cell-steps", fmt(e["steps"], ",.0f"), fmt(p["steps"], ",.0f"), None),
        ("cell-steps/s, end to end", fmt_rate(e["e2e_rate"]), fmt_rate(p["e2e_rate"]), ratio(e["e2e_rate"], p["e2e_rate"])),
        ("model phase (s)", fmt(e["phase_s"], ".2f"), fmt(p["phase_s"], ".2f"), ratio(p["phase_s"], e["phase_s"])),
        ("cell-steps/s, model phase", fmt_rate(e["phase_rate"]), fmt_rate(p["phase_rate"]), ratio(e["phase_rate"], p["phase_rate"])),
    ]
    print(f"   {'':27}{'engine':>12}{'peer':>12}{'engine adv.':>13}")
    for name, ev, pv, adv in rows:
        print(f"   {name:27}{ev:>12}{pv:>12}{fmt(adv, '.2f') + 'x' if adv is not None else '':>13}")
    if failed:
        print(f"   FAILED: {e['n']}/{e['tried']} engine and {p['n']}/{p['tried']} peer runs succeeded; see the logs (--keep)")
        return None
    return {"label": label, "runs": shape[0] if shape else None, "steps": e["steps"], "e": e, "p": p}

def table(tmp, labels, runs_tags):
    ok = True
    by_label = {}
    for label in labels:
        for tag in runs_tags:
            s = summarise(tmp, label, tag)
            ok &= s is not None
            if s:
                by_label.setdefault(label, []).append(s)
    print()
    print("engine adv. = peer/engine for times and RSS, engine/peer for rates: above 1 the engine does better.")
    print("model phase: engine = Sm1Simulator.run (line 2 of qm's stdout: runs, merge, quantiles; no JVM start,")
    print("parsing or JSON); peer = its timing_s simulate_s + quantiles_s (no interpreter start, parsing or JSON).")
    print("CPU time: the whole process, all threads (JIT compiler and GC included); on a loaded machine it moves")
    print("much less than wall time, so compare engine versions by it.")
    if len(runs_tags) > 1:
        for label, rows in by_label.items():
            print()
            print(f"== {label}: memory growth with --runs ==")
            print(f"   {'runs':>10}{'cell-steps':>16}{'engine s':>10}{'peer s':>10}{'engine MiB':>12}{'peer MiB':>10}")
            for s in rows:
                print(f"   {s['runs']:>10,}{s['steps']:>16,.0f}{fmt(s['e']['wall'], '.2f'):>10}{fmt(s['p']['wall'], '.2f'):>10}"
                      f"{fmt(s['e']['rss_mib'], '.0f'):>12}{fmt(s['p']['rss_mib'], '.0f'):>10}")
    return ok

if __name__ == "__main__":
    if sys.argv[1] == "line":
        r = one_run(sys.argv[2], sys.argv[3])
        complete = r["rc"] == 0 and r["wall"] is not None and r["steps"] is not None
        state = "ok" if complete else f"FAILED (exit {r['rc']})" if r["rc"] else "FAILED (no time -v report or result JSON)"
        print(f"{fmt(r['wall'], '.2f')} s wall, {fmt(r['rss_mib'], '.0f')} MiB peak RSS, "
              f"{fmt_rate(r['e2e_rate'])} cell-steps/s end to end: {state}")
        sys.exit(0 if complete else 1)
    else:
        sys.exit(0 if table(sys.argv[2], sys.argv[3].split(), sys.argv[4].split()) else 1)
PY

# ---- header: what ran where ----
{
  echo "SM-1 bench: bin/qm simulate vs peer_numpy.py, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host: $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //')"
  echo "engine: $( (cd "$repo" && git rev-parse --short HEAD 2>/dev/null) || echo 'no git') $jar, $("$java" -version 2>&1 | head -1)${QM_JAVA_OPTS:+, QM_JAVA_OPTS=$QM_JAVA_OPTS}"
  echo "peer: $peer, $("$python" -c 'import sys, numpy; print("Python %d.%d.%d" % sys.version_info[:3], "NumPy", numpy.__version__)')"
} 

# ---- the runs: engine then peer, interleaved, for each scenario, runs setting and repeat ----
runs_tags="${runs_list:-default}"
fail=0
for i in "${!labels[@]}"; do
  label="${labels[$i]}"; f="${files[$i]}"
  for tag in $runs_tags; do
    runs_args=()
    [ "$tag" = default ] || runs_args=(--runs "$tag")
    for rep in $(seq 1 "$repeat"); do
      for side in engine peer; do
        prefix="$tmp/$label.$tag.$rep.$side"
        if [ "$side" = engine ]; then
          cmd=("$repo/bin/qm" simulate "$f" --no-progress --threads "$threads" ${runs_args[@]+"${runs_args[@]}"} --out "$prefix.json")
        else
          cmd=("$python" "$peer" "$f" ${runs_args[@]+"${runs_args[@]}"} --out "$prefix.json")
        fi
        printf 'sm1.sh: %s%s run %d/%d, %-6s ... ' "$label" "${runs_args[1]:+ --runs ${runs_args[1]}}" "$rep" "$repeat" "$side" >&2
        rc=0
        "$gnu_time" -v -o "$prefix.time" "${cmd[@]}" >"$prefix.out" 2>"$prefix.err" </dev/null || rc=$?
        echo "$rc" > "$prefix.rc"
        "$python" "$tmp/report.py" line "$prefix" "$side" >&2 || { [ "$rc" != 0 ] || rc=incomplete; }
        if [ "$rc" != 0 ]; then
          fail=1
          echo "sm1.sh: $side failed on $f (exit $rc): ${cmd[*]}" >&2
          tail -n 5 "$prefix.err" | sed 's/^/    /' >&2
        fi
      done
    done
  done
done

SM1_THREADS="$threads" SM1_REPEAT="$repeat" "$python" "$tmp/report.py" table "$tmp" "${labels[*]}" "$runs_tags" || fail=1
exit "$fail"
