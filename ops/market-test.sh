#!/usr/bin/env bash
# The market view at 2,000 symbols in headless Chromium: builds the page (npm ci + node build.mjs), then runs
# the detector's MarketViewBrowserTest, which starts the detector with its real in-JVM Kafka and S3Proxy on
# free ports (test-support), feeds it 2,000 symbols' trades and runs dashboard/market-test.mjs against it
# (count, ranking, search, a click opening the chart, a window of rows in the DOM, frame times while a bar
# for every symbol arrives every 4 s). Writes docs/market-view.png. Non-zero on failure; leaves nothing running.
#   ops/market-test.sh [-o]     (-o: Maven offline; needs node, and chromium at /usr/bin/chromium or $CHROMIUM)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v node >/dev/null || { echo "[market-test] node is not on PATH" >&2; exit 1; }
(cd dashboard && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; } && node build.mjs)
./mvnw "$@" -B -pl detector -am test -Dtest=MarketViewBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dmarket.browser=true
