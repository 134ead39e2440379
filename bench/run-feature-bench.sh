#!/usr/bin/env bash
# One run of the FeatureEngine benchmark and its pandas peer on the same synthetic data.
# Usage: bench/run-feature-bench.sh   (from the repository root; figures go to BENCHMARKS.md by hand)
set -euo pipefail
mvn -B -o -q -pl risk-core,bench package -DskipTests
data="${TMPDIR:-/tmp}/riskplatform-closes.bin"
java -cp bench/target/benchmarks.jar dev.riskplatform.bench.SyntheticCloses "$data" 1000000
java -jar bench/target/benchmarks.jar FeatureEngineBench -f 1 -wi 3 -i 5 -w 2 -r 2
# Debian's python with python3-pandas, not the pyenv python3 on PATH.
/usr/bin/python3 bench/peers/pandas_features.py "$data" 9
