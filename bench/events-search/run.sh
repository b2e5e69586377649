#!/usr/bin/env bash
# Event search benchmark (issue 3): 1,000,000 events in a bench database, event-service and the gateway as real
# processes, then 32 concurrent connections (wrk) through the gateway for each common search, with the search cache
# off and on. Writes a results file with throughput, latency percentiles and CPU per request per process.
#   bench/events-search/run.sh [EVENTS] [SECONDS_PER_SCENARIO] [WARMUP_SECONDS]
# Each scenario is measured after WARMUP_SECONDS of the same searches, unmeasured: steady state, as a service that has
# been up for a while sees it (the JIT has compiled the search path, PostgreSQL has the indexes in memory and, with the
# cache on, the searches asked in the last seconds are in it). WARMUP_SECONDS=0 measures a cold start.
# SCENARIOS and CACHES pick what runs (default: every scenario, uncached then cached). The scenarios of issue 16, where
# no two requests ask the same (so no cache can help): near-me-random (a random point around a random county seat, 5–20
# km, upcoming events, a third with a type and a third with an audience), area-date-random (a random city or county,
# a random window of 7–90 days in the data's two years of history, each of type, audience and theme in a quarter of
# them) and free-text-zipf (words drawn with a Zipf spread from the generator's vocabulary, alone or in a city or county;
# see below).
# The data's three years end one year after the day they were made (SINCE, kept in the table's comment): two years of
# history for the place + date windows and a year of upcoming events for near me, as a running system has. Data made
# more than 60 days ago is made again, so that "upcoming" keeps most of its year instead of running out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/events-search"
EVENTS="${1:-1000000}"
SECONDS_EACH="${2:-60}"
WARMUP="${3:-15}"
CLIENTS=32
WORK="$ROOT/.local/bench"
DB=kepu_event_bench
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built event-service
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
# Data written by an older generator (before the Zipf vocabulary, or with fixed years) or too long ago is made again.
DATA_VERSION='bench data v3: Zipf topic vocabulary; times from '
SINCE=$(date -u -d '2 years ago' +%Y-%m-%d)
if as_postgres psql -X -q -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  written=$(as_postgres psql -X -q -d "$DB" -tAc "SELECT coalesce(obj_description(to_regclass('event'), 'pg_class'), 'unmarked')
    WHERE to_regclass('event') IS NOT NULL AND EXISTS (SELECT 1 FROM event)")
  if [ -n "$written" ]; then
    if [[ $written == "$DATA_VERSION"* ]] && [ "${written#"$DATA_VERSION"}" \> "$(date -u -d '2 years ago 60 days ago' +%Y-%m-%d)" ]; then
      SINCE=${written#"$DATA_VERSION"}
    else
      echo "bench: $DB holds data of an older generator or made too long ago ($written); making it again"
      as_postgres psql -X -q -d postgres -c "DROP DATABASE $DB WITH (FORCE)"
    fi
  fi
fi
echo "bench: event times from $SINCE for three years"
as_postgres psql -X -q -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || as_postgres psql -X -q -d postgres -c "CREATE DATABASE $DB OWNER kepu_event ENCODING 'UTF8' TEMPLATE template0"

trap stop_started EXIT
# Two event-service instances on the same database: one answers every search from PostgreSQL, the other keeps its
# search cache on (the default), each behind its own gateway, so both are measured in the same run.
start event-service 18281 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KEPU_OUTBOX_RELAY_ENABLED=false \
  KEPU_EVENTS_SEARCH_CACHE_ENABLED=false
have=$(PGPASSWORD="$KEPU_EVENT_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_event -d "$DB" -tAc "SELECT count(*) FROM event")
if [ "$have" -lt "$EVENTS" ]; then
  echo "bench: generating $((EVENTS - have)) events (once; kept in $DB)..."
  write_places "$WORK/places.csv"
  cp "$HERE/vocabulary.csv" "$WORK/vocabulary.csv"
  (cd "$WORK" && time PGPASSWORD="$KEPU_EVENT_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_event -d "$DB" \
     -v n=$((EVENTS - have)) -v since="$SINCE" -v version="$DATA_VERSION$SINCE" -f "$HERE/generate.sql")
fi
# Index-only scans need the visibility map that autovacuum keeps in a running system; after a bulk load, set it now.
PGPASSWORD="$KEPU_EVENT_DB_PASSWORD" psql -X -q -h 127.0.0.1 -U kepu_event -d "$DB" -c "VACUUM ANALYZE event"
# All load comes from one IP: lift the anonymous rate limit so that searches, not 429s, are measured.
unlimited=(KEPU_RATE_PUBLIC_CAPACITY=1000000000 KEPU_RATE_PUBLIC_PER_SECOND=1000000000)
start gateway 18280 KEPU_EVENT_URL=http://127.0.0.1:18281 "${unlimited[@]}"
NAME=event-service-cached start event-service 18282 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  KEPU_OUTBOX_RELAY_ENABLED=false
NAME=gateway-cached start gateway 18279 KEPU_EVENT_URL=http://127.0.0.1:18282 "${unlimited[@]}"

# Many distinct searches, as the public makes them: 8 cities x 12 months x 3 pages; 8 words alone or in 4 cities, 2
# pages; 25 county seats x 2 radii. The files hold paths; wrk sends them to one gateway or the other.
E=/api/v1/events
: >"$WORK/city-date.txt"; : >"$WORK/free-text.txt"; : >"$WORK/near-me.txt"
first_month=$(date -u -d "$(date -u -d "$SINCE" +%Y-%m-01) 12 months" +%Y-%m-01)   # the data's second year, all past
for city in 440100 440300 440600 441900 440500 441400 440800 441800; do
  for m in 0 1 2 3 4 5 6 7 8 9 10 11; do
    month=$(date -u -d "$first_month $m months" +%Y-%m)
    for page in 0 1 2; do
      echo "$E?divisionCode=$city&from=$month-01T00:00:00%2B08:00&to=$month-28T23:59:59%2B08:00&size=20&page=$page" >>"$WORK/city-date.txt"
    done
  done
done
for q in %E7%A7%91%E6%99%AE %E6%9C%BA%E5%99%A8%E4%BA%BA %E5%81%A5%E5%BA%B7 %E6%B0%94%E8%B1%A1 %E5%A4%A7%E7%AF%B7%E8%BD%A6 %E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD robot outreach; do
  for place in "" "&divisionCode=440100" "&divisionCode=440300" "&divisionCode=440600" "&divisionCode=441400"; do
    for page in 0 1; do
      echo "$E?q=$q$place&size=20&page=$page" >>"$WORK/free-text.txt"   # 科普 机器人 健康 气象 大篷车 人工智能 …
    done
  done
done
# Near the places where events are (county seats), not city centres that may have none within 5 km.
awk -F, 'NR > 1 && NR % 5 == 0 {print $4 "," $5}' "$WORK/places.csv" | while IFS=, read -r lat lon; do
  for radius in 5 10; do echo "$E?lat=$lat&lon=$lon&radiusKm=$radius&size=20" >>"$WORK/near-me.txt"; done
done

# Issue 16's distinct searches: 200,000 each, drawn once per run (awk's rand, seeded by the run's time) — more than a
# scenario's warm-up and measurement ask for at 2,000/s, so no search is asked twice in a run.
now=$(date -u +%Y-%m-%dT%H:%M:%S%%2B00:00)
awk -F, -v now="$now" -v E="$E" 'BEGIN { srand(); split("SCIENCE_WEEK SCIENCE_DAY CARNIVAL OPEN_DAY SCIENCE_NIGHT LECTURE COMPETITION THEMED_DAY EXHIBITION TRAINING CARAVAN_VISIT", types, " ");
    split("YOUTH CHILDREN WOMEN FARMERS INDUSTRIAL_WORKERS ELDERLY OFFICIALS PUBLIC", audiences, " ") }
  NR > 1 { lat[++n] = $4; lon[n] = $5 }
  END { for (i = 0; i < 200000; i++) { p = 1 + int(rand() * n)
          line = sprintf("%s?lat=%.4f&lon=%.4f&radiusKm=%.1f&from=%s&size=20", E, lat[p] + (rand() - 0.5) * 0.2,
            lon[p] + (rand() - 0.5) * 0.2, 5 + rand() * 15, now)
          r = rand(); if (r < 1/3) line = line "&type=" types[1 + int(rand() * 11)]; else if (r < 2/3) line = line "&audience=" audiences[1 + int(rand() * 8)]
          print line } }' "$WORK/places.csv" >"$WORK/near-me-random.txt"
awk -F, -v E="$E" -v since="$(date -u -d "$SINCE" '+%Y %m %d')" 'BEGIN { srand(); split("SCIENCE_WEEK SCIENCE_DAY CARNIVAL OPEN_DAY SCIENCE_NIGHT LECTURE COMPETITION THEMED_DAY EXHIBITION TRAINING CARAVAN_VISIT", types, " ");
    split("YOUTH CHILDREN WOMEN FARMERS INDUSTRIAL_WORKERS ELDERLY OFFICIALS PUBLIC", audiences, " ");
    split("GENERAL HEALTH EMERGENCY SAFETY ECOLOGY AGRICULTURE METEOROLOGY AI SPACE EDUCATION", themes, " ") }
  NR > 1 { area[++n] = $1; if (!($2 in seen)) { seen[$2]; area[++n] = $2 } }
  END { day = 86400; start = mktime(since " 00 00 00"); span = 2 * 365 * day
        for (i = 0; i < 200000; i++) { from = start + int(rand() * span / day) * day; to = from + (7 + int(rand() * 84)) * day - 1
          line = sprintf("%s?divisionCode=%s&from=%s%%2B08:00&to=%s%%2B08:00&size=20", E, area[1 + int(rand() * n)],
            strftime("%Y-%m-%dT%H:%M:%S", from), strftime("%Y-%m-%dT%H:%M:%S", to))
          if (rand() < 0.25) line = line "&type=" types[1 + int(rand() * 11)]
          if (rand() < 0.25) line = line "&audience=" audiences[1 + int(rand() * 8)]
          if (rand() < 0.25) line = line "&theme=" themes[1 + int(rand() * 10)]
          print line } }' "$WORK/places.csv" >"$WORK/area-date-random.txt"

# Free text as people type it (issue 16): 200,000 searches, the word drawn by a Zipf spread over the generator's 3,000
# topics in their province-wide ranking (so the popular words are asked most), 60 % a whole Chinese topic (海洋探秘),
# 15 % its first part (海洋: common, it heads 50 topics), 15 % an English word, 10 % an English phrase; half alone, a
# third in a city (where a word popular in the province may be rare: 60 % of events rank words by their city), the
# rest in a county; a fifth upcoming only.
python3 - "$HERE/vocabulary.csv" "$WORK/places.csv" "$E" "$now" >"$WORK/free-text-zipf.txt" <<'PY'
import csv, math, random, sys, urllib.parse
vocabulary, places, base, now = sys.argv[1:5]
now = now.replace("%%", "%")  # written for awk's printf above
parts = {"prefix": {}, "suffix": {}}
for row in csv.DictReader(open(vocabulary, encoding="utf-8")):
    parts[row["kind"]][int(row["i"])] = (row["zh"], row["en"])
counties = [row["code"] for row in csv.DictReader(open(places, encoding="utf-8"))]
cities = sorted({row["city"] for row in csv.DictReader(open(places, encoding="utf-8"))})
for _ in range(200000):
    word = (int(math.exp(random.random() * math.log(3000))) * 1237) % 3000
    (pre_zh, pre_en), (suf_zh, suf_en) = parts["prefix"][word // 50], parts["suffix"][word % 50]
    kind = random.random()
    q = (pre_zh + suf_zh if kind < 0.6 else pre_zh if kind < 0.75
         else random.choice([pre_en, suf_en]) if kind < 0.9 else pre_en + " " + suf_en)
    line = base + "?q=" + urllib.parse.quote(q) + "&size=20"
    place = random.random()
    if place >= 0.5:
        line += "&divisionCode=" + (random.choice(cities) if place < 0.83 else random.choice(counties))
    if random.random() < 0.2:
        line += "&from=" + now
    print(line)
PY

out="$ROOT/bench/results/events-search-$(date +%Y%m%d-%H%M).txt"
{
  echo "# event search through the gateway: $EVENTS events, wrk -t2 -c$CLIENTS, ${SECONDS_EACH}s per scenario after ${WARMUP}s of the same, $(nproc) cores"
  echo "# every search from PostgreSQL (search cache off), then the same searches with the cache on (the default)"
  for cache in ${CACHES:-uncached cached}; do
    if [ "$cache" = cached ]; then base=http://127.0.0.1:18279 es=event-service-cached gw=gateway-cached
    else base=http://127.0.0.1:18280 es=event-service gw=gateway; fi
    for scenario in ${SCENARIOS:-city-date free-text near-me near-me-random area-date-random free-text-zipf}; do
      [ "$WARMUP" -eq 0 ] || PATHS="$WORK/$scenario.txt" wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" --timeout 10s \
        -s "$ROOT/bench/rotate-paths.lua" "$base" >/dev/null
      measure_paths "$scenario-$cache" "$WORK/$scenario.txt" "$base" "$es" "$gw"
    done
  done
} | tee "$out"
echo "bench: results in $out"
