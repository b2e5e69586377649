#!/usr/bin/env bash
# Reporting bench (issue 19). Phase 1: after a 30 s warm-up at the same rate, RATE facts a second for SECONDS (default
# 2,000/s for 60 s) written to the broker
# as the services' outbox relays write them (FactLoad.java: new events, registrations, school bookings), consumed by
# reporting-service into a fresh bench database; reports the delay from each fact's hand-over to the broker to its row
# in the read model (p50/p99/max, from the row's updated_at, by kind), how long the backlog took to drain, and the CPU
# per fact; meanwhile POLLERS loops (4), each every POLL_INTERVAL_MS (100), ask the province's events overview through the gateway as dashboards would, and
# the script reports when an overview first counted each event sent (freshness, caches included). Phase 2: the report endpoints under CLIENTS connections (default 32) through the gateway, over the read
# models phase 1 filled.
#   bench/reporting/run.sh [RATE] [SECONDS] [ENDPOINT_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/reporting"
RATE="${1:-2000}"; SECONDS_LOAD="${2:-60}"; SECONDS_EACH="${3:-20}"; CLIENTS="${CLIENTS:-32}"
WORK="$ROOT/.local/bench-reporting"
DB=kepu_reporting_bench
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built reporting-service
[ -f "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -B install -DskipTests)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
as_postgres psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER kepu_reporting ENCODING 'UTF8' TEMPLATE template0"
sql() { PGPASSWORD="$KEPU_REPORTING_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_reporting -d "$DB" -tA "$@"; }

trap stop_started EXIT
# Topics of its own ("bench." + the real names), so that the load never reaches the dev services' read models, and a
# consumer group of its own starting at their ends (what earlier runs left is not replayed).
TOPICS=(kepu.events kepu.registrations kepu.venues kepu.bookings kepu.tours)
java -cp "$ROOT/.local/kafka-libs/*" "$ROOT/deploy/local/kafka/CreateTopics.java" "127.0.0.1:${KEPU_KAFKA_PORT:-9092}" 3 \
  "${TOPICS[@]/#/bench.}" >"$WORK/topics.log" 2>&1
# Named as the properties themselves, as in bench/partners (an upper-case name may be read as another channel).
latest=()
for channel in event registration venue booking tour; do
  latest+=("mp.messaging.incoming.$channel-facts.auto.offset.reset=latest" "mp.messaging.incoming.$channel-facts.topic=bench.kepu.${channel}s")
done
start reporting-service 18583 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  KEPU_REPORTING_GROUP="bench-$(date +%s)" "${latest[@]}"
start gateway 18580 KEPU_REPORTING_URL=http://127.0.0.1:18583 KEPU_RATE_PUBLIC_CAPACITY=1000000000 \
  KEPU_RATE_PUBLIC_PER_SECOND=1000000000
# Let the consumers join their group and take their partitions before the load starts.
sleep 10
applied_count() {
  sql -c "SELECT (SELECT count(*) FROM event_summary) + (SELECT count(*) FROM registration_summary)
               + (SELECT count(*) FROM booking_summary)"
}
# A warm-up at the same rate (the first seconds of a cold JVM run the consumers interpreted, seconds behind), drained
# before the measured minute: a service in production is warm.
echo "bench: warming up, $RATE facts/s for 30s"
java -cp "$ROOT/.local/kafka-libs/*" "$HERE/FactLoad.java" "127.0.0.1:${KEPU_KAFKA_PORT:-9092}" "$RATE" 30 \
  "$WORK/warmup.csv" bench. >/dev/null 2>"$WORK/load.err"
warm=$(wc -l <"$WORK/warmup.csv")
for _ in $(seq 1 600); do [ "$(applied_count)" -ge "$warm" ] && break; sleep 0.5; done
echo "bench: loading $RATE facts/s for ${SECONDS_LOAD}s"

out="$ROOT/bench/results/reporting-$(date +%Y%m%d-%H%M).txt"
{
  echo "# reporting: $RATE facts/s for ${SECONDS_LOAD}s (FactLoad.java: 1/2 events, 1/3 registrations, 1/6 bookings; 3 partitions a topic), then the report endpoints through the gateway, wrk -t2 -c$CLIENTS ${SECONDS_EACH}s, $(nproc) cores"
  events_before=$(sql -c "SELECT count(*) FROM event_summary")
  # Dashboards polling the province's overview all along (POLLERS loops, default 4, each every POLL_INTERVAL_MS, 100),
  # for the freshness of reports.
  java "$HERE/OverviewPoller.java" "http://127.0.0.1:18580/api/v1/reports/overview/events?year=2026&scope=PROVINCE" \
    $((SECONDS_LOAD + 15)) "${POLLERS:-4}" "$WORK/polls.csv" "${POLL_INTERVAL_MS:-100}" 2>"$WORK/polls.err" &
  poller=$!
  r0=$(cpu_ticks "${pid_of[reporting-service]}"); p0=$(cpu_ticks $(postgres_pids)); t0=$(date +%s%N)
  java -cp "$ROOT/.local/kafka-libs/*" "$HERE/FactLoad.java" "127.0.0.1:${KEPU_KAFKA_PORT:-9092}" "$RATE" "$SECONDS_LOAD" \
    "$WORK/sent.csv" bench. 2>"$WORK/load.err"
  sent=$(wc -l <"$WORK/sent.csv")
  for _ in $(seq 1 600); do [ "$(applied_count)" -ge $((warm + sent)) ] && break; sleep 0.5; done
  t1=$(date +%s%N); r1=$(cpu_ticks "${pid_of[reporting-service]}"); p1=$(cpu_ticks $(postgres_pids))
  wait "$poller" || true
  echo "facts sent=$sent applied=$(( $(applied_count) - warm )) drained_after=$(( (t1 - t0) / 1000000 - SECONDS_LOAD * 1000 ))ms (after the load ended)"
  awk -v n="$sent" -v hz="$(getconf CLK_TCK)" -v r=$((r1 - r0)) -v p=$((p1 - p0)) \
    'BEGIN { printf "cpu us/fact: reporting-service=%.0f postgres=%.0f\n", r * 1e6 / hz / n, p * 1e6 / hz / n }'
  sql <<SQL
CREATE TEMP TABLE sent (kind text, id uuid, sent_ms bigint);
\copy sent FROM '$WORK/sent.csv' CSV
SELECT format('delay %-12s n=%s p50=%sms p99=%sms max=%sms', coalesce(kind, 'all'), count(*),
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY delay)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY delay)),
              round(max(delay)))
FROM (SELECT s.kind, extract(epoch FROM coalesce(e.updated_at, r.updated_at, b.updated_at)) * 1000 - s.sent_ms AS delay
      FROM sent s
      LEFT JOIN event_summary e ON s.kind = 'event' AND e.event_id = s.id
      LEFT JOIN registration_summary r ON s.kind = 'registration' AND r.registration_id = s.id
      LEFT JOIN booking_summary b ON s.kind = 'booking' AND b.booking_id = s.id) d
GROUP BY ROLLUP (kind) ORDER BY kind NULLS LAST;
-- The overview's freshness: for the k-th event sent, when an answer first counted events_before + k events (the
-- partitions apply out of order, so this is when k of the new events were visible, not that very one).
CREATE TEMP TABLE polls (at_ms bigint, total bigint);
\copy polls FROM '$WORK/polls.csv' CSV
CREATE TEMP TABLE firsts AS SELECT total, min(at_ms) AS at_ms FROM polls GROUP BY total;
CREATE INDEX ON firsts (total);
ANALYZE firsts;
SELECT format('overview     polls=%s n=%s p50=%sms p99=%sms max=%sms (unseen %s)', (SELECT count(*) FROM polls),
              count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)),
              round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)), max(lag), count(*) - count(lag))
FROM (SELECT (SELECT f.at_ms FROM firsts f WHERE f.total >= $events_before + e.k ORDER BY f.total LIMIT 1) - e.sent_ms AS lag
      FROM (SELECT sent_ms, row_number() OVER (ORDER BY sent_ms) AS k FROM sent WHERE kind = 'event') e) l;
SQL
  : >"$WORK/paths.txt"
  for scope in PROVINCE 440100 440300 445100 441400 PRD EAST+WEST+NORTH 440106; do
    for report in overview/events overview/places themed-days; do
      echo "/api/v1/reports/$report?year=2026&scope=$scope" >>"$WORK/paths.txt"
    done
  done
  echo "/api/v1/reports/events/published-by-city" >>"$WORK/paths.txt"
  echo "/api/v1/reports/overview/events.xlsx?year=2026&scope=PROVINCE" >>"$WORK/paths.txt"
  # Warm the JIT, then measure.
  PATHS="$WORK/paths.txt" wrk -t2 -c"$CLIENTS" -d20s -s "$ROOT/bench/rotate-paths.lua" http://127.0.0.1:18580 >/dev/null
  measure_paths reports "$WORK/paths.txt" http://127.0.0.1:18580 reporting-service gateway
} | tee "$out"
echo "bench: results in $out"
