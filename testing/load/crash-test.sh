#!/usr/bin/env bash
#
# The crash test of docs/benchmarks.md: on a FRESH single-node KRaft broker (127.0.0.1:19092, data in a
# temporary folder, deleted afterwards), pre-fill N comments, start the service jar, and 5 times at random moments
# while it drains kill -9 it and start it again at once. A read_committed auditor reading the outcome topics from the
# beginning reports lost, duplicated and unexpected outcomes, and the wall-clock gap without outcomes around each
# restart. Exits non-zero if any comment was lost or duplicated. The Java driver is io.modstream.load.CrashTest.
#
# Bounded: the driver gives up after 600 + N/10 s or 300 s without an outcome, and this script stops it after
# 1200 + N/5 s in all. Logs (broker, every start of the service) stay in testing/load/target/crash-test/.
#
# Usage: testing/load/crash-test.sh [--records N] [--partitions P] [--crashes K] [--jar PATH] [--packed | --cds]
#                                   [--skip-build] [-- SERVICE_ARG...]
#   --records N     comments to pre-fill (default 5000)
#   --partitions P  partitions of comments.submitted, and of the service's topics (default 3, the service's default)
#   --crashes K     kills (default 5)
#   --jar PATH      the service jar (default moderation-service/target/moderation-service-*-exec.jar; not built here).
#                   It is extracted first (Spring Boot's jarmode=tools) and started from the extracted jar, as
#                   run-local.sh and the images start it.
#   --packed        start the jar itself instead (java -jar PATH, nested jars; slower to start)
#   --cds           start the extracted jar with a class data sharing archive recorded first (docs/pipeline.md,
#                   "Starting faster")
#   --skip-build    use testing/load/target/load.jar as it is
#   -- ARGS         passed to the service. Without MODSTREAM_INSTANCE_ID each start has new transactional ids, as the
#                   service ships, and a killed instance's open transaction holds read_committed readers back until
#                   it times out; -- --MODSTREAM_INSTANCE_ID=crash gives every start the same ids, which fences it.
# Environment: SERVICE_JVM="-Xmx512m" (JVM options of the service), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RECORDS=5000
CRASHES=5
PARTITIONS=3
JAR=""
SKIP_BUILD=false
CDS=false
PACKED=false
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --crashes) CRASHES="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --cds) CDS=true; shift ;;
    --packed) PACKED=true; shift ;;
    --) shift; SERVICE_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$CDS" = true ] && [ "$PACKED" = true ]; then
  echo "--cds starts the extracted jar; it cannot be combined with --packed" >&2
  exit 2
fi

RUN_DIR="$ROOT/testing/load/target/crash-test"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar moderation-service "$JAR")"
prepare_run
log "Service jar: $JAR"
SERVICE_JVM="${SERVICE_JVM:-}"
if [ "$CDS" = true ]; then
  cds_prepare "$JAR" "$RUN_DIR/cds"
  JAR="$CDS_JAR"
  SERVICE_JVM="$SERVICE_JVM $CDS_JVM"
  log "Starting the service as $JAR with $CDS_JVM"
elif [ "$PACKED" = false ]; then
  extract_jar "$JAR" "$RUN_DIR/extracted"
  JAR="$EXTRACTED_JAR"
  log "Starting the service from its extracted jar, $JAR"
fi
run_driver $((1200 + RECORDS / 5)) -cp testing/load/target/load.jar io.modstream.load.CrashTest \
  --bootstrap "$BOOTSTRAP" --records "$RECORDS" --partitions "$PARTITIONS" --crashes "$CRASHES" --service-jar "$JAR" \
  --work-dir "$RUN_DIR" --service-jvm "$SERVICE_JVM" --service-args ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"}
