#!/usr/bin/env bash
# End to end: ./platform up in a fresh PLATFORM_HOME (non-default Kafka/S3 ports), the dashboard's
# browser test, the fast fault drills, ./platform down, and a check that no process we started is left.
# Non-zero on failure.
#   ops/e2e.sh [--speed N]        (needs node, and chromium at /usr/bin/chromium or $CHROMIUM)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PLATFORM_HOME="${PLATFORM_HOME:-$(mktemp -d /tmp/platform-e2e.XXXXXX)}"
export KAFKA_PORT="${KAFKA_PORT:-29092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-29093}" S3_PORT="${S3_PORT:-29000}"
LOG_TAG=e2e
# shellcheck source=lib.sh
. "$ROOT/ops/lib.sh"
t0=$SECONDS
pids=()

down() {
  local p left=()
  for f in "$PLATFORM_HOME"/run/*.pid; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
  "$ROOT/platform" down || true
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
  [ ${#left[@]} -eq 0 ] || { say "FAIL: processes left after ./platform down: ${left[*]}"; return 1; }
  say "no process left (checked pids: ${pids[*]:-none})"
}
on_exit() {
  local rc=$?
  trap - EXIT
  [ "$rc" -eq 0 ] || { say "failed (rc $rc): stopping the platform"; down || true; say "logs: $PLATFORM_HOME/logs"; }
  exit "$rc"
}
trap on_exit EXIT

[ -d "$ROOT/dashboard/node_modules/playwright-core" ] || (cd "$ROOT/dashboard" && npm ci --no-audit --no-fund)
say "PLATFORM_HOME=$PLATFORM_HOME kafka :$KAFKA_PORT s3 :$S3_PORT"
"$ROOT/platform" up "$@"
say "waiting 20 s for the replay to produce bars"
sleep 20
node "$ROOT/dashboard/browser-test.mjs" http://127.0.0.1:8082/dashboard/ "$ROOT/docs/screenshot.png"
# The fast fault drills on the same running platform (docs/reliability.md): garbage, disconnect storm, bad
# models, S3 down, broker SIGKILL, detector SIGKILL. Set E2E_DRILLS=0 to skip them.
[ "${E2E_DRILLS:-1}" = 0 ] || "$ROOT/ops/drills.sh" --fast
down
trap - EXIT
say "passed in $((SECONDS - t0)) s"
