#!/usr/bin/env bash
# Writes k8s/components/monitoring/prometheusrule.yaml from ops/prometheus/rules.yml: the same groups, comments
# kept, under a PrometheusRule. Run it after editing the rules; ops/check.sh fails when the two files differ.
#   ops/prometheus/sync-k8s.sh [OUT]     (default: the file in k8s/components/monitoring)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RULES="$ROOT/ops/prometheus/rules.yml"
OUT="${1:-$ROOT/k8s/components/monitoring/prometheusrule.yaml}"

grep -q '^groups:$' "$RULES" || { echo "no top-level 'groups:' in $RULES" >&2; exit 1; }
{
  cat <<'YAML'
# GENERATED from ops/prometheus/rules.yml by ops/prometheus/sync-k8s.sh: edit the rules there, then run the script.
# ops/check.sh fails when this file and ops/prometheus/rules.yml differ.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: risk-platform
  labels:
    # kube-prometheus-stack selects PrometheusRules by its release label by default.
    release: kube-prometheus-stack
spec:
YAML
  # Everything from `groups:` on, indented under spec (blank lines stay empty: no trailing spaces).
  sed -n '/^groups:$/,$p' "$RULES" | sed 's/^./  &/'
} >"$OUT"
echo "wrote $OUT"
