#!/usr/bin/env bash
#
# CPU per status read of two comment-ingest jars, side by side: a diagnostic for changes on the read path, not one of
# the issues' methods (read-side-benchmark.sh is). On a FRESH single-node KRaft broker (broker.sh), start both jars
# (-Xmx512m, one site, state in the run folder), submit one comment to each, then read its status with wrk (2
# threads, 16 connections, closed loop) for 60 s of warm-up each, then ROUNDS x 20 s alternating. For each run it
# prints the rate, the p99 and comment-ingest's CPU per read (all its threads, from /proc/PID/stat). The comment is
# PENDING (no moderation-service runs), so each read looks in all four stores. wrk comes from Debian.
#
# Usage: testing/load/status-read-ab.sh JAR_A JAR_B [ROUNDS]   (default 3 rounds)
# Logs stay in testing/load/target/status-read-ab/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[ $# -ge 2 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
JAR_A="$1"
JAR_B="$2"
ROUNDS="${3:-3}"
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

RUN_DIR="$ROOT/testing/load/target/status-read-ab"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
SERVICES=()
trap 'kill "${SERVICES[@]}" 2>/dev/null || true; broker_stop' EXIT
broker_start

SECRET="$(head -c 24 /dev/urandom | base64 | tr -d '+/=')"
SHA="$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)"

start() { # jar port: starts comment-ingest, prints its pid
  "$JAVA" -Xmx512m -jar "$1" --server.port="$2" --spring.kafka.bootstrap-servers="$BOOTSTRAP" \
    --modstream.ingest.topics.partitions=3 --modstream.ingest.sites[0].id=bench-site \
    --modstream.ingest.sites[0].api-key-sha256="$SHA" --spring.kafka.streams.state-dir="$RUN_DIR/state-$2" \
    >"$RUN_DIR/ingest-$2.log" 2>&1 &
  echo $!
}

PID_A="$(start "$JAR_A" 18081)"
PID_B="$(start "$JAR_B" 18082)"
SERVICES=("$PID_A" "$PID_B")
for port in 18081 18082; do
  started=$SECONDS
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; do
    [ $((SECONDS - started)) -lt 180 ] || fail "comment-ingest on $port was not ready within 180 s"
    sleep 1
  done
  id="$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/comments" -H "Authorization: Bearer $SECRET" \
    -H 'Content-Type: application/json' \
    -d '{"threadId":"t1","author":{"id":"a1","name":"R"},"body":"A fine comment to read back."}' |
    sed 's/.*"id":"\([^"]*\)".*/\1/')"
  printf 'wrk.headers["Authorization"] = "Bearer %s"\nwrk.path = "/api/v1/comments/%s"\n' "$SECRET" "$id" \
    >"$RUN_DIR/read-$port.lua"
done

TICKS="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # label port pid seconds
  local before after out reads
  before="$(cpu_ticks "$3")"
  out="$(wrk -t2 -c16 -d"$4"s --latency -s "$RUN_DIR/read-$2.lua" "http://127.0.0.1:$2")"
  after="$(cpu_ticks "$3")"
  printf '%s\n' "$out" >>"$RUN_DIR/wrk-$1.txt"
  reads="$(awk '/requests in/ {print $1}' <<<"$out")"
  ! grep -q 'Non-2xx' <<<"$out" || fail "$1: some reads did not answer 200 (see $RUN_DIR/wrk-$1.txt)"
  printf '%s rate=%s/s p99=%s cpu_per_read_us=%s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk -v t="$((after - before))" -v n="$reads" -v hz="$TICKS" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
}

log "A is $JAR_A, B is $JAR_B; warm-up: 60 s of status reads each"
measure warm-up-A 18081 "$PID_A" 60 > /dev/null
measure warm-up-B 18082 "$PID_B" 60 > /dev/null
for round in $(seq 1 "$ROUNDS"); do
  measure A 18081 "$PID_A" 20
  measure B 18082 "$PID_B" 20
done
