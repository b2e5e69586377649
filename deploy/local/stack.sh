#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL from Debian's packages and a single-node KRaft Kafka broker from Apache
# Kafka's jars. Idempotent and quiet on success; on failure it says which step failed, why, and what to do.
#
#   deploy/local/stack.sh up   [dev|test]   make PostgreSQL available, create roles and databases, start the broker
#   deploy/local/stack.sh down [dev|test]   stop what this script started (by process id)
#   deploy/local/stack.sh status [dev|test]
#   deploy/local/stack.sh kafka-stop|kafka-start [dev|test]   stop or restart only the broker, keeping its data
#                                                             (the outbox tests use this to simulate an outage)
#   deploy/local/stack.sh reset [dev]    start the dev stack anew: empty databases and an empty broker
#
# The dev and test profiles share the PostgreSQL server (different databases) but each has its own broker, ports and
# data folder, so running the tests never touches the data of a running local system. The server, its roles and the
# databases are the machine's, shared by every checkout; the brokers' data is each checkout's (.local/): hence the
# roles' passwords kept with the server (ensure_role) and the dev stack's identity (ensure_stack_identity).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ACTION="${1:-up}"
PROFILE="${2:-dev}"
LOCAL="$ROOT/.local"
STATE="$LOCAL/$PROFILE"
SERVICES=(event venue reporting)
TOPICS=(kepu.events kepu.registrations kepu.venues kepu.bookings kepu.tours kepu.plans kepu.dead-letters)
TOPIC_PARTITIONS="${KEPU_TOPIC_PARTITIONS:-3}"
PG_PORT="${KEPU_PG_PORT:-5432}"

case "$PROFILE" in
  dev) KAFKA_PORT="${KEPU_KAFKA_PORT:-9092}"; DB_SUFFIX="" ;;
  test) KAFKA_PORT="${KEPU_TEST_KAFKA_PORT:-19092}"; DB_SUFFIX="_test" ;;
  *) echo "stack: unknown profile '$PROFILE' (use dev or test)" >&2; exit 2 ;;
esac
CONTROLLER_PORT=$((KAFKA_PORT + 1))

fail() { # step, why, what to do
  echo "stack: $1 failed: $2" >&2
  echo "stack: what to do: $3" >&2
  exit 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

ensure_postgres_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /usr/lib/postgresql 2>/dev/null)" ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "installing PostgreSQL" "it is not installed and we are not root" \
    "run 'sudo apt-get install -y postgresql' once, then run this again"
  echo "stack: installing PostgreSQL from Debian's packages (once)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || fail "installing PostgreSQL" "apt-get install postgresql did not succeed" "check apt sources and rerun"
}

pg_cluster() { pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1" "$2; exit}'; }

ensure_postgres_running() {
  pg_ready && return 0
  local cluster version
  cluster=$(pg_cluster)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    [ "$(id -u)" -eq 0 ] || fail "creating a PostgreSQL cluster" "none listens on port $PG_PORT" "run 'sudo pg_createcluster $version main --port $PG_PORT'"
    pg_createcluster "$version" main --port "$PG_PORT" >/dev/null || fail "creating a PostgreSQL cluster" "pg_createcluster failed" "see its output above"
    cluster="$version main"
  fi
  # shellcheck disable=SC2086
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster $cluster start; else sudo -n pg_ctlcluster $cluster start; fi \
    || fail "starting PostgreSQL ($cluster)" "pg_ctlcluster did not start it" "read /var/log/postgresql/*.log"
  touch "$STATE/started-postgres"
  for _ in $(seq 1 60); do pg_ready && return 0; sleep 0.5; done
  fail "starting PostgreSQL" "it did not accept connections within 30 s" "read /var/log/postgresql/*.log"
}

# PostgreSQL's packaged default keeps 128 MB of pages in its own memory; every other page a query touches is copied in
# from the kernel, or read from disk when the kernel let it go. A quarter of the memory (at most 8 GB) is the
# usual production setting, and on the search bench's million events it made uncached near-me searches 23 % and free
# text 65 % faster (bench/README, session 18). Set once, with a restart; KEPU_PG_SHARED_BUFFERS overrides (e.g. 512MB
# on a small laptop). Only for a server this script manages: one on another port or host is its operator's to tune.
ensure_postgres_memory() {
  local want cluster limit
  # The machine's memory, or the container's when a cgroup limits it to less.
  limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || true)
  [[ $limit =~ ^[0-9]+$ ]] || limit=0
  want="${KEPU_PG_SHARED_BUFFERS:-$(awk -v limit="$limit" '/^MemTotal:/ {
    bytes = $2 * 1024; if (limit > 0 && limit < bytes) bytes = limit
    mb = int(bytes / 1048576 / 4); print (mb > 8192 ? 8192 : mb) "MB" }' /proc/meminfo)}"
  [ "$(psql_admin -Atc "SELECT pg_size_bytes(current_setting('shared_buffers')) = pg_size_bytes('$want')")" = t ] && return 0
  psql_admin -c "ALTER SYSTEM SET shared_buffers = '$want'" \
    || fail "setting PostgreSQL's shared_buffers to $want" "ALTER SYSTEM refused it" "set KEPU_PG_SHARED_BUFFERS to a size like 1GB"
  cluster=$(pg_cluster)
  [ -n "$cluster" ] || { echo "stack: shared_buffers $want takes effect when PostgreSQL next restarts" >&2; return 0; }
  echo "stack: restarting PostgreSQL once for shared_buffers = $want"
  # shellcheck disable=SC2086
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster $cluster restart; else sudo -n pg_ctlcluster $cluster restart; fi \
    || fail "restarting PostgreSQL ($cluster)" "pg_ctlcluster did not restart it" "read /var/log/postgresql/*.log"
  for _ in $(seq 1 60); do pg_ready && return 0; sleep 0.5; done
  fail "restarting PostgreSQL" "it did not accept connections within 30 s" "read /var/log/postgresql/*.log"
}

# The roles are the server's, so their passwords are too: kept in the server (kepu_local.role_password in the postgres
# database, which only superusers read) and copied into each checkout's .local/env. Before, every checkout set the
# roles to the passwords it had generated, and a second checkout's test run left a system running from the first
# unable to open a connection. A role whose password no longer works (changed by a checkout whose stack.sh predates
# this, or by a system test that locks its role out and did not finish) is given the kept one again.
ensure_password_store() {
  psql_admin <<'SQL' || fail "keeping the roles' passwords" "psql failed" "check that you can become the postgres user"
CREATE SCHEMA IF NOT EXISTS kepu_local;
REVOKE ALL ON SCHEMA kepu_local FROM PUBLIC;
CREATE TABLE IF NOT EXISTS kepu_local.role_password (role name PRIMARY KEY, password text NOT NULL);
SQL
}

password_works() { # role, password
  PGPASSWORD="$2" PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$1" -d postgres -Atc 'SELECT 1' \
    >/dev/null 2>&1
}

# $1 = role, $2 = the .local/env variable that holds its password, $3 = extra CREATE ROLE options
ensure_role() {
  local role="$1" var="$2" options="${3:-}" pw="${!2}" kept exists
  kept=$(psql_admin -At -v role="$role" <<'SQL'
SELECT password FROM kepu_local.role_password WHERE role = :'role';
SQL
) || fail "reading the password kept for role $role" "psql failed" "check the PostgreSQL log"
  exists=$(psql_admin -At -v role="$role" <<'SQL'
SELECT 1 FROM pg_roles WHERE rolname = :'role';
SQL
)
  if [ -n "$kept" ]; then
    pw="$kept"
  elif [ -n "$exists" ] && ! password_works "$role" "$pw"; then
    echo "stack: role $role had a password this checkout does not know (set by a checkout whose stack.sh predates the" \
      "passwords kept with the server); it now has the one in $LOCAL/env, which every checkout will share from now on;" \
      "a system still running from another checkout needs a restart with it" >&2
  fi
  psql_admin -v role="$role" -v pw="$pw" -v options="$options" <<'SQL' \
    || fail "creating role $role" "psql failed" "check that PostgreSQL is running and you can become the postgres user"
SELECT format('CREATE ROLE %I LOGIN %s', :'role', :'options') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')\gexec
INSERT INTO kepu_local.role_password (role, password) VALUES (:'role', :'pw') ON CONFLICT (role) DO NOTHING;
SQL
  if ! password_works "$role" "$pw"; then
    [ -z "$exists" ] || [ -z "$kept" ] || echo "stack: role $role no longer had the password kept for it; set it back" >&2
    psql_admin -v role="$role" -v pw="$pw" <<'SQL' || fail "setting role $role's password" "psql failed" "check the PostgreSQL log"
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'pw')\gexec
SQL
  fi
  if [ "$pw" != "${!var}" ]; then
    sed -i "s#^export $var=.*#export $var=$pw#" "$LOCAL/env"
    printf -v "$var" '%s' "$pw"
    echo "stack: $var in $LOCAL/env now holds role $role's password, which every checkout on this machine shares"
  fi
}

# One role and one database per service. The test profile also has a role of venue-service's that a system test locks
# out of the database while a service instance uses it (DatabaseRefusalTest), so that no other instance is disturbed.
ensure_databases() {
  local svc role db
  ensure_password_store
  for svc in "${SERVICES[@]}"; do
    role="kepu_$svc"
    ensure_role "$role" "KEPU_$(echo "$svc" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    db="kepu_${svc}${DB_SUFFIX}"
    if [ "$PROFILE" = test ] && [ "${KEPU_KEEP_TEST_DATA:-}" != 1 ]; then
      # Every test run starts from empty databases, so results never depend on an earlier run.
      psql_admin -v db="$db" <<'SQL' >/dev/null || fail "resetting $db" "psql failed" "stop whatever holds connections to it"
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db')\gexec
SQL
    fi
    psql_admin -v db="$db" -v role="$role" <<'SQL' || fail "creating database $db" "psql failed" "check the PostgreSQL log"
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
SQL
    if [ "$PROFILE" = dev ]; then
      psql_admin -v db="$db" -v stamp="$STAMP_PREFIX$STACK_ID" <<'SQL' || fail "stamping database $db" "psql failed" "check the PostgreSQL log"
SELECT format('COMMENT ON DATABASE %I IS %L', :'db', :'stamp')\gexec
SQL
    fi
  done
  if [ "$PROFILE" = test ]; then
    ensure_role kepu_venue_outage KEPU_VENUE_OUTAGE_DB_PASSWORD "IN ROLE kepu_venue"
  fi
}

# The dev stack's databases and its broker's data are one system: the reporting read models were built from the facts
# in the broker, and the demo data is loaded into both at once. The databases are the server's, shared by every checkout
# on the machine; the broker's data is this checkout's. A fresh checkout on a machine that kept an earlier checkout's
# databases once reused those with a new, empty broker: the demo loader saw venues and said "already loaded", and the
# first reporting rebuild, replaying an empty broker, read 0 for certified bases and touring stops. So each dev stack
# gets an identity, written into Kafka's data folder (stack-id) and into each database (COMMENT ON DATABASE), and `up`
# reuses both only when all of them carry the same one; otherwise it starts both anew and says why.
STAMP_PREFIX="kepu local stack "
STACK_ID=""

describe_stamp() { # a database's comment, or "missing"
  case "$1" in
    missing) echo "missing" ;;
    "$STAMP_PREFIX"*) echo "stack ${1#"$STAMP_PREFIX"}" ;;
    *) echo "no stack identity" ;;
  esac
}

ensure_stack_identity() {
  local dir="$STATE/kafka" kafka="none" svc db stamp state all_new=1 all_match=1 report
  if [ -n "$(ls -A "$dir/data" 2>/dev/null)" ]; then
    kafka="no stack identity"
    [ -s "$dir/stack-id" ] && kafka="stack $(cat "$dir/stack-id")"
    all_new=0
  fi
  report="Kafka's data ($dir): $kafka"
  for svc in "${SERVICES[@]}"; do
    db="kepu_$svc"
    stamp=$(psql_admin -At -v db="$db" <<'SQL'
SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = :'db'
UNION ALL SELECT 'missing' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db');
SQL
) || fail "reading the stack identity of $db" "psql failed" "check the PostgreSQL log"
    state=$(describe_stamp "$stamp")
    [ "$state" = missing ] || all_new=0
    [ "$state" = "$kafka" ] || all_match=0
    report="$report; $db: $state"
  done
  if [ "${FORCE_RESET:-}" = 1 ]; then
    reset_dev_stack "you asked for it ($report)"
  elif [ "$all_new" = 1 ]; then
    :
  elif [ "$all_match" = 1 ] && [ "$kafka" != "no stack identity" ]; then
    STACK_ID="${kafka#stack }"
    return 0
  else
    reset_dev_stack "the databases and Kafka's data are not one stack's ($report)"
  fi
  STACK_ID=$(cat /proc/sys/kernel/random/uuid)
}

# Drops the dev databases and Kafka's data together, never under a running system: whoever uses the databases (this
# checkout's services, or another checkout's) is stopped first.
reset_dev_stack() { # why
  local dbs busy
  dbs="{$(printf 'kepu_%s,' "${SERVICES[@]}" | sed 's/,$//')}"
  busy=$(psql_admin -At -v dbs="$dbs" <<'SQL'
SELECT string_agg(datname || ': ' || n || ' connection(s)', ', ') FROM (
  SELECT datname, count(*) AS n FROM pg_stat_activity WHERE datname = ANY (:'dbs'::name[]) GROUP BY datname) AS used;
SQL
)
  [ -z "$busy" ] || fail "starting the dev stack anew, because $1," "its databases are in use ($busy)" \
    "stop the system that uses them (deploy/stop.sh in the checkout that started it) and run this again; nothing was dropped"
  if ! kafka_pid >/dev/null && kafka_port_open; then
    fail "starting the dev stack anew" "port $KAFKA_PORT is taken by a broker this checkout did not start" \
      "stop it (deploy/stop.sh in the checkout that started it), or set KEPU_KAFKA_PORT to a free port; nothing was dropped"
  fi
  stop_kafka
  psql_admin -v dbs="$dbs" <<'SQL' || fail "dropping the dev databases" "psql failed" "check the PostgreSQL log"
SELECT format('DROP DATABASE IF EXISTS %I', datname) FROM pg_database WHERE datname = ANY (:'dbs'::name[])\gexec
SQL
  rm -rf "$STATE/kafka"
  echo "stack: starting the dev stack anew, because $1: dropped the databases $(echo "${dbs//[\{\}]/}" | sed 's/,/, /g') and Kafka's data; deploy/run.sh loads the demo data again"
}

# Secrets and keys are made on first run into .local/ (ignored by git) and reused after.
ensure_secrets() {
  mkdir -p "$LOCAL/keys"
  chmod 700 "$LOCAL"
  if [ ! -s "$LOCAL/keys/jwt-private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$LOCAL/keys/jwt-private.pem" 2>/dev/null \
      || fail "generating the JWT signing key" "openssl failed" "install openssl (apt-get install openssl)"
    openssl pkey -in "$LOCAL/keys/jwt-private.pem" -pubout -out "$LOCAL/keys/jwt-public.pem" 2>/dev/null
    chmod 600 "$LOCAL/keys/jwt-private.pem"
  fi
  if [ ! -s "$LOCAL/env" ]; then
    {
      echo "# Generated by deploy/local/stack.sh; local secrets, never commit. Source it to run a service by hand."
      echo "export KEPU_JWT_PUBLIC_KEY=$LOCAL/keys/jwt-public.pem"
      echo "export KEPU_JWT_PRIVATE_KEY=$LOCAL/keys/jwt-private.pem"
    } >"$LOCAL/env"
    chmod 600 "$LOCAL/env"
  fi
  # A password this checkout has not generated yet (a role added since its env was written) is added to it; stack.sh
  # replaces it by the one the server keeps when the role already exists (ensure_role).
  local var
  for var in KEPU_EVENT_DB_PASSWORD KEPU_VENUE_DB_PASSWORD KEPU_REPORTING_DB_PASSWORD KEPU_VENUE_OUTAGE_DB_PASSWORD; do
    grep -q "^export $var=" "$LOCAL/env" || echo "export $var=$(openssl rand -hex 16)" >>"$LOCAL/env"
  done
  # shellcheck disable=SC1091
  source "$LOCAL/env"
}

kafka_pid() { [ -s "$STATE/kafka.pid" ] && kill -0 "$(cat "$STATE/kafka.pid")" 2>/dev/null && cat "$STATE/kafka.pid"; }

kafka_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

ensure_kafka_jars() {
  local libs="$LOCAL/kafka-libs"
  [ -s "$libs/.complete" ] && return 0
  mkdir -p "$libs"
  "$ROOT/mvnw" -q -B -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >"$LOCAL/kafka-fetch.log" 2>&1 \
    || fail "fetching Kafka's jars" "Maven could not resolve them (see $LOCAL/kafka-fetch.log)" "check access to Maven Central and rerun"
  date >"$libs/.complete"
}

# $1 = fresh: a test broker starting from nothing gets an empty data folder, so no test sees an earlier run's facts.
ensure_kafka_running() {
  local fresh="${1:-}"
  if kafka_pid >/dev/null; then return 0; fi
  if kafka_port_open; then
    fail "starting Kafka ($PROFILE)" "port $KAFKA_PORT is taken by a process this script did not start" \
      "stop that process, or set KEPU_$( [ "$PROFILE" = test ] && echo TEST_ )KAFKA_PORT to a free port"
  fi
  ensure_kafka_jars
  local dir="$STATE/kafka" cp="$LOCAL/kafka-libs/*"
  if [ "$PROFILE" = test ] && [ "$fresh" = fresh ]; then rm -rf "$dir"; fi
  mkdir -p "$dir/data"
  if [ "$PROFILE" = dev ] && [ -n "$STACK_ID" ] && [ ! -s "$dir/stack-id" ]; then echo "$STACK_ID" >"$dir/stack-id"; fi
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA@#$dir/data#g" \
    "$ROOT/deploy/local/kafka/server.properties" >"$dir/server.properties"
  if [ ! -s "$dir/cluster-id" ]; then
    java -cp "$cp" kafka.tools.StorageTool random-uuid >"$dir/cluster-id" 2>/dev/null \
      || fail "formatting Kafka storage" "StorageTool random-uuid failed" "check the JDK and $LOCAL/kafka-libs"
  fi
  java -cp "$cp" kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$dir/cluster-id")" -c "$dir/server.properties" \
    >"$dir/format.log" 2>&1 || fail "formatting Kafka storage" "see $dir/format.log" "delete $dir and rerun"
  nohup java -Xms128m -Xmx512m -XX:+UseSerialGC -Dkafka.logs.dir="$dir" \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 &
  echo $! >"$STATE/kafka.pid"
  for _ in $(seq 1 120); do
    if kafka_port_open; then break; fi
    kafka_pid >/dev/null || fail "starting Kafka" "the broker exited (see $dir/stdout.log and $dir/broker.log)" "read the logs; a stale data folder can be removed: rm -rf $dir"
    sleep 0.5
  done
  kafka_port_open || fail "starting Kafka" "it did not listen on $KAFKA_PORT within 60 s" "read $dir/broker.log"
  java -cp "$cp" "$ROOT/deploy/local/kafka/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$TOPIC_PARTITIONS" "${TOPICS[@]}" \
    >"$dir/topics.log" 2>&1 || fail "creating topics" "see $dir/topics.log" "check that the broker is up: $0 status $PROFILE"
}

stop_kafka() {
  local pid
  if pid=$(kafka_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE/kafka.pid"
}

stop_postgres_if_we_started_it() {
  [ -f "$STATE/started-postgres" ] || return 0
  local cluster
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1" "$2; exit}')
  # shellcheck disable=SC2086
  [ -n "$cluster" ] && { if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster $cluster stop; else sudo -n pg_ctlcluster $cluster stop; fi; } || true
  rm -f "$STATE/started-postgres"
}

mkdir -p "$STATE"
case "$ACTION" in
  up)
    ensure_secrets
    ensure_postgres_installed
    ensure_postgres_running
    ensure_postgres_memory
    [ "$PROFILE" = test ] || ensure_stack_identity
    ensure_databases
    ensure_kafka_running fresh
    ;;
  reset)
    [ "$PROFILE" = dev ] || { echo "stack: reset is for the dev stack; 'up test' empties the test databases" >&2; exit 2; }
    ensure_secrets
    ensure_postgres_installed
    ensure_postgres_running
    ensure_postgres_memory
    FORCE_RESET=1 ensure_stack_identity
    ensure_databases
    ensure_kafka_running
    ;;
  kafka-stop)
    stop_kafka
    ;;
  kafka-start)
    ensure_secrets
    ensure_kafka_running
    ;;
  down)
    stop_kafka
    stop_postgres_if_we_started_it
    ;;
  status)
    pg_ready && echo "postgresql: up on 127.0.0.1:$PG_PORT" || echo "postgresql: down"
    if pid=$(kafka_pid); then echo "kafka ($PROFILE): up on 127.0.0.1:$KAFKA_PORT, pid $pid"; else echo "kafka ($PROFILE): down"; fi
    [ ! -s "$STATE/kafka/stack-id" ] || echo "stack ($PROFILE): $(cat "$STATE/kafka/stack-id")"
    ;;
  *) echo "usage: $0 up|down|status|kafka-stop|kafka-start|reset [dev|test]" >&2; exit 2 ;;
esac
