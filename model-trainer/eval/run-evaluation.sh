#!/usr/bin/env bash
# Jump-detection evaluation (docs/evaluation.md): our Isolation Forest, the DL4J-trained autoencoder and
# their combination vs scikit-learn's forest and the |log return| rules, plus the top anomalies of the
# 2013 Bitstamp trades.
#   model-trainer/eval/run-evaluation.sh [bars] [jumps] [seed]     (defaults: 1000000 1000 1)
# Needs Debian's /usr/bin/python3 with python3-sklearn. Report: model-trainer/target/evaluation/report.md
# Builds through the reactor (-am): nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -pl model-trainer -am test -Dtest=EvaluationReportTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Deval.bars="${1:-1000000}" -Deval.jumps="${2:-1000}" -Deval.seed="${3:-1}" -DargLine="-Xmx3g"
cat model-trainer/target/evaluation/report.md
