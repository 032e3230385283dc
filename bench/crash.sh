#!/usr/bin/env bash
# crash.sh: kill -9 during imports and exports, at random moments, and check what is left: the store
# holds either none or all of each import's rows, an export's file is absent or complete, and no
# temporary file outlives the next command on the store. See bench/README.md; `bench/crash.sh --help`.
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
Usage: bench/crash.sh [options]

Seeds a store in a temporary QM_HOME, generates spending.csv (a generic CSV of N rows) and its
mapping, then per round:

  import: bin/qm import spending.csv --format csv --mapping M   killed with SIGKILL after a random
          0.2-4 s; then bin/qm query sql "SELECT count(*) …" must give the rows before, or the rows
          before + N, and the store's import-tmp folder must be gone
  export: bin/qm export spending --format csv --out OUT          killed the same way; OUT must be
          absent or hold every row, and the next export must leave no .OUT.*.partial file

Options:
  --rounds N    rounds of each (default 10)
  --rows N      rows in the generated file (default 300000)
  --keep        keep the temporary directory
  -h, --help    this help

Exit status: 0 when every round left the store and the files whole, 1 when one did not, 2 on bad usage.
EOF_USAGE
}

die() { echo "crash.sh: $*" >&2; exit 2; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=10
rows=300000
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; rounds="$2"; shift 2 ;;
    --rows) [ $# -ge 2 ] || die "--rows needs a number"; rows="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be an integer >= 1, got '$rounds'"
[[ "$rows" =~ ^[1-9][0-9]*$ ]] || die "--rows must be an integer >= 1, got '$rows'"
[ -f "$repo/app/target/quartermaster.jar" ] || die "the app is not built; from $repo: mvn -B -ntp -DskipTests package"

work="$(mktemp -d)"
if [ "$keep" = 1 ]; then echo "crash.sh: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
export QM_HOME="$work/home"
qm="$repo/bin/qm"
store="$QM_HOME/quartermaster.duckdb"

"$qm" query datasets > /dev/null 2>&1
isos="$("$qm" query sql "SELECT iso3 FROM countries ORDER BY iso3" --format csv | tail -n +2 | tr -d '\r' | paste -sd,)"
python3 - "$work/spending.csv" "$rows" "$isos" <<'EOF_PY'
import sys
path, n, isos = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
with open(path, "w") as f:
    f.write("iso3,year,pct_gdp,amount\n")
    for i in range(n):
        f.write(f"{isos[i % len(isos)]},{1000 + i // len(isos)},{(i % 400) / 100},{i}.5\n")
EOF_PY

count() { "$qm" query sql "SELECT count(*) AS n FROM defence_spending" --format csv 2>/dev/null | tail -1 | tr -d '\r'; }
random_delay() { python3 -c 'import random; print(round(random.uniform(0.2, 4.0), 2))'; }

bad=0; imports_killed=0; imports_done=0; exports_killed=0; exports_done=0; leftovers=0
for round in $(seq 1 "$rounds"); do
  cat > "$work/m$round.yaml" <<EOF_MAP
table: spending
columns: {iso3: iso3, year: year, pct_gdp: pct_gdp, amount: amount}
constants: {source: crash$round, vintage: 2030-01, source_url: https://example.org/crash$round}
EOF_MAP
  before="$(count)"
  "$qm" import "$work/spending.csv" --format csv --mapping "$work/m$round.yaml" > /dev/null 2>&1 &
  pid=$!
  sleep "$(random_delay)"
  if kill -9 "$pid" 2>/dev/null; then imports_killed=$((imports_killed + 1)); else imports_done=$((imports_done + 1)); fi
  wait "$pid" 2>/dev/null || true
  after="$(count)"
  if [ "$after" != "$before" ] && [ "$after" != "$((before + rows))" ]; then
    echo "round $round: import left $after rows (before: $before, a whole import: $((before + rows)))"; bad=$((bad + 1))
  fi
  if [ -e "$store.import-tmp" ]; then
    echo "round $round: $store.import-tmp outlived the next command"; leftovers=$((leftovers + 1))
  fi

  out="$work/out.csv"
  rm -f "$out"
  "$qm" export spending --format csv --out "$out" > /dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.2, 2.5), 2))')"
  if kill -9 "$pid" 2>/dev/null; then exports_killed=$((exports_killed + 1)); else exports_done=$((exports_done + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [ -e "$out" ] && [ "$(($(wc -l < "$out") - 1))" != "$(count)" ]; then
    echo "round $round: $out holds $(($(wc -l < "$out") - 1)) rows of $(count)"; bad=$((bad + 1))
  fi
  "$qm" export spending --format csv --out "$out" > /dev/null 2>&1
  if compgen -G "$work/.out.csv.*.partial" > /dev/null; then
    echo "round $round: a .partial file outlived the next export"; leftovers=$((leftovers + 1))
  fi
done
echo "imports: $rounds rounds, $imports_killed killed, $imports_done finished before the kill"
echo "exports: $rounds rounds, $exports_killed killed, $exports_done finished before the kill"
echo "stores or files not whole: $bad; temporary files left after the next command: $leftovers"
[ "$bad" = 0 ] && [ "$leftovers" = 0 ]
