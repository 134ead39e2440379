#!/usr/bin/env bash
# POST /runs over a year of one symbol's 1-minute bars on S3Proxy (the batch service's own path: raw/bars/ in,
# processed/, metrics/daily/, the day pointers, batch_runs and the backtest table out), beside DuckDB computing
# the daily metrics from the same raw Parquet files on local disk. Figures in BENCHMARKS.md.
# Usage: bench/run-year-run.sh [repeats] [days] [symbols]    (defaults 3, 365, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl batch-analytics -am verify -Dtest=YearRunHarness -Dsurefire.failIfNoSpecifiedTests=false \
  -Dyear.harness=true -Dyear.repeats="${1:-3}" -Dyear.days="${2:-365}" -Dyear.symbols="${3:-1}" >/tmp/year-run.log 2>&1 \
  || { tail -40 /tmp/year-run.log; exit 1; }
grep -h '^RESULT' /tmp/year-run.log
