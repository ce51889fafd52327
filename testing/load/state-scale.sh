#!/usr/bin/env bash
#
# Memory and restart with a large authors store: on a FRESH single-node KRaft broker (127.0.0.1:19092, data in a
# temporary folder, deleted afterwards), pre-fill N comments, each by an author of its own, start the service jar
# with -Xmx512m and its state in testing/load/target/state-scale/streams-state, and sample its heap
# (jvm_memory_used_bytes{area="heap"} from /actuator/prometheus) and resident set once a second until every comment
# has its outcome. Then stop it (SIGTERM), report the state folder's size, write a few new comments and start it again
# on the same folder: seconds to the first new outcome and to readiness. The Java driver is
# io.modstream.load.StateScaleBenchmark.
#
# Bounded: the drain gives up after 600 + N/250 s or 300 s without an outcome, the restart after 600 s, and this
# script stops the driver after 1800 + N/125 s in all (2 h 50 min for a million). A million records need about 5 GB
# of free disk for the broker's data (in TMPDIR) and the state folder. Logs (broker, service) stay in
# testing/load/target/state-scale/.
#
# Usage: testing/load/state-scale.sh [--records N] [--new-records M] [--partitions P] [--jar PATH] [--packed]
#                                    [--skip-build] [-- SERVICE_ARG...]
#   --records N      comments (and authors) to pre-fill (default 1000000)
#   --new-records M  comments written while the service is down, whose outcomes time the restart (default 10)
#   --partitions P   partitions of comments.submitted, and of the service's topics (default 3)
#   --jar PATH       the service jar (default moderation-service/target/moderation-service-*-exec.jar; not built here).
#                    It is extracted first and started from the extracted jar, as run-local.sh and the images start it
#   --packed         start the jar itself instead (java -jar PATH, nested jars; slower to start)
#   --skip-build     use testing/load/target/load.jar as it is
#   -- ARGS          passed to the service
# Environment: SERVICE_JVM (JVM options of the service, default "-Xmx512m"), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RECORDS=1000000
NEW_RECORDS=10
PARTITIONS=3
JAR=""
SKIP_BUILD=false
PACKED=false
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --new-records) NEW_RECORDS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --packed) PACKED=true; shift ;;
    --) shift; SERVICE_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_DIR="$ROOT/testing/load/target/state-scale"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar moderation-service "$JAR")"
prepare_run
log "Service jar: $JAR"
if [ "$PACKED" = false ]; then
  extract_jar "$JAR" "$RUN_DIR/extracted"
  JAR="$EXTRACTED_JAR"
  log "Starting the service from its extracted jar, $JAR"
fi
run_driver $((1800 + RECORDS / 125)) -cp testing/load/target/load.jar io.modstream.load.StateScaleBenchmark \
  --bootstrap "$BOOTSTRAP" --records "$RECORDS" --new-records "$NEW_RECORDS" --partitions "$PARTITIONS" \
  --service-jar "$JAR" --work-dir "$RUN_DIR" --state-dir "$RUN_DIR/streams-state" \
  --service-jvm "${SERVICE_JVM:--Xmx512m}" --service-args ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"}
