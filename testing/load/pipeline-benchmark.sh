#!/usr/bin/env bash
#
# moderation-service's throughput against its ceiling, by the method of docs/benchmarks.md: on a FRESH
# single-node KRaft broker (127.0.0.1:19092, data in a temporary folder, deleted afterwards), pre-fill N comments,
# time a do-nothing transactional consume->produce loop on them (the ceiling), then the service jar on the same
# records (the pipeline), and print both rates and their ratio. The Java driver is io.modstream.load.PipelineBenchmark.
#
# Bounded: the driver gives up after 300 + (N+W)/20 s of draining or 180 s without an outcome, and this script
# stops it after 900 + (N+W)/10 s in all. Logs (broker, service) stay in testing/load/target/pipeline-benchmark/.
#
# Usage: testing/load/pipeline-benchmark.sh [--records N] [--warm-up W] [--ceiling-passes C] [--partitions P]
#                                           [--jar PATH] [--skip-build]
#                                           [-- SERVICE_ARG...]
#   --records N     comments to pre-fill and time (default 50000; MEASURING.md says 50,000 to 200,000)
#   --warm-up W     W more comments written before them, gone through first and not timed, so that the service's
#                   JIT compiler has done its work (default 0: a cold service; docs/benchmarks.md gives both)
#   --ceiling-passes C  times the ceiling is measured on the same records; its median is reported (default 1, the method)
#   --partitions P  partitions of comments.submitted, and of the service's topics (default 3, the service's default)
#   --jar PATH      the service jar (default moderation-service/target/moderation-service-*-exec.jar; not built here)
#   --skip-build    use testing/load/target/load.jar as it is
#   -- ARGS         passed to the service, e.g. -- --MODSTREAM_INSTANCE_ID=bench
# Environment: SERVICE_JVM="-Xmx512m" (JVM options of the service), BROKER_JVM (more JVM options of the broker,
# e.g. to profile it), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RECORDS=50000
WARM_UP=0
CEILING_PASSES=1
PARTITIONS=3
JAR=""
SKIP_BUILD=false
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    --ceiling-passes) CEILING_PASSES="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; SERVICE_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_DIR="$ROOT/testing/load/target/pipeline-benchmark"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar moderation-service "$JAR")"
prepare_run
log "Service jar: $JAR"
run_driver $((900 + (RECORDS + WARM_UP) / 10)) -jar testing/load/target/load.jar \
  --bootstrap "$BOOTSTRAP" --records "$RECORDS" --warm-up "$WARM_UP" --ceiling-passes "$CEILING_PASSES" --broker-pid "$BROKER_PID" \
  --partitions "$PARTITIONS" --service-jar "$JAR" \
  --work-dir "$RUN_DIR" --service-jvm "${SERVICE_JVM:-}" --service-args ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"}
