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
  token=$(java -cp "$ROOT/common/api/target/classes" org.kepu.common.security.DevTokenMinter --role organizer --org bench)
  id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "http://127.0.0.1:$1/api/v1/events" \
    -d '{"titleZh":"网关基准测试活动","type":"LECTURE","startsAt":"2026-12-05T14:00:00+08:00","endsAt":"2026-12-05T16:00:00+08:00","divisionCode":"440106"}' \
    | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/events/$id/publish" >/dev/null
  echo "$id"
}
pids=()
# Every JVM a bench starts runs like deploy/run.sh starts the services.
BENCH_JVM=(-Xmx512m -XX:+UseSerialGC)
declare -A pid_of # NAME (or service name) -> pid
stop_started() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
start() { # name port env...   (NAME=… names the log when one service runs twice)
  local name=$1 port=$2 log="$WORK/${NAME:-$1}.log"; shift 2
  env "$@" QUARKUS_HTTP_PORT="$port" nohup java "${BENCH_JVM[@]}" -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" \
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
