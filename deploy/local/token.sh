#!/usr/bin/env bash
# Mints a bearer token signed with the local key (.local/keys), for trying the API by hand:
#   deploy/local/token.sh --role organizer --org gdast
#   deploy/local/token.sh --role venue-manager --venue <venue-id> --subject manager-1
#   deploy/local/token.sh --role partner --partner gz-kx     (also: --role admin, --role analyst, --ttl SECONDS)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ -s "$ROOT/.local/env" ] || { echo "token: no local keys yet; run deploy/run.sh or deploy/local/stack.sh up first" >&2; exit 1; }
# shellcheck disable=SC1091
source "$ROOT/.local/env"
CLASSES="$ROOT/common/devtools/target/classes"
[ -d "$CLASSES" ] || (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl common/devtools -am >/dev/null)
exec java -cp "$CLASSES" org.kepu.common.security.DevTokenMinter "$@"
