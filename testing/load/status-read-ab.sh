#!/usr/bin/env bash
#
# CPU per status read of two comment-ingest jars, side by side: a diagnostic for changes on the read path, not one of
# the issues' methods (read-side-benchmark.sh is). On a FRESH single-node KRaft broker (broker.sh), start both jars
# (-Xmx512m, one site, state in the run folder), submit one comment to each, then read its status with wrk (2
# threads, 16 connections, closed loop) for 60 s of warm-up each, then ROUNDS x 20 s alternating. It prints each run's
# rate, p99 and comment-ingest's CPU per read (all its threads, from the OS), then the medians. The comment is
# PENDING (no moderation-service runs), so each read looks in all of the read side's stores. wrk comes from Debian.
# The Java driver is io.modstream.load.StatusReadAb.
#
# Usage: testing/load/status-read-ab.sh [--skip-build] JAR_A JAR_B [ROUNDS] [-- ARGS]   (default 3 rounds)
#   --skip-build    use testing/load/target/load.jar as it is
#   -- ARGS         passed to both comment-ingest processes
# Environment: SERVICE_JVM (JVM options of both, default "-Xmx512m"), LOAD_KAFKA_PORT, LOAD_CONTROLLER_PORT.
# Logs and wrk's output stay in testing/load/target/status-read-ab/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

SKIP_BUILD=false
POSITIONAL=()
INGEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) SKIP_BUILD=true; shift ;;
    --) shift; INGEST_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) POSITIONAL+=("$1"); shift ;;
  esac
done
[ "${#POSITIONAL[@]}" -ge 2 ] && [ "${#POSITIONAL[@]}" -le 3 ] || { echo "Usage: $0 [--skip-build] JAR_A JAR_B [ROUNDS] [-- ARGS] (see --help)" >&2; exit 2; }
JAR_A="$(realpath "${POSITIONAL[0]}")"
JAR_B="$(realpath "${POSITIONAL[1]}")"
ROUNDS="${POSITIONAL[2]:-3}"
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

RUN_DIR="$ROOT/testing/load/target/status-read-ab"
# shellcheck source=testing/load/broker.sh
source "$ROOT/testing/load/broker.sh"

prepare_run
log "A is $JAR_A, B is $JAR_B"
run_driver $((600 + 120 + 40 * ROUNDS)) -cp testing/load/target/load.jar io.modstream.load.StatusReadAb \
  --bootstrap "$BOOTSTRAP" --jar-a "$JAR_A" --jar-b "$JAR_B" --rounds "$ROUNDS" --work-dir "$RUN_DIR" \
  --service-jvm "${SERVICE_JVM:--Xmx512m}" --service-args ${INGEST_ARGS[@]+"${INGEST_ARGS[@]}"}
