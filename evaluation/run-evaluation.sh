#!/usr/bin/env bash
# The detection evaluation (docs/evaluation.md): the served scorer (feature spec v2, tail-blend at 3 alerts a day)
# against scikit-learn's Isolation Forest on v1 and v2 features and the |r|/σ and |z| rules, on both labelled
# generators and unseen seeds, plus the served top anomalies of the 2013 Bitstamp trades. Writes docs/evaluation.md.
#   evaluation/run-evaluation.sh [bars] [seeds] [out.md]     (defaults: 500000 101,102,103 docs/evaluation.md)
# Needs Debian's /usr/bin/python3 with python3-sklearn. Builds through the reactor (-am): nothing is installed into ~/.m2.
set -euo pipefail
out="$(realpath -m "${3:-$(dirname "$0")/../docs/evaluation.md}")"   # resolved before the cd: relative to the caller
cd "$(dirname "$0")/.."
./mvnw -B -o -q -pl evaluation -am test -Dtest=EvaluationReportTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Deval.bars="${1:-500000}" -Deval.seeds="${2:-101,102,103}" -Deval.out="$out" -DargLine="-Xmx3g"
echo "wrote $out"
