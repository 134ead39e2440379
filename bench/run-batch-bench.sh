#!/usr/bin/env bash
# Daily risk metrics over one year of 1-minute bars (525,600 rows, one local Parquet file):
# ours (risk-io Parquet read + risk-core DailyRiskCalculator) vs DuckDB JDBC (1 and 2 threads) vs pandas.
# Usage: bench/run-batch-bench.sh [repeats]   (figures in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS="${1:-7}"
DATA=/tmp/riskplatform-year-1m.parquet
# Reactor build, no install: the shared ~/.m2 SNAPSHOTs stay untouched; sibling modules come from their target/classes.
./mvnw -B -q -o -pl batch-analytics -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="batch-analytics/target/test-classes:batch-analytics/target/classes:$(cat batch-analytics/target/bench.cp)"
java -Xmx2g -cp "$CP" dev.riskplatform.batch.bench.DailyMetricsBench "$DATA" "$REPEATS"
# The same year from S3Proxy (started by the bench from ops' local jar, see test-support S3ProxyServer).
# The S3 client settings the services run with (platform, jib: docs/storage.md "Client settings").
java -Xmx2g -Dhttp.maxConnections=16 -Daws.responseChecksumValidation=WHEN_REQUIRED -cp "$CP" dev.riskplatform.batch.bench.DailyMetricsS3Bench "$REPEATS" 16
# Debian's /usr/bin/python3 (pandas 1.5.3), not the pyenv python3 on PATH; no Parquet engine there: the
# same bars as flat records ($DATA.bin, written by DailyMetricsBench).
/usr/bin/python3 bench/peers/pandas_daily_metrics.py "$DATA.bin" "$REPEATS"
