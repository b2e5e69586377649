#!/usr/bin/env bash
# Where PostgreSQL's time goes when a partner batch lands in a table that already holds a million events (issue 39's
# "profile first"). In a scratch copy of the search bench's database (bench/events-search, 1,000,000 events), batches
# of BATCH events copied from existing ones (new ids, as a partner's new events) are inserted ROUNDS times under each
# condition, each in a transaction rolled back afterwards; a condition drops one group of the event table's indexes
# inside that transaction. Reports per condition the median time of the INSERT per event (PostgreSQL's own execution
# time, EXPLAIN ANALYZE: one backend, so CPU plus any wait), the WAL it wrote per event and the buffers it dirtied;
# then the same for the facts a batch also writes (outbox_message, about 1 KB of JSON each).
#   bench/partners/profile.sh [BATCH] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BATCH="${1:-1000}"; ROUNDS="${2:-7}"
SOURCE=kepu_event_bench
DB=kepu_event_profile
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
psql_db() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
[ "$(as_postgres psql -X -Atc "SELECT count(*) FROM pg_database WHERE datname = '$SOURCE'")" = 1 ] \
  || { echo "profile: run bench/events-search/run.sh first (it builds $SOURCE with 1,000,000 events)" >&2; exit 1; }
as_postgres psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB TEMPLATE $SOURCE"
trap 'as_postgres psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
psql_db -c "VACUUM ANALYZE event" -c "CHECKPOINT"

# Index groups by the searches they serve (event-service's migrations name them).
group() {
  psql_db -Atc "SELECT string_agg(indexname, ' ') FROM pg_indexes WHERE tablename = 'event' AND indexname <> 'event_pkey'
                AND indexname ~ '$1'"
}
declare -A INDEX_GROUPS=(
  [search_terms_gin]="$(group 'search_keys|search_terms')"
  [period_gist]="$(group 'period')"
  [near_gist]="$(group 'near')"
  [start_btree]="$(group '_start$|not_concluded')"
  [tags_and_keys]="$(group 'by_audiences|by_themes|by_organizer|by_series|by_source')"
)
ALL_SECONDARY="$(group '.')"
# Every column but the generated ones (search_terms is computed from the titles and descriptions on insert, a cost
# that belongs to the insert).
COLUMNS="$(psql_db -Atc "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
                         FROM information_schema.columns WHERE table_name = 'event' AND is_generated = 'NEVER'")"

# One condition: ROUNDS batches, each copied afresh from random events, inserted with its drops, rolled back.
measure() { # name "indexes to drop" ["SQL before the insert" ["SQL after it, timed with it"]]
  local name=$1 drops=$2 before=${3:-} after=${4:-} out
  out=$(for _ in $(seq 1 "$ROUNDS"); do
    psql_db -At <<SQL
CREATE TEMP TABLE batch AS SELECT * FROM event TABLESAMPLE SYSTEM (1) LIMIT $BATCH;
UPDATE batch SET id = gen_random_uuid(), partner_id = 'profile', external_id = gen_random_uuid()::text;
BEGIN;
$(for index in $drops; do echo "DROP INDEX $index;"; done)
$before
EXPLAIN (ANALYZE, WAL, BUFFERS, FORMAT JSON) INSERT INTO event ($COLUMNS) SELECT $COLUMNS FROM batch;
$( [ -n "$after" ] && echo "EXPLAIN (ANALYZE, WAL, BUFFERS, FORMAT JSON) $after;" )
ROLLBACK;
SQL
  done | python3 -c '
import json, sys, statistics
text = sys.stdin.read()
plans, depth, start = [], 0, None
for i, c in enumerate(text):
    if c == "[" and depth == 0: start = i
    depth += c == "["; depth -= c == "]"
    if c == "]" and depth == 0: plans.append(json.loads(text[start:i + 1])[0])
per = int(sys.argv[2])  # plans a round: the insert, and what is timed with it
rounds = [plans[i:i + per] for i in range(0, len(plans), per)]
ms = [sum(p["Execution Time"] for p in r) for r in rounds]
wal = [sum(p["Plan"].get("WAL Bytes", 0) for p in r) for r in rounds]
dirtied = [sum(p["Plan"].get("Shared Dirtied Blocks", 0) + p["Plan"].get("Local Dirtied Blocks", 0) for p in r) for r in rounds]
n = int(sys.argv[1])
print("%.0f %.0f %.1f" % (statistics.median(ms) * 1000 / n, statistics.median(wal) / n, statistics.median(dirtied) / n * 1000 / 1000))
' "$BATCH" "$( [ -n "$after" ] && echo 2 || echo 1)")
  read -r us wal dirtied <<<"$out"
  printf "%-34s %8s us/event %8s WAL bytes/event %6s blocks dirtied/event\n" "$name" "$us" "$wal" "$dirtied"
}

out="$ROOT/bench/results/partners-profile-$(date +%Y%m%d-%H%M).txt"
{
  echo "# partner batch profile: $BATCH events a batch copied from $SOURCE's 1,000,000 (new ids), median of $ROUNDS, inserted then rolled back; $(nproc) cores, $(as_postgres psql -X -Atc 'SHOW server_version')"
  echo "# event table: $(psql_db -Atc "SELECT count(*) FROM pg_indexes WHERE tablename = 'event'") indexes, $(psql_db -Atc "SELECT pg_size_pretty(pg_table_size('event')) || ' heap, ' || pg_size_pretty(pg_indexes_size('event')) || ' indexes'")"
  measure "all indexes" ""
  for name in "${!INDEX_GROUPS[@]}"; do
    measure "without $name ($(wc -w <<<"${INDEX_GROUPS[$name]}"))" "${INDEX_GROUPS[$name]}"
  done
  measure "primary key only" "$ALL_SECONDARY"
  # The free-text indexes' entries straight into their trees, or gathered in a pending list and merged in bulk: with a
  # list large enough to hold the whole batch, merged at once (gin_clean_pending_list, timed with the insert).
  gin="$(group 'search_keys|search_terms')"
  measure "GIN fastupdate off" "" "$(for index in $gin; do echo "ALTER INDEX $index SET (fastupdate = off);"; done)"
  measure "GIN pending list 64 MB, merged after" "" "SET gin_pending_list_limit = '64MB';" \
    "SELECT $(for index in $gin; do printf "gin_clean_pending_list('%s') + " "$index"; done)0"
  # What else a batch writes: its facts (about 1 KB of CloudEvent JSON each) and its change-feed rows.
  for _ in $(seq 1 "$ROUNDS"); do
    psql_db -At <<SQL
BEGIN;
EXPLAIN (ANALYZE, WAL, FORMAT JSON) INSERT INTO outbox_message (id, topic, message_key, type, cloud_event)
SELECT gen_random_uuid(), 'kepu.events', e.id::text, 'kepu.event.published', repeat(md5(e.id::text), 30)
FROM event e TABLESAMPLE SYSTEM (1) LIMIT $BATCH;
ROLLBACK;
SQL
  done | python3 -c '
import json, sys, statistics
text = sys.stdin.read(); plans, depth, start = [], 0, None
for i, c in enumerate(text):
    if c == "[" and depth == 0: start = i
    depth += c == "["; depth -= c == "]"
    if c == "]" and depth == 0: plans.append(json.loads(text[start:i + 1])[0])
n = int(sys.argv[1])
print("%-34s %8.0f us/event %8.0f WAL bytes/event (960-byte payloads)" % ("outbox facts", statistics.median(p["Execution Time"] for p in plans) * 1000 / n, statistics.median(p["Plan"]["WAL Bytes"] for p in plans) / n))
' "$BATCH"
} | tee "$out"
echo "profile: results in $out"
