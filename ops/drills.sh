#!/usr/bin/env bash
# Fault drills against the local platform (docs/reliability.md). Each drill injects one fault into the
# running processes, waits for recovery, then audits the topics; it prints PASS or FAIL with the figures.
#
#   ops/drills.sh [--fast] [drill ...]     (./platform drills ... is the same)
#     drills: garbage ws-storm bad-models s3-down s3-down-batch kafka-kill kafka-outage-long ingestor-kill
#             detector-kill second-detector detector-down-alert
#     --fast: the ones CI runs (all but s3-down-batch, 50-100 s, kafka-outage-long, 90 s of outage, second-detector,
#             and detector-down-alert, which needs the local Prometheus of ./platform up and waits out the rule's
#             `for:`, ~1.5 min)
#
# Needs the platform up (./platform up) in $PLATFORM_HOME with the simulator's replay streaming; exits non-zero if a
# drill fails. Loopback only; it restarts what it kills and leaves the platform running.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PLATFORM_HOME:-$ROOT/.platform}"
KAFKA="127.0.0.1:${KAFKA_PORT:-9092}"
S3="http://127.0.0.1:${S3_PORT:-9000}"
BUCKET="${RISK_BUCKET:-risk-platform}"
MODEL=btc-iforest SYMBOL=BTCUSDT BAR_MS=60000
INGESTOR=http://127.0.0.1:8081 DETECTOR=http://127.0.0.1:8082 BATCH=http://127.0.0.1:8083
# The Binance simulator's control endpoints (./platform runs it as its own process: the exchange the ingestor streams from).
SIMULATOR=http://127.0.0.1:${SIMULATOR_PORT:-8085}
PROMETHEUS=http://127.0.0.1:${PROMETHEUS_PORT:-9090} ALERTMANAGER=http://127.0.0.1:${ALERTMANAGER_PORT:-9095}
GARBAGE=${DRILL_GARBAGE:-10000}
ALL=(garbage ws-storm bad-models s3-down s3-down-batch kafka-kill kafka-outage-long ingestor-kill detector-kill
     second-detector detector-down-alert)
FAST=(garbage ws-storm bad-models s3-down kafka-kill ingestor-kill detector-kill)

LOG_TAG=drills DIE_STATUS=2
# shellcheck source=lib.sh
. "$ROOT/ops/lib.sh"
ready() { curl -fs "$1/q/health/ready" >/dev/null; }

# Polls a shell condition every 0.5 s; false once $1 seconds (wall clock) have passed.
await() {
  local deadline=$((SECONDS + $1)); shift
  until eval "$*"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 0.5; done
}

# The audit tool (ops/audit.sh) runs on the broker's own client jars.
audit() { "$ROOT/ops/audit.sh" "$@" 2>>"$STATE/logs/drills.log"; }

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

replay_last_id() { curl -fs "$SIMULATOR/replay/status" | json lastSentTradeId; }
replay_status() { curl -fs "$SIMULATOR/replay/status" | json "$1"; }
gaps_backfilled() { metric "$INGESTOR" "ingestor_gaps_total{outcome=\"backfilled\",symbol=\"$SYMBOL\"}"; }

# Zero lost: every trade the simulator streamed up to now is in market_prices (backfilled if a socket dropped).
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
  say "  $GARBAGE garbled records into market_prices, $GARBAGE fuzzed frames from the simulator"
  audit garbage market_prices "$SYMBOL" "$GARBAGE" 42 >/dev/null
  curl -fs -X POST "$SIMULATOR/replay/chaos/garbage?count=$GARBAGE&seed=42" >/dev/null
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
  local c0 c1 open
  c0=$(curl -fs "$SIMULATOR/replay/status" | json connections)
  # Every connection of the ingestor reconnects: one per 1,024 streams (more after ./platform loadtest listed its symbols).
  open=$(curl -fs "$SIMULATOR/replay/status" | json openClients)
  curl -fs -X POST "$SIMULATOR/replay/chaos/disconnects?times=20&everyMs=250" >/dev/null
  sleep 6
  curl -fs -X POST "$SIMULATOR/replay/chaos/server-shutdown" >/dev/null
  await 60 "[ \"\$(curl -fs $SIMULATOR/replay/status | json openClients)\" = $open ]" && await 60 "ready $INGESTOR" || return 1
  sleep 3
  c1=$(curl -fs "$SIMULATOR/replay/status" | json connections)
  # Binance allows 300 connection attempts per 5 minutes per IP: 21 forced drops must cost ~21 connections, not a storm.
  say "  connections opened: $((c1 - c0)) by $open session(s) for 20 forced disconnects + 1 serverShutdown (limit: 300 / 5 min)"
  [ $((c1 - c0)) -le $((30 * open)) ] && check_no_trade_lost
}

# Registers two bad versions (corrupt bytes; a tampered artifact keeping the real hash) and restores the registry.
# JSON is read with jq: a model's document nests a feature spec with a "version" of its own.
drill_bad_models() {
  local before rej0 rej1 reg key sha good bad=900001
  before=$(curl -fs "$DETECTOR/model" | jq -r .version)
  rej0=$(metric "$DETECTOR" detector_models_rejected_total)
  reg=$(s3_get "models/$MODEL/registry.json")
  key=$(jq -r --argjson v "$before" '.versions[] | select(.version == $v) | .artifactKey' <<<"$reg")
  sha=$(jq -r --argjson v "$before" '.versions[] | select(.version == $v) | .sha256' <<<"$reg")
  good=$(s3_get "$key")
  register_bad "$reg" $bad "corrupt: $RANDOM" "$(sha256sum <<<"x" | cut -c1-64)"
  register_bad "$reg" $((bad + 1)) "${good/\"codeVersion\":\"/\"codeVersion\":\"tampered-}" "$sha"
  await 60 "[ \$(metric $DETECTOR detector_models_rejected_total) -ge $((rej0 + 2)) ]" || true
  rej1=$(metric "$DETECTOR" detector_models_rejected_total)
  s3_put "models/$MODEL/registry.json" "$reg"
  s3_delete "models/$MODEL/v$bad/model.json"; s3_delete "models/$MODEL/v$((bad + 1))/model.json"
  say "  rejected models: $rej0 -> $rej1; serving v$(curl -fs "$DETECTOR/model" | jq -r .version) (was v$before)"
  say "  detector says: $(curl -fs "$DETECTOR/q/health/ready" | tr -d '\n' | grep -o '"lastProblem": "[^"]*' | cut -c1-240)"
  [ "$rej1" -ge $((rej0 + 2)) ] && [ "$(curl -fs "$DETECTOR/model" | jq -r .version)" = "$before" ] && ready "$DETECTOR"
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

# --- s3-down-batch: S3Proxy SIGKILLed while the batch writes a range of days --------------------------------------
# The drill's own symbol and month (31 days of 1m bars), imported as a Binance kline dump, so the run is long enough
# to be caught mid-write and touches nothing of BTCUSDT.
BATCH_SYMBOL=S3DRILLUSDT BATCH_MONTH=2025-01 BATCH_FROM=2025-01-01 BATCH_TO=2025-01-31

# A synthetic data.binance.vision monthly dump (a seeded random walk) with its .CHECKSUM; made once.
make_batch_dump() {
  local dir="$STATE/drills/dumps" name="$BATCH_SYMBOL-1m-$BATCH_MONTH"
  [ -f "$dir/$name.zip.CHECKSUM" ] && return 0
  mkdir -p "$dir/csv"
  # %.0f, not %d: mawk's %d stops at 2^31 and the times are epoch milliseconds.
  awk -v start="$(date -u -d "$BATCH_FROM" +%s)" -v days=31 'BEGIN {
    srand(42); p = 42000
    for (i = 0; i < days * 1440; i++) {
      t = (start + i * 60) * 1000; o = p; p = p * (1 + (rand() - 0.5) * 0.004); c = p
      h = (o > c ? o : c) * 1.0005; l = (o < c ? o : c) * 0.9995; v = 1 + rand() * 10
      printf "%.0f,%.2f,%.2f,%.2f,%.2f,%.4f,%.0f,%.2f,50,%.4f,%.2f,0\n", t, o, h, l, c, v, t + 59999, v * c, v / 2, v * c / 2
    }
  }' >"$dir/csv/$name.csv"
  (cd "$dir/csv" && jar --create --no-manifest --file "../$name.zip" "$name.csv")
  (cd "$dir" && sha256sum "$name.zip" >"$name.zip.CHECKSUM")
}

# Keys under an S3 prefix, one a line, following continuation tokens (ListObjectsV2). The query is written by hand,
# its parameters in sorted order and fully encoded: that is the canonical form SigV4 signs, and curl signs it as is.
urlenc() { sed 's/%/%25/g; s|/|%2F|g; s/=/%3D/g; s/+/%2B/g; s/&/%26/g; s/ /%20/g' <<<"$1"; }
s3_list() {
  local prefix=$1 token="" page
  while :; do
    page=$(s3 -H "x-amz-content-sha256: $EMPTY_SHA" \
      "$S3/$BUCKET/?${token:+continuation-token=$(urlenc "$token")&}list-type=2&prefix=$(urlenc "$prefix")") || return 1
    grep -o '<Key>[^<]*</Key>' <<<"$page" | sed 's/<Key>\(.*\)<\/Key>/\1/; s/&amp;/\&/g' || true
    grep -q '<IsTruncated>true</IsTruncated>' <<<"$page" || return 0
    token=$(sed -n 's/.*<NextContinuationToken>\([^<]*\)<\/NextContinuationToken>.*/\1/p' <<<"$page")
  done
}

# docs/storage.md: a partition is what its _manifest.json names. For every partition under processed/ and
# metrics/daily/ (the run=R/ directories; a day's _current.json pointer is not a partition): the manifest exists,
# each file it names exists with the listed size and SHA-256, and no other file is left beside them. Then every day
# of the drill's range has a pointer, and both partitions it names have their manifest.
# One exception is counted apart: S3Proxy's filesystem store writes an object as <key>-<uuid> and renames it, so a
# SIGKILL between the two leaves that temporary file listed beside a key that exists. Real S3 shows no such object
# (a PUT is atomic) and readers never see it (they read what manifests name); any other stray file fails the audit.
# Prints one line of figures; true when nothing is wrong.
UNFINISHED_PUT='-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
audit_partitions() {
  local keys parts part manifest entries key size sha got bad=0 files=0 orphans=0 unfinished=0 nomanifest=0 missing_days=0 d f="$STATE/drills/obj.tmp"
  keys=$( { s3_list processed/ && s3_list metrics/daily/; } ) || { echo "listing failed"; return 1; }
  parts=$({ grep -v '/_current\.json$' <<<"$keys" || true; } | while IFS= read -r key; do echo "${key%/*}"; done | sort -u)
  for part in $parts; do
    if ! grep -qxF "$part/_manifest.json" <<<"$keys"; then nomanifest=$((nomanifest + 1)); echo "  no manifest: $part" >&2; continue; fi
    manifest=$(s3_get "$part/_manifest.json")
    entries=$(jq -r '.files[] | "\(.key) \(.size) \(.sha256)"' <<<"$manifest" 2>/dev/null || true)
    while read -r key size sha; do
      [ -n "$key" ] || continue
      files=$((files + 1))
      if ! s3 -H "x-amz-content-sha256: $EMPTY_SHA" -o "$f" "$S3/$BUCKET/$key" 2>/dev/null; then bad=$((bad + 1)); echo "  missing: $key" >&2; continue; fi
      got="$(stat -c %s "$f") $(sha256sum "$f" | cut -c1-64)"
      [ "$got" = "$size $sha" ] || { bad=$((bad + 1)); echo "  mismatch: $key is $got, manifest says $size $sha" >&2; }
    done <<<"$entries"
    while IFS= read -r key; do
      [ -n "$key" ] || continue
      grep -qxF "$key" < <(cut -d' ' -f1 <<<"$entries") && continue
      if [[ "$key" =~ $UNFINISHED_PUT ]] && grep -qxF "${key%-*-*-*-*-*}" <<<"$keys"; then
        unfinished=$((unfinished + 1)); echo "  S3Proxy's unfinished PUT (killed before its rename): $key" >&2
      else
        orphans=$((orphans + 1)); echo "  not in the manifest: $key" >&2
      fi
    done < <(grep "^$part/[^/]*$" <<<"$keys" | grep -v '/_manifest.json$')
  done
  for d in $(seq 0 30); do
    d=$(date -u -d "$BATCH_FROM + $d day" +%F)
    key="metrics/daily/symbol=$BATCH_SYMBOL/date=$d/_current.json"
    grep -qxF "$key" <<<"$keys" && manifest=$(s3_get "$key") \
      && grep -qxF "$(json processed <<<"$manifest")_manifest.json" <<<"$keys" \
      && grep -qxF "$(json metrics <<<"$manifest")_manifest.json" <<<"$keys" || missing_days=$((missing_days + 1))
  done
  echo "partitions=$(wc -w <<<"$parts") files=$files bad_files=$bad without_manifest=$nomanifest unreferenced=$orphans s3proxy_unfinished_puts=$unfinished range_days_missing=$missing_days"
  [ $((bad + nomanifest + orphans + missing_days)) = 0 ]
}

# S3Proxy SIGKILLed while batch-analytics writes a 31-day range: the run reports the failed days with their reason
# (the service stays up), readiness is DOWN naming S3, UP again on its own once S3 is back; the re-run completes
# every day, and every partition in the bucket is exactly what its manifest names.
drill_s3_down_batch() {
  local pid out="$STATE/drills/batch-run.json" run ready_json key k n=0
  pid=$(pid_of batch-analytics)
  make_batch_dump
  curl -fsS -X POST "$INGESTOR/import/dumps?dir=$STATE/drills/dumps" | grep -q '"bars":[1-9]' || { say "  the dump import failed"; return 1; }
  # A clean slate for the drill's symbol: the days the killed run does not reach must have no partition at all.
  for k in $( { s3_list "processed/symbol=$BATCH_SYMBOL/" && s3_list "metrics/daily/symbol=$BATCH_SYMBOL/"; } ); do s3_delete "$k"; done
  curl -s -X POST -o "$out" "$BATCH/runs?symbol=$BATCH_SYMBOL&from=$BATCH_FROM&to=$BATCH_TO" &
  run=$!
  # Kill once a few days are written: the run is then in the middle of its writes.
  await 120 "[ \$(s3_list metrics/daily/symbol=$BATCH_SYMBOL/ | grep -c _current.json) -ge 3 ] || ! kill -0 $run 2>/dev/null" || true
  n=$(s3_list "metrics/daily/symbol=$BATCH_SYMBOL/" | grep -c _current.json || true)
  kill -9 "$(pid_of s3proxy)"
  say "  S3Proxy SIGKILLed mid-run, $n of 31 days written"
  ! kill -0 "$run" 2>/dev/null && { say "  the run had finished before the kill: nothing caught mid-write"; }
  sleep 2
  ready_json=$(curl -s "$BATCH/q/health/ready" | tr -d '\n' | tr -s ' ')
  say "  batch-analytics readiness: $(grep -o '"status": "[A-Z]*"' <<<"$ready_json" | head -1); $(grep -o '"name": "s3"[^}]*' <<<"$ready_json" | cut -c1-200)"
  if ready "$BATCH" || ! grep -q '"name": "s3", "status": "DOWN", "data": {[^}]*"reason"' <<<"$ready_json"; then
    say "  readiness is not DOWN with an S3 reason"; wait "$run"; return 1
  fi
  await 300 "! kill -0 $run 2>/dev/null" || { say "  the run did not answer within 300 s"; return 1; }
  say "  the run: $(grep -o '"status":"COMPLETE"' "$out" | wc -l) complete, $(grep -o '"status":"ERROR"' "$out" | wc -l) error," \
    "$(grep -o '"status":"MISSING_INPUT"' "$out" | wc -l) missing input; first error: $(grep -o '"status":"ERROR"[^}]*"message":"[^"]*' "$out" | head -1 | sed 's/.*"message":"//' | cut -c1-160)"
  [ "$(grep -o '"status":"ERROR"' "$out" | wc -l)" -ge 1 ] || { say "  no day failed: S3 was not down during the writes"; return 1; }
  [ "$(grep -o '"status":"ERROR"[^}]*"message":"[^"]' "$out" | wc -l)" = "$(grep -o '"status":"ERROR"' "$out" | wc -l)" ] \
    || { say "  an error day has no reason"; return 1; }
  if ! { [ "$(pid_of batch-analytics)" = "$pid" ] && kill -0 "$pid" && curl -fs -o /dev/null "$BATCH/q/health/live"; }; then
    say "  batch-analytics did not stay up"; return 1
  fi
  "$ROOT/platform" infra up >/dev/null
  await 120 "ready $BATCH" || { say "  batch-analytics did not become ready after S3 came back"; return 1; }
  say "  S3 back: batch-analytics ready without a restart (pid $pid)"
  # What the killed run left: every manifest names whole files (data files without a manifest are invisible to
  # readers, and days not reached have no partition yet; the re-run removes and completes those).
  k=$(audit_partitions 2>/dev/null || true)
  say "  after the kill, before the re-run: $k"
  [ "$(field bad_files <<<"$k")" = 0 ] || { say "  a manifest names a file that is missing or not what it lists"; return 1; }
  curl -fsS -X POST -o "$out" "$BATCH/runs?symbol=$BATCH_SYMBOL&from=$BATCH_FROM&to=$BATCH_TO" || return 1
  say "  the re-run: $(grep -o '"status":"COMPLETE"' "$out" | wc -l) of 31 days complete"
  [ "$(grep -o '"status":"COMPLETE"' "$out" | wc -l)" = 31 ] || return 1
  out=$(audit_partitions)
  say "  processed/ and metrics/daily/: $out"
  [ "$(field bad_files <<<"$out")" = 0 ] && [ "$(field without_manifest <<<"$out")" = 0 ] \
    && [ "$(field unreferenced <<<"$out")" = 0 ] && [ "$(field range_days_missing <<<"$out")" = 0 ] \
    && [ "$(pid_of batch-analytics)" = "$pid" ]
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

# The broker down for 90 s while the drill streams more trades than the ingestor's publish gate holds (a burst of
# real tape trades, so REST can serve them): the ingestor keeps answering pings, its readiness says Kafka is
# unavailable while liveness stays UP, and once the broker is back every trade is in market_prices (the deferred
# ones backfilled from REST), with the same PIDs.
drill_kafka_outage_long() {
  local det ing p0 e0 p1 e1 t0 reason deferred
  det=$(pid_of detector); ing=$(pid_of ingestor)
  p0=$(replay_status pings); e0=$(replay_status echoedPongs)
  kill -9 "$(pid_of kafka)"
  t0=$SECONDS
  say "  broker SIGKILLed; down for 90 s; a burst of 10,000 tape trades in 5 s"
  sleep 5
  curl -fs -X POST "$SIMULATOR/replay/chaos/burst?count=10000" >/dev/null || return 1
  await 60 "curl -s $INGESTOR/q/health/ready | grep -q 'Kafka unavailable'" || { say "  readiness never said why"; return 1; }
  reason=$(curl -s "$INGESTOR/q/health/ready" | tr -d '\n' | grep -o '"reason": "Kafka unavailable[^"]*' | cut -c1-240)
  say "  ingestor readiness: ${reason#\"reason\": \"}"
  curl -fs -o /dev/null "$INGESTOR/q/health/live" || { say "  liveness is not UP"; return 1; }
  curl -fs -m 5 -o /dev/null "$INGESTOR/q/metrics" || { say "  /q/metrics did not answer within 5 s"; return 1; }
  while [ $((SECONDS - t0)) -lt 90 ]; do sleep 1; done
  p1=$(replay_status pings); e1=$(replay_status echoedPongs)
  deferred=$(metric "$INGESTOR" "ingestor_trades_deferred_total{symbol=\"$SYMBOL\"}")
  say "  during the outage: $((p1 - p0)) pings sent, $((e1 - e0)) pongs echoed; $deferred trades deferred for REST backfill"
  "$ROOT/platform" infra up >/dev/null
  # Every ping of the outage answered but the one in flight: Binance drops a client that stops answering.
  [ $((p1 - p0)) -ge 3 ] && [ $((e1 - e0)) -ge $((p1 - p0 - 1)) ] || return 1
  await 180 "ready $INGESTOR && ready $DETECTOR" || return 1
  check_progress 180 || return 1
  say "  recovered without a restart (pids $ing, $det)"
  [ "$(pid_of detector)" = "$det" ] && [ "$(pid_of ingestor)" = "$ing" ] && [ "$deferred" -gt 0 ] \
    && check_no_trade_lost && check_no_duplicate_alert && check_bars
}

# The ingestor SIGKILLed mid-stream and started again. The exchange (the simulator, its own process) streams on while
# no ingestor listens, as Binance does: the new process must find the trades it missed as a gap from the tail of
# market_prices and backfill them over REST: 0 trades lost.
drill_ingestor_kill() {
  local last down=10
  last=$(replay_last_id)
  if [ -z "$last" ] || [ "$last" = 0 ]; then say "  the replay has not streamed anything yet"; return 1; fi
  kill -9 "$(pid_of ingestor)"; await 30 "! kill -0 $(pid_of ingestor) 2>/dev/null"
  say "  ingestor SIGKILLed after replayed id $last; down for $down s"
  sleep "$down"
  say "  meanwhile the simulator streamed up to id $(replay_last_id) to no one"
  [ "$(replay_last_id)" -gt "$last" ] || { say "  the simulator did not stream on while the ingestor was down"; return 1; }
  "$ROOT/platform" start >/dev/null
  await 120 "[ \$(gaps_backfilled) -ge 1 ]" || { say "  no gap backfilled after the restart"; return 1; }
  say "  $(grep -o 'resuming after the last trade ids in market_prices: .*' "$STATE/logs/ingestor.log" | tail -1)"
  say "  $(grep -o "gap in $SYMBOL trade ids [0-9.]*: BACKFILLED" "$STATE/logs/ingestor.log" | tail -1) (new pid $(pid_of ingestor))"
  await 60 "ready $INGESTOR" && check_progress 120 && check_no_trade_lost && check_no_duplicate_alert && check_bars
}

drill_detector_kill() {
  kill -9 "$(pid_of detector)"
  say "  detector SIGKILLed; restarting it"
  sleep 2
  "$ROOT/platform" start >/dev/null
  await 120 "ready $DETECTOR" && check_progress 120 && check_no_duplicate_alert && check_bars
}

# Hand-over both ways under a market-wide load: a second detector joins the group (rebalance) and both consume,
# the first leaves so the second owns every partition (BTCUSDT's included), the first comes back, the second
# leaves. No bar of any symbol may be lost, emitted twice or left unscored across the four rebalances.
# The market the second-detector drill runs under: the simulator's load generator lists MARKET_SYMBOLS symbols
# (LOAD…, Zipf-skewed rates) beside the replay and streams MARKET_RATE trades/s for MARKET_SECONDS (a 1m bar a second
# per symbol at event speed 60, a 1 % jump every 32nd bar). The run starts once the ingestor subscribed every stream.
MARKET_SYMBOLS=${DRILL_MARKET_SYMBOLS:-500} MARKET_RATE=${DRILL_MARKET_RATE:-2000} MARKET_SECONDS=150
market_load() {
  curl -fs -X POST "$SIMULATOR/replay/load?symbols=$MARKET_SYMBOLS&rate=$MARKET_RATE&seconds=$MARKET_SECONDS&eventSpeed=60&jumpEvery=32&jumpBps=100&zipf=1" \
    | grep -q '"started":true' || { say "  the simulator refused the market load (is another load run going?)"; return 1; }
}
load_running() { curl -fs "$SIMULATOR/replay/load" | grep -q '"running":true'; }

# Every LOAD symbol's bars: none missing, none emitted twice, none unscored after its warm-up.
check_market_bars() {
  local out
  out=$(audit market LOAD "$BAR_MS")
  say "  risk_events LOAD*: $out"
  [ "$(field missing <<<"$out")" = 0 ] && [ "$(field duplicates <<<"$out")" = 0 ] \
    && [ "$(field unscored_after_warmup <<<"$out")" = 0 ] && [ "$(field symbols <<<"$out")" -ge "$MARKET_SYMBOLS" ]
}

drill_second_detector() {
  local pid trades a0 b0 a1 b1
  await 200 "! load_running" || { say "  a load run still goes"; return 1; }
  market_load || return 1
  await 60 load_running || { say "  the market load did not start"; return 1; }
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" S3_ENDPOINT="$S3" RISK_BUCKET="$BUCKET" \
    nohup java -Xmx384m -Dquarkus.profile=local -Dquarkus.http.port=8092 -jar "$ROOT/detector/target/quarkus-app/quarkus-run.jar" \
    >>"$STATE/logs/detector-2.log" 2>&1 &
  pid=$!
  await 120 "ready http://127.0.0.1:8092" || { kill "$pid"; return 1; }
  # Both consume: the group split market_prices' partitions between them. Each first rebuilds its symbols' state
  # from its new partitions (RecoveryListener: up to a day of event time), which takes a while with many symbols.
  await 180 "[ \$(metric http://127.0.0.1:8092 detector_trades_total) -gt 0 ]" || true
  a0=$(metric "$DETECTOR" detector_trades_total); b0=$(metric http://127.0.0.1:8092 detector_trades_total)
  sleep 15
  a1=$(metric "$DETECTOR" detector_trades_total); b1=$(metric http://127.0.0.1:8092 detector_trades_total)
  say "  second detector (pid $pid) joined: in 15 s the first consumed $((a1 - a0)) trades, the second $((b1 - b0))"
  if [ $((a1 - a0)) -le 0 ] || [ $((b1 - b0)) -le 0 ]; then
    say "  the two detectors did not share the stream"; kill "$pid"; return 1
  fi
  say "  the first leaves (SIGTERM) under the load of $MARKET_SYMBOLS symbols"
  kill "$(pid_of detector)"; await 30 "! kill -0 $(pid_of detector) 2>/dev/null"
  await 60 "[ \$(metric http://127.0.0.1:8092 detector_trades_total) -gt $b1 ]" || true
  trades=$(metric http://127.0.0.1:8092 detector_trades_total)
  say "  the second detector alone has consumed $((trades - b1)) trades"
  "$ROOT/platform" start >/dev/null
  await 120 "ready $DETECTOR" || { kill "$pid"; return 1; }
  sleep 10
  kill "$pid"; await 30 "! kill -0 $pid 2>/dev/null" || kill -9 "$pid"
  say "  the first detector is back (pid $(pid_of detector)), the second left; waiting for the load to end"
  await $((MARKET_SECONDS + 60)) "! load_running" || true
  await 120 "[ \$(audit lag detector market_prices | field lag) -lt 1000 ]" || true
  [ "$trades" -gt "$b1" ] && check_progress 120 && check_no_duplicate_alert && check_bars && check_market_bars
}

# --- detector-down-alert: the operator rule DetectorDown (ops/prometheus/rules.yml) fires in the local Prometheus --
# State of an alert in Prometheus (/api/v1/alerts): firing, pending, or inactive when it is not listed.
alert_state() {
  curl -fs "$PROMETHEUS/api/v1/alerts" \
    | jq -r --arg a "$1" '[.data.alerts[] | select(.labels.alertname == $a) | .state] | if index("firing") then "firing" elif index("pending") then "pending" else "inactive" end'
}

# Active alerts of that name in the local Alertmanager ("no answer" when it does not answer).
am_alerts() {
  curl -fs "$ALERTMANAGER/api/v2/alerts?filter=alertname%3D%22$1%22" | jq 'length' 2>/dev/null || echo "no answer"
}

# The detector SIGKILLed: DetectorDown goes pending at the first failed scrape and fires once its `for:` has passed
# (within `for:` + 20 s: a 5 s scrape and a 5 s evaluation late at most), reaches Alertmanager, and resolves after
# the detector is started again.
drill_detector_down_alert() {
  local for_s t0 pending_at="" fired_at="" state am
  command -v jq >/dev/null || { say "  jq is needed (apt-get install jq)"; return 1; }
  if ! curl -fs "$PROMETHEUS/-/ready" >/dev/null; then
    say "  no Prometheus at $PROMETHEUS: apt-get install prometheus prometheus-alertmanager, then ./platform down && ./platform up"
    return 1
  fi
  for_s=$(curl -fs "$PROMETHEUS/api/v1/rules" | jq -r '[.data.groups[].rules[] | select(.name == "DetectorDown") | .duration][0] // empty')
  [ -n "$for_s" ] || { say "  Prometheus has no rule DetectorDown (is ops/prometheus/rules.yml loaded?)"; return 1; }
  state=$(alert_state DetectorDown)
  [ "$state" = inactive ] || { say "  DetectorDown is already $state before the kill"; return 1; }
  kill -9 "$(pid_of detector)"
  t0=$SECONDS
  say "  detector SIGKILLed; DetectorDown has for: ${for_s} s"
  while [ $((SECONDS - t0)) -le $((for_s + 20)) ]; do
    state=$(alert_state DetectorDown)
    [ "$state" = pending ] && [ -z "$pending_at" ] && pending_at=$((SECONDS - t0))
    [ "$state" = firing ] && { fired_at=$((SECONDS - t0)); break; }
    sleep 1
  done
  # Prometheus sends a firing alert to Alertmanager on its next evaluation: allow it a few seconds.
  if [ -n "$fired_at" ]; then await 15 "[ \"\$(am_alerts DetectorDown)\" -ge 1 ] 2>/dev/null" || true; fi
  am=$(am_alerts DetectorDown)
  say "  DetectorDown: pending after ${pending_at:-never} s, firing after ${fired_at:-never} s; in Alertmanager: $am"
  "$ROOT/platform" start >/dev/null
  await 120 "ready $DETECTOR" || { say "  the detector did not come back"; return 1; }
  await 60 "[ \"\$(alert_state DetectorDown)\" = inactive ]" || { say "  DetectorDown still $(alert_state DetectorDown) 60 s after the restart"; return 1; }
  say "  detector back (pid $(pid_of detector)); DetectorDown resolved after $((SECONDS - t0)) s from the kill"
  [ -n "$fired_at" ] && [ "$fired_at" -ge "$for_s" ] && [ "$am" != "no answer" ] && [ "$am" -ge 1 ]
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
  "$ROOT/ops/audit.sh" compile
  for d in "${selected[@]}"; do
    t0=$SECONDS
    say "▶ $d"
    if "drill_${d//-/_}"; then say "PASS $d ($((SECONDS - t0)) s)"; else say "FAIL $d ($((SECONDS - t0)) s)"; failed+=("$d"); fi
  done
  [ ${#failed[@]} -eq 0 ] || { say "failed: ${failed[*]}"; exit 1; }
  say "all ${#selected[@]} drills passed"
}

main "$@"
