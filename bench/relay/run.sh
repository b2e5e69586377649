#!/usr/bin/env bash
# The outbox relay's ceiling (issue 38): event-service's outbox filled directly in SQL with FACTS pending
# kepu.event.published facts (fill.sql: ~950 bytes each, over KEYS aggregates), then the packaged service started with
# its relay on, timed until every fact is published. Reports facts per second (from the rows' published_at: first to
# last), the rate after the first 20 s (the JIT warm), CPU seconds per 1,000 facts of the service, PostgreSQL, the
# broker and the rest of the machine, and what the broker took in (bytes read from its sockets, bytes of log written).
# BUILDS names the settings (and builds) to compare, each drained from the same backlog in turn, rotating per round:
# NAME[=APPS_DIR][@VAR=VALUE,...], APPS_DIR a folder holding event-service/target/quarkus-app (default this checkout).
#   [BUILDS="default batch1000@KEPU_OUTBOX_BATCH_SIZE=1000"] [PARTITIONS=3] bench/relay/run.sh [FACTS] [KEYS] [ROUNDS]
# The facts go to a topic of their own (bench.relay.kepu.events, deleted at the end), into a database of their own
# (kepu_event_relay_bench), on the dev stack.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FACTS="${1:-400000}"; KEYS="${2:-20000}"; ROUNDS="${3:-1}"
WORK="$ROOT/.local/bench-relay"
DB=kepu_event_relay_bench TOPIC=bench.relay.kepu.events PORT=18691
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
stack_up_and_built event-service
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
as_postgres psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB OWNER kepu_event ENCODING 'UTF8' TEMPLATE template0"
q() { PGPASSWORD="$KEPU_EVENT_DB_PASSWORD" psql -h 127.0.0.1 -U kepu_event -d "$DB" -X -q -A -t -F' ' "$@"; }
bootstrap="127.0.0.1:${KEPU_KAFKA_PORT:-9092}"
kafka_java() { java -cp "$ROOT/.local/kafka-libs/*" "$@" >>"$WORK/topics.log" 2>&1; }
broker=$(cat "$ROOT/.local/dev/kafka.pid")
broker_bytes_in() { awk '/^rchar/ { print $2 }' "/proc/$broker/io"; }
# The partitions' segments only (their index files are preallocated), not those of a deleted topic waiting for the
# broker to remove them (TOPIC-N.ID-delete).
log_bytes() {
  local p; for p in $(seq 0 $((${PARTITIONS:-3} - 1))); do cat "$ROOT/.local/dev/kafka/data/$TOPIC-$p"/*.log; done | wc -c
}
trap 'stop_started; kafka_java "$ROOT/bench/relay/DeleteTopic.java" "$bootstrap" "$TOPIC"' EXIT
# Its own venue group, so the dev event-service's offsets on kepu.venues stay where they were; kepu.events, which
# every replica follows from its end, gets nothing from the bench (its facts go to TOPIC).
service_env=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KEPU_EVENTS_VENUE_GROUP=relay-bench
  KEPU_ACCESS_LOG=false)
stop_service() { kill "$1"; wait "$1" 2>/dev/null || true; }

# Flyway makes the tables at a first start without the relay.
NAME=migrate start event-service "$PORT" "${service_env[@]}" KEPU_OUTBOX_RELAY_ENABLED=false
stop_service "${pid_of[migrate]}"

read -ra builds <<<"${BUILDS:-default batch1000@KEPU_OUTBOX_BATCH_SIZE=1000}"
out="$ROOT/bench/results/relay-$(date +%Y%m%d-%H%M).txt"
{
  echo "# outbox relay: bench/relay/run.sh $FACTS $KEYS $ROUNDS, BUILDS=\"${builds[*]}\", ${PARTITIONS:-3} partitions, $(nproc) cores, JVM ${BENCH_JVM[*]}"
  echo "# rate: facts / (last published_at - first); steady: after the first 20 s; cpu: seconds per 1,000 facts published"
  echo "# while the service was ready (service, postgres, broker, rest of the machine); broker_in: bytes it read from"
  echo "# sockets per fact; log: bytes of topic log per fact; per10s: facts published in each 10 s from the first"
} | tee "$out"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!builds[@]}"; do
    spec=${builds[$(((i + round - 1) % ${#builds[@]}))]}
    settings=(); [[ $spec == *@* ]] && IFS=, read -ra settings <<<"${spec#*@}"
    spec=${spec%%@*}; name=${spec%%=*}; apps=""; [[ $spec == *=* ]] && apps=${spec#*=}
    kafka_java "$ROOT/bench/relay/DeleteTopic.java" "$bootstrap" "$TOPIC"
    kafka_java "$ROOT/deploy/local/kafka/CreateTopics.java" "$bootstrap" "${PARTITIONS:-3}" "$TOPIC"
    filled=$(date +%s%N)
    q -v facts="$FACTS" -v keys="$KEYS" -v topic="$TOPIC" -f "$ROOT/bench/relay/fill.sql"
    filled=$((($(date +%s%N) - filled) / 1000000))
    as_postgres psql -X -q -d "$DB" -c CHECKPOINT # the fill's dirty pages are not the relay's to write
    APPS="$apps" NAME="$name" start event-service "$PORT" "${service_env[@]}" "${settings[@]}"
    ready=$(date +%s.%N)
    s0=$(cpu_ticks "${pid_of[$name]}"); p0=$(cpu_ticks $(postgres_pids)); k0=$(cpu_ticks "$broker"); m0=$(machine_ticks)
    r0=$(broker_bytes_in)
    for _ in $(seq 1 "${DRAIN_TIMEOUT:-400}"); do
      [ "$(q -c "SELECT count(*) FROM outbox_message WHERE published_at IS NULL")" -eq 0 ] && break
      sleep 1
    done
    s1=$(cpu_ticks "${pid_of[$name]}"); p1=$(cpu_ticks $(postgres_pids)); k1=$(cpu_ticks "$broker"); m1=$(machine_ticks)
    r1=$(broker_bytes_in)
    stop_service "${pid_of[$name]}"
    read -r published first_to_last after_ready steady left < <(q -c "
      WITH p AS (SELECT min(published_at) AS first, max(published_at) AS last FROM outbox_message)
      SELECT count(published_at), extract(epoch FROM p.last - p.first),
             count(*) FILTER (WHERE published_at > to_timestamp($ready)),
             count(*) FILTER (WHERE published_at > p.first + interval '20 s')
               / greatest(extract(epoch FROM p.last - p.first) - 20, 0.001),
             count(*) FILTER (WHERE published_at IS NULL)
      FROM outbox_message, p GROUP BY p.first, p.last")
    per10s=$(q -c "SELECT string_agg(n::text, ',' ORDER BY s) FROM (SELECT floor(extract(epoch FROM published_at
      - (SELECT min(published_at) FROM outbox_message)) / 10) AS s, count(*) AS n FROM outbox_message
      WHERE published_at IS NOT NULL GROUP BY 1) AS b")
    awk -v r="$round" -v b="$name" -v n="$published" -v d="$first_to_last" -v a="$after_ready" -v st="$steady" \
      -v left="$left" -v hz="$hz" -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v k=$((k1 - k0)) -v m=$((m1 - m0)) \
      -v bin=$((r1 - r0)) -v lg="$(log_bytes)" -v per10s="$per10s" -v knobs="${settings[*]}" -v fill="$filled" '
      BEGIN { f = 1000 / hz / (a > 0 ? a : 1)
              printf "round=%d build=%s published=%d left=%d seconds=%.1f rate=%.0f/s steady=%.0f/s cpu/1000: service=%.2fs postgres=%.2fs broker=%.2fs rest=%.2fs broker_in=%.0fB log=%.0fB per10s=%s fill=%dms settings=%s\n",
                r, b, n, left, d, n / (d > 0 ? d : 1), st, s * f, p * f, k * f, (m - s - p - k) * f, bin / (a > 0 ? a : 1),
                lg / (n > 0 ? n : 1), per10s, fill, knobs }'
  done
done | tee -a "$out"
echo "bench: results in $out"
