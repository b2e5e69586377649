#!/usr/bin/env bash
# Stops what deploy/run.sh started: the four services, the Kafka broker, and PostgreSQL if run.sh had started it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.local/dev"
for name in gateway reporting-service venue-service event-service; do
  pidfile="$STATE/$name.pid"
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
"$ROOT/deploy/local/stack.sh" down dev
