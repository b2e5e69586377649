#!/usr/bin/env bash
# Uncached search, build against build (A/B): two or more event-service builds (each a copied target/quarkus-app) on
# the bench database that bench/events-search/run.sh fills, search cache off, straight at the service (no gateway),
# alternating rounds of wrk over the same distinct searches; throughput, p99, and the CPU per search of the service
# and of PostgreSQL. For "did this change make an uncached search cheaper"; the scenario files come from run.sh.
# SCENARIOS picks the search files (default city-date near-me; run.sh also writes near-me-random, area-date-random).
# A build may carry settings of its own, as in bench/read-by-id: NAME=APP_DIR@VAR=VALUE,VAR=VALUE.
#   [SCENARIOS="…"] bench/events-search/compare.sh ROUND_SECONDS ROUNDS NAME=APP_DIR[@VAR=VALUE,...] NAME=APP_DIR...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUND="$1"; ROUNDS="$2"; shift 2
WORK="$ROOT/.local/bench"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built event-service
[ -s "$WORK/city-date.txt" ] || { echo "bench: run bench/events-search/run.sh once first (it makes the data and searches)" >&2; exit 1; }
trap stop_started EXIT
builds=(); port=18591
declare -A url
for spec in "$@"; do
  name=${spec%%=*}; app=${spec#*=}; settings=()
  [[ $app == *@* ]] && { IFS=, read -ra settings <<<"${app#*@}"; app=${app%%@*}; }
  env "${settings[@]}" KEPU_EVENTS_SEARCH_CACHE_ENABLED=false KEPU_OUTBOX_RELAY_ENABLED=false QUARKUS_HTTP_PORT=$port QUARKUS_LOG_CONSOLE_LEVEL=WARN \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/kepu_event_bench" \
    nohup java "${BENCH_JVM[@]}" -jar "$app/quarkus-run.jar" >"$WORK/compare-$name.log" 2>&1 &
  pids+=($!); pid_of[$name]=$!; url[$name]="http://127.0.0.1:$port"; builds+=("$name")
  for _ in $(seq 1 240); do curl -fs "${url[$name]}/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  port=$((port + 1))
done
scenarios=(${SCENARIOS:-city-date near-me})
for scenario in "${scenarios[@]}"; do for b in "${builds[@]}"; do
  PATHS="$WORK/$scenario.txt" wrk -t2 -c32 -d30s -s "$ROOT/bench/rotate-paths.lua" "${url[$b]}" >/dev/null
done; done
out="$ROOT/bench/results/events-search-compare-$(date +%Y%m%d-%H%M).txt"
{
  echo "# uncached search straight at event-service, builds ${builds[*]}, $ROUNDS rotating rounds of ${ROUND}s per scenario after 30s warm-up each, $(nproc) cores"
  for round in $(seq 1 "$ROUNDS"); do
    for scenario in "${scenarios[@]}"; do
      for i in "${!builds[@]}"; do
        b=${builds[$(((i + round - 1) % ${#builds[@]}))]}
        e0=$(cpu_ticks "${pid_of[$b]}"); p0=$(cpu_ticks $(postgres_pids))
        PATHS="$WORK/$scenario.txt" wrk -t2 -c32 -d"${ROUND}s" --latency -s "$ROOT/bench/rotate-paths.lua" "${url[$b]}" >"$WORK/compare-wrk.txt"
        e1=$(cpu_ticks "${pid_of[$b]}"); p1=$(cpu_ticks $(postgres_pids))
        awk -v r="$round" -v s="$scenario" -v b="$b" -v hz="$(getconf CLK_TCK)" -v e=$((e1 - e0)) -v p=$((p1 - p0)) '
          /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = $2 }
          END { f = 1e6 / hz / n; printf "round=%d scenario=%s build=%s rps=%.0f p99=%s service=%.0fus postgres=%.0fus\n", r, s, b, rps, p99, e * f, p * f }' \
          "$WORK/compare-wrk.txt"
      done
    done
  done
} | tee "$out"
echo "bench: results in $out"
