#!/usr/bin/env bash
# Fault drills against the local platform (docs/reliability.md). Each drill injects one fault into the
# running processes, waits for recovery, then audits the topics; it prints PASS or FAIL with the figures.
#
#   ops/drills.sh [--fast] [drill ...]     (./platform drills ... is the same)
#     drills: garbage ws-storm bad-models s3-down kafka-kill detector-kill second-detector
#     --fast: the ones CI runs (all but second-detector)
#
# Needs the platform up (./platform up) in $PLATFORM_HOME with the replay streaming; exits non-zero if a
# drill fails. Loopback only; it restarts what it kills and leaves the platform running.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PLATFORM_HOME:-$ROOT/.platform}"
KAFKA="127.0.0.1:${KAFKA_PORT:-9092}"
S3="http://127.0.0.1:${S3_PORT:-9000}"
BUCKET="${RISK_BUCKET:-risk-platform}"
MODEL=btc-iforest SYMBOL=BTCUSDT BAR_MS=60000
INGESTOR=http://127.0.0.1:8081 DETECTOR=http://127.0.0.1:8082
GARBAGE=${DRILL_GARBAGE:-10000}
ALL=(garbage ws-storm bad-models s3-down kafka-kill detector-kill second-detector)
FAST=(garbage ws-storm bad-models s3-down kafka-kill detector-kill)

say() { printf '[drills] %s\n' "$*"; }
die() { printf '[drills] error: %s\n' "$*" >&2; exit 2; }
pid_of() { cat "$STATE/run/$1.pid" 2>/dev/null || true; }
ready() { curl -fs "$1/q/health/ready" >/dev/null; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }

# Polls a shell condition every 0.5 s; false once $1 seconds (wall clock) have passed.
await() {
  local deadline=$((SECONDS + $1)); shift
  until eval "$*"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 0.5; done
}

# The audit tool uses the broker's own client jars: compiled once into $STATE/drills.
audit() { java -cp "$STATE/drills:$STATE/lib/kafka/*" TopicAudit "$KAFKA" "$@" 2>>"$STATE/logs/drills.log"; }
compile_audit() {
  mkdir -p "$STATE/drills"
  [ "$STATE/drills/TopicAudit.class" -nt "$ROOT/ops/drills/TopicAudit.java" ] && return 0
  javac -nowarn -cp "$STATE/lib/kafka/*" -d "$STATE/drills" "$ROOT/ops/drills/TopicAudit.java"
}

# S3 with SigV4 from curl itself (the local pair of ./platform), so no AWS CLI is needed. S3Proxy checks the
# payload hash, which curl does not send by itself: x-amz-content-sha256 is set here (and -T, not --data).
EMPTY_SHA=$(printf '' | sha256sum | cut -c1-64)
s3() { curl -fsS --aws-sigv4 "aws:amz:us-east-1:s3" --user "local-access-key:local-secret-key" "$@"; }
s3_get() { s3 -H "x-amz-content-sha256: $EMPTY_SHA" "$S3/$BUCKET/$1"; }
s3_delete() { s3 -H "x-amz-content-sha256: $EMPTY_SHA" -X DELETE "$S3/$BUCKET/$1" >/dev/null; }
s3_put() { # key, content
  local f="$STATE/drills/put.tmp"
  printf '%s' "$2" >"$f"
  s3 -H "x-amz-content-sha256: $(sha256sum "$f" | cut -c1-64)" -T "$f" "$S3/$BUCKET/$1" >/dev/null
}

heap_after_gc() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  curl -fs "$2/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s / 1048576}'
}

# A counter's value from a service's /q/metrics (0 when absent or the service does not answer).
metric() { curl -fs "$1/q/metrics" 2>/dev/null | awk -v m="$2" '$1 == m {v = int($NF)} END {print v + 0}'; }

replay_last_id() { curl -fs "$INGESTOR/replay/status" | json lastSentTradeId; }

# Zero lost: every trade the replay server streamed up to now is in market_prices (backfilled if a socket dropped).
check_no_trade_lost() {
  local last out
  last=$(replay_last_id)
  await 90 "[ \"\$(audit trades $SYMBOL $last | field missing)\" = 0 ]" || true
  out=$(audit trades "$SYMBOL" "$last")
  say "  market_prices up to replayed id $last: $out"
  [ "$(field missing <<<"$out")" = 0 ]
}

check_no_duplicate_alert() {
  local out
  out=$(audit alerts)
  say "  risk_alerts: $out"
  [ "$(field duplicates <<<"$out")" = 0 ]
}

# No lost bar and no blind spot: risk_events has every 1m bar between its first and last, scored once scoring began.
check_bars() {
  local out
  out=$(audit bars "$SYMBOL" "$BAR_MS")
  say "  risk_events $SYMBOL: $out"
  [ "$(field missing <<<"$out")" = 0 ] && [ "$(field unscored_after_warmup <<<"$out")" = 0 ]
}

# Bars keep coming: the detector's newest risk event moves on within $1 s.
check_progress() {
  local before
  before=$(audit bars "$SYMBOL" "$BAR_MS" | field last)
  await "$1" "[ \"\$(audit bars $SYMBOL $BAR_MS | field last)\" != \"$before\" ]"
}

drill_garbage() {
  local det ing dlq0 mdlq0 heap0 heap1 iheap0 iheap1
  det=$(pid_of detector); ing=$(pid_of ingestor)
  dlq0=$(audit count detector_dlq | field records); mdlq0=$(audit count market_prices_dlq | field records)
  heap0=$(heap_after_gc "$det" "$DETECTOR"); iheap0=$(heap_after_gc "$ing" "$INGESTOR")
  say "  $GARBAGE garbled records into market_prices, $GARBAGE fuzzed frames from the replay server"
  audit garbage market_prices "$SYMBOL" "$GARBAGE" 42 >/dev/null
  curl -fs -X POST "$INGESTOR/replay/chaos/garbage?count=$GARBAGE&seed=42" >/dev/null
  await 180 "[ \$(audit count detector_dlq | field records) -ge $((dlq0 + GARBAGE)) ] && [ \$(audit count market_prices_dlq | field records) -ge $((mdlq0 + GARBAGE)) ]" \
    || { say "  dead letters: detector_dlq $(audit count detector_dlq) market_prices_dlq $(audit count market_prices_dlq)"; return 1; }
  say "  detector_dlq: $(audit dlq detector_dlq); market_prices_dlq: $(audit dlq market_prices_dlq)"
  [ "$(audit dlq detector_dlq | field with_reason)" = "$(audit dlq detector_dlq | field records)" ] || return 1
  [ "$(audit dlq market_prices_dlq | field with_reason)" = "$(audit dlq market_prices_dlq | field records)" ] || return 1
  heap1=$(heap_after_gc "$det" "$DETECTOR"); iheap1=$(heap_after_gc "$ing" "$INGESTOR")
  say "  heap after a full GC, before -> after: detector ${heap0} -> ${heap1} MiB, ingestor ${iheap0} -> ${iheap1} MiB"
  # Flat: nothing of the garbage is retained (a leak of 20,000 records with their text would show as tens of MiB).
  [ "$heap1" -le $((heap0 + 32)) ] && [ "$iheap1" -le $((iheap0 + 32)) ] || return 1
  [ "$(pid_of detector)" = "$det" ] && [ "$(pid_of ingestor)" = "$ing" ] && ready "$DETECTOR" && ready "$INGESTOR" \
    && check_progress 60
}

drill_ws_storm() {
  local c0 c1
  c0=$(curl -fs "$INGESTOR/replay/status" | json connections)
  curl -fs -X POST "$INGESTOR/replay/chaos/disconnects?times=20&everyMs=250" >/dev/null
  sleep 6
  curl -fs -X POST "$INGESTOR/replay/chaos/server-shutdown" >/dev/null
  await 60 "[ \"\$(curl -fs $INGESTOR/replay/status | json openClients)\" = 1 ]" && await 60 "ready $INGESTOR" || return 1
  sleep 3
  c1=$(curl -fs "$INGESTOR/replay/status" | json connections)
  # Binance allows 300 connection attempts per 5 minutes per IP: 21 forced drops must cost ~21 connections, not a storm.
  say "  connections opened: $((c1 - c0)) for 20 forced disconnects + 1 serverShutdown (limit: 300 / 5 min)"
  [ $((c1 - c0)) -le 30 ] && check_no_trade_lost
}

# Registers two bad versions (corrupt bytes; a tampered artifact keeping the real hash) and restores the registry.
drill_bad_models() {
  local before rej0 rej1 reg key good bad=900001
  before=$(curl -fs "$DETECTOR/model" | json version)
  rej0=$(metric "$DETECTOR" detector_models_rejected_total)
  reg=$(s3_get "models/$MODEL/registry.json")
  key=$(json artifactKey <<<"$(grep -o "{[^{}]*\"version\":$before,[^{}]*\"artifactKey\"[^}]*" <<<"$reg")")
  good=$(s3_get "$key")
  register_bad "$reg" $bad "corrupt: $RANDOM" "$(sha256sum <<<"x" | cut -c1-64)"
  register_bad "$reg" $((bad + 1)) "${good/\"value\":0./\"value\":0.9}" "$(json sha256 <<<"$(grep -o "{[^{}]*\"version\":$before,[^{}]*\"artifactKey\"[^}]*" <<<"$reg")")"
  await 60 "[ \$(metric $DETECTOR detector_models_rejected_total) -ge $((rej0 + 2)) ]" || true
  rej1=$(metric "$DETECTOR" detector_models_rejected_total)
  s3_put "models/$MODEL/registry.json" "$reg"
  s3_delete "models/$MODEL/v$bad/model.json"; s3_delete "models/$MODEL/v$((bad + 1))/model.json"
  say "  rejected models: $rej0 -> $rej1; serving v$(curl -fs "$DETECTOR/model" | json version) (was v$before)"
  say "  detector says: $(curl -fs "$DETECTOR/q/health/ready" | tr -d '\n' | grep -o '"lastProblem": "[^"]*' | cut -c1-240)"
  [ "$rej1" -ge $((rej0 + 2)) ] && [ "$(curl -fs "$DETECTOR/model" | json version)" = "$before" ] && ready "$DETECTOR"
}

# $1 registry.json, $2 version, $3 artifact bytes, $4 the sha256 the registry claims; then the registry event.
register_bad() {
  local reg=$1 v=$2 body=$3 sha=$4 entry
  s3_put "models/$MODEL/v$v/model.json" "$body"
  entry="{\"version\":$v,\"artifactKey\":\"models/$MODEL/v$v/model.json\",\"sha256\":\"$sha\",\"modelType\":\"isolation-forest\",\"featureSpec\":{\"version\":1,\"interval\":\"1m\",\"volatilityWindow\":30,\"zScoreWindow\":30,\"momentumWindow\":10,\"featureNames\":[\"log_return\",\"volatility\",\"z_score\",\"momentum\"]},\"promoted\":true,\"reason\":null,\"registeredAt\":$(date +%s000)}"
  reg=$(sed -E "s/\"promotedVersion\":[0-9]+/\"promotedVersion\":$v/" <<<"$reg")
  reg=${reg/\"versions\":[/\"versions\":[$entry,}
  s3_put "models/$MODEL/registry.json" "$reg"
  audit send model_registry "$MODEL" "{\"model\":\"$MODEL\",\"version\":$v,\"artifactKey\":\"models/$MODEL/v$v/model.json\",\"sha256\":\"$sha\",\"promoted\":true,\"reason\":null,\"registeredAt\":$(date +%s000)}" >/dev/null
  say "  registered bad v$v"
}

# The detector starts while S3 is down: readiness DOWN with the reason, then UP on its own once S3 is back.
drill_s3_down() {
  local det reason
  "$ROOT/platform" infra status >/dev/null
  kill "$(pid_of detector)"; await 30 "! kill -0 $(pid_of detector) 2>/dev/null"
  kill "$(pid_of s3proxy)"; await 30 "! kill -0 $(pid_of s3proxy) 2>/dev/null"
  "$ROOT/platform" start >/dev/null
  det=$(pid_of detector)
  await 30 "curl -fs -o /dev/null $DETECTOR/q/health/live" || return 1
  sleep 3
  reason=$(curl -s "$DETECTOR/q/health/ready" | tr -d '\n' | tr -s ' ')
  say "  S3 down, detector readiness: $(grep -o '"status": "[A-Z]*"' <<<"$reason" | head -1); $(grep -o '"name": "s3"[^}]*' <<<"$reason" | cut -c1-160); model: $(grep -o '"lastProblem": "[^"]*' <<<"$reason" | cut -c1-200)"
  ! ready "$DETECTOR" || return 1
  "$ROOT/platform" infra up >/dev/null
  await 120 "ready $DETECTOR" || return 1
  say "  S3 back: detector ready without a restart (pid $det)"
  [ "$(pid_of detector)" = "$det" ] && check_progress 90
}

# SIGKILL the broker mid-stream, restart it: nothing lost, no duplicate alert, both services recover alone.
drill_kafka_kill() {
  local det ing
  det=$(pid_of detector); ing=$(pid_of ingestor)
  kill -9 "$(pid_of kafka)"
  say "  broker SIGKILLed; down for 5 s"
  sleep 5
  "$ROOT/platform" infra up >/dev/null
  await 120 "ready $INGESTOR && ready $DETECTOR" || return 1
  check_progress 120 || return 1
  say "  ingestor and detector recovered without a restart (pids $ing, $det)"
  [ "$(pid_of detector)" = "$det" ] && [ "$(pid_of ingestor)" = "$ing" ] && check_no_trade_lost && check_no_duplicate_alert && check_bars
}

drill_detector_kill() {
  kill -9 "$(pid_of detector)"
  say "  detector SIGKILLed; restarting it"
  sleep 2
  "$ROOT/platform" start >/dev/null
  await 120 "ready $DETECTOR" && check_progress 120 && check_no_duplicate_alert && check_bars
}

# Hand-over both ways: a second detector joins the group (rebalance), the first leaves so the second owns
# every partition (BTCUSDT's included), the first comes back, the second leaves.
drill_second_detector() {
  local pid trades
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" S3_ENDPOINT="$S3" RISK_BUCKET="$BUCKET" \
    nohup java -Xmx384m -Dquarkus.profile=local -Dquarkus.http.port=8092 -jar "$ROOT/detector/target/quarkus-app/quarkus-run.jar" \
    >>"$STATE/logs/detector-2.log" 2>&1 &
  pid=$!
  await 120 "ready http://127.0.0.1:8092" || { kill "$pid"; return 1; }
  say "  second detector (pid $pid) joined; the first leaves (SIGTERM)"
  sleep 10
  kill "$(pid_of detector)"; await 30 "! kill -0 $(pid_of detector) 2>/dev/null"
  await 60 "[ \$(metric http://127.0.0.1:8092 detector_trades_total) -gt 0 ]" || true
  trades=$(metric http://127.0.0.1:8092 detector_trades_total)
  say "  the second detector alone has consumed $trades trades"
  "$ROOT/platform" start >/dev/null
  await 120 "ready $DETECTOR" || { kill "$pid"; return 1; }
  sleep 10
  kill "$pid"; await 30 "! kill -0 $pid 2>/dev/null" || kill -9 "$pid"
  say "  the first detector is back (pid $(pid_of detector)), the second left"
  [ "$trades" -gt 0 ] && check_progress 120 && check_no_duplicate_alert && check_bars
}

main() {
  local selected=() d failed=() t0
  for d in "$@"; do
    case "$d" in
      --fast) selected+=("${FAST[@]}") ;;
      --all) selected+=("${ALL[@]}") ;;
      *) [[ " ${ALL[*]} " == *" $d "* ]] || die "unknown drill '$d' (drills: ${ALL[*]})"; selected+=("$d") ;;
    esac
  done
  [ ${#selected[@]} -gt 0 ] || selected=("${ALL[@]}")
  if ! { ready "$DETECTOR" && ready "$INGESTOR"; }; then die "the platform is not up and ready (./platform up) in $STATE"; fi
  compile_audit
  for d in "${selected[@]}"; do
    t0=$SECONDS
    say "▶ $d"
    if "drill_${d//-/_}"; then say "PASS $d ($((SECONDS - t0)) s)"; else say "FAIL $d ($((SECONDS - t0)) s)"; failed+=("$d"); fi
  done
  [ ${#failed[@]} -eq 0 ] || { say "failed: ${failed[*]}"; exit 1; }
  say "all ${#selected[@]} drills passed"
}

main "$@"
