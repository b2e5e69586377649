#!/usr/bin/env bash
# Memory footprint of each service under the benches' loads, for sizing containers (deploy/kubernetes/README.md).
# Runs the partner push (event-service, reporting-service, gateway), the reporting bench (reporting-service's consumers
# and report endpoints, XLSX included) and the booking rush (venue-service, gateway) one after another, and samples
# every service process every 2 s: resident memory (VmRSS, and the kernel's peak VmHWM), heap used and committed
# (jstat: eden + survivors + old), metaspace used and threads. Prints the maxima per service and the JVM flags the
# benches start them with (bench/lib.sh's BENCH_JVM).
#   bench/footprint/run.sh [PARTNER_EVENTS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EVENTS="${1:-100000}"
WORK="$ROOT/.local/bench-footprint"
mkdir -p "$WORK"
: >"$WORK/samples.txt"
SERVICES=(event-service venue-service reporting-service gateway)

sample() { # one line per running service process: service rss_kb hwm_kb heap_used_kb heap_committed_kb meta_kb threads
  local service pid status gc
  for service in "${SERVICES[@]}"; do
    for pid in $(pgrep -f "/$service/target/quarkus-app/quarkus-run.jar" || true); do
      status=$(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } /^Threads/ { t = $2 } END { print r, h, t }' \
        "/proc/$pid/status" 2>/dev/null) || continue
      # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU …
      gc=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "%d %d %d", $3 + $4 + $6 + $8, $1 + $2 + $5 + $7, $10 }') \
        || continue
      read -r rss hwm threads <<<"$status"
      echo "$service $rss $hwm $gc $threads"
    done
  done
}
( while :; do sample >>"$WORK/samples.txt" 2>/dev/null; sleep 2; done ) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

"$ROOT/bench/partners/run.sh" "$EVENTS" 2
"$ROOT/bench/reporting/run.sh" 2000 60 20
"$ROOT/bench/bookings/run.sh" 3 10 200

kill $sampler
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
RESULT="$ROOT/bench/results/footprint-$(date +%Y%m%d-%H%M).txt"
{
echo "# bench/footprint/run.sh $EVENTS: peak memory of each service under the partner push, reporting and booking benches"
echo "# JVM flags of every service process: ${BENCH_JVM[*]}; $(nproc) cores; $(java -version 2>&1 | head -1)"
awk '$2 > 0 { s = $1; n[s]++
       if ($2 > rss[s]) rss[s] = $2; if ($3 > hwm[s]) hwm[s] = $3; if ($4 > used[s]) used[s] = $4
       if ($5 > com[s]) com[s] = $5; if ($6 > meta[s]) meta[s] = $6; if ($7 > thr[s]) thr[s] = $7 }
     END { for (s in n) printf "%-18s samples=%d peak_rss=%dMiB max_rss_sampled=%dMiB heap_used_max=%dMiB heap_committed_max=%dMiB metaspace=%dMiB threads_max=%d\n",
             s, n[s], hwm[s] / 1024, rss[s] / 1024, used[s] / 1024, com[s] / 1024, meta[s] / 1024, thr[s] }' "$WORK/samples.txt" | sort
} | tee "$RESULT"
echo "bench: results in $RESULT"
