#!/usr/bin/env bash
# Detector benchmark: the broker and S3Proxy in the test JVM (test-support), the detector as its own
# process from the packaged quarkus-app (see detector/.../bench/DetectorBench.java for what is measured).
# Prints lines starting with BENCH. Not part of the normal test run (needs -Dbench=true).
# Usage: bench/run-detector-bench.sh [repeats] [detector JVM options]; one warm-up repeat runs first (-Dbench.warmup)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
jvm="${2:--Xmx96m -Xmn48m -XX:SurvivorRatio=4 -XX:+UseSerialGC -Xss512k}"
# As ./platform starts it: glibc keeps at most 2 malloc arenas (the default, 8 per core, holds freed
# compiler and Kafka buffers as RSS).
export MALLOC_ARENA_MAX=2
./mvnw -B -o -q -pl detector -am package -DskipTests
./mvnw -B -o -pl detector -am test -Dbench=true -Dbench.repeats="$repeats" -Dbench.jvm="$jvm" \
  -Dtest='dev/riskplatform/detector/bench/DetectorBench' -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_TEST_JVM:+-DargLine="$BENCH_TEST_JVM"} 2>&1 \
  | grep -E '^BENCH|Tests run:|BUILD|ERROR\]' || true
echo "BENCH load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
