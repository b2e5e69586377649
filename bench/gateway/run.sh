#!/usr/bin/env bash
# Gateway overhead (issue 4): GET one event by id three ways in the same run — straight at event-service, through the
# gateway, and through nginx as a plain keep-alive reverse proxy — with wrk at 32 connections, alternating in rounds
# after a warm-up, so that the machine's noise falls on all alike. A fourth way, nginx doing the gateway's chores too
# (request id, forwarded headers, access log: nginx-logged.conf), tells the chores' cost from the runtime's.
# With FLOOR=1, two bare proxies join (floor/: Vert.x core alone, raw Netty, one event loop each), to show what the
# runtime itself costs.
# The gateway runs as many event loops as nginx runs workers: THREADS, by default one per core (either's default).
# TARGETS picks the paths measured (e.g. TARGETS="direct gateway nginx", the issue's three: more rounds in the same
# time). Each round starts one path further along the list, so that no path always follows the same one. At the end,
# the gap between the gateway's and nginx's share of direct, paired round by round, with its 95 % confidence interval:
# the rounds' noise is shared within a round, so the pairs tell more than the means.
#   [FLOOR=1] [THREADS=N] [TARGETS="A B ..."] bench/gateway/run.sh [ROUND_SECONDS] [ROUNDS] [WARMUP_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
ROUND="${1:-20}"; ROUNDS="${2:-3}"; WARMUP="${3:-60}"
WORK="$ROOT/.local/bench-gateway"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk nginx:nginx-light
stack_up_and_built gateway
# Each nginx as NAME:CONF:PORT:WORKERS. With more than one event loop / worker, a gateway and an nginx with one each
# join, as the yardsticks' best on two cores may differ from their defaults.
nginxes=("nginx:nginx:18480:$PROXY_THREADS" "nginx-logged:nginx-logged:18481:$PROXY_THREADS")
[ "$PROXY_THREADS" != 1 ] && nginxes+=("nginx-1:nginx:18484:1")
cleanup() {
  stop_started
  for spec in "${nginxes[@]}"; do
    pidfile="$WORK/${spec%%:*}.pid"
    [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}
trap cleanup EXIT
nginx_pids() { [ -s "$WORK/$1.pid" ] && { cat "$WORK/$1.pid"; pgrep -P "$(cat "$WORK/$1.pid")"; }; }
start event-service 18381 KEPU_OUTBOX_RELAY_ENABLED=false QUARKUS_LOG_LEVEL=WARN
# No rate limit in the way: the gateway's other work (auth check, request id, access log) is what is measured.
gateway_env=(KEPU_EVENT_URL=http://127.0.0.1:18381 KEPU_RATE_PUBLIC_CAPACITY=1000000000
  KEPU_RATE_PUBLIC_PER_SECOND=1000000000)
start gateway 18380 "${gateway_env[@]}" QUARKUS_HTTP_IO_THREADS="$PROXY_THREADS"
[ "$PROXY_THREADS" != 1 ] && NAME=gateway-1 start gateway 18379 "${gateway_env[@]}" QUARKUS_HTTP_IO_THREADS=1
declare -A url
for spec in "${nginxes[@]}"; do
  IFS=: read -r name conf port workers <<<"$spec"
  sed -e "s#@WORK@#$WORK#g" -e "s#@NAME@#$name#g" -e "s#@UPSTREAM@#18381#" -e "s#@PORT@#$port#" \
    -e "s#@THREADS@#$workers#" "$HERE/$conf.conf" >"$WORK/$name.conf"
  nginx -c "$WORK/$name.conf"
done

# One published event to read, created through the API like any other.
ID=$(published_event 18381)
path="/api/v1/events/$ID"
url+=([direct]="http://127.0.0.1:18381$path" [gateway]="http://127.0.0.1:18380$path")
targets=(direct gateway)
[ "$PROXY_THREADS" != 1 ] && { url[gateway-1]="http://127.0.0.1:18379$path"; targets+=(gateway-1); }
for spec in "${nginxes[@]}"; do
  IFS=: read -r name _ port _ <<<"$spec"
  url[$name]="http://127.0.0.1:$port$path"; targets+=("$name")
done
if [ "${FLOOR:-0}" = 1 ]; then
  LIBS=$(find "$ROOT/gateway/target/quarkus-app/lib/main" -name '*.jar' | tr '\n' ':')
  mkdir -p "$WORK/floor"
  javac -nowarn -d "$WORK/floor" -cp "$LIBS" "$HERE"/floor/*.java
  for floor in vertx:VertxFloor:18482 netty:NettyFloor:18483; do
    IFS=: read -r name class port <<<"$floor"
    java "${BENCH_JVM[@]}" -cp "$LIBS$WORK/floor" "$class" "$port" 18381 >"$WORK/$name-floor.log" 2>&1 &
    pids+=($!); pid_of[$name-floor]=$!
    url[$name-floor]="http://127.0.0.1:$port$path"; targets+=("$name-floor")
    for _ in $(seq 1 60); do curl -fs "${url[$name-floor]}" >/dev/null 2>&1 && break; sleep 0.5; done
  done
fi
if [ -n "${TARGETS:-}" ]; then
  read -ra targets <<<"$TARGETS"
  for target in "${targets[@]}"; do [ -n "${url[$target]:-}" ] || { echo "bench: no path named $target" >&2; exit 1; }; done
fi
proxy_pids() { case $1 in gateway* | *-floor) echo "${pid_of[$1]}" ;; nginx*) nginx_pids "$1" ;; esac; }
for target in "${targets[@]}"; do curl -fs "${url[$target]}" >/dev/null || { echo "bench: $target does not answer" >&2; exit 1; }; done

echo "bench: warming up ${WARMUP}s on each path (30 s on nginx's: it has no JIT to wait for)..."
for target in "${targets[@]}"; do
  seconds=$WARMUP; [[ $target == nginx* ]] && seconds=$((WARMUP < 30 ? WARMUP : 30))
  wrk -t2 -c32 -d"${seconds}s" "${url[$target]}" >/dev/null
done

out="$ROOT/bench/results/gateway-$(date +%Y%m%d-%H%M).txt"
{
  echo "# GET one event by id, wrk -t2 -c32, ${ROUNDS} alternating rounds of ${ROUND}s each after ${WARMUP}s warm-up per JVM path, $(nproc) cores, $PROXY_THREADS event loops / nginx workers"
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${!targets[@]}"; do
      target=${targets[$(((i + round - 1) % ${#targets[@]}))]}
      proxy=$(proxy_pids "$target")
      round_costs_begin $proxy
      wrk -t2 -c32 -d"${ROUND}s" --latency "${url[$target]}" >"$WORK/wrk-$target-$round.txt"
      n=$(awk '/requests in/ {print $1}' "$WORK/wrk-$target-$round.txt")
      cpu=$(round_costs_end "$n" "$ROUND")
      rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$target-$round.txt")
      p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$target-$round.txt")
      non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-$target-$round.txt")
      echo "round=$round target=$target rps=$rps p99=$p99 non2xx=${non2xx:-0} cpu/request: $cpu"
    done
  done
} | tee "$out"
awk '/^round/ { split($2, t, "="); split($3, r, "="); sum[t[2]] += r[2]; n[t[2]]++ }
     END { d = sum["direct"] / n["direct"];
           for (k in sum) printf "mean %-12s %8.0f req/s  %5.1f%% of direct\n", k, sum[k] / n[k], 100 * sum[k] / n[k] / d }' \
  "$out" | sort | tee -a "$out"
round_means "$out" target | tee -a "$out"
paired_gap "$out" gateway nginx | tee -a "$out"
echo "bench: results in $out"
