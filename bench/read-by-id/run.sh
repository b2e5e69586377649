#!/usr/bin/env bash
# The cost of a by-id read (issue 16): GET one event straight at event-service, configured as deployed (its access
# line and metrics on, deploy/run.sh's JVM flags), against the Quarkus reference — quarkus-super-heroes' rest-villains
# reading one villain by id — in alternating rounds of wrk at 32 connections after a warm-up, with the CPU each process
# spent per request. The reference is built outside this repository (../../../shared/ANCHORS.md says how); point
# VILLAINS at that build's folder (the one holding target/quarkus-app and deploy/db-init). Without it, only Kepu's
# builds are measured.
# BUILDS names the event-service builds to compare (NAME=APP_DIR[@VAR=VALUE,...]: a copied target/quarkus-app each, and
# settings to start it with; default the current build), so a change is measured against the build before it, or a
# setting against its default, in the same run.
#   [VILLAINS=DIR] [BUILDS="now=event-service/target/quarkus-app uncached=event-service/target/quarkus-app@KEPU_EVENTS_EVENT_CACHE_ENABLED=false"]
#     bench/read-by-id/run.sh [ROUND_SECONDS] [ROUNDS] [WARMUP]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUND="${1:-20}"; ROUNDS="${2:-6}"; WARMUP="${3:-60}"
WORK="$ROOT/.local/bench-read-by-id"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built event-service
# As deploy/run.sh starts every service.
BENCH_JVM=(-Xmx256m -XX:+UseSerialGC)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
trap stop_started EXIT

read -ra builds <<<"${BUILDS:-now=$ROOT/event-service/target/quarkus-app}"
declare -A url
targets=()
port=18581
for spec in "${builds[@]}"; do
  name=${spec%%=*}; app=${spec#*=}; settings=()
  [[ $app == *@* ]] && { IFS=, read -ra settings <<<"${app#*@}"; app=${app%%@*}; }
  [[ $app == /* ]] || app="$ROOT/$app"
  env "${settings[@]}" KEPU_OUTBOX_RELAY_ENABLED=false QUARKUS_HTTP_PORT="$port" nohup java "${BENCH_JVM[@]}" -jar "$app/quarkus-run.jar" \
    >"$WORK/$name.log" 2>&1 &
  pids+=($!); pid_of[$name]=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  [ -n "${ID:-}" ] || ID=$(published_event "$port")
  url[$name]="http://127.0.0.1:$port/api/v1/events/$ID"; targets+=("$name")
  port=$((port + 1))
done

if [ -n "${VILLAINS:-}" ]; then
  # The reference's own role, database and data, as its deploy/db-init and import.sql make them.
  as_postgres psql -X -q -d postgres -tc "SELECT 1 FROM pg_roles WHERE rolname = 'superbad'" | grep -q 1 \
    || as_postgres psql -X -q -d postgres -c "CREATE ROLE superbad LOGIN PASSWORD 'superbad'"
  if ! as_postgres psql -X -q -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'villains_database'" | grep -q 1; then
    as_postgres psql -X -q -d postgres -c "CREATE DATABASE villains_database OWNER superbad"
    PGPASSWORD=superbad psql -X -q -h 127.0.0.1 -U superbad -d villains_database \
      -f "$VILLAINS/deploy/db-init/initialize-tables.sql" -f "$VILLAINS/src/main/resources/import.sql" >/dev/null
  fi
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/villains_database QUARKUS_HTTP_PORT=18580 \
    nohup java "${BENCH_JVM[@]}" -jar "$VILLAINS/target/quarkus-app/quarkus-run.jar" >"$WORK/villains.log" 2>&1 &
  pids+=($!); pid_of[villains]=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:18580/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  url[villains]="http://127.0.0.1:18580/api/villains/50"; targets=(villains "${targets[@]}")
fi
for target in "${targets[@]}"; do curl -fs "${url[$target]}" >/dev/null || { echo "bench: $target does not answer" >&2; exit 1; }; done

echo "bench: warming up ${WARMUP}s on each of ${targets[*]}..."
for target in "${targets[@]}"; do wrk -t2 -c32 -d"${WARMUP}s" "${url[$target]}" >/dev/null; done

out="$ROOT/bench/results/read-by-id-$(date +%Y%m%d-%H%M).txt"
{
  echo "# GET one row by id: ${targets[*]}; wrk -t2 -c32, $ROUNDS alternating rounds of ${ROUND}s after ${WARMUP}s warm-up each, $(nproc) cores, JVMs ${BENCH_JVM[*]}"
  for target in "${targets[@]}"; do echo "# $target: ${url[$target]} ($(curl -fs "${url[$target]}" | wc -c) bytes)"; done
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${!targets[@]}"; do
      target=${targets[$(((i + round - 1) % ${#targets[@]}))]}
      s0=$(cpu_ticks "${pid_of[$target]}"); d0=$(cpu_ticks $(postgres_pids)); m0=$(machine_ticks)
      wrk -t2 -c32 -d"${ROUND}s" --latency "${url[$target]}" >"$WORK/wrk-$target-$round.txt"
      s1=$(cpu_ticks "${pid_of[$target]}"); d1=$(cpu_ticks $(postgres_pids)); m1=$(machine_ticks)
      awk -v r="$round" -v t="$target" -v hz="$(getconf CLK_TCK)" -v s=$((s1 - s0)) -v d=$((d1 - d0)) -v m=$((m1 - m0)) '
        /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = $2 } /Non-2xx/ { bad = $5 }
        END { f = 1e6 / hz / n
              printf "round=%d target=%s rps=%.0f p99=%s non2xx=%d cpu/request: service=%.0fus postgres=%.0fus rest=%.0fus\n",
                r, t, rps, p99, bad, s * f, d * f, (m - s - d) * f }' "$WORK/wrk-$target-$round.txt"
    done
  done
} | tee "$out"
round_means "$out" target | tee -a "$out"
[ -n "${VILLAINS:-}" ] && for target in "${targets[@]}"; do
  [ "$target" = villains ] || paired_gap "$out" "$target" villains villains | tee -a "$out"
done
echo "bench: results in $out"
