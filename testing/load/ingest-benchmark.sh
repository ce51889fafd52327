#!/usr/bin/env bash
#
# comment-ingest against a bare WebFlux app, by the method of docs/benchmarks.md (MEASURING.md, "Ingest"): on a FRESH
# single-node KRaft broker (127.0.0.1:19092, data in a temporary folder, deleted afterwards), start the comment-ingest
# jar and the baseline jar (testing/ingest-baseline: parse the same JSON, answer 202 once KafkaTemplate.send with
# acks=all is acknowledged), warm each up with wrk, then alternate 20 s wrk runs (2 threads, unique author per
# request) between the two at 64 and 256 connections, and print each side's median rate and their ratio. The Java
# driver is io.modstream.load.IngestBenchmark; wrk comes from Debian (apt-get install wrk).
#
# Bounded: each service must be ready within 180 s and each wrk run ends 60 s after its duration at the latest; this
# script stops the driver after 600 + 2 x WARM_UP + 4 x ROUNDS x SECONDS s in all. Logs (broker, both services, every
# wrk run) stay in testing/load/target/ingest-benchmark/.
#
# Usage: testing/load/ingest-benchmark.sh [--connections 64,256] [--seconds S] [--warm-up-s S] [--rounds R]
#                                         [--ingest-jar PATH] [--baseline-jar PATH] [--skip-build] [-- INGEST_ARG...]
#   --connections L  comma-separated connection counts (default 64,256, as MEASURING.md)
#   --seconds S      each measured run (default 20)
#   --warm-up-s S    the warm-up run of each side first (default 40)
#   --rounds R       measured runs per side and connection count (default 2)
#   --ingest-jar     default comment-ingest/target/comment-ingest-*-exec.jar (not built here)
#   --baseline-jar   default testing/ingest-baseline/target/ingest-baseline-*-exec.jar (not built here)
#   --skip-build     use testing/load/target/load.jar as it is
#   -- ARGS          passed to comment-ingest, e.g. -- --management.tracing.sampling.probability=0
# Environment: SERVICE_JVM (JVM options of both apps, default "-Xmx512m"), INGEST_JVM (added for comment-ingest
# only), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

CONNECTIONS=64,256
SECONDS_=20
WARM_UP=40
ROUNDS=2
INGEST_JAR=""
BASELINE_JAR=""
SKIP_BUILD=false
INGEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    --warm-up-s) WARM_UP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --ingest-jar) INGEST_JAR="$2"; shift 2 ;;
    --baseline-jar) BASELINE_JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; INGEST_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

RUN_DIR="$ROOT/testing/load/target/ingest-benchmark"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

INGEST_JAR="$(packaged_jar comment-ingest "$INGEST_JAR")"
BASELINE_JAR="$(packaged_jar testing/ingest-baseline "$BASELINE_JAR")"
prepare_run
log "Jars: $INGEST_JAR, $BASELINE_JAR"
run_driver $((600 + 2 * WARM_UP + 4 * ROUNDS * SECONDS_)) -cp testing/load/target/load.jar \
  io.modstream.load.IngestBenchmark --bootstrap "$BOOTSTRAP" --connections "$CONNECTIONS" --seconds "$SECONDS_" \
  --warm-up-s "$WARM_UP" --rounds "$ROUNDS" --ingest-jar "$INGEST_JAR" --baseline-jar "$BASELINE_JAR" \
  --work-dir "$RUN_DIR" --service-jvm "${SERVICE_JVM:--Xmx512m}" --ingest-jvm "${INGEST_JVM:-}" \
  --service-args ${INGEST_ARGS[@]+"${INGEST_ARGS[@]}"}
