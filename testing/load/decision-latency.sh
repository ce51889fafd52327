#!/usr/bin/env bash
#
# How long a moderator waits for a decision: posts N comments that the default policy holds for review through
# comment-ingest, waits until all are in the queue, then decides each one (alternately approve and reject) and times
# every call. Baseline in the same run: GET /api/v1/queue, a read of the same service's in-memory view.
#
# It signs in as the console does (form, session cookie, CSRF header): with HTTP Basic every request would also pay
# for a BCrypt check of the password, about 0.3 s here at cost 12, and measure that instead.
#
# Needs a running system (./run-local.sh in another terminal) and curl.
# Usage: testing/load/decision-latency.sh [N]   (default 100)
set -euo pipefail

N="${1:-100}"
INGEST="${INGEST_URL:-http://localhost:8080}"
MODERATION="${MODERATION_URL:-http://localhost:8081}"
KEY="${SITE_KEY:-dev-site-key-not-for-production}"
USER_PASS="${MODERATOR:-moderator:dev-moderator-password}"
RUN="load-$(date +%s)"

percentiles() { # prints median and p95 of the numbers on stdin (seconds), in milliseconds
  sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms, p95 %.1f ms (n=%d)", v[int((NR + 1) / 2)] * 1000, v[int(NR * 0.95 + 0.5)] * 1000, NR }'
}

echo "Posting $N held comments (thread $RUN)..."
for i in $(seq 1 "$N"); do
  curl -sf -o /dev/null -X POST "$INGEST/api/v1/comments" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"threadId\":\"$RUN\",\"author\":{\"id\":\"$RUN-reader-$i\",\"name\":\"Load\"},\"body\":\"You idiot, number $i.\"}"
done

JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
curl -sf -o /dev/null -c "$JAR" "$MODERATION/console/login.html"
token() { awk '$6 == "XSRF-TOKEN" { print $7 }' "$JAR"; }
curl -sf -o /dev/null -b "$JAR" -c "$JAR" -X POST "$MODERATION/login" \
  --data-urlencode "username=${USER_PASS%%:*}" --data-urlencode "password=${USER_PASS#*:}" --data-urlencode "_csrf=$(token)"
session() { curl -s -b "$JAR" -c "$JAR" -H "X-XSRF-TOKEN: $(token)" "$@"; }

ids=()
for _ in $(seq 1 120); do
  mapfile -t ids < <(session -f "$MODERATION/api/v1/queue?site=demo-site&size=200" |
    grep -o "\"commentId\":\"[^\"]*\",\"siteId\":\"demo-site\",\"threadId\":\"$RUN\"" | cut -d'"' -f4)
  [ "${#ids[@]}" -ge "$N" ] && break
  sleep 0.5
done
echo "In the queue: ${#ids[@]} of $N"

: >/tmp/decide.times
: >/tmp/list.times
i=0
for id in "${ids[@]}"; do
  action=$([ $((i % 2)) -eq 0 ] && echo APPROVE || echo REJECT)
  session -o /dev/null -w '%{time_total}\n' "$MODERATION/api/v1/queue?site=demo-site&size=50" >>/tmp/list.times
  code_time=$(session -o /dev/null -w '%{http_code} %{time_total}' -X POST \
    -H 'Content-Type: application/json' "$MODERATION/api/v1/sites/demo-site/queue/$id/decision" -d "{\"action\":\"$action\"}")
  [ "${code_time%% *}" = 200 ] || echo "decision on $id answered ${code_time%% *}" >&2
  echo "${code_time#* }" >>/tmp/decide.times
  i=$((i + 1))
done

decide=$(percentiles </tmp/decide.times)
list=$(percentiles </tmp/list.times)
echo "decide (POST .../decision): $decide"
echo "baseline (GET /api/v1/queue): $list"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
awk -v d="$(median </tmp/decide.times)" -v l="$(median </tmp/list.times)" \
  'BEGIN { printf "median ratio decide / baseline: %.1f\n", d / l }'
