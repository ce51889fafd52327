#!/usr/bin/env bash
#
# Latency through the whole stack, by the method of docs/benchmarks.md: on a FRESH single-node KRaft broker
# (127.0.0.1:19092, data in a temporary folder, deleted afterwards), start the comment-ingest and moderation-service
# jars, wait until both are ready, POST a warm-up that must fully drain, then POST comments at a fixed rate over
# several keep-alive connections and time each outcome as a read_committed consumer sees it, from the comment's
# submittedAt, and from the moment its POST was due by the fixed rate (which also counts a POST's wait for a free
# connection or for comment-ingest to read it). Prints p50/p90/p99/max, the rate achieved, failed POSTs and lost
# comments. The Java driver is io.modstream.load.LatencyBenchmark.
#
# Bounded: each service must be ready within 180 s, the warm-up must drain within 120 s, the last outcomes get a grace
# period, and this script stops the driver after 600 + 2 x SECONDS s in all. Logs (broker, both services) stay in
# testing/load/target/latency-benchmark/.
#
# Usage: testing/load/latency-benchmark.sh [--rate R] [--seconds S] [--connections C] [--warmup N]
#                                          [--warmup-rate R] [--broker-warmup S] [--grace S] [--partitions P] [--jar PATH]
#                                          [--ingest-jar PATH] [--moderation-warmup N] [--skip-build]
#                                          [-- SERVICE_ARG...]
#   --rate R         POSTs per second while measuring (default 500)
#   --seconds S      how long to measure (default 60)
#   --connections C  keep-alive HTTP/1.1 connections to comment-ingest (default 64, as the ingest method uses)
#   --warmup N       comments posted first, all of whose outcomes must arrive before measuring (default 300)
#   --warmup-rate R  their rate (default 50 per second)
#   --broker-warmup S  before the services start, S seconds of the pipeline's traffic at the measured rate through the
#                    broker on topics of its own, so that its JIT is warm as a running site's broker is (default 0)
#   --moderation-warmup N  a diagnostic, not the method: before the warm-up, N comments straight to
#                    comments.submitted, all moderated, so that moderation-service's JIT is warm and comment-ingest's
#                    is not (default 0)
#   --grace S        how long to wait for the last outcomes after the last POST (default 30)
#   --partitions P   partitions of comments.submitted and of moderation-service's topics (default 3)
#   --jar PATH       the moderation-service jar (default moderation-service/target/moderation-service-*-exec.jar)
#   --ingest-jar PATH the comment-ingest jar (default comment-ingest/target/comment-ingest-*-exec.jar)
#   --skip-build     use testing/load/target/load.jar as it is (the service jars are never built here)
#   -- ARGS          passed to moderation-service, e.g. -- --MODSTREAM_COMMIT_INTERVAL_MS=50
# Environment: SERVICE_JVM (JVM options of both services, default "-Xmx512m"), DRIVER_JVM (JVM options of this
# driver, e.g. -XX:TieredStopAtLevel=1, which leaves the services more of two shared cores; docs/benchmarks.md),
# LOAD_OWN_SESSIONS=1 (each process in a session, so a scheduling group, of its own, as in containers of their own;
# a diagnostic, not the method), LOAD_JVM_MODERATION_SERVICE and LOAD_JVM_COMMENT_INGEST (JVM options of that
# service alone, after SERVICE_JVM: a file of its own, such as a JDK 25 ahead-of-time cache; docs/benchmarks.md),
# LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RATE=500
SECONDS_=60
CONNECTIONS=64
WARMUP=300
WARMUP_RATE=50
BROKER_WARMUP=0
MODERATION_WARMUP=0
GRACE=30
PARTITIONS=3
JAR=""
INGEST_JAR=""
SKIP_BUILD=false
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE="$2"; shift 2 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --warmup-rate) WARMUP_RATE="$2"; shift 2 ;;
    --broker-warmup) BROKER_WARMUP="$2"; shift 2 ;;
    --moderation-warmup) MODERATION_WARMUP="$2"; shift 2 ;;
    --grace) GRACE="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --ingest-jar) INGEST_JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; SERVICE_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_DIR="$ROOT/testing/load/target/latency-benchmark"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar moderation-service "$JAR")"
INGEST_JAR="$(packaged_jar comment-ingest "$INGEST_JAR")"
prepare_run
log "Service jars: $INGEST_JAR, $JAR"
run_driver $((600 + 2 * SECONDS_)) -cp testing/load/target/load.jar io.modstream.load.LatencyBenchmark \
  --bootstrap "$BOOTSTRAP" --rate "$RATE" --seconds "$SECONDS_" --connections "$CONNECTIONS" --warmup "$WARMUP" \
  --warmup-rate "$WARMUP_RATE" --grace-s "$GRACE" --partitions "$PARTITIONS" --ingest-jar "$INGEST_JAR" \
  --service-jar "$JAR" --work-dir "$RUN_DIR" --broker-pid "$BROKER_PID" --broker-warmup-s "$BROKER_WARMUP" --moderation-warmup "$MODERATION_WARMUP" --service-jvm "${SERVICE_JVM:--Xmx512m}" \
  --service-args ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"}
