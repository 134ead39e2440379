#!/usr/bin/env bash
# Runs the topic audit (ops/drills/TopicAudit.java) on the broker's own client jars, compiling it into
# $STATE/drills first when the source is newer. Used by ./platform, ops/drills.sh and ops/loadtest.sh.
#
#   ops/audit.sh compile               only compile
#   ops/audit.sh COMMAND [ARG ...]     e.g. bars BTCUSDT 60000 (see TopicAudit's class comment)
#   env: PLATFORM_HOME, KAFKA_PORT (as ./platform), AUDIT_JAVA_OPTS (extra JVM options, e.g. -Daudit.samples=FILE)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PLATFORM_HOME:-$ROOT/.platform}"
mkdir -p "$STATE/drills"
[ "$STATE/drills/TopicAudit.class" -nt "$ROOT/ops/drills/TopicAudit.java" ] \
  || javac -nowarn -cp "$STATE/lib/kafka/*" -d "$STATE/drills" "$ROOT/ops/drills/TopicAudit.java"
[ "${1:-}" = compile ] && exit 0
# shellcheck disable=SC2086 # AUDIT_JAVA_OPTS is a list of options
exec java ${AUDIT_JAVA_OPTS:-} -cp "$STATE/drills:$STATE/lib/kafka/*" TopicAudit "127.0.0.1:${KAFKA_PORT:-9092}" "$@"
