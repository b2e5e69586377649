#!/usr/bin/env bash
# Runs every test — unit, @QuarkusTest against real PostgreSQL and Kafka, and end to end with the four services as
# real processes — on a test stack of its own (empty test databases, a fresh broker on port 19092), and stops that
# stack afterwards, whatever the outcome. Extra arguments go to Maven, e.g. deploy/test.sh -pl event-service -am.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Whatever happens, leave nothing running: end-to-end service processes (marked on their command line), then the stack.
trap 'pkill -f "kepu.system-test=true" 2>/dev/null || true; "$ROOT/deploy/local/stack.sh" down test' EXIT
"$ROOT/deploy/local/stack.sh" up test
# shellcheck disable=SC1091
source "$ROOT/.local/env"
export KEPU_JWT_PUBLIC_KEY KEPU_JWT_PRIVATE_KEY KEPU_EVENT_DB_PASSWORD KEPU_VENUE_DB_PASSWORD KEPU_REPORTING_DB_PASSWORD \
  KEPU_VENUE_OUTAGE_DB_PASSWORD

# Spectral lints the merged OpenAPI document and TypeScript compiles a client generated from it (system tests); install Debian's Node.js if it is missing.
if ! command -v npm >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "test: npm is needed for the OpenAPI lint; apt-get install nodejs npm" >&2; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null)
fi
# The web pages' browser tests (system-tests' WebPagesInTheBrowserTest) drive Debian's Chromium with playwright-core
# (a browser download, npx playwright install, cannot work here), with a Chinese font for legible screenshots.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then
  [ "$(id -u)" -eq 0 ] || { echo "test: the web pages' tests need: apt-get install chromium fonts-wqy-microhei" >&2; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null)
fi
[ -x build/lint/node_modules/.bin/spectral ] && [ -x build/lint/node_modules/.bin/tsc ] || (cd build/lint && npm ci --silent >/dev/null)

./mvnw -B --no-transfer-progress verify "$@"
