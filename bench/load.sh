#!/usr/bin/env bash
# Bounded load check of the REST API's read endpoints (a benchmark, not a test): 200 concurrent
# connections on loopback for 60 s with wrk (Debian package `wrk`), against `qm serve` on the
# bundled data in a fresh store. Prints wrk's report with p50/p90/p99/p99.9 latency and errors.
# Requests ask for gzip, as browsers and most HTTP clients do; --identity asks for plain bodies.
#
#   bench/load.sh [--connections 200] [--duration 60s] [--threads 2] [--identity] [--cold]
#                 [--writes scenarios|imports]
# QM_SERVE_OPTS (environment) is passed to `qm serve`, e.g. QM_SERVE_OPTS="--request-log off".
#
# --cold     no warm-up by this script: the load starts as soon as the server says it is ready ("dashboard on";
#            it has warmed itself up first, see qm serve --warm-up; QM_SERVE_OPTS="--warm-up 0" for none).
# --writes   one write per second while the load runs, from a background loop:
#            scenarios: POST /api/v1/scenarios then DELETE it (changes only the saved scenarios);
#            imports:   POST /api/v1/imports of a three-row contracts file then DELETE /api/v1/datasets/ID
#                       (changes the data: every kept answer is computed again).
#            The loop prints how many writes succeeded and how long the slowest took.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=200 duration=60s threads=2 encoding=gzip cold=no writes=none
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --identity) encoding=identity; shift ;;
    --cold) cold=yes; shift ;;
    --writes)
      writes="$2"; shift 2
      case "$writes" in scenarios|imports) ;; *) echo "--writes takes scenarios or imports" >&2; exit 2 ;; esac ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench/load.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }
if [ "$writes" != none ]; then
  command -v curl >/dev/null || { echo "bench/load.sh --writes needs curl: apt-get install -y curl" >&2; exit 2; }
fi
[ -f app/target/quartermaster.jar ] || { echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; }

home="$(mktemp -d)"
launched=$(date +%s.%N)
QM_HOME="$home" bin/qm serve --port 0 ${QM_SERVE_OPTS:-} > "$home/serve.log" 2>&1 &
pid=$!
writer=
trap '[ -n "$writer" ] && kill "$writer" 2>/dev/null; kill "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 1 360); do
  grep -q "dashboard on" "$home/serve.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$home/serve.log" >&2; exit 1; }
  sleep 0.5
done
url="$(sed -n 's/.*dashboard on \(http[^ ]*\)\/ .*/\1/p' "$home/serve.log")"
[ -n "$url" ] || { echo "qm serve did not get ready in 180 s" >&2; cat "$home/serve.log" >&2; exit 1; }
ready=$(awk -v a="$launched" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "qm serve ready ${ready} s after launch (store created and seeded, then its own warm-up:" \
  "$(grep -o 'warmed up.*' "$home/serve.log" || echo 'none')), load average $(cut -d' ' -f1 /proc/loadavg)"
if [ "$cold" = yes ]; then
  echo "server: $url (cold: the load starts as soon as it says it is ready, no warm-up by this script)"
else
  echo "server: $url (JVM warm-up: 10 s at 20 connections first, not counted)"
  wrk -t "$threads" -c 20 -d 10s -H "Accept-Encoding: $encoding" -s bench/load.lua "$url" > /dev/null
fi

# One write, then its undoing; prints "ok SECONDS" or "failed STATUS".
write_once() {
  local out status id
  case "$writes" in
    scenarios)
      out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H 'Content-Type: application/json' \
        --data '{"id": "load-probe", "yaml": "name: load probe\nhorizon_months: 3\nitems: [{id: shell}]\nholders: [{id: USA}]\nstocks: [{holder: USA, item: shell, initial: 10}]\n"}' \
        "$url/api/v1/scenarios")"
      status="${out%% *}"
      [ "$status" = 201 ] || { echo "failed $status"; return; }
      curl -s -o /dev/null -X DELETE "$url/api/v1/scenarios/load-probe"
      echo "ok ${out#* }" ;;
    imports)
      out="$(curl -s -w '\n%{http_code} %{time_total}' -X POST -H 'Content-Type: text/csv' \
        --data-binary @"$home/probe.csv" "$url/api/v1/imports?filename=probe.csv&allow_duplicates=true")"
      status="$(tail -n 1 <<< "$out")"; status="${status%% *}"
      [ "$status" = 201 ] || { echo "failed $status"; return; }
      id="$(head -n 1 <<< "$out" | sed -n 's/.*"dataset_id":\([0-9]*\).*/\1/p')"
      curl -s -o /dev/null -X DELETE "$url/api/v1/datasets/$id?force=true"
      echo "ok $(tail -n 1 <<< "$out" | cut -d' ' -f2)" ;;
  esac
}

if [ "$writes" != none ]; then
  head -n 4 app/src/main/resources/org/quartermaster/app/bundled/contracts.csv > "$home/probe.csv"
  (
    while true; do
      write_once >> "$home/writes.log"
      sleep 1
    done
  ) &
  writer=$!
fi
echo "load: $connections connections, $threads wrk threads, $duration, Accept-Encoding: $encoding," \
  "cold: $cold, writes: $writes"
wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s --latency -H "Accept-Encoding: $encoding" \
  -s bench/load.lua "$url"
if [ -n "$writer" ]; then
  kill "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  writer=
  awk '$1 == "ok" { ok++; if ($2 > max) max = $2 } $1 == "failed" { failed++; print "write failed: HTTP " $2 }
       END { printf "writes (%s): %d ok, %d failed, slowest %.0f ms\n", "'"$writes"'", ok, failed, max * 1000 }' \
    "$home/writes.log"
fi
