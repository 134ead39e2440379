#!/usr/bin/env bash
# End-to-end load harness (docs/reliability.md, BENCHMARKS.md): synthetic trades from the Binance simulator
# (Binance's protocol; it lists the LOAD symbols and the ingestor follows its listings) -> ingestor -> Kafka ->
# detector -> risk_events / risk_alerts, at increasing rates.
# Bounded (each step SECONDS long, then a drain of at most 60 s), loopback only, against the running platform.
#
#   ops/loadtest.sh [RATE ...]          (./platform loadtest ... is the same; default rates: 2000 10000 30000 100000)
#   env: LOAD_SECONDS (20), LOAD_SYMBOLS (8; at most 3,072, subscribed with SUBSCRIBE messages on connections of at most
#        1,024 streams, and the run starts once every stream is subscribed), LOAD_EVENT_SPEED (60: a 1m bar closes every second per symbol),
#        LOAD_JUMP_EVERY (32) and LOAD_JUMP_BPS (100): a price jump of 1 % every 32nd bar per symbol, so the detector
#        alerts and the alert latency has samples (0 = the plain walk, which never alerts; the cool-down is 30 bars),
#        LOAD_ZIPF (0): Zipf exponent of the symbols' rates (1.0: the market's shape, a few symbols carry most trades;
#        0: equal rates),
#        LOAD_SAMPLES=FILE: every close-latency sample of the last step as "arrival-ms latency-ms symbol",
#        LOAD_WARMUP (15): seconds each step runs at its rate before it is measured (JIT compilation of the load path
#        in five JVMs on 2 cores made the first ~20 s of a step several times slower than the rest; a benchmark
#        measures the steady state, as JMH does; LOAD_WARMUP=0 measures from the first trade)
#
# Per step it prints: offered rate; trades/s published by the ingestor and consumed by the detector; close latency
# (publish time of the trade that closes a bar -> that bar's risk event at a consumer) and alert latency, p50/p99/p999;
# the detector group's lag at the end of the step; CPU (% of one core) and RSS per process. First, the bare Kafka
# ceiling of this broker with its own producer performance tool, for the ratio.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PLATFORM_HOME:-$ROOT/.platform}"
KAFKA="127.0.0.1:${KAFKA_PORT:-9092}"
INGESTOR=http://127.0.0.1:8081 DETECTOR=http://127.0.0.1:8082 SIMULATOR=http://127.0.0.1:${SIMULATOR_PORT:-8085}
SECS=${LOAD_SECONDS:-20} WARM=${LOAD_WARMUP:-15} SYMBOLS=${LOAD_SYMBOLS:-8} SPEED=${LOAD_EVENT_SPEED:-60}
JUMPS="jumpEvery=${LOAD_JUMP_EVERY:-32}&jumpBps=${LOAD_JUMP_BPS:-100}&zipf=${LOAD_ZIPF:-0}"
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(2000 10000 30000 100000)
HZ=$(getconf CLK_TCK)

LOG_TAG=load
# shellcheck source=lib.sh
. "$ROOT/ops/lib.sh"
# Never silent: any failing command ends the run with its line and command (set -e alone exited without a word).
trap 'echo "[load] FAIL (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
# Waits (at most 60 s) until the previous load run has sent what it owed: with thousands of symbols the
# session's connections open slowly and a short run can outlast a fixed sleep.
wait_idle() {
  local i=0
  until curl -fs "$SIMULATOR/replay/load" | grep -q '"running":false'; do
    i=$((i + 1)); [ $i -le 120 ] || { echo "[load] FAIL: the previous load run still runs after 60 s" >&2; return 1; }
    sleep 0.5
  done
}
# Starts a load run; a refusal (bad parameters, a run still going) is printed with the server's answer.
start_load() {
  local answer code
  answer=$(curl -sS -X POST -w '\n%{http_code}' \
    "$SIMULATOR/replay/load?symbols=$SYMBOLS&rate=$1&seconds=$2&eventSpeed=$SPEED&$JUMPS") || return 1
  code=${answer##*$'\n'}
  if [ "$code" != 200 ] || ! grep -q '"started":true' <<<"${answer%$'\n'*}"; then
    echo "[load] FAIL: POST /replay/load (symbols=$SYMBOLS rate=$1) answered $code: ${answer%$'\n'*}" >&2
    return 1
  fi
}
audit() { AUDIT_JAVA_OPTS="${LOAD_SAMPLES:+-Daudit.samples=$LOAD_SAMPLES}" "$ROOT/ops/audit.sh" "$@" 2>>"$STATE/logs/loadtest.log"; }
# Sum of a counter over all its tags (0 when absent).
counter() { curl -fs "$1/q/metrics" | awk -v m="$2" 'index($1, m) == 1 && $1 !~ /^#/ {s += $NF} END {printf "%d", s}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

kafka_tool() { java -cp "$STATE/lib/kafka/*" -Dlog4j2.configurationFile="$STATE/conf/log4j2.properties" "$@"; }

# The broker's own producer performance tool on a 4-partition topic: the ceiling our pipeline is compared with.
ceiling() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --create --if-not-exists \
    --topic loadtest_ceiling --partitions 4 --replication-factor 1 >/dev/null 2>&1 || true
  kafka_tool org.apache.kafka.tools.ProducerPerformance --topic loadtest_ceiling --num-records 500000 --record-size 200 \
    --throughput -1 --producer-props bootstrap.servers="$KAFKA" acks=all linger.ms=5 2>/dev/null | tail -1
}

step() {
  local rate=$1 procs=(ingestor detector kafka binance-simulator) p t0 t1 pub0 pub1 con0 con1 lat lag out=""
  declare -A c0 c1
  # The probe reads from the start (its own JVM warms up too) and counts bars closed after the warm-up.
  audit latency $((1 + WARM + SECS + 5)) LOAD $(($(date +%s%3N) + (1 + WARM) * 1000)) >"$STATE/run/latency.out" &
  local probe=$!
  sleep 1
  wait_idle
  start_load "$rate" $((WARM + SECS))
  sleep "$WARM"
  t0=$(date +%s%N)
  for p in "${procs[@]}"; do c0[$p]=$(cpu_ticks "$(pid_of "$p")"); done
  pub0=$(counter "$INGESTOR" ingestor_trades_published_total); con0=$(counter "$DETECTOR" detector_trades_total)
  sleep "$SECS"
  t1=$(date +%s%N)
  pub1=$(counter "$INGESTOR" ingestor_trades_published_total); con1=$(counter "$DETECTOR" detector_trades_total)
  for p in "${procs[@]}"; do c1[$p]=$(cpu_ticks "$(pid_of "$p")"); done
  wait "$probe"; lat=$(cat "$STATE/run/latency.out")
  lag=$(audit lag detector market_prices | field lag)
  local ms=$(((t1 - t0) / 1000000))
  for p in "${procs[@]}"; do
    out+=" $p: cpu $(((c1[$p] - c0[$p]) * 100000 / HZ / ms))% rss $(rss_mib "$(pid_of "$p")") MiB;"
  done
  say "offered $rate/s | ingestor published $(((pub1 - pub0) * 1000 / ms))/s | detector consumed $(((con1 - con0) * 1000 / ms))/s | lag at end $lag"
  say "  close latency ms p50 $(field event_p50 <<<"$lat") p99 $(field event_p99 <<<"$lat") p999 $(field event_p999 <<<"$lat") ($(field events <<<"$lat") bars);" \
    "alert latency ms p50 $(field alert_p50 <<<"$lat") p99 $(field alert_p99 <<<"$lat") p999 $(field alert_p999 <<<"$lat") ($(field alerts <<<"$lat") alerts)"
  say " $out"
  # Drain before the next step, so each step starts from an empty backlog (bounded). Not down to 0: the simulator's
  # replay of ./platform up keeps streaming beside the load, so a few hundred records are always in flight.
  local i=0
  while [ "$(audit lag detector market_prices | field lag)" -gt 1000 ] && [ $i -lt 30 ]; do sleep 2; i=$((i + 1)); done
}

main() {
  curl -fs "$DETECTOR/q/health/ready" >/dev/null || { echo "the platform is not up (./platform up)" >&2; exit 2; }
  "$ROOT/ops/audit.sh" compile
  say "symbols $SYMBOLS, $SECS s per step after $WARM s of warm-up, event speed ${SPEED}x, jumps: $JUMPS"
  say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  say "bare Kafka ceiling (ProducerPerformance, 500k x 200 B, acks=all, 4 partitions): $(ceiling)"
  # Warm-up: the first run lists the LOAD symbols, which the ingestor subscribes at its next look at exchangeInfo
  # (every 5 s under ./platform); the run starts once every stream is subscribed. Not measured.
  start_load 200 3
  sleep 8
  wait_idle
  for r in "${RATES[@]}"; do step "$r"; done
  say "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

main
