#!/usr/bin/env bash
# Bounded load check of the REST API's read endpoints (a benchmark, not a test): 200 concurrent
# connections on loopback for 60 s with wrk (Debian package `wrk`), against `qm serve` on the
# bundled data in a fresh store. Prints wrk's report with p50/p90/p99/p99.9 latency and errors.
# Requests ask for gzip, as browsers and most HTTP clients do; --identity asks for plain bodies.
#
#   bench/load.sh [--connections 200] [--duration 60s] [--threads 2] [--identity]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=200 duration=60s threads=2 encoding=gzip
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --identity) encoding=identity; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench/load.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }
[ -f app/target/quartermaster.jar ] || { echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 2; }

home="$(mktemp -d)"
QM_HOME="$home" bin/qm serve --port 0 > "$home/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 1 120); do
  grep -q "dashboard on" "$home/serve.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$home/serve.log" >&2; exit 1; }
  sleep 0.5
done
url="$(sed -n 's/.*dashboard on \(http[^ ]*\)\/ .*/\1/p' "$home/serve.log")"
echo "server: $url (JVM warm-up: 10 s at 20 connections first, not counted)"
wrk -t "$threads" -c 20 -d 10s -H "Accept-Encoding: $encoding" -s bench/load.lua "$url" > /dev/null
echo "load: $connections connections, $threads wrk threads, $duration, Accept-Encoding: $encoding"
wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s --latency -H "Accept-Encoding: $encoding" \
  -s bench/load.lua "$url"
