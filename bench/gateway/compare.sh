#!/usr/bin/env bash
# A/B of gateway builds against one event-service: each build is a quarkus-app directory (copy gateway/target/
# quarkus-app aside before rebuilding), run as its own JVM on its own port, measured in alternating wrk rounds after a
# warm-up each, with where the CPU went per request (bench/lib.sh round_costs_end). For "did this change make the
# proxy cheaper": the machine's noise falls on all builds alike. THREADS sets the event loops (as in run.sh). Extra JVM flags per build follow a second colon.
#   bench/gateway/compare.sh ROUND_SECONDS ROUNDS WARMUP_SECONDS NAME=APP_DIR[:JVM_FLAGS] ...
#   e.g. bench/gateway/compare.sh 20 6 120 before=/tmp/gw-before after=gateway/target/quarkus-app
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUND=$1; ROUNDS=$2; WARMUP=$3; shift 3
WORK="$ROOT/.local/bench-gateway-compare"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built event-service
trap stop_started EXIT
start event-service 18381 KEPU_OUTBOX_RELAY_ENABLED=false QUARKUS_LOG_LEVEL=WARN
ID=$(published_event 18381)
path="/api/v1/events/$ID"
names=(); declare -A port_of; port=18390
for build in "$@"; do
  name=${build%%=*}; rest=${build#*=}; app=${rest%%:*}; flags=""; [[ $rest == *:* ]] && flags=${rest#*:}
  # shellcheck disable=SC2086 # the flags are words
  env KEPU_EVENT_URL=http://127.0.0.1:18381 KEPU_RATE_PUBLIC_CAPACITY=1000000000 KEPU_RATE_PUBLIC_PER_SECOND=1000000000 \
    QUARKUS_HTTP_IO_THREADS="$PROXY_THREADS" QUARKUS_HTTP_PORT=$port nohup java "${BENCH_JVM[@]}" $flags -jar "$app/quarkus-run.jar" \
    >"$WORK/$name.log" 2>&1 &
  pids+=($!); pid_of[$name]=$!; port_of[$name]=$port; names+=("$name"); port=$((port + 1))
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:${port_of[$name]}/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:${port_of[$name]}$path" >/dev/null || { echo "bench: $name does not answer" >&2; exit 1; }
done
echo "bench: warming up ${WARMUP}s on each build..."
for name in "${names[@]}"; do wrk -t2 -c32 -d"${WARMUP}s" "http://127.0.0.1:${port_of[$name]}$path" >/dev/null; done
out="$ROOT/bench/results/gateway-compare-$(date +%Y%m%d-%H%M).txt"
{
  echo "# gateway builds compared: $*; GET one event by id, wrk -t2 -c32, ${ROUNDS} x ${ROUND}s after ${WARMUP}s warm-up each"
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${!names[@]}"; do
      name=${names[$(((i + round - 1) % ${#names[@]}))]} # each round starts one build further along
      round_costs_begin "${pid_of[$name]}"
      wrk -t2 -c32 -d"${ROUND}s" "http://127.0.0.1:${port_of[$name]}$path" >"$WORK/wrk.txt"
      echo "round=$round build=$name rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" \
        "$(round_costs_end "$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")" "$ROUND")"
    done
  done
} | tee "$out"
round_means "$out" build | tee -a "$out"
# Every build against the first, paired round by round.
for name in "${names[@]:1}"; do paired_gap "$out" "$name" "${names[0]}" "${names[0]}" | tee -a "$out"; done
echo "bench: results in $out"
