#!/usr/bin/env bash
# Starts the whole Kepu system locally: PostgreSQL and Kafka (deploy/local/stack.sh), the four services as JVM
# processes, and demo data drawn from the seed plans. Idempotent: what already runs is left running.
# Stop everything with deploy/stop.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.local/dev"
SERVICES=("event-service:8081" "venue-service:8082" "reporting-service:8083" "gateway:8080")

"$ROOT/deploy/local/stack.sh" up dev
# shellcheck disable=SC1091
source "$ROOT/.local/env"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KEPU_KAFKA_PORT:-9092}"

if [ "${KEPU_SKIP_BUILD:-}" != 1 ]; then
  echo "run: building (./mvnw install -DskipTests)..."
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests >"$ROOT/.local/build.log" 2>&1) \
    || { echo "run: build failed; see .local/build.log" >&2; exit 1; }
fi

mkdir -p "$STATE/logs"
alive() { [ -s "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"; port="${entry##*:}"
  alive "$name" && continue
  # The services' defaults name PostgreSQL on 5432; a stack on another port (KEPU_PG_PORT) is followed here too.
  db_url=()
  [ -z "${KEPU_PG_PORT:-}" ] || [ "$name" = gateway ] \
    || db_url=("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$KEPU_PG_PORT/kepu_${name%-service}")
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run: port $port for $name is taken by another process; stop it first" >&2; exit 1
  fi
  # The service writes its own log file, rotated and bounded (KEPU_LOG_FILE_SIZE × KEPU_LOG_FILES, 50 MB × 5 by
  # default): a night of load once grew one log past 1.6 GB. The gateway's access lines go to gateway-access.log,
  # rotated the same way. Standard output keeps only what comes before logging starts (a JVM that cannot start).
  # Lines a person reads (request, trace and span ids in brackets), not the JSON the packaged services write in
  # production: KEPU_LOG_JSON=false.
  env "${db_url[@]}" KEPU_LOG_JSON="${KEPU_LOG_JSON:-false}" \
    QUARKUS_LOG_CONSOLE_ENABLED=false QUARKUS_LOG_FILE_ENABLED=true QUARKUS_LOG_FILE_PATH="$STATE/logs/$name.log" \
    QUARKUS_LOG_FILE_ROTATION_MAX_FILE_SIZE="${KEPU_LOG_FILE_SIZE:-50M}" \
    QUARKUS_LOG_FILE_ROTATION_MAX_BACKUP_INDEX="${KEPU_LOG_FILES:-5}" \
    KEPU_GATEWAY_ACCESS_LOG_FILE="$STATE/logs/gateway-access.log" \
    KEPU_GATEWAY_ACCESS_LOG_MAX_FILE_SIZE="${KEPU_LOG_FILE_SIZE:-50M}" \
    KEPU_GATEWAY_ACCESS_LOG_MAX_BACKUPS="${KEPU_LOG_FILES:-5}" \
    nohup java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port="$port" \
    -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$STATE/logs/$name.out" 2>&1 &
  echo $! >"$STATE/$name.pid"
done

for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"; port="${entry##*:}"
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    alive "$name" || { echo "run: $name exited; see $STATE/logs/$name.log and $name.out" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 \
    || { echo "run: $name is not ready after 60 s; see $STATE/logs/$name.log" >&2; exit 1; }
done

java -cp "$ROOT/common/devtools/target/classes" "$ROOT/deploy/local/DemoData.java" "http://127.0.0.1:8080" "$ROOT" \
  "$STATE/kafka/stack-id"

cat <<MSG
Kepu is running.
  Gateway:     http://127.0.0.1:8080
  Finder:      http://127.0.0.1:8080/   (the public event finder)
  Dashboard:   http://127.0.0.1:8080/dashboard   (sign in with: deploy/local/token.sh --role analyst)
  Swagger UI:  http://127.0.0.1:8080/q/swagger-ui   (merged document: http://127.0.0.1:8080/openapi.json)
  Try:         curl 'http://127.0.0.1:8080/api/v1/events?divisionCode=440100'
               curl http://127.0.0.1:8080/api/v1/reports/events/published-by-city
  A token:     deploy/local/token.sh --role organizer --org gdast
  Logs:        .local/dev/logs/     Stop: deploy/stop.sh
MSG
