#!/usr/bin/env bash
# Ingestor throughput: parse + sequence + publish (acks=all, idempotent) to an in-JVM KRaft broker.
# Usage: bench/run-ingestor-bench.sh [repeats]   (median goes to BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl risk-io,ingestor test-compile
./mvnw -B -q -o -pl ingestor dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx1g -cp "ingestor/target/test-classes:ingestor/target/classes:risk-io/target/classes:$(cat ingestor/target/bench.classpath)" \
  dev.riskplatform.ingestor.bench.IngestorBench "${1:-7}" 2>&1 | grep -E '^(run|MEDIAN)'
