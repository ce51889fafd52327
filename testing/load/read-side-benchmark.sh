#!/usr/bin/env bash
#
# comment-ingest's read side at scale (issue 12), by the method of docs/benchmarks.md ("Ingest read side"): on a
# FRESH single-node KRaft broker (127.0.0.1:19092, data in a temporary folder, deleted afterwards), write N comments
# and an outcome for each straight into the topics (one thread with many approved comments among them), start the
# comment-ingest jar with -Xmx512m and its state in testing/load/target/read-side-benchmark/ingest-state, and time it
# to ready while it builds its read side; then GET statuses of random existing comments at a fixed rate, and the big
# thread's first page, its deepest page by number (1,000 deep) and its oldest page by cursor (before=) the same way,
# sampling the heap once a second; then stop it (SIGTERM), start it again on the
# same state folder and time it to ready, and check that it still answers. Prints a RESULT line. The Java driver is
# io.modstream.load.ReadSideBenchmark.
#
# The state folder is passed as --spring.kafka.streams.state-dir and as MODSTREAM_STATE_DIR; a read side kept in the
# heap ignores both.
#
# Bounded: the first start must be ready within 900 + N/5000 s, the restart within 600 s, and this script stops the
# driver after 2400 + N/1000 s in all (2 h 10 min for 5,000,000). 5,000,000 comments need about 10 GB of free disk
# for the broker's data (in TMPDIR) and the state folder. Logs (broker, service) stay in
# testing/load/target/read-side-benchmark/.
#
# Usage: testing/load/read-side-benchmark.sh [--comments N] [--big-thread B] [--rate R] [--seconds S]
#                                            [--connections C] [--partitions P] [--jar PATH] [--skip-build]
#                                            [-- INGEST_ARG...]
#   --comments N     comments (with outcomes) to pre-fill (default 5000000)
#   --big-thread B   approved comments in the one big thread, load-big-thread (default 100000)
#   --rate R         reads per second, statuses and then thread pages (default 1000)
#   --seconds S      each measured read run (default 60), after a 10 s warm-up
#   --connections C  keep-alive connections the reads go over (default 16)
#   --partitions P   partitions of the comment topics (default 3, comment-ingest's default)
#   --jar PATH       the comment-ingest jar (default comment-ingest/target/comment-ingest-*-exec.jar; not built here)
#   --skip-build     use testing/load/target/load.jar as it is
#   -- ARGS          passed to comment-ingest
# Environment: SERVICE_JVM (JVM options of comment-ingest, default "-Xmx512m"), LOAD_KAFKA_PORT,
# LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

COMMENTS=5000000
BIG_THREAD=100000
RATE=1000
SECONDS_=60
CONNECTIONS=16
PARTITIONS=3
JAR=""
SKIP_BUILD=false
INGEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --comments) COMMENTS="$2"; shift 2 ;;
    --big-thread) BIG_THREAD="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --seconds) SECONDS_="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; INGEST_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_DIR="$ROOT/testing/load/target/read-side-benchmark"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar comment-ingest "$JAR")"
prepare_run
log "Service jar: $JAR"
run_driver $((2400 + COMMENTS / 1000)) -cp testing/load/target/load.jar io.modstream.load.ReadSideBenchmark \
  --bootstrap "$BOOTSTRAP" --comments "$COMMENTS" --big-thread "$BIG_THREAD" --rate "$RATE" --seconds "$SECONDS_" \
  --connections "$CONNECTIONS" --partitions "$PARTITIONS" --ingest-jar "$JAR" --work-dir "$RUN_DIR" \
  --state-dir "$RUN_DIR/ingest-state" --service-jvm "${SERVICE_JVM:--Xmx512m}" \
  --service-args ${INGEST_ARGS[@]+"${INGEST_ARGS[@]}"}
