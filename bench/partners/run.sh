#!/usr/bin/env bash
# Partner push bench (issue 24): EVENTS events (default 100,000) pushed in batches of 1,000 through the gateway by
# CONCURRENCY clients (default 2) into a fresh bench database, with reporting-service following from a fresh one.
# Reports events per second end to end (first request to last answer), the same pushes repeated (all UNCHANGED), the
# time from the last answer until the reports count every event, and the CPU per event of each process.
#   bench/partners/run.sh [EVENTS] [CONCURRENCY]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/partners"
EVENTS="${1:-100000}"; CONCURRENCY="${2:-2}"
WORK="$ROOT/.local/bench-partners"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
stack_up_and_built event-service
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
for db in kepu_event_partner_bench:kepu_event kepu_reporting_partner_bench:kepu_reporting; do
  as_postgres psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db%%:*} WITH (FORCE)" \
    -c "CREATE DATABASE ${db%%:*} OWNER ${db##*:} ENCODING 'UTF8' TEMPLATE template0"
done
write_places "$WORK/places.csv"
[ -f "$WORK/batches/batch-$(printf %05d $(( (EVENTS - 1) / 1000 ))).json" ] && [ "$(ls "$WORK/batches" | wc -l)" -eq $(( (EVENTS + 999) / 1000 )) ] \
  || { rm -rf "$WORK/batches"; python3 "$HERE/batches.py" "$EVENTS" 1000 "$WORK/batches" "$WORK/places.csv"; }

trap stop_started EXIT
# Topics of its own ("bench." + the real names), as bench/reporting: the pushed events' facts never reach the dev
# services' read models, and a fresh dev reporting database has nothing of the bench to replay.
TOPICS=(kepu.events kepu.registrations kepu.venues kepu.bookings kepu.tours)
java -cp "$ROOT/.local/kafka-libs/*" "$ROOT/deploy/local/kafka/CreateTopics.java" "127.0.0.1:${KEPU_KAFKA_PORT:-9092}" 3 \
  "${TOPICS[@]/#/bench.}" >"$WORK/topics.log" 2>&1
start event-service 18681 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/kepu_event_partner_bench \
  KEPU_EVENTS_TOPICS_EVENTS=bench.kepu.events KEPU_EVENTS_TOPICS_REGISTRATIONS=bench.kepu.registrations
# Named as the properties themselves: an upper-case MP_MESSAGING_INCOMING_TOUR_FACTS_AUTO_OFFSET_RESET whose key no
# other source names (reporting now sets the offset reset once, at the connector) is read as a channel "tour" and
# stops the service.
latest=()
for channel in event registration venue booking tour; do
  latest+=("mp.messaging.incoming.$channel-facts.auto.offset.reset=latest" "mp.messaging.incoming.$channel-facts.topic=bench.kepu.${channel}s")
done
start reporting-service 18683 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/kepu_reporting_partner_bench \
  KEPU_REPORTING_GROUP="partner-bench-$(date +%s)" KEPU_REPORTING_REPORT_CACHE_TTL=0s "${latest[@]}"
start gateway 18680 KEPU_EVENT_URL=http://127.0.0.1:18681 KEPU_REPORTING_URL=http://127.0.0.1:18683 \
  KEPU_RATE_AUTH_CAPACITY=1000000000 KEPU_RATE_AUTH_PER_SECOND=1000000000
sleep 10 # the reporting consumers take their partitions
token=$("$ROOT/deploy/local/token.sh" --role partner --partner bench-estation)
push_all() { # LABEL: every batch once, CONCURRENCY at a time; prints the seconds taken and the answers' summaries
  local t0 t1
  t0=$(date +%s%N)
  rm -f "$WORK"/batches/*."$1".out
  ls "$WORK"/batches/*.json | xargs -P "$CONCURRENCY" -I{} curl -s -o "{}.$1.out" -w '%{http_code}\n' \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @{} \
    http://127.0.0.1:18680/api/v1/partner-events >"$WORK/codes-$1.txt"
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
out="$ROOT/bench/results/partners-$(date +%Y%m%d-%H%M).txt"
{
  echo "# partner push: $EVENTS events in batches of 1000 through the gateway, $CONCURRENCY clients, $(nproc) cores"
  # CPU per event of each process during the push; "rest" is the machine's other time (the Kafka broker, curl, the
  # kernel's network work booked to no process), reporting-service following as it goes.
  e0=$(cpu_ticks "${pid_of[event-service]}"); p0=$(cpu_ticks $(postgres_pids)); g0=$(cpu_ticks "${pid_of[gateway]}")
  r0=$(cpu_ticks "${pid_of[reporting-service]}"); m0=$(machine_ticks)
  ms=$(push_all first)
  e1=$(cpu_ticks "${pid_of[event-service]}"); p1=$(cpu_ticks $(postgres_pids)); g1=$(cpu_ticks "${pid_of[gateway]}")
  r1=$(cpu_ticks "${pid_of[reporting-service]}"); m1=$(machine_ticks)
  done_at=$(date +%s%N)
  awk -v n="$EVENTS" -v ms="$ms" -v hz="$(getconf CLK_TCK)" -v e=$((e1 - e0)) -v p=$((p1 - p0)) -v g=$((g1 - g0)) \
    -v r=$((r1 - r0)) -v m=$((m1 - m0)) \
    'BEGIN { f = 1e6 / hz / n; printf "first push: %d ms, %.0f events/s; cpu us/event: event-service=%.0f postgres=%.0f gateway=%.0f reporting-service=%.0f rest=%.0f all=%.0f\n", ms, n * 1000 / ms, e * f, p * f, g * f, r * f, (m - e - p - g - r) * f, m * f }'
  echo "answers: $(sort "$WORK/codes-first.txt" | uniq -c | tr '\n' ' ')"
  for _ in $(seq 1 1200); do
    total=$(curl -s "http://127.0.0.1:18680/api/v1/reports/overview/events?year=2031" | sed -E 's/.*"total":([0-9]+).*/\1/')
    [ "$total" -ge "$EVENTS" ] 2>/dev/null && break; sleep 0.5
  done
  echo "reports count all $EVENTS: $(( ($(date +%s%N) - done_at) / 1000000 )) ms after the last answer (total=$total)"
  last=$(printf 'bench-%06d' $((EVENTS - 1)))
  echo "search finds the last pushed: $(curl -s "http://127.0.0.1:18680/api/v1/events?q=$last&from=2031-01-01T00:00:00%2B08:00" | grep -c "$last") match(es)"
  ms=$(push_all repeat)
  echo "repeat push (all unchanged): $ms ms, $(( EVENTS * 1000 / ms )) events/s; answers: $(sort "$WORK/codes-repeat.txt" | uniq -c | tr '\n' ' ')"
  grep -ho '"unchanged":[0-9]*' "$WORK"/batches/*.repeat.out | awk -F: '{ s += $2 } END { print "unchanged items: " s }'
} | tee "$out"
echo "bench: results in $out"
