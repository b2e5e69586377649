# Shared by the benchmark scripts: install the load tools, bring up the dev stack, start a packaged service as a
# process, wait until it is ready, stop it on exit. Expects ROOT and WORK to be set by the caller.
# need_packages COMMAND:PACKAGE...: installs from Debian's packages what is missing (as root), or says what to install.
need_packages() {
  local missing=() pair
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}"); done
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || { echo "bench: install ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; }
  apt-get install -y -qq "${missing[@]}" >/dev/null
}
# The dev stack (PostgreSQL, Kafka) up, its settings in the environment, and the services built if they are not.
stack_up_and_built() {
  "$ROOT/deploy/local/stack.sh" up dev
  # shellcheck disable=SC1091
  source "$ROOT/.local/env"
  [ -f "$ROOT/$1/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -B install -DskipTests)
}
# published_event PORT: creates one event through event-service's API at PORT, publishes it, prints its id.
published_event() {
  local token id
  token=$("$ROOT/deploy/local/token.sh" --role organizer --org bench)
  id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "http://127.0.0.1:$1/api/v1/events" \
    -d '{"titleZh":"网关基准测试活动","type":"LECTURE","startsAt":"2026-12-05T14:00:00+08:00","endsAt":"2026-12-05T16:00:00+08:00","divisionCode":"440106"}' \
    | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/events/$id/publish" >/dev/null
  echo "$id"
}
# write_places FILE: the 122 county seats and Dongguan/Zhongshan as "code,city,region,lat,lon,name" (points spread
# around each city's centre), where the search benches put their generated rows and their searchers.
write_places() {
  awk -F, 'NR==FNR { if (FNR > 1) { lat[$1]=$2; lon[$1]=$3 }; next }
           FNR == 1 { print "code,city,region,lat,lon,name"; next }
           ($3 == "COUNTY" || $1 == "441900" || $1 == "442000") {
             city = ($3 == "COUNTY") ? $4 : $1; d = ($1 % 97) / 97.0 - 0.5; e = ($1 % 89) / 89.0 - 0.5;
             printf "%s,%s,%s,%.4f,%.4f,%s\n", $1, city, $5, lat[city] + d * 0.4, lon[city] + e * 0.4, $2 }' \
    "$ROOT/bench/events-search/city-centres.csv" \
    "$ROOT/common/api/src/main/resources/org/kepu/common/divisions/guangdong-divisions.csv" >"$1"
}
# measure_paths LABEL PATH_FILE BASE_URL SERVICE_NAME GATEWAY_NAME: SECONDS_EACH of wrk (CLIENTS connections) over the
# paths, then wrk's figures and where the CPU went per request, in ms: the gateway, the service (named as started),
# PostgreSQL, and the rest (wrk and the OS).
measure_paths() {
  local label=$1 file=$2 base=$3 service=$4 svc=${pid_of[$4]} gw=${pid_of[$5]} report="$WORK/wrk-$1.txt"
  local m0 g0 s0 p0 m1 g1 s1 p1
  m0=$(machine_ticks); g0=$(cpu_ticks "$gw"); s0=$(cpu_ticks "$svc"); p0=$(cpu_ticks $(postgres_pids))
  PATHS="$file" wrk -t2 -c"$CLIENTS" -d"${SECONDS_EACH}s" --timeout 10s --latency -s "$ROOT/bench/rotate-paths.lua" "$base" >"$report"
  m1=$(machine_ticks); g1=$(cpu_ticks "$gw"); s1=$(cpu_ticks "$svc"); p1=$(cpu_ticks $(postgres_pids))
  awk -v label="$label" -v service="$service" -v hz="$(getconf CLK_TCK)" -v m=$((m1 - m0)) -v g=$((g1 - g0)) -v e=$((s1 - s0)) -v p=$((p1 - p0)) '
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "90%" { p90 = $2 } $1 == "99%" { p99 = $2 }
    /Non-2xx/ { bad = $5 } /Socket errors/ { gsub(",", ""); timeouts = $NF }
    END { f = 1000 / hz / (n > 0 ? n : 1);
          printf "%-20s requests=%d throughput=%.0f/s p50=%s p90=%s p99=%s non2xx=%d timeouts=%d\n", label, n, rps, p50, p90, p99, bad, timeouts;
          printf "%-20s cpu ms/request: gateway=%.2f %s=%.2f postgres=%.2f rest=%.2f all=%.2f\n", "", g * f, service, e * f, p * f, (m - g - e - p) * f, m * f }' "$report"
}
pids=()
# Event loops of the gateway, workers of nginx: one per core unless THREADS says otherwise (either's default).
PROXY_THREADS="${THREADS:-$(nproc)}"
# Every JVM a bench starts runs like deploy/run.sh starts the services; BENCH_JVM_FLAGS="…" replaces the flags (e.g.
# to measure a smaller heap's footprint and speed), and BENCH_JVM_FLAGS_<service>="…" (event_service, venue_service,
# reporting_service, gateway) adds flags to one service's, such as its own -Xmx.
read -r -a BENCH_JVM <<<"${BENCH_JVM_FLAGS:--Xmx512m -XX:+UseSerialGC}"

declare -A pid_of # NAME (or service name) -> pid
stop_started() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
# APPS names another folder holding the services' builds as SERVICE/target/quarkus-app (default this checkout), e.g. a
# worktree of an earlier commit built there, so a bench measures that build with the same scripts, stack and keys.
start() { # name port env...   (NAME=… names the log when one service runs twice)
  local name=$1 port=$2 log="$WORK/${NAME:-$1}.log" own; shift 2
  own="BENCH_JVM_FLAGS_${name//-/_}"; read -r -a own <<<"${!own:-}"
  env "$@" QUARKUS_HTTP_PORT="$port" nohup java "${BENCH_JVM[@]}" "${own[@]}" -jar "${APPS:-$ROOT}/$name/target/quarkus-app/quarkus-run.jar" \
    >"$log" 2>&1 &
  pids+=($!)
  pid_of[${NAME:-$name}]=$!
  # Long enough for a migration that builds indexes over the million-event bench database.
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "bench: $name did not start; see $log" >&2; exit 1
}

# CPU time used so far by the given processes (every thread), in clock ticks, as "USER SYSTEM": a proxy's own work
# apart from the kernel's on its behalf (syscalls, loopback TCP).
cpu_split() {
  local user=0 system=0 pid u s
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    read -r u s < <(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12, $13}')
    user=$((user + u)); system=$((system + s))
  done
  echo "$user $system"
}
# The same, user + system.
cpu_ticks() {
  local user system
  read -r user system < <(cpu_split "$@")
  echo $((user + system))
}
# All CPU time the machine has spent so far (every core, idle and iowait excluded), in clock ticks.
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
postgres_pids() { pgrep -u postgres -d ' ' postgres || true; }
# Where a round's CPU went, per request: round_costs_begin PROXY_PID... before the load, round_costs_end REQUESTS
# SECONDS after it prints the proxy's user and kernel time, event-service's, PostgreSQL's, the rest of the machine's
# (the load generator, network work the kernel books to no process, other tenants) and how busy the machine was. A
# proxy costs its own time and whatever it adds to the others' (a machine left idle while requests wait in it).
round_costs_begin() {
  cost_proxy=("$@")
  read -r cost_pu cost_ps < <(cpu_split "$@")
  cost_s=$(cpu_ticks "${pid_of[event-service]}"); cost_d=$(cpu_ticks $(postgres_pids)); cost_m=$(machine_ticks)
}
round_costs_end() {
  local pu ps s d m
  read -r pu ps < <(cpu_split "${cost_proxy[@]}")
  s=$(cpu_ticks "${pid_of[event-service]}"); d=$(cpu_ticks $(postgres_pids)); m=$(machine_ticks)
  awk -v n="$1" -v cap="$(($(nproc) * $2))" -v hz="$(getconf CLK_TCK)" -v u=$((pu - cost_pu)) -v k=$((ps - cost_ps)) \
    -v s=$((s - cost_s)) -v d=$((d - cost_d)) -v m=$((m - cost_m)) \
    'BEGIN { f = 1e6 / hz / n
             printf "proxy=%.0fus user=%.0fus system=%.0fus service=%.0fus postgres=%.0fus rest=%.0fus busy=%.0f%%\n",
               (u + k) * f, u * f, k * f, s * f, d * f, (m - u - k - s - d) * f, 100 * m / hz / cap }'
}
# Means of a results file's numeric key=value fields per path (the field named by $2, e.g. target or build),
# rounds after the first (the JIT is usually still at work in it).
round_means() {
  awk -v by="$2" '/^round=/ && $1 != "round=1" {
      key = ""; for (i = 1; i <= NF; i++) if (index($i, by "=") == 1) key = substr($i, length(by) + 2)
      n[key]++
      for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2 && kv[2] ~ /^[0-9.]+(us|ms|%)?$/ && kv[1] != "round") {
        v = kv[2]; sub(/(us|ms|%)$/, "", v); sum[key, kv[1]] += v; if (!(kv[1] in seen)) { seen[kv[1]]; order[++m] = kv[1] } } }
    END { for (k in n) { line = sprintf("mean rounds 2+ %-12s", k)
            for (j = 1; j <= m; j++) if ((k, order[j]) in sum) line = line sprintf(" %s=%.1f", order[j], sum[k, order[j]] / n[k])
            print line } }' "$1" | sort
}
# paired_gap FILE A B [REF]: per round after the first, A's and B's throughput as shares of REF's (default direct) in
# the same round, and the mean of A's minus B's (percentage points) with its 95 % confidence interval (Student's t):
# positive means A kept more of REF than B did. With REF=B, how much faster A was than B, in percent.
paired_gap() {
  awk -v a="$2" -v b="$3" -v ref="${4:-direct}" '/^round=/ && $1 != "round=1" {
      split($1, r, "="); split($2, p, "="); split($3, q, "="); rps[r[2], p[2]] = q[2]; rounds[r[2]] }
    END { n = 0
      for (k in rounds) if ((k, ref) in rps && (k, a) in rps && (k, b) in rps) {
        d[++n] = 100 * (rps[k, a] - rps[k, b]) / rps[k, ref]; sum += d[n] }
      if (n < 2) exit
      mean = sum / n; for (i = 1; i <= n; i++) ss += (d[i] - mean) ^ 2
      split("12.71 4.30 3.18 2.78 2.57 2.45 2.36 2.31 2.26 2.23 2.20 2.18 2.16 2.14 2.13 2.12 2.11 2.10 2.09 2.09 2.08 2.07 2.07 2.06 2.06 2.06 2.05 2.05 2.05 2.04", tq, " ")
      t = n - 1 <= 30 ? tq[n - 1] : 1.96; half = t * sqrt(ss / (n - 1) / n)
      printf "paired %s - %s: %+.1f points of " ref " (95%% CI %+.1f to %+.1f, %d rounds)\n", a, b, mean, mean - half, mean + half, n }' "$1"
}
