# shellcheck shell=bash
#
# Sourced by the scripts next to it (pipeline-benchmark.sh, crash-test.sh, latency-benchmark.sh, state-scale.sh,
# failover-test.sh, ingest-benchmark.sh, read-side-benchmark.sh,
# status-read-ab.sh): a FRESH single-node KRaft broker (combined broker+controller) on loopback, from the jars of
# local/kafka/pom.xml as run-local.sh starts it, but on other ports (19092/19093 unless LOAD_KAFKA_PORT /
# LOAD_CONTROLLER_PORT say otherwise) and with its data in a new temporary folder, so neither a running
# ./run-local.sh nor an earlier run can leak topics, offsets or open transactions into a measurement.
#
# broker_start: sets BOOTSTRAP; the broker's log goes to $RUN_DIR/kafka.log.
# broker_stop:  stops it (SIGTERM, SIGKILL after 30 s) and deletes its data folder. Safe to call twice.
#
# Needs ROOT (the repository root) and RUN_DIR set; uses JAVA if set.

KAFKA_PORT="${LOAD_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${LOAD_CONTROLLER_PORT:-19093}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
BROKER_PID=""
BROKER_DIR=""
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"

log() { printf '==> %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The broker's classpath as a java @argfile, resolved once by Maven and kept in target/ until local/kafka/pom.xml
# changes (as run-local.sh does, but in this module's target/ so the two never share a file).
broker_classpath() {
  local cpfile="$ROOT/testing/load/target/broker-classpath.txt"
  BROKER_ARGS="$ROOT/testing/load/target/broker-classpath.args"
  if [ ! -s "$BROKER_ARGS" ] || [ "$ROOT/local/kafka/pom.xml" -nt "$BROKER_ARGS" ]; then
    log "Resolving the Kafka broker classpath (local/kafka/pom.xml)"
    mkdir -p "$ROOT/testing/load/target"
    (cd "$ROOT" && ./mvnw -B -ntp -q -f local/kafka/pom.xml dependency:build-classpath -Dmdep.outputFile="$cpfile")
    [ -s "$cpfile" ] || fail "Maven wrote no classpath to $cpfile"
    printf -- '-cp "%s"\n' "$(cat "$cpfile")" >"$BROKER_ARGS"
  fi
}

broker_start() {
  port_free "$KAFKA_PORT" || fail "port $KAFKA_PORT is in use (set LOAD_KAFKA_PORT to another)"
  port_free "$CONTROLLER_PORT" || fail "port $CONTROLLER_PORT is in use (set LOAD_CONTROLLER_PORT to another)"
  broker_classpath
  BROKER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/modstream-load-kafka.XXXXXX")"
  cat >"$BROKER_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$BROKER_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
  local cluster_id
  cluster_id="$("$JAVA" @"$BROKER_ARGS" kafka.tools.StorageTool random-uuid)"
  "$JAVA" @"$BROKER_ARGS" kafka.tools.StorageTool format -t "$cluster_id" -c "$BROKER_DIR/server.properties" \
    --standalone >"$RUN_DIR/kafka-format.log" 2>&1 || { cat "$RUN_DIR/kafka-format.log" >&2; fail "formatting the broker storage failed"; }
  log "Starting a fresh Kafka broker on $BOOTSTRAP (data: $BROKER_DIR, log: ${RUN_DIR#"$ROOT"/}/kafka.log)"
  : >"$RUN_DIR/kafka.log"
  # shellcheck disable=SC2086 # BROKER_JVM is a list of JVM options (for profiling the broker)
  # LOAD_OWN_SESSIONS=1 starts the broker, the driver and the services each in a session of its own (setsid), so that
  # the kernel's autogroups share the cores between the processes, as between containers, instead of between their
  # threads (a diagnostic; docs/benchmarks.md, "Each process in a scheduling group of its own").
  ${LOAD_OWN_SESSIONS:+setsid} "$JAVA" -Xms256m -Xmx512m ${BROKER_JVM:-} -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$ROOT/local/kafka/log4j2.xml" -Dlog4j2.shutdownHookEnabled=false \
    -Dkafka.logs.dir="$RUN_DIR" \
    @"$BROKER_ARGS" kafka.Kafka "$BROKER_DIR/server.properties" >"$RUN_DIR/kafka-console.log" 2>&1 &
  BROKER_PID=$!
  local started=$SECONDS
  # The port accepts connections before the broker serves requests; the start-up line marks that point.
  until ! port_free "$KAFKA_PORT" && grep -q 'Kafka Server started' "$RUN_DIR/kafka.log"; do
    kill -0 "$BROKER_PID" 2>/dev/null || { tail -n 40 "$RUN_DIR/kafka-console.log" >&2; fail "the broker exited during start-up"; }
    [ $((SECONDS - started)) -lt 60 ] || { tail -n 40 "$RUN_DIR/kafka.log" >&2; fail "the broker did not start within 60 s"; }
    sleep 0.5
  done
  log "Kafka is up after $((SECONDS - started)) s"
}

broker_stop() {
  if [ -n "$BROKER_PID" ] && kill -0 "$BROKER_PID" 2>/dev/null; then
    log "Stopping the broker (pid $BROKER_PID)"
    kill -TERM "$BROKER_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$BROKER_PID" 2>/dev/null && [ "$waited" -lt 300 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$BROKER_PID" 2>/dev/null || true
    wait "$BROKER_PID" 2>/dev/null || true
  fi
  BROKER_PID=""
  if [ -n "$BROKER_DIR" ]; then
    rm -rf "$BROKER_DIR"
    BROKER_DIR=""
  fi
}

# The driver writes each service's pid to $RUN_DIR/<name>.pid while it runs (moderation-service.pid, comment-ingest.pid,
# ...); if the driver itself was killed, the services would outlive it.
stop_orphaned_service() {
  local file pid
  for file in "$RUN_DIR"/*.pid; do
    [ -f "$file" ] || continue
    pid="$(cat "$file")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" | grep -q -- '-jar'; then
      log "Stopping the service the driver left behind ($(basename "$file" .pid), pid $pid)"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  done
}

# Runs the driver in the background so a signal to this script reaches the trap at once; the driver's shutdown
# hook stops the service when it gets SIGTERM. The first argument bounds the whole run, in seconds.
DRIVER_PID=""
run_driver() {
  local limit=$1
  shift
  # On two cores the JDK's common pool has one thread, and CompletableFuture's default executor then starts a new
  # thread for every task; java.net.http's sendAsync completes every response through it, so a fixed-rate driver on it
  # (the read-side benchmark's reader; the latency driver has used plain sockets since) started a thread per request
  # and took CPU from the services it measures. Two threads keep the pool in use.
  # DRIVER_JVM adds JVM options to the driver (empty by default); LOAD_OWN_SESSIONS, above.
  timeout -k 60 "$limit" ${LOAD_OWN_SESSIONS:+setsid} "$JAVA" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 ${DRIVER_JVM:-} "$@" &
  DRIVER_PID=$!
  local status=0
  wait "$DRIVER_PID" || status=$?
  DRIVER_PID=""
  [ "$status" -ne 124 ] || echo "ERROR: the driver did not finish within $limit s and was stopped" >&2
  return "$status"
}

cleanup() {
  trap - INT TERM HUP EXIT
  set +e
  if [ -n "$DRIVER_PID" ]; then
    kill -TERM "$DRIVER_PID" 2>/dev/null
    wait "$DRIVER_PID" 2>/dev/null
  fi
  stop_orphaned_service
  broker_stop
}

on_exit() {
  local status=$?
  cleanup
  exit "$status"
}

trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# packaged_jar MODULE GIVEN: GIVEN if set, else MODULE/target/MODULE-*-exec.jar; fails with how to build it.
packaged_jar() {
  local module=$1 given=$2 jar name
  name="$(basename "$module")"
  jar="${given:-$(ls "$module"/target/"$name"-*-exec.jar 2>/dev/null | head -n 1 || true)}"
  [ -n "$jar" ] || fail "no $module/target/$name-*-exec.jar; build it (./mvnw -pl $module -am package -DskipTests) or name it"
  [ -f "$jar" ] || fail "no $module jar at $jar"
  printf '%s\n' "$jar"
}

# extract_jar JAR DIR: Spring Boot's extracted layout of JAR in DIR/app (java -Djarmode=tools -jar JAR extract), as
# run-local.sh and the Dockerfiles start the services: the application's jar with its libraries beside it as plain
# files, which start faster than jars nested in a jar (docs/pipeline.md, "Starting faster"). Sets EXTRACTED_JAR.
extract_jar() {
  local jar=$1 dir=$2
  rm -rf "$dir/app"
  mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/extract.log" 2>&1 \
    || fail "could not extract $jar (see $dir/extract.log)"
  EXTRACTED_JAR="$dir/app/$(basename "$jar")"
  [ -f "$EXTRACTED_JAR" ] || fail "extracting $jar gave no $EXTRACTED_JAR"
}

# cds_prepare JAR DIR: class data sharing for a service jar, as docs/pipeline.md ("Starting faster") deploys it.
# Extracts JAR into DIR/app (extract_jar), then records an AppCDS archive, DIR/app.jsa, with a training run that starts
# the application context against the running broker and exits before anything starts (spring.context.exit=onRefresh).
# The training run creates the services' topics, so the broker is then replaced by a fresh one. Sets CDS_JAR (the
# extracted jar) and CDS_JVM (the option that loads the archive).
cds_prepare() {
  local jar=$1 dir=$2 name
  name="$(basename "$jar")"
  extract_jar "$jar" "$dir"
  log "Recording a class data sharing archive for $name (log: $dir/training.log)"
  "$JAVA" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$EXTRACTED_JAR" \
    --server.address=127.0.0.1 --server.port=0 --spring.kafka.bootstrap-servers="$BOOTSTRAP" \
    --spring.kafka.streams.state-dir="$dir/training-state" >"$dir/training.log" 2>&1 \
    || fail "the training run of $name failed (see $dir/training.log)"
  [ -f "$dir/app.jsa" ] || fail "the training run of $name wrote no archive (see $dir/training.log)"
  rm -rf "$dir/training-state"
  broker_stop
  broker_start
  CDS_JAR="$EXTRACTED_JAR"
  CDS_JVM="-XX:SharedArchiveFile=$dir/app.jsa"
}

# prepare_run: builds the driver unless SKIP_BUILD=true, empties $RUN_DIR and starts a fresh broker.
prepare_run() {
  if [ "${SKIP_BUILD:-false}" = false ]; then
    log "Building the driver (./mvnw -pl testing/load -am package)"
    ./mvnw -B -ntp -q -pl testing/load -am package -DskipTests
  fi
  [ -f testing/load/target/load.jar ] || fail "testing/load/target/load.jar is missing; run without --skip-build"
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR"
  broker_start
}
