#!/usr/bin/env bash
# import.sh: rows per second of `bin/qm import` on a generated generic CSV file (1,000,000 spending rows by
# default), each run on a fresh copy of a newly seeded store. See bench/README.md; `bench/import.sh --help`.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/import.sh [options]

Generates spending.csv (iso3,year,pct_gdp,amount; every (iso3, year) pair once) and its
mapping, seeds a store once, then for each repeat copies that store and runs, on the copy:

  bin/qm --db COPY query datasets                                 (start-up: JVM, store, query)
  bin/qm import spending.csv --format csv --mapping spending.yaml --db COPY

each under GNU time. Prints every run and the medians: rows/s end to end (rows / import
wall time) and rows/s of the import itself (rows / (import wall time - start-up wall time)).

Options:
  --rows N      data rows in the generated file (default 1000000)
  --previous-release
                seed the store with the same file imported once as the previous release
                (vintage 2026-01), so that each run imports the next release beside as many
                stored rows of the same series (the check for figures already stored
                compares the two)
  --repeat N    runs (default 3)
  --keep        keep the temporary directory (file, mapping, stores, logs)
  -h, --help    this help

Environment: GNU_TIME (default /usr/bin/time), PYTHON (default python3), JAVA_HOME and
QM_JAVA_OPTS (read by bin/qm).
Exit status: 0 when every run imported every row, 1 when one did not, 2 on bad usage or a
missing prerequisite.
EOF
}

die() { echo "import.sh: $*" >&2; exit 2; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=1000000
repeat=3
keep=0
previous=0
python="${PYTHON:-python3}"
gnu_time="${GNU_TIME:-/usr/bin/time}"

while [ $# -gt 0 ]; do
  case "$1" in
    --rows) [ $# -ge 2 ] || die "--rows needs a number"; rows="$2"; shift 2 ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a number"; repeat="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --previous-release) previous=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$rows" =~ ^[1-9][0-9]*$ ]] || die "--rows must be an integer >= 1, got '$rows'"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be an integer >= 1, got '$repeat'"

[ -f "$repo/app/target/quartermaster.jar" ] || die "the app is not built; from $repo: mvn -B -ntp -DskipTests package"
command -v "$python" >/dev/null 2>&1 || die "$python not found (the file generator needs Python 3)"
"$gnu_time" -f %e true 2>/dev/null || die "GNU time not found at $gnu_time (apt-get install time, or set GNU_TIME)"

tmp="$(mktemp -d)"
if [ "$keep" = 1 ]; then
  echo "import.sh: keeping $tmp" >&2
else
  trap 'rm -rf "$tmp"' EXIT
fi
qm="$repo/bin/qm"

# ---- the store template (created and seeded once) and the country codes it knows ----
"$qm" --db "$tmp/seeded.duckdb" --create query sql "SELECT iso3 FROM countries ORDER BY iso3" --format csv \
  | tail -n +2 | tr -d "\r" > "$tmp/codes.txt"
[ -s "$tmp/codes.txt" ] || die "could not read the country codes from a new store"

# ---- the file and its mapping ----
"$python" - "$tmp/codes.txt" "$rows" "$tmp/spending.csv" <<'PY'
import sys
codes = open(sys.argv[1]).read().split()
rows = int(sys.argv[2])
n = len(codes)
with open(sys.argv[3], "w") as out:
    out.write("iso3,year,pct_gdp,amount\n")
    for i in range(rows):  # year = 1000 + i // n: each (iso3, year) pair once
        out.write(f"{codes[i % n]},{1000 + i // n},{1 + i % 4}.{10 + i % 90},{i % 100000}.{i % 10}\n")
PY
cat > "$tmp/spending.yaml" <<'EOF'
table: spending
columns: {iso3: iso3, year: year, pct_gdp: pct_gdp, amount: amount}
constants: {source: bench, currency: USD million, vintage: 2026-02, source_url: https://example.org/bench}
EOF

if [ "$previous" = 1 ]; then
  sed 's/vintage: 2026-02/vintage: 2026-01/' "$tmp/spending.yaml" > "$tmp/previous.yaml"
  "$qm" import "$tmp/spending.csv" --format csv --mapping "$tmp/previous.yaml" --db "$tmp/seeded.duckdb" >/dev/null \
    || die "could not import the previous release into the store template"
fi

echo "import bench: $rows rows ($(du -h "$tmp/spending.csv" | cut -f1)), $(date -u '+%Y-%m-%d %H:%M UTC')"
[ "$previous" = 1 ] && echo "store: holds the previous release (vintage 2026-01) of the same $rows rows"
echo "host: $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "build: $( (cd "$repo" && git rev-parse --short HEAD 2>/dev/null) || echo 'no git'), ${QM_JAVA_OPTS:+QM_JAVA_OPTS=$QM_JAVA_OPTS}"

# ---- the runs ----
fail=0
: > "$tmp/times"
for rep in $(seq 1 "$repeat"); do
  db="$tmp/run$rep.duckdb"
  cp "$tmp/seeded.duckdb" "$db"
  "$gnu_time" -f %e -o "$tmp/startup$rep" "$qm" --db "$db" query datasets >/dev/null
  rc=0
  "$gnu_time" -f %e -o "$tmp/import$rep" "$qm" import "$tmp/spending.csv" --format csv \
    --mapping "$tmp/spending.yaml" --db "$db" >"$tmp/import$rep.log" 2>&1 || rc=$?
  stored="$("$qm" --db "$db" query sql "SELECT count(*) FROM defence_spending WHERE source = 'bench'
    AND vintage_month = '2026-02'" --format csv \
    | tail -n 1 | tr -d "\r")"
  startup="$(tail -n 1 "$tmp/startup$rep")"
  wall="$(tail -n 1 "$tmp/import$rep")"
  if [ "$rc" != 0 ] || [ "$stored" != "$rows" ]; then
    fail=1
    echo "run $rep: FAILED (exit $rc, $stored rows stored):" >&2
    sed 's/^/    /' "$tmp/import$rep.log" >&2
  fi
  echo "$startup $wall" >> "$tmp/times"
  printf 'run %d: import %s s wall, start-up %s s\n' "$rep" "$wall" "$startup"
done

"$python" - "$tmp/times" "$rows" <<'PY'
import statistics, sys
runs = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
rows = int(sys.argv[2])
wall = statistics.median(w for _, w in runs)
startup = statistics.median(s for s, _ in runs)
own = statistics.median(w - s for s, w in runs)
print(f"median of {len(runs)}: import {wall:.2f} s wall, start-up {startup:.2f} s, import itself {own:.2f} s")
print(f"rows/s end to end: {rows / wall:,.0f}")
print(f"rows/s of the import itself (wall - start-up): {rows / own:,.0f}")
PY
exit "$fail"
