#!/usr/bin/env bash
#
# Fail-over between two instances: on a FRESH single-node KRaft broker (127.0.0.1:19092, data in a temporary folder,
# deleted afterwards), pre-fill N comments, start two instances of the service jar in one consumer group (own ports,
# own state folders, one shared cluster token), and once both are ready and outcomes flow, kill -9 instance a and do
# not start it again. Instance b must take over. A read_committed auditor reading the outcome topics from the
# beginning reports lost, duplicated and unexpected outcomes and the longest gap without outcomes after the kill.
# Exits 1 if any comment was lost or duplicated, 2 if the backlog drained before the kill. The Java driver is
# io.modstream.load.FailoverTest.
#
# Bounded: the driver gives up after 600 + N/10 s or 300 s without an outcome, and this script stops it after
# 1200 + N/5 s in all. Logs (broker, both instances) stay in testing/load/target/failover-test/.
#
# Usage: testing/load/failover-test.sh [--records N] [--kill-at-percent K] [--partitions P] [--jar PATH]
#                                      [--skip-build] [-- SERVICE_ARG...]
#   --records N          comments to pre-fill (default 50000)
#   --kill-at-percent K  kill when the auditor has seen K % of the outcomes (and both instances are ready; default 30)
#   --partitions P       partitions of comments.submitted, and of the service's topics (default 3)
#   --jar PATH           the service jar (default moderation-service/target/moderation-service-*-exec.jar; not built)
#   --skip-build         use testing/load/target/load.jar as it is
#   -- ARGS              passed to both instances, e.g. -- --spring.kafka.streams.properties.num.standby.replicas=1
# Environment: SERVICE_JVM (JVM options of each instance, default "-Xmx512m"), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RECORDS=50000
KILL_AT=30
PARTITIONS=3
JAR=""
SKIP_BUILD=false
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --kill-at-percent) KILL_AT="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; SERVICE_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

RUN_DIR="$ROOT/testing/load/target/failover-test"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

JAR="$(packaged_jar moderation-service "$JAR")"
prepare_run
log "Service jar: $JAR"
run_driver $((1200 + RECORDS / 5)) -cp testing/load/target/load.jar io.modstream.load.FailoverTest \
  --bootstrap "$BOOTSTRAP" --records "$RECORDS" --kill-at-percent "$KILL_AT" --partitions "$PARTITIONS" \
  --service-jar "$JAR" --work-dir "$RUN_DIR" --service-jvm "${SERVICE_JVM:--Xmx512m}" \
  --service-args ${SERVICE_ARGS[@]+"${SERVICE_ARGS[@]}"}
