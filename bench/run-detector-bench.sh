#!/usr/bin/env bash
# Detector benchmark through the real broker (in-JVM KRaft) and S3Proxy: see detector/.../bench/DetectorBench.java.
# Prints lines starting with BENCH. Not part of the normal test run (needs -Dbench=true).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -pl detector -am test -Dbench=true -Dtest='dev/riskplatform/detector/bench/DetectorBench' \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E '^BENCH|Tests run:|BUILD'
