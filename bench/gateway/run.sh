#!/usr/bin/env bash
# Gateway overhead (issue 4): GET one event by id three ways in the same run — straight at event-service, through the
# gateway, and through nginx as a plain keep-alive reverse proxy — with wrk at 32 connections, alternating in rounds
# after a warm-up, so that the machine's noise falls on all three alike.
#   bench/gateway/run.sh [ROUND_SECONDS] [ROUNDS] [WARMUP_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
ROUND="${1:-20}"; ROUNDS="${2:-3}"; WARMUP="${3:-60}"
WORK="$ROOT/.local/bench-gateway"
mkdir -p "$WORK"
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  [ "$(id -u)" -eq 0 ] || { echo "bench: install wrk and nginx (apt-get install wrk nginx-light)" >&2; exit 1; }
  apt-get install -y -qq wrk nginx-light >/dev/null
}

"$ROOT/deploy/local/stack.sh" up dev
# shellcheck disable=SC1091
source "$ROOT/.local/env"
[ -f "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -B install -DskipTests)

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
cleanup() {
  stop_started
  [ -s "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
nginx_pids() { [ -s "$WORK/nginx.pid" ] && { cat "$WORK/nginx.pid"; pgrep -P "$(cat "$WORK/nginx.pid")"; }; }
start event-service 18381 KEPU_OUTBOX_RELAY_ENABLED=false QUARKUS_LOG_LEVEL=WARN
# No rate limit in the way: the gateway's other work (auth check, request id, access log) is what is measured.
# One event loop, as nginx runs one worker (nginx.conf): on 2 cores shared with wrk and the service, more only contend.
start gateway 18380 KEPU_EVENT_URL=http://127.0.0.1:18381 KEPU_RATE_PUBLIC_CAPACITY=1000000000 \
  KEPU_RATE_PUBLIC_PER_SECOND=1000000000 QUARKUS_HTTP_IO_THREADS=1
sed -e "s#@WORK@#$WORK#g" -e "s#@UPSTREAM@#18381#" -e "s#@PORT@#18480#" "$HERE/nginx.conf" >"$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf"

# One published event to read, created through the API like any other.
TOKEN=$(java -cp "$ROOT/common/api/target/classes" org.kepu.common.security.DevTokenMinter --role organizer --org bench)
ID=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' http://127.0.0.1:18381/api/v1/events \
  -d '{"titleZh":"网关基准测试活动","type":"LECTURE","startsAt":"2026-12-05T14:00:00+08:00","endsAt":"2026-12-05T16:00:00+08:00","divisionCode":"440106"}' \
  | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
curl -fs -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18381/api/v1/events/$ID/publish" >/dev/null
path="/api/v1/events/$ID"
declare -A url=([direct]="http://127.0.0.1:18381$path" [gateway]="http://127.0.0.1:18380$path" [nginx]="http://127.0.0.1:18480$path")
for target in direct gateway nginx; do curl -fs "${url[$target]}" >/dev/null || { echo "bench: $target does not answer" >&2; exit 1; }; done

echo "bench: warming up ${WARMUP}s on each path..."
for target in direct gateway nginx; do wrk -t2 -c32 -d"${WARMUP}s" "${url[$target]}" >/dev/null; done

out="$ROOT/bench/results/gateway-$(date +%Y%m%d-%H%M).txt"
{
  echo "# GET one event by id, wrk -t2 -c32, ${ROUNDS} alternating rounds of ${ROUND}s each after ${WARMUP}s warm-up per path, $(nproc) cores"
  for round in $(seq 1 "$ROUNDS"); do
    for target in direct gateway nginx; do
      proxy=$([ "$target" = gateway ] && echo "${pid_of[gateway]}" || { [ "$target" = nginx ] && nginx_pids; } || true)
      p0=$(cpu_ticks $proxy); s0=$(cpu_ticks "${pid_of[event-service]}")
      wrk -t2 -c32 -d"${ROUND}s" --latency "${url[$target]}" >"$WORK/wrk-$target-$round.txt"
      p1=$(cpu_ticks $proxy); s1=$(cpu_ticks "${pid_of[event-service]}")
      rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$target-$round.txt")
      n=$(awk '/requests in/ {print $1}' "$WORK/wrk-$target-$round.txt")
      p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$target-$round.txt")
      non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-$target-$round.txt")
      cpu=$(awk -v n="$n" -v hz="$(getconf CLK_TCK)" -v p=$((p1 - p0)) -v s=$((s1 - s0)) \
        'BEGIN { printf "proxy=%.0fus service=%.0fus", p * 1e6 / hz / n, s * 1e6 / hz / n }')
      echo "round=$round target=$target rps=$rps p99=$p99 non2xx=${non2xx:-0} cpu/request: $cpu"
    done
  done
} | tee "$out"
awk '/^round/ { split($2, t, "="); split($3, r, "="); sum[t[2]] += r[2]; n[t[2]]++ }
     END { d = sum["direct"] / n["direct"];
           for (k in sum) printf "mean %-8s %8.0f req/s  %5.1f%% of direct\n", k, sum[k] / n[k], 100 * sum[k] / n[k] / d }' \
  "$out" | sort | tee -a "$out"
echo "bench: results in $out"
