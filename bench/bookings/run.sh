#!/usr/bin/env bash
# Booking rush (issue 18): SECONDS of booking attempts as fast as 32 connections send them (classes of 1 to 3, a new
# phone each) at one fresh slot of CAPACITY seats, through the gateway, as when a popular museum opens its slots for
# the term (at this machine's rates several thousand attempts a round, well over the issue's 5,000 in a few rounds).
# Reports attempts per second, p50/p99, how many were refused (409 full), the CPU each process spent per attempt, and
# checks through the manager's API and the slot that exactly CAPACITY seats were confirmed — never more, and none left.
#   bench/bookings/run.sh [ROUNDS] [SECONDS] [CAPACITY]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/bookings"
ROUNDS="${1:-3}"; SECONDS_EACH="${2:-10}"; CAPACITY="${3:-200}"
WORK="$ROOT/.local/bench-bookings"
mkdir -p "$WORK"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
need_packages wrk:wrk
stack_up_and_built venue-service
trap stop_started EXIT
start venue-service 18782
# Every attempt comes from this one machine: lift the per-IP limit so that bookings, not 429s, are measured.
start gateway 18780 KEPU_VENUE_URL=http://127.0.0.1:18782 KEPU_RATE_PUBLIC_CAPACITY=1000000000 \
  KEPU_RATE_PUBLIC_PER_SECOND=1000000000
admin=$("$ROOT/deploy/local/token.sh" --role admin)
api() { curl -fs -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
id_of() { sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/'; }
VENUE=$(api http://127.0.0.1:18780/api/v1/venues -d '{"nameZh":"预约压测科技馆","kind":"SCIENCE_MUSEUM","divisionCode":"440106","latitude":23.1,"longitude":113.3}' | id_of)
week=""; for day in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do week="$week\"$day\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],"; done
api -X PUT -H 'If-Match: *' "http://127.0.0.1:18780/api/v1/venues/$VENUE/opening-hours" -d "{\"weekly\":{${week%,}}}" >/dev/null
new_slot() { # N: a fresh slot, the Nth hour from two weeks ahead (called in a subshell, so it keeps no count itself)
  local day hour
  day=$(date -d "+$((14 + $1 / 24)) days" +%F); hour=$(printf %02d $(($1 % 24)))
  api "http://127.0.0.1:18780/api/v1/venues/$VENUE/slots" \
    -d "{\"date\":\"$day\",\"opens\":\"$hour:00\",\"closes\":\"$hour:45\",\"capacity\":$CAPACITY}" \
    | sed -E 's/.*"items":\[\{"id":"([0-9a-f-]{36})".*/\1/'
}
export VENUE SLOT
# A first burst at a throwaway slot warms the JIT (two minutes: the first rounds after one minute ran ~30 % slower);
# each measured round then rushes a fresh slot.
SLOT=$(new_slot 0) wrk -t2 -c32 -d120s -s "$HERE/burst.lua" http://127.0.0.1:18780 >/dev/null

out="$ROOT/bench/results/bookings-$(date +%Y%m%d-%H%M).txt"
{
  echo "# booking rush through the gateway: ${SECONDS_EACH}s of attempts (classes of 1-3, new phone each) at a fresh $CAPACITY-seat slot per round, wrk -t2 -c32, $(nproc) cores"
  for round in $(seq 1 "$ROUNDS"); do
    SLOT=$(new_slot "$round")
    g0=$(cpu_ticks "${pid_of[gateway]}"); v0=$(cpu_ticks "${pid_of[venue-service]}"); p0=$(cpu_ticks $(postgres_pids))
    wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency -s "$HERE/burst.lua" http://127.0.0.1:18780 >"$WORK/wrk-$round.txt"
    g1=$(cpu_ticks "${pid_of[gateway]}"); v1=$(cpu_ticks "${pid_of[venue-service]}"); p1=$(cpu_ticks $(postgres_pids))
    left=$(curl -fs "http://127.0.0.1:18780/api/v1/venues/$VENUE/slots?from=$(date -d '+14 days' +%F)&to=$(date -d '+20 days' +%F)" \
      | tr '{' '\n' | grep "\"id\":\"$SLOT\"" | sed -E 's/.*"seatsLeft":([0-9]+).*/\1/')
    listed=$(api "http://127.0.0.1:18780/api/v1/venues/$VENUE/bookings.csv?slotId=$SLOT&status=CONFIRMED" \
      | tail -n +2 | awk -F, '{ s += $4 } END { print s + 0 }')
    awk -v r="$round" -v cap="$CAPACITY" -v left="$left" -v l="$listed" -v hz="$(getconf CLK_TCK)" -v g=$((g1 - g0)) -v v=$((v1 - v0)) -v p=$((p1 - p0)) '
      /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
      /Non-2xx/ { refused = $5 }
      END { f = 1e6 / hz / n
            printf "round=%d attempts=%d attempts/s=%.0f p50=%s p99=%s refused=%d confirmed_seats=%d listed_seats=%d seats_left=%d cpu/attempt: gateway=%.0fus venue-service=%.0fus postgres=%.0fus\n",
              r, n, rps, p50, p99, refused, cap - left, l, left, g * f, v * f, p * f }' "$WORK/wrk-$round.txt"
  done
} | tee "$out"
echo "bench: results in $out"
