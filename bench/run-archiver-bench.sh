#!/usr/bin/env bash
# Live archiver cost per trade: parse + buffer + flush to S3Proxy (a child process), in one test JVM
# with the ingestor's heap (see ingestor/.../bench/ArchiverBench.java for what is measured).
# Prints lines starting with BENCH. Not part of the normal test run (needs -Dbench=true).
# Usage: bench/run-archiver-bench.sh [repeats] [extra -Dbench.* options]
# JVM: -Xmx384m as the ingestor runs, and the client settings of docs/storage.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-5}"
shift || true
jvm="${BENCH_TEST_JVM:--Xmx384m -XX:+UseG1GC -Daws.responseChecksumValidation=WHEN_REQUIRED -Dhttp.maxConnections=16}"
./mvnw -B -o -pl ingestor -am test -Dbench=true -Dbench.repeats="$repeats" "$@" \
  -Dtest='dev/riskplatform/ingestor/bench/ArchiverBench' -Dsurefire.failIfNoSpecifiedTests=false -DargLine="$jvm" 2>&1 \
  | grep -E '^BENCH|Tests run:|BUILD|ERROR\]' || true
echo "BENCH load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
