#!/usr/bin/env bash
# Venue search benchmark (issue 17): VENUES venues (default 100,000) in a bench database, venue-service and the gateway
# as real processes, then 32 connections (wrk) through the gateway for each scenario, every request distinct:
#   near-me   a random point around a random county seat, 2–10 km, a third also needing wheelchair access, a third a kind
#   open-now  open now (openNow=true) near a random point (5 km), or in a random city or county
#   open-at   open at a random time of the coming week (openAt), in a random city or county, a third with a theme
# Writes a results file with throughput, latency percentiles and CPU per request per process.
#   bench/venues-search/run.sh [VENUES] [SECONDS_PER_SCENARIO] [WARMUP_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/venues-search"
VENUES="${1:-100000}"
SECONDS_EACH="${2:-30}"
WARMUP="${3:-15}"
CLIENTS=32
WORK="$ROOT/.local/bench"
DB=kepu_venue_bench
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built venue-service
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
as_postgres psql -X -q -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || as_postgres psql -X -q -d postgres -c "CREATE DATABASE $DB OWNER kepu_venue ENCODING 'UTF8' TEMPLATE template0"

trap stop_started EXIT
start venue-service 18382 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KEPU_OUTBOX_RELAY_ENABLED=false
write_places "$WORK/places.csv"
have=$(PGPASSWORD="$KEPU_VENUE_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_venue -d "$DB" -tAc "SELECT count(*) FROM venue")
if [ "$have" -lt "$VENUES" ]; then
  echo "bench: generating $((VENUES - have)) venues (once; kept in $DB)..."
  (cd "$WORK" && time PGPASSWORD="$KEPU_VENUE_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_venue -d "$DB" \
     -v n=$((VENUES - have)) -f "$HERE/generate.sql")
fi
PGPASSWORD="$KEPU_VENUE_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_venue -d "$DB" -c "VACUUM ANALYZE venue"
unlimited=(KEPU_RATE_PUBLIC_CAPACITY=1000000000 KEPU_RATE_PUBLIC_PER_SECOND=1000000000)
start gateway 18380 KEPU_VENUE_URL=http://127.0.0.1:18382 "${unlimited[@]}"

# 20,000 distinct searches per scenario, drawn per run.
V=/api/v1/venues
awk -F, -v V="$V" 'BEGIN { srand(); split("SCIENCE_MUSEUM LIBRARY EDUCATION_BASE MUSEUM PARK E_STATION", kinds, " ") }
  NR > 1 { lat[++n] = $4; lon[n] = $5 }
  END { for (i = 0; i < 20000; i++) { p = 1 + int(rand() * n)
          line = sprintf("%s?lat=%.4f&lon=%.4f&radiusKm=%.1f&size=20", V, lat[p] + (rand() - 0.5) * 0.2, lon[p] + (rand() - 0.5) * 0.2, 2 + rand() * 8)
          r = rand(); if (r < 1/3) line = line "&accessibility=WHEELCHAIR_ACCESS"; else if (r < 2/3) line = line "&kind=" kinds[1 + int(rand() * 6)]
          print line } }' "$WORK/places.csv" >"$WORK/venues-near-me.txt"
awk -F, -v V="$V" 'BEGIN { srand() }
  NR > 1 { lat[++n] = $4; lon[n] = $5; area[++m] = $1; if (!($2 in seen)) { seen[$2]; area[++m] = $2 } }
  END { for (i = 0; i < 20000; i++) { p = 1 + int(rand() * n)
          if (rand() < 0.5) line = sprintf("%s?openNow=true&lat=%.4f&lon=%.4f&radiusKm=5&size=20", V, lat[p] + (rand() - 0.5) * 0.2, lon[p] + (rand() - 0.5) * 0.2)
          else line = sprintf("%s?openNow=true&divisionCode=%s&size=20", V, area[1 + int(rand() * m)])
          print line } }' "$WORK/places.csv" >"$WORK/venues-open-now.txt"
awk -F, -v V="$V" 'BEGIN { srand(); split("GENERAL HEALTH EMERGENCY SAFETY ECOLOGY AGRICULTURE METEOROLOGY AI SPACE EDUCATION", themes, " ") }
  NR > 1 { area[++m] = $1; if (!($2 in seen)) { seen[$2]; area[++m] = $2 } }
  END { start = systime(); for (i = 0; i < 20000; i++) { t = start + int(rand() * 7 * 86400)
          line = sprintf("%s?openAt=%s%%2B08:00&divisionCode=%s&size=20", V, strftime("%Y-%m-%dT%H:%M:00", t + 8 * 3600, 1), area[1 + int(rand() * m)])
          if (rand() < 1/3) line = line "&theme=" themes[1 + int(rand() * 10)]
          print line } }' "$WORK/places.csv" >"$WORK/venues-open-at.txt"

out="$ROOT/bench/results/venues-search-$(date +%Y%m%d-%H%M).txt"
{
  echo "# venue search through the gateway: $VENUES venues, wrk -t2 -c$CLIENTS, ${SECONDS_EACH}s per scenario after ${WARMUP}s of the same, $(nproc) cores, no cache"
  for scenario in ${SCENARIOS:-near-me open-now open-at}; do
    [ "$WARMUP" -eq 0 ] || PATHS="$WORK/venues-$scenario.txt" wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" --timeout 10s \
      -s "$ROOT/bench/rotate-paths.lua" http://127.0.0.1:18380 >/dev/null
    measure_paths "$scenario" "$WORK/venues-$scenario.txt" http://127.0.0.1:18380 venue-service gateway
  done
} | tee "$out"
echo "bench: results in $out"
