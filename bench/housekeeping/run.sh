#!/usr/bin/env bash
# Housekeeping bench (issue 38): the partner push (bench/partners/run.sh) with every service's retentions cut to
# RETENTION (default 30s) and housekeeping running every 5 s, while the outbox of event-service and the inbox of
# reporting-service are sampled every 2 s: rows, rows not yet published, bytes on disk (table, TOAST and indexes), dead
# row versions and autovacuums so far. Shows whether the tables stop growing under a sustained load.
#   bench/housekeeping/run.sh [EVENTS] [RETENTION]
# HOUSEKEEPING=off runs the same push with housekeeping off, for comparison.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EVENTS="${1:-300000}"; RETENTION="${2:-30s}"
out="$ROOT/bench/results/housekeeping-$(date +%Y%m%d-%H%M).txt"
stop="$(mktemp)"; rm -f "$stop"
sample() {
  # shellcheck disable=SC1091
  source "$ROOT/.local/env"
  local t0
  t0=$(date +%s)
  q() { PGPASSWORD="$2" psql -h 127.0.0.1 -U "$1" -d "$3" -X -A -t -F' ' -c "$4" 2>/dev/null | tr '\n' ' '; }
  while [ ! -e "$stop" ]; do
    echo "$(( $(date +%s) - t0 )) outbox: $(q kepu_event "$KEPU_EVENT_DB_PASSWORD" kepu_event_partner_bench \
      "SELECT count(*), count(*) FILTER (WHERE published_at IS NULL), pg_total_relation_size('outbox_message'),
              (SELECT n_dead_tup || ' ' || autovacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox_message')
       FROM outbox_message") | inbox: $(q kepu_reporting "$KEPU_REPORTING_DB_PASSWORD" kepu_reporting_partner_bench \
      "SELECT count(*), 0, pg_total_relation_size('processed_message'),
              (SELECT n_dead_tup || ' ' || autovacuum_count FROM pg_stat_user_tables WHERE relname = 'processed_message')
       FROM processed_message")"
    sleep 2
  done
}
{
  echo "# housekeeping: bench/housekeeping/run.sh $EVENTS $RETENTION (HOUSEKEEPING=${HOUSEKEEPING:-on}), $(nproc) cores"
  echo "# seconds, then per table: rows, rows not yet published, bytes, dead row versions, autovacuums (before the"
  echo "# partner bench recreates its databases, the previous run's tables)"
} >"$out"
sample >>"$out" &
sampler=$!
trap 'touch "$stop"; wait $sampler; rm -f "$stop"' EXIT
if [ "${HOUSEKEEPING:-on}" = off ]; then
  KEPU_HOUSEKEEPING_ENABLED=false "$ROOT/bench/partners/run.sh" "$EVENTS" 2
else
  KEPU_HOUSEKEEPING_EVERY=5s KEPU_HOUSEKEEPING_OUTBOX_RETENTION="$RETENTION" \
    KEPU_HOUSEKEEPING_INBOX_RETENTION="$RETENTION" KEPU_IDEMPOTENCY_RETENTION="$RETENTION" \
    "$ROOT/bench/partners/run.sh" "$EVENTS" 2
fi
echo "bench: table sizes in $out"
