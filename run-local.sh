#!/usr/bin/env bash
#
# Runs Modstream on this machine without Docker: a single-node Kafka broker (KRaft,
# combined broker+controller) and both services as plain processes. Needs only Java 17+;
# Maven comes through ./mvnw and the broker's jars from Maven Central.
#
# Everything it writes (broker data, the services' extracted jars, logs, pid files) lives
# in .local/, which git ignores.
# Ctrl-C stops the services, then the broker. If any of them dies on its own, the others
# are stopped too, so a half-running stack never lingers.
#
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./run-local.sh [--broker-only] [--skip-build] [--reset]

  --broker-only   start only the Kafka broker (127.0.0.1:9092), e.g. to run a service from the IDE
  --skip-build    use the service jars already in */target instead of running ./mvnw package
  --reset         delete the local broker's data (topics, offsets) and the pipeline's local stores before starting
  -h, --help      show this help

Logs: .local/logs/   Broker data: .local/kafka/data/
EOF
}

BROKER_ONLY=false
SKIP_BUILD=false
RESET=false
for arg in "$@"; do
  case "$arg" in
    --broker-only) BROKER_ONLY=true ;;
    --skip-build) SKIP_BUILD=true ;;
    --reset) RESET=true ;;
    -h | --help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

STATE_DIR="$ROOT/.local"
KAFKA_DIR="$STATE_DIR/kafka"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
APP_DIR="$STATE_DIR/app"

KAFKA_PORT=9092
CONTROLLER_PORT=9093
INGEST_PORT=8080
MODERATION_PORT=8081
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

BROKER_START_TIMEOUT=60
SERVICES_START_TIMEOUT=120
STOP_GRACE=30

# Passed to java as an @argfile: keeps the 4 KB classpath out of `ps` and lets developers
# reuse it for the Kafka CLI tools (see the hints printed at the end).
CLASSPATH_ARGS="$KAFKA_DIR/classpath.args"

BROKER_PID=""
INGEST_PID=""
MODERATION_PID=""

log() { printf '==> %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || fail "java not found; install Java 17 or newer, or set JAVA_HOME"
  local version major
  version="$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${version%%.*}"
  case "$major" in
    '' | *[!0-9]*) fail "could not read the Java version from '$JAVA -version'" ;;
  esac
  [ "$major" -ge 17 ] || fail "Java 17 or newer is needed, but $JAVA is version $version"
}

# ---------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------

port_in_use() {
  local port=$1
  # ss sees listeners on every address (another program on 0.0.0.0 or on 127.0.0.1 clashes alike);
  # without it, a connect to loopback is the portable fallback (macOS has no ss).
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

port_owner_pid() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
  elif command -v lsof >/dev/null 2>&1; then
    lsof -nP -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | head -n 1
  fi
}

describe_port_owner() {
  local port=$1 pid cmd pidfile parent
  pid="$(port_owner_pid "$port" || true)"
  if [ -z "$pid" ]; then
    echo "by a process this user cannot see (try: sudo ss -ltnp 'sport = :$port')"
    return
  fi
  cmd="$(ps -o args= -p "$pid" 2>/dev/null | cut -c 1-160 || true)"
  echo "by pid $pid: ${cmd:-unknown command}"
  for pidfile in "$PID_DIR"/*.pid; do
    [ -f "$pidfile" ] && [ "$(cat "$pidfile")" = "$pid" ] || continue
    parent="$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
    if [ -n "$parent" ] && ps -o args= -p "$parent" 2>/dev/null | grep -q 'run-local\.sh'; then
      echo "    It is the $(basename "$pidfile" .pid) of a ./run-local.sh that is still running (pid $parent); stop that one first."
    else
      # A run killed with SIGKILL, or whose terminal went away, could not clean up after itself.
      echo "    It is the $(basename "$pidfile" .pid) left over from an earlier ./run-local.sh; stop it with: kill $pid"
    fi
  done
}

check_ports_free() {
  local busy=false entry port what
  for entry in "$@"; do
    port="${entry%%:*}"
    what="${entry#*:}"
    if port_in_use "$port"; then
      printf 'ERROR: port %s (needed for %s) is already in use %s\n' "$port" "$what" "$(describe_port_owner "$port")" >&2
      busy=true
    fi
  done
  [ "$busy" = false ] || exit 1
}

# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------

tail_log() {
  local file=$1
  if [ -s "$file" ]; then
    echo "---- last lines of ${file#"$ROOT"/} ----" >&2
    tail -n 40 "$file" >&2
    echo "----" >&2
  fi
}

stop_process() {
  local name=$1 pid=$2 waited=0
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    log "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((STOP_GRACE * 10)) ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "WARNING: $name did not stop within ${STOP_GRACE}s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  rm -f "$PID_DIR/$name.pid"
}

# Services first: they flush producers and commit offsets to the broker on the way down.
stop_all() {
  stop_process comment-ingest "$INGEST_PID"
  INGEST_PID=""
  stop_process moderation-service "$MODERATION_PID"
  MODERATION_PID=""
  stop_process kafka "$BROKER_PID"
  BROKER_PID=""
}

on_signal() {
  trap - INT TERM HUP
  # Stopping the children matters more than reporting it: when the output goes through a pipe
  # (./run-local.sh | tee run.log), Ctrl-C has already killed the reader. With SIGPIPE ignored
  # and without -e, failed writes no longer end the script before the children are stopped.
  trap '' PIPE
  set +e
  echo
  log "Received SIG$1, stopping everything"
  stop_all
  log "Stopped"
  case "$1" in INT) exit 130 ;; HUP) exit 129 ;; *) exit 143 ;; esac
}

on_exit() {
  local status=$?
  trap - INT TERM HUP
  trap '' PIPE
  set +e
  # Reached on errors under set -e as well, so nothing started here outlives the script.
  stop_all
  exit "$status"
}

trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP
trap on_exit EXIT

# Background jobs of a non-interactive shell ignore SIGINT, and the JVM keeps it ignored: a
# Ctrl-C therefore reaches only this script, which then stops the processes in order.
start_process() {
  local name=$1 logfile=$2
  shift 2
  "$@" >"$logfile" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
  STARTED_PID=$!
}

# Prints what went wrong and exits (the EXIT trap stops the rest) if the process is gone.
ensure_running() {
  local name=$1 pid=$2 status=0
  shift 2
  kill -0 "$pid" 2>/dev/null && return 0
  wait "$pid" 2>/dev/null || status=$?
  rm -f "$PID_DIR/$name.pid"
  printf 'ERROR: %s (pid %s) exited unexpectedly with status %s\n' "$name" "$pid" "$status" >&2
  local file
  for file in "$@"; do tail_log "$file"; done
  exit 1
}

# ---------------------------------------------------------------------------
# Kafka broker
# ---------------------------------------------------------------------------

resolve_broker_classpath() {
  log "Resolving the Kafka broker classpath (local/kafka/pom.xml)"
  local cpfile="$KAFKA_DIR/classpath.txt"
  ./mvnw -B -ntp -q -f local/kafka/pom.xml dependency:build-classpath -Dmdep.outputFile="$cpfile"
  [ -s "$cpfile" ] || fail "Maven wrote no classpath to $cpfile"
  printf -- '-cp "%s"\n' "$(cat "$cpfile")" >"$CLASSPATH_ARGS"
}

write_broker_config() {
  # Rewritten on every start so edits here reach existing checkouts; the data stays.
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by run-local.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
# Dynamic KRaft quorum of one (Kafka 4.x); storage is formatted with --standalone.
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
# One broker: internal topics cannot have more replicas, and transactional producers hang
# in initTransactions() if the transaction log asks for more.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# The services declare their topics; a typo must fail instead of creating a stray topic.
auto.create.topics.enable=false
# Consumers of a fresh group get partitions at once instead of after 3 s.
group.initial.rebalance.delay.ms=0
EOF
}

format_broker_storage() {
  if [ -f "$KAFKA_DIR/data/meta.properties" ]; then
    return 0
  fi
  local cluster_id
  cluster_id="$("$JAVA" @"$CLASSPATH_ARGS" kafka.tools.StorageTool random-uuid)"
  log "Formatting broker storage (cluster id $cluster_id)"
  "$JAVA" @"$CLASSPATH_ARGS" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$KAFKA_DIR/server.properties" --standalone >"$LOG_DIR/kafka-format.log" 2>&1 ||
    { tail_log "$LOG_DIR/kafka-format.log"; fail "formatting the broker storage failed"; }
}

start_broker() {
  log "Starting Kafka on $BOOTSTRAP (log: .local/logs/kafka.log)"
  # Log4j writes INFO and above to kafka.log; the console file keeps WARN and anything the
  # JVM prints before logging is set up. Log4j's own shutdown hook would stop logging while
  # Kafka's hook is still shutting down, hiding whether the shutdown completed.
  start_process kafka "$LOG_DIR/kafka-console.log" \
    "$JAVA" -Xms256m -Xmx512m -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$ROOT/local/kafka/log4j2.xml" -Dlog4j2.shutdownHookEnabled=false \
    -Dkafka.logs.dir="$LOG_DIR" \
    @"$CLASSPATH_ARGS" kafka.Kafka "$KAFKA_DIR/server.properties"
  BROKER_PID=$STARTED_PID
}

wait_for_broker() {
  local started=$SECONDS
  # The port accepts TCP connections as soon as it is bound, before the broker has caught
  # up with its metadata; the startup log line marks the point where requests are served.
  while :; do
    ensure_running kafka "$BROKER_PID" "$LOG_DIR/kafka-console.log" "$LOG_DIR/kafka.log"
    if (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null &&
      grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" 2>/dev/null; then
      log "Kafka is up after $((SECONDS - started))s"
      return 0
    fi
    if [ $((SECONDS - started)) -ge "$BROKER_START_TIMEOUT" ]; then
      tail_log "$LOG_DIR/kafka-console.log"
      tail_log "$LOG_DIR/kafka.log"
      fail "Kafka did not accept connections on $BOOTSTRAP within ${BROKER_START_TIMEOUT}s"
    fi
    sleep 0.5
  done
}

kafka_tool() {
  "$JAVA" @"$CLASSPATH_ARGS" "$@"
}

# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------

project_version() {
  # The first <version> after </parent> in the root pom is the project's own.
  sed -n '/<\/parent>/,$ s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1
}

build_services() {
  if [ "$SKIP_BUILD" = true ]; then
    log "Skipping the build (--skip-build)"
  else
    log "Building the services (./mvnw -DskipTests -pl comment-ingest,moderation-service -am package)"
    # Only the services and the modules they depend on: the end-to-end tests are not needed
    # to run them, and building them would only add time.
    ./mvnw -B -ntp -DskipTests -pl comment-ingest,moderation-service -am package
  fi
  local jar
  for jar in "$INGEST_JAR" "$MODERATION_JAR"; do
    [ -f "$jar" ] || fail "${jar#"$ROOT"/} is missing after the build"
  done
}

# Health without curl is read over /dev/tcp, so a machine with only Java and bash works too.
http_get() {
  local port=$1 path=$2
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "http://127.0.0.1:$port$path" 2>/dev/null
  else
    (
      exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
      printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
      local status_line line
      IFS= read -r -t 5 status_line <&3 || exit 1
      case "$status_line" in "HTTP/1."?" 200"*) ;; *) exit 1 ;; esac
      while IFS= read -r -t 5 line <&3 || [ -n "$line" ]; do printf '%s\n' "$line"; done
    )
  fi
}

service_is_up() {
  local body
  body="$(http_get "$1" /actuator/health)" || return 1
  case "$body" in *'"status":"UP"'*) return 0 ;; *) return 1 ;; esac
}

# extract_service NAME JAR: Spring Boot's extracted layout of JAR (java -Djarmode=tools -jar JAR extract) in
# .local/app/NAME: the application's jar with its libraries beside it as plain files, which the JVM opens faster than
# jars nested in a jar, so each service starts about a fifth sooner on two cores (docs/pipeline.md, "Starting
# faster"); the Dockerfiles do the same. Extracted anew on every run, so it is never older than JAR. Sets
# EXTRACTED_JAR.
extract_service() {
  local name=$1 jar=$2 dir="$APP_DIR/$1"
  rm -rf "$dir"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >"$LOG_DIR/$name-extract.log" 2>&1 \
    || fail "could not extract ${jar#"$ROOT"/} (see .local/logs/$name-extract.log)"
  EXTRACTED_JAR="$dir/$(basename "$jar")"
  [ -f "$EXTRACTED_JAR" ] || fail "extracting ${jar#"$ROOT"/} gave no ${EXTRACTED_JAR#"$ROOT"/}"
}

start_service() {
  local name=$1 jar
  extract_service "$name" "$2"
  jar=$EXTRACTED_JAR
  log "Starting $name from ${jar#"$ROOT"/} (log: .local/logs/$name.log)"
  # MODSTREAM_STATE_DIR: both services' Kafka Streams stores (RocksDB), kept between runs like the broker's data, so a
  # restart reads only what it missed. Each keeps its stores under its own application id's folder there
  # (moderation-service's pipeline, comment-ingest-read-side), so one folder serves one instance of each.
  # --server.address: on loopback only, like the broker: the local profile's development key and passwords are in
  # this repository, so nothing it serves should be reachable from the network (docker-compose.yml publishes the
  # same ports on 127.0.0.1 for the same reason).
  start_process "$name" "$LOG_DIR/$name.log" \
    env SPRING_KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" MODSTREAM_STATE_DIR="$STATE_DIR/streams" \
    "$JAVA" -jar "$jar" --spring.profiles.active=local --server.address=127.0.0.1
  STARTED_SERVICE_PID=$STARTED_PID
}

wait_for_services() {
  local started=$SECONDS ingest_up=false moderation_up=false
  while :; do
    ensure_running kafka "$BROKER_PID" "$LOG_DIR/kafka.log"
    ensure_running comment-ingest "$INGEST_PID" "$LOG_DIR/comment-ingest.log"
    ensure_running moderation-service "$MODERATION_PID" "$LOG_DIR/moderation-service.log"
    if [ "$ingest_up" = false ] && service_is_up "$INGEST_PORT"; then
      ingest_up=true
      log "comment-ingest is UP after $((SECONDS - started))s"
    fi
    if [ "$moderation_up" = false ] && service_is_up "$MODERATION_PORT"; then
      moderation_up=true
      log "moderation-service is UP after $((SECONDS - started))s"
    fi
    if [ "$ingest_up" = true ] && [ "$moderation_up" = true ]; then
      return 0
    fi
    if [ $((SECONDS - started)) -ge "$SERVICES_START_TIMEOUT" ]; then
      [ "$ingest_up" = true ] || tail_log "$LOG_DIR/comment-ingest.log"
      [ "$moderation_up" = true ] || tail_log "$LOG_DIR/moderation-service.log"
      fail "the services did not report \"status\":\"UP\" on /actuator/health within ${SERVICES_START_TIMEOUT}s"
    fi
    sleep 1
  done
}

print_broker_hints() {
  cat <<EOF

Kafka broker      $BOOTSTRAP   (log: .local/logs/kafka.log)

Kafka CLI tools share the broker's classpath; from the repository root:
  topics:   $JAVA @.local/kafka/classpath.args org.apache.kafka.tools.TopicCommand --bootstrap-server $BOOTSTRAP --list
  consume:  $JAVA @.local/kafka/classpath.args org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server $BOOTSTRAP --from-beginning --property print.key=true --topic TOPIC
  produce:  $JAVA @.local/kafka/classpath.args org.apache.kafka.tools.ConsoleProducer --bootstrap-server $BOOTSTRAP --topic TOPIC
EOF
}

print_service_hints() {
  local topics
  topics="$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list 2>/dev/null |
    grep -v '^__' | tr '\n' ' ' || true)"
  cat <<EOF

Modstream is running.
  comment-ingest      http://localhost:$INGEST_PORT   (health: /actuator/health, log: .local/logs/comment-ingest.log)
  moderation-service  http://localhost:$MODERATION_PORT   (health: /actuator/health, log: .local/logs/moderation-service.log)
  Topics now on the broker: ${topics:-none yet}

Development API key for site demo-site (local profile only): dev-site-key-not-for-production
Demo site: http://localhost:$INGEST_PORT/demo   (a news article with a moderated comment form; local profile only)

Post a comment:
  curl -i -X POST http://localhost:$INGEST_PORT/api/v1/comments -H 'Authorization: Bearer dev-site-key-not-for-production' -H 'Content-Type: application/json' -d '{"threadId":"space-station","author":{"id":"reader-1","name":"Ada"},"body":"Great article!"}'

Moderators' console: http://localhost:$MODERATION_PORT/console/
  Sign in as moderator / dev-moderator-password (or admin / dev-admin-password); both work demo-site's queue.
  Post a comment that will be held for review, then watch it arrive in the console:
  curl -i -X POST http://localhost:$INGEST_PORT/api/v1/comments -H 'Authorization: Bearer dev-site-key-not-for-production' -H 'Content-Type: application/json' -d '{"threadId":"space-station","author":{"id":"reader-2","name":"Bo"},"body":"You idiot, read the article first."}'

Operator page (topics, lag, throughput, dead letters and their replay): http://localhost:$MODERATION_PORT/ops/
  Sign in as operator / dev-operator-password (local profile only).

Development admin of demo-site (local profile only): admin / dev-admin-password
Site policies are read from moderation-service/policies/ (edit demo-site.yml, raise its version; reloaded within 10 s).

Dry run: what would demo-site's policy do to this text? (nothing is published)
  curl -s -u admin:dev-admin-password -X POST http://localhost:$MODERATION_PORT/api/v1/sites/demo-site/dry-run -H 'Content-Type: application/json' -d '{"body":"Visit example.com, it is gr8"}'
EOF
  print_broker_hints
  # The outcome topics are written in transactions: read_committed hides aborted records.
  cat <<EOF

Watch moderation outcomes (verdicts) as they are decided:
  $JAVA @.local/kafka/classpath.args org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server $BOOTSTRAP --include 'comments\\.(approved|rejected|review)' --isolation-level read_committed --property print.key=true --from-beginning
EOF
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

check_java

if [ "$BROKER_ONLY" = true ]; then
  check_ports_free "$KAFKA_PORT:Kafka" "$CONTROLLER_PORT:the Kafka KRaft controller"
else
  check_ports_free "$KAFKA_PORT:Kafka" "$CONTROLLER_PORT:the Kafka KRaft controller" \
    "$INGEST_PORT:comment-ingest" "$MODERATION_PORT:moderation-service"
fi

mkdir -p "$KAFKA_DIR" "$LOG_DIR" "$PID_DIR"

if [ "$RESET" = true ]; then
  log "Deleting the local broker's data and the services' local state (--reset)"
  rm -rf "$KAFKA_DIR/data" "$STATE_DIR/streams"
fi

if [ "$BROKER_ONLY" = false ]; then
  VERSION="$(project_version)"
  [ -n "$VERSION" ] || fail "could not read the project version from pom.xml"
  INGEST_JAR="$ROOT/comment-ingest/target/comment-ingest-$VERSION-exec.jar"
  MODERATION_JAR="$ROOT/moderation-service/target/moderation-service-$VERSION-exec.jar"
  build_services
fi

resolve_broker_classpath
write_broker_config
format_broker_storage
# Start from an empty log so the readiness check below only sees this run's lines.
: >"$LOG_DIR/kafka.log"
start_broker
wait_for_broker

if [ "$BROKER_ONLY" = true ]; then
  print_broker_hints
else
  start_service comment-ingest "$INGEST_JAR"
  INGEST_PID=$STARTED_SERVICE_PID
  start_service moderation-service "$MODERATION_JAR"
  MODERATION_PID=$STARTED_SERVICE_PID
  wait_for_services
  print_service_hints
fi

echo
log "Press Ctrl-C to stop."
while :; do
  ensure_running kafka "$BROKER_PID" "$LOG_DIR/kafka-console.log" "$LOG_DIR/kafka.log"
  if [ "$BROKER_ONLY" = false ]; then
    ensure_running comment-ingest "$INGEST_PID" "$LOG_DIR/comment-ingest.log"
    ensure_running moderation-service "$MODERATION_PID" "$LOG_DIR/moderation-service.log"
  fi
  sleep 1
done
