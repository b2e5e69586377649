#!/usr/bin/env bash
# Registration rush (issue 23): SECONDS of registration attempts as fast as 32 connections send them (sizes 1 and 2,
# every one from a new phone number) at one fresh 100-seat event with no wait list, through the gateway, as when
# registration for a carnival opens at 9:00 (at this machine's rates, several thousand attempts a round). Reports
# attempts per second, p50/p99 (wrk's, and the gateway's own from its access lines), how many were refused (409 full),
# the CPU each process spent per attempt, and checks
# through the organizer's API that exactly 100 seats were confirmed — never more.
# KEYS=1 sends an Idempotency-Key with every attempt (then no refusal comes from memory: a retry must find its first
# answer first).
#   [KEYS=1] bench/registrations/run.sh [ROUNDS] [SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/registrations"
ROUNDS="${1:-3}"; SECONDS_EACH="${2:-10}"; THREADS=2
export KEYS="${KEYS:-0}"
WORK="$ROOT/.local/bench-registrations"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built event-service
trap stop_started EXIT
start event-service 18681
# Every attempt comes from this one machine: lift the per-IP limit so that registrations, not 429s, are measured.
start gateway 18680 KEPU_EVENT_URL=http://127.0.0.1:18681 KEPU_RATE_PUBLIC_CAPACITY=1000000000 \
  KEPU_RATE_PUBLIC_PER_SECOND=1000000000
token=$("$ROOT/deploy/local/token.sh" --role organizer --org bench)
new_event() {
  local id
  id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' http://127.0.0.1:18680/api/v1/events \
    -d '{"titleZh":"科普嘉年华 报名压测","type":"CARNIVAL","startsAt":"2026-12-26T09:00:00+08:00","endsAt":"2026-12-26T17:00:00+08:00","divisionCode":"440106","capacity":100,"takesRegistrations":true}' \
    | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:18680/api/v1/events/$id/publish" >/dev/null
  echo "$id"
}
# A first burst at a throwaway event warms the JIT; each measured round then rushes a fresh event.
EVENT=$(new_event) wrk -t$THREADS -c32 -d60s -s "$HERE/burst.lua" http://127.0.0.1:18680 >/dev/null

out="$ROOT/bench/results/registrations-$(date +%Y%m%d-%H%M).txt"
{
  echo "# registration rush through the gateway: ${SECONDS_EACH}s of attempts (sizes 1 and 2, new phone each) at a fresh 100-seat event per round, no wait list, wrk -t$THREADS -c32, $(nproc) cores, Idempotency-Key on every attempt: ${KEYS:-0}"
  for round in $(seq 1 "$ROUNDS"); do
    export EVENT
    EVENT=$(new_event)
    g0=$(cpu_ticks "${pid_of[gateway]}"); e0=$(cpu_ticks "${pid_of[event-service]}"); p0=$(cpu_ticks $(postgres_pids))
    wrk -t$THREADS -c32 -d"${SECONDS_EACH}s" --latency -s "$HERE/burst.lua" http://127.0.0.1:18680 >"$WORK/wrk-$round.txt"
    g1=$(cpu_ticks "${pid_of[gateway]}"); e1=$(cpu_ticks "${pid_of[event-service]}"); p1=$(cpu_ticks $(postgres_pids))
    confirmed=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:18680/api/v1/events/$EVENT" \
      | sed -E 's/.*"confirmedSeats":([0-9]+).*/\1/')
    listed=$(curl -fs -H "Authorization: Bearer $token" \
      "http://127.0.0.1:18680/api/v1/events/$EVENT/registrations.csv" | tail -n +2 | awk -F, '{ s += $3 } END { print s + 0 }')
    # The gateway's own measure of each attempt (its access line, from the request read to the answer written): wrk's
    # also holds the time wrk itself waits for a core on this machine, where it shares two with everything it loads.
    at_gateway=$(grep -F "\"path\":\"/api/v1/events/$EVENT/registrations\"" "$WORK/gateway.log" \
      | sed -E 's/.*"durationMs":([0-9.]+).*/\1/' | sort -n \
      | awk '{ d[NR] = $1 } $1 >= 100 { slow++ } END { printf "gateway_p50=%sms gateway_p99=%sms gateway_p999=%sms over_100ms=%d", d[int(NR * 0.5) + 1], d[int(NR * 0.99) + 1], d[int(NR * 0.999) + 1], slow }')
    echo "round=$round $at_gateway"
    awk -v r="$round" -v c="$confirmed" -v l="$listed" -v hz="$(getconf CLK_TCK)" -v g=$((g1 - g0)) -v e=$((e1 - e0)) -v p=$((p1 - p0)) '
      /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
      /Non-2xx/ { refused = $5 }
      END { f = 1e6 / hz / n
            printf "round=%d attempts=%d attempts/s=%.0f p50=%s p99=%s refused=%d confirmed_seats=%d listed_seats=%d cpu/attempt: gateway=%.0fus event-service=%.0fus postgres=%.0fus\n",
              r, n, rps, p50, p99, refused, c, l, g * f, e * f, p * f }' "$WORK/wrk-$round.txt"
  done
} | tee "$out"
echo "bench: results in $out"
