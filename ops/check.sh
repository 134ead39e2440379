#!/usr/bin/env bash
# Deployment checks, runnable offline (no cluster, no Docker engine, no registry):
#   - Kubernetes: every object of `kubectl kustomize` for k8s/base and each overlay, schema-validated
#     (npm kubernetes-models) plus the platform policy (ops/validate-k8s.mjs); the CI image pinning
#     (ops/render-deploy.sh) and the backfill wiring (ops/backfill-job.sh) rendered and validated.
#   - docker-compose.yml through `docker-compose config -q`.
#   - Jenkinsfile through npm-groovy-lint (fails on errors only).
#   - every shell script through shellcheck; every YAML file through yamllint (ops/yamllint.yaml).
#   - Grafana dashboard and IAM policy JSON; the dashboard's PromQL through `promtool check rules`.
#   - each service's real /q/metrics through `promtool check metrics` (jar started on loopback).
#   - the operator alert rules (ops/prometheus/rules.yml): `promtool check rules`, their unit tests
#     (`promtool test rules ops/prometheus/rules.test.yml`), the PrometheusRule in k8s/components/monitoring
#     holding the same groups, and every metric a rule reads exported by a service's real /q/metrics.
#   - the packaged ingestor (target/quarkus-app) holds no Binance simulator class or jar (ops/no-simulator-in-app.py).
#   - the self-test: each validator must reject a deliberately broken fixture (ops/selftest/).
# Usage: ops/check.sh              all of the above
#        ops/check.sh --self-test  only the self-test (fixtures must be rejected)
# Tools missing from the machine are installed (apt-get; npm into the git-ignored .ops-tools/).
# The closing line "ops-check: N passed, M failed" is what CI reads; exit status is non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="$ROOT/.ops-tools"
OUT="$TOOLS/check"
SELFTEST="$ROOT/ops/selftest"
SERVICES=(ingestor detector batch-analytics model-trainer)
START=$(date +%s)
PASSED=0
FAILED=0
FAILURES=()
MODE="${1:-all}"
case "$MODE" in all|--self-test) ;; *) echo "usage: $0 [--self-test]" >&2; exit 2 ;; esac

log() { printf '[check %4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
pass() { PASSED=$((PASSED + 1)); log "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$*"); log "FAIL $*"; }

# ---------------------------------------------------------------- tools
ensure_tools() {
  local missing=()
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  command -v yamllint >/dev/null || missing+=(yamllint)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v promtool >/dev/null || missing+=(prometheus)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (apt-get)"
    apt-get update -qq >/dev/null
    # --no-install-recommends: prometheus would otherwise drag in node-exporter and friends.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # kubectl (with its built-in kustomize v5) ships on this machine image; Debian's
  # kubernetes-client 1.20 embeds kustomize v2, which cannot build `components:`.
  command -v kubectl >/dev/null || { echo "kubectl (>= 1.27, with kustomize v5) is required" >&2; exit 2; }
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then echo "node and npm are required" >&2; exit 2; fi
  mkdir -p "$TOOLS" "$OUT"
  # npm dependencies are cached in .ops-tools/ and reinstalled only when the lockfile changes.
  if ! cmp -s "$ROOT/ops/tools/package-lock.json" "$TOOLS/package-lock.json" || [[ ! -d "$TOOLS/node_modules" ]]; then
    log "npm ci into .ops-tools/ (lockfile ops/tools/package-lock.json)"
    cp "$ROOT/ops/tools/package.json" "$ROOT/ops/tools/package-lock.json" "$TOOLS/"
    (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  # ES modules resolve packages next to the script: run the validator from .ops-tools/.
  cp "$ROOT/ops/validate-k8s.mjs" "$TOOLS/validate-k8s.mjs"
}

validate_k8s() { node "$TOOLS/validate-k8s.mjs" "$@"; }

# Runs a validator on a broken fixture: it must exit non-zero AND print the expected reason,
# so "failed because the file was missing" does not count as a rejection.
expect_reject() {
  local name="$1" pattern="$2"; shift 2
  local log_file="$OUT/selftest-$name.log"
  if "$@" >"$log_file" 2>&1; then
    fail "self-test $name: validator ACCEPTED the broken fixture"
  elif grep -qE -- "$pattern" "$log_file"; then
    pass "self-test $name: rejected ($(grep -m1 -oE -- "$pattern" "$log_file" | head -n1))"
  else
    fail "self-test $name: rejected, but not for the expected reason /$pattern/ (see $log_file)"
  fi
}

# ---------------------------------------------------------------- promtool helpers
# promtool check metrics exits 1 on a parse error and 3 on lint findings. Library metrics
# (Kafka client, Netty, Vert.x) carry lint findings we cannot fix without forking them, so
# lint findings fail the check only for the platform's own metrics (detector_*, ingestor_*, batch_*, trainer_*, risk_*).
check_metrics_text() {
  local file="$1" rc=0 report
  report=$(promtool check metrics < "$file" 2>&1) || rc=$?
  if ((rc != 0 && rc != 3)); then echo "$report"; return 1; fi
  if grep -E '^(risk|detector|ingestor|batch|trainer)_' <<<"$report"; then return 1; fi
  if ((rc == 3)); then echo "lint findings (library metrics only): $(grep -c . <<<"$report")"; fi
  return 0
}

# Grafana expressions -> a Prometheus rules file -> promtool parses every expression.
check_dashboard_promql() {
  local dashboard="$1" rules
  rules="$OUT/dashboard-rules-$(basename "$dashboard").yml"
  python3 - "$dashboard" "$rules" <<'PY' || return 1
import json, sys
dash = json.load(open(sys.argv[1]))
exprs = []
def walk(panels):
    for p in panels:
        walk(p.get("panels", []))
        for t in p.get("targets", []):
            if t.get("expr"):
                exprs.append(t["expr"])
walk(dash.get("panels", []))
if not exprs:
    sys.exit("no PromQL expressions found")
# Grafana variables are not PromQL: give them concrete values of the same shape.
subst = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h", "$namespace": "risk-platform"}
with open(sys.argv[2], "w") as f:
    f.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, e in enumerate(exprs):
        for k, v in subst.items():
            e = e.replace(k, v)
        f.write(f"      - record: dashboard:expr{i}\n        expr: {json.dumps(e)}\n")
print(f"{len(exprs)} expressions")
PY
  promtool check rules "$rules"
}

# ---------------------------------------------------------------- alert rules
RULES="$ROOT/ops/prometheus/rules.yml"
RULES_TEST="$ROOT/ops/prometheus/rules.test.yml"
K8S_RULES="$ROOT/k8s/components/monitoring/prometheusrule.yaml"

# promtool test rules on the unit tests, against the rules file $1 (the test file names rules.yml beside it).
test_rules_against() {
  local dir rc=0
  dir=$(mktemp -d "$OUT/rules-test.XXXXXX")
  cp "$RULES_TEST" "$dir/rules.test.yml"
  cp "$1" "$dir/rules.yml"
  (cd "$dir" && promtool test rules rules.test.yml) || rc=$?
  rm -rf "$dir"
  return "$rc"
}

# The PrometheusRule ($2) must hold exactly the groups of the plain rules file ($1), parsed, not as text.
rules_agree() {
  python3 - "$1" "$2" <<'PY'
import sys, yaml
plain = yaml.safe_load(open(sys.argv[1]))["groups"]
k8s = yaml.safe_load(open(sys.argv[2]))
if k8s.get("kind") != "PrometheusRule":
    sys.exit(f"{sys.argv[2]} is not a PrometheusRule")
other = k8s["spec"]["groups"]
if plain == other:
    print(f"{sum(len(g['rules']) for g in plain)} rules identical")
    sys.exit(0)
rules = lambda gs: {(g["name"], r.get("alert") or r.get("record")): r for g in gs for r in g["rules"]}
a, b = rules(plain), rules(other)
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        diff = [f for f in sorted(set(a.get(k, {})) | set(b.get(k, {}))) if a.get(k, {}).get(f) != b.get(k, {}).get(f)]
        print(f"PrometheusRule differs from ops/prometheus/rules.yml: {k[1]} ({', '.join(diff) or 'present in one only'})")
sys.exit(1)
PY
}

# Every metric name a rule reads ($1) must be exported by a service (`up` is Prometheus' own): a sample name in one
# of the /q/metrics files scraped by this run (the rest of the arguments), or, for a meter the service creates
# lazily (the detector's stream meters once it consumes, which needs a broker; a counter tagged by what happened on
# its first event), registered in a service's main code under its Micrometer name (the name without _total or a
# base-unit suffix, dots for underscores). The report says which names were found which way.
rule_metrics_exported() {
  local rules="$1"; shift
  python3 - "$rules" "$ROOT" "$@" <<'PY'
import re, subprocess, sys, yaml
rules_file, root, metric_files = sys.argv[1], sys.argv[2], sys.argv[3:]
exported = set()
for f in metric_files:
    for line in open(f):
        if line.strip() and not line.startswith("#"):
            exported.add(re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0))
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless",
            "inf", "nan"}
def names(expr):
    found = set()
    for m in re.finditer(r'__name__\s*=~?\s*"([^"]*)"', expr):   # {__name__=~"a|b"}
        found.update(n for n in m.group(1).split("|") if n)
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)                 # string literals
    e = re.sub(r"\{[^}]*\}", " ", e)                              # label matchers
    e = re.sub(r"\[[^\]]*\]", " ", e)                             # ranges and subqueries
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", e)
    for m in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", e):
        n = m.group(1)
        if n.lower() not in KEYWORDS and not re.fullmatch(r"\d+[smhdwy]", n):
            found.add(n)
    return found
def registered_in_main(n):
    base = re.sub(r"_total$", "", n)
    candidates = {base, re.sub(r"_(seconds|bytes|records)$", "", base)}
    for c in candidates:
        micrometer = c.replace("_", ".")
        out = subprocess.run(["grep", "-rlF", "--include=*.java", "-e", f'"{micrometer}"', root],
                             capture_output=True, text=True).stdout.split()
        if any("/src/main/" in p and "/target/" not in p for p in out):
            return micrometer
    return None
problems, scraped, in_code = [], set(), {}
for g in yaml.safe_load(open(rules_file))["groups"]:
    for r in g["rules"]:
        for n in sorted(names(r["expr"])):
            if n == "up" or n in exported:
                scraped.add(n)
            elif (m := registered_in_main(n)):
                in_code[n] = m
            else:
                problems.append(f"{r.get('alert')}: {n} is exported by no service")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
lazy = ", ".join(k + ' as "' + v + '"' for k, v in sorted(in_code.items()))
print(f"{len(scraped)} metric names on the scraped /q/metrics, {len(in_code)} created lazily and registered in main code ({lazy})")
PY
}

check_rules() {
  local report
  if report=$(promtool check rules "$RULES" 2>&1); then
    pass "alert rules: promtool check rules ($(grep -oE '[0-9]+ rules found' <<<"$report"))"
  else
    fail "alert rules: promtool check rules: $(tail -n3 <<<"$report" | tr '\n' ' ')"
  fi
  if report=$(test_rules_against "$RULES" 2>&1); then
    pass "alert rules: promtool test rules ops/prometheus/rules.test.yml ($(grep -c '^  - name:' "$RULES_TEST") tests): SUCCESS"
  else
    fail "alert rules: unit tests: $(grep -m3 -E 'FAILED|alertname|error' <<<"$report" | tr '\n' ' ')"
  fi
  if report=$(rules_agree "$RULES" "$K8S_RULES" 2>&1); then
    pass "alert rules: k8s PrometheusRule == ops/prometheus/rules.yml ($report)"
  else
    fail "alert rules: $(head -n3 <<<"$report" | tr '\n' ' ') (run ops/prometheus/sync-k8s.sh)"
  fi
}

# ---------------------------------------------------------------- self-test
self_test() {
  log "self-test: every validator must reject its broken fixture"
  expect_reject k8s-schema 'containerPort must be integer' validate_k8s "$SELFTEST/deployment-schema.yaml.broken"
  expect_reject k8s-policy 'readOnlyRootFilesystem must be true' validate_k8s "$SELFTEST/deployment-policy.yaml.broken"
  expect_reject k8s-unknown-kind 'no schema for apps/v1 Deploymnet' validate_k8s "$SELFTEST/unknown-kind.yaml.broken"
  expect_reject k8s-hpa-partitions 'maxReplicas 8 > 4 market_prices partitions' validate_k8s "$SELFTEST/hpa-over-partitions.yaml.broken"
  expect_reject compose 'kafak' docker-compose -f "$SELFTEST/docker-compose.yml.broken" config -q
  expect_reject shellcheck 'SC2086' shellcheck "$SELFTEST/script.sh.broken"
  expect_reject yamllint 'duplication of key' yamllint -c "$ROOT/ops/yamllint.yaml" "$SELFTEST/yamllint.yaml.broken"
  expect_reject metrics-parse 'text format parsing error' check_metrics_text "$SELFTEST/metrics.txt.broken"
  expect_reject metrics-own-lint '^risk_detector_alerts' check_metrics_text "$SELFTEST/own-metrics-lint.txt.broken"
  expect_reject dashboard-promql 'parse error|could not parse|unexpected' check_dashboard_promql "$SELFTEST/dashboard.json.broken"
  expect_reject rules-syntax 'could not parse|parse error|unexpected' promtool check rules "$SELFTEST/rules.yml.broken"
  # The next two are made from the real files at each run (so they cannot drift from them): the detector-down
  # rule watching the wrong job must fail its unit test; a PrometheusRule whose `for:` drifted must be refused.
  local mutated="$OUT/rules-mutated.yml" drifted="$OUT/prometheusrule-drifted.yaml"
  sed 's/up{job="detector"} == 0/up{job="detectr"} == 0/' "$RULES" >"$mutated"
  if cmp -s "$RULES" "$mutated"; then
    fail "self-test rules-unit: the mutation no longer applies to ops/prometheus/rules.yml (update check.sh)"
  else
    expect_reject rules-unit 'alertname: DetectorDown' test_rules_against "$mutated"
  fi
  ops/prometheus/sync-k8s.sh "$drifted" >/dev/null
  sed -i '0,/for: 1m/s//for: 5m/' "$drifted"
  expect_reject rules-k8s-drift 'differs from ops/prometheus/rules.yml: DetectorDown \(for\)' rules_agree "$RULES" "$drifted"
  expect_reject rules-unknown-metric 'detector_bars_totl is exported by no service' \
    rule_metrics_exported "$SELFTEST/rules-unknown-metric.yml.broken" "$SELFTEST/exported-metrics.txt"
  expect_reject package-cycle 'package cycle: dev.riskplatform.selftest.a -> dev.riskplatform.selftest.b' \
    python3 "$ROOT/ops/package-cycles.py" "$SELFTEST/package-cycle"
  local app="$OUT/selftest-app/lib/main"
  mkdir -p "$app"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("dev/riskplatform/simulator/ReplayServer.class", b"")' "$app/sneaky.jar"
  expect_reject simulator-in-app 'sneaky.jar: dev/riskplatform/simulator/ReplayServer.class' \
    python3 "$ROOT/ops/no-simulator-in-app.py" "$OUT/selftest-app"
  expect_reject backfill-bad-month "bad month '13'" sh -c "ops/backfill-job.sh --year=2024 --month=13 < /dev/null"
  # The Jenkinsfile fixture is checked together with the real Jenkinsfile (one CodeNarc start
  # costs ~1 minute on this machine): see check_jenkinsfile.
}

# ---------------------------------------------------------------- Jenkinsfile
check_jenkinsfile() {
  local with_real="$1" dir="$OUT/groovy" files=() rc=0
  rm -rf "$dir" && mkdir -p "$dir/broken"
  # The fixture needs the file name "Jenkinsfile" for the Jenkinsfile rule set.
  cp "$SELFTEST/Jenkinsfile.broken" "$dir/broken/Jenkinsfile"
  [[ "$with_real" == yes ]] && files+=("$ROOT/Jenkinsfile")
  files+=("$dir/broken/Jenkinsfile")
  log "npm-groovy-lint (${#files[@]} files, errors only)"
  (cd "$ROOT" && "$TOOLS/node_modules/.bin/npm-groovy-lint" --noserver --failon error --loglevel error \
      -o "$dir/report.json" "${files[@]}") >"$dir/run.log" 2>&1 || rc=$?
  python3 - "$dir/report.json" "$ROOT/Jenkinsfile" "$dir/broken/Jenkinsfile" "$with_real" >"$dir/verdict.txt" <<'PY' || true
import json, os, sys
report, real, broken, with_real = sys.argv[1:5]
try:
    files = json.load(open(report)).get("files", {})
except Exception as e:
    print(f"no-report {e}"); sys.exit(0)
def errors(path):
    for k, v in files.items():
        if os.path.realpath(k) == os.path.realpath(path):
            return [e for e in v.get("errors", []) if e.get("severity") == "error"]
    return None
b = errors(broken)
print("broken", "missing" if b is None else len(b), (b or [{}])[0].get("msg", "")[:120] if b else "")
if with_real == "yes":
    r = errors(real)
    print("real", "missing" if r is None else len(r), "; ".join(e.get("msg", "")[:120] for e in (r or [])))
PY
  # The run must have failed overall (the fixture has errors), the fixture must have errors,
  # and the real Jenkinsfile none.
  local broken_line real_line
  broken_line=$(grep '^broken ' "$dir/verdict.txt" || echo "broken missing")
  if ((rc != 0)) && [[ "$broken_line" =~ ^broken\ [1-9] ]]; then
    pass "self-test jenkinsfile: rejected (${broken_line#broken })"
  else
    fail "self-test jenkinsfile: broken fixture not rejected (rc=$rc, $broken_line; see $dir/run.log)"
  fi
  if [[ "$with_real" == yes ]]; then
    real_line=$(grep '^real ' "$dir/verdict.txt" || echo "real missing")
    if [[ "$real_line" == "real 0 " || "$real_line" == "real 0" ]]; then
      pass "Jenkinsfile: npm-groovy-lint, no errors"
    else
      fail "Jenkinsfile: npm-groovy-lint: $real_line"
    fi
  fi
}

# ---------------------------------------------------------------- Kubernetes
check_k8s() {
  local d name
  for d in k8s/base k8s/overlays/*/; do
    d="${d%/}"; name="${d//\//-}"
    if kubectl kustomize "$d" > "$OUT/$name.yaml" 2>"$OUT/$name.err"; then
      if validate_k8s "$OUT/$name.yaml" > "$OUT/$name.validate" 2>&1; then
        pass "$d: $(tail -n1 "$OUT/$name.validate")"
      else
        fail "$d: $(grep -m3 ERROR "$OUT/$name.validate" | tr '\n' ' ')"
      fi
    else
      fail "$d: kustomize build: $(head -n3 "$OUT/$name.err" | tr '\n' ' ')"
    fi
  done

  # CI's image pinning: the wrapper must re-point every image of every overlay.
  local env_dir env wrapped
  for env_dir in k8s/overlays/*/; do
    env=$(basename "$env_dir")
    wrapped=$(ops/render-deploy.sh "$env" 111122223333.dkr.ecr.eu-west-1.amazonaws.com check-tag)
    kubectl kustomize "$wrapped" > "$OUT/wrapped-$env.yaml"
    local images others
    images=$(grep -cE 'image: 111122223333\.dkr\.ecr\.eu-west-1\.amazonaws\.com/risk-platform/[a-z-]+:check-tag$' "$OUT/wrapped-$env.yaml" || true)
    others=$(grep -E '^\s+image:' "$OUT/wrapped-$env.yaml" | grep -vc 'check-tag' || true)
    if [[ "$images" == 4 && "$others" == 0 ]]; then
      pass "render-deploy $env: 4 images pinned to the CI registry/tag"
    else
      fail "render-deploy $env: $images pinned, $others not pinned"
    fi
  done

  # Backfill wiring, offline: a Job built from the rendered CronJob the way
  # `kubectl create job --from=cronjob/batch-analytics` does, then ops/backfill-job.sh.
  node -e '
    const { parseAllDocuments } = require(process.argv[1] + "/node_modules/yaml");
    const docs = parseAllDocuments(require("fs").readFileSync(process.argv[2], "utf8")).map(d => d.toJS());
    const cj = docs.find(d => d && d.kind === "CronJob" && d.metadata.name === "batch-analytics");
    const job = { apiVersion: "batch/v1", kind: "Job",
      metadata: { name: "batch-backfill-check", namespace: cj.metadata.namespace,
                  annotations: { "cronjob.kubernetes.io/instantiate": "manual" } },
      spec: cj.spec.jobTemplate.spec };
    process.stdout.write(JSON.stringify(job));
  ' "$TOOLS" "$OUT/k8s-overlays-prod.yaml" > "$OUT/backfill-in.json"
  if ops/backfill-job.sh --year=2024 --month=2 < "$OUT/backfill-in.json" > "$OUT/backfill-job.yaml" 2>"$OUT/backfill.err" \
     && grep -q -- '- --from=2024-02-01' "$OUT/backfill-job.yaml" \
     && grep -q -- '- --to=2024-02-29' "$OUT/backfill-job.yaml" \
     && ! grep -q -- 'yesterday' "$OUT/backfill-job.yaml" \
     && validate_k8s "$OUT/backfill-job.yaml" > "$OUT/backfill.validate" 2>&1; then
    pass "backfill: YEAR=2024 MONTH=2 -> Job args --from=2024-02-01 --to=2024-02-29 (valid Job)"
  else
    fail "backfill wiring: $(cat "$OUT/backfill.err" "$OUT/backfill.validate" 2>/dev/null | head -n3 | tr '\n' ' ')"
  fi
}

# ---------------------------------------------------------------- metrics of the real services
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

check_service_metrics() {
  local svc missing=()
  rm -f "$OUT"/*.metrics # the rules' metric-name check reads these: never a previous run's
  for svc in "${SERVICES[@]}"; do
    [[ -f "$svc/target/quarkus-app/quarkus-run.jar" ]] || missing+=("$svc")
  done
  if ((${#missing[@]})); then
    log "building ${missing[*]} (jars missing)"
    ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am
  fi
  # All four start at once (startup is mostly waiting), each on its own free loopback port;
  # Kafka points at an unused loopback port so readiness stays DOWN but the process is live.
  local -A pids=() ports=()
  local kafka_port
  kafka_port=$(free_port)
  for svc in "${SERVICES[@]}"; do
    ports[$svc]=$(free_port)
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" RISK_BUCKET=check-bucket \
      java -XX:TieredStopAtLevel=1 -Xmx256m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="${ports[$svc]}" \
      -jar "$svc/target/quarkus-app/quarkus-run.jar" > "$OUT/$svc.log" 2>&1 &
    pids[$svc]=$!
  done
  for svc in "${SERVICES[@]}"; do
    local port="${ports[$svc]}" up=no
    for _ in $(seq 1 120); do
      if curl -fsS "http://127.0.0.1:$port/q/health/live" > "$OUT/$svc.live" 2>/dev/null; then up=yes; break; fi
      kill -0 "${pids[$svc]}" 2>/dev/null || break
      sleep 0.5
    done
    if [[ "$up" != yes ]]; then
      fail "$svc: /q/health/live never answered 200 (log: $OUT/$svc.log)"
      continue
    fi
    # Ask for the Prometheus text format 0.0.4: promtool parses that, and by default Quarkus
    # answers with OpenMetrics (whose HELP escaping the 0.0.4 parser rejects).
    curl -fsS -H 'Accept: text/plain; version=0.0.4' "http://127.0.0.1:$port/q/metrics" > "$OUT/$svc.metrics"
    local series report
    series=$(grep -vc '^#' "$OUT/$svc.metrics" || true)
    if report=$(check_metrics_text "$OUT/$svc.metrics"); then
      pass "$svc: /q/metrics ($series series) parses with promtool; ${report:-no lint findings}"
    else
      fail "$svc: /q/metrics rejected by promtool: $(head -n3 <<<"$report" | tr '\n' ' ')"
    fi
    # The paths the k8s probes use must exist (ready may be 503 here: no broker).
    local code_ready
    code_ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")
    if [[ "$code_ready" == 200 || "$code_ready" == 503 ]]; then
      pass "$svc: probe paths answer (live 200, ready $code_ready)"
    else
      fail "$svc: /q/health/ready answered $code_ready"
    fi
  done
  for svc in "${SERVICES[@]}"; do
    kill "${pids[$svc]}" 2>/dev/null || true
  done
  for svc in "${SERVICES[@]}"; do
    wait "${pids[$svc]}" 2>/dev/null || true
  done
}

# ---------------------------------------------------------------- main
ensure_tools
self_test
if [[ "$MODE" == --self-test ]]; then
  check_jenkinsfile no
else
  check_k8s

  if docker-compose -f docker-compose.yml config -q > "$OUT/compose.log" 2>&1; then
    pass "docker-compose.yml: docker-compose config -q"
  else
    fail "docker-compose.yml: $(head -n3 "$OUT/compose.log" | tr '\n' ' ')"
  fi

  mapfile -t SCRIPTS < <(git ls-files -co --exclude-standard -- '*.sh' 'mvnw' | sort -u)
  if shellcheck "${SCRIPTS[@]}" > "$OUT/shellcheck.log" 2>&1; then
    pass "shellcheck: ${#SCRIPTS[@]} scripts (${SCRIPTS[*]})"
  else
    fail "shellcheck: $(grep -m3 -E '^In |SC[0-9]+' "$OUT/shellcheck.log" | tr '\n' ' ')"
  fi

  mapfile -t YAMLS < <(git ls-files -co --exclude-standard -- '*.yaml' '*.yml' | sort -u)
  if yamllint -c ops/yamllint.yaml -f parsable "${YAMLS[@]}" > "$OUT/yamllint.log" 2>&1; then
    pass "yamllint: ${#YAMLS[@]} files ($(grep -c '\[warning\]' "$OUT/yamllint.log" || true) warnings)"
  else
    fail "yamllint: $(grep -m3 '\[error\]' "$OUT/yamllint.log" | tr '\n' ' ')"
  fi

  json_ok=yes
  for j in ops/grafana/risk-platform.json k8s/iam/*.json ops/tools/package.json .groovylintrc.json; do
    python3 -m json.tool "$j" > /dev/null 2>>"$OUT/json.log" || { json_ok=no; fail "JSON: $j does not parse"; }
  done
  [[ "$json_ok" == yes ]] && pass "JSON: dashboard, IAM policies, tool configs parse"
  if report=$(check_dashboard_promql ops/grafana/risk-platform.json 2>&1); then
    pass "Grafana dashboard: every PromQL expression parses ($(head -n1 <<<"$report"))"
  else
    fail "Grafana dashboard PromQL: $(tail -n3 <<<"$report" | tr '\n' ' ')"
  fi

  if report=$(python3 ops/package-cycles.py 2>&1); then
    pass "package graph: $report"
  else
    fail "package graph: $(head -n3 <<<"$report" | tr '\n' ' ')"
  fi

  check_rules
  check_service_metrics
  # After check_service_metrics, which builds the service jars that are missing.
  if report=$(python3 ops/no-simulator-in-app.py ingestor/target/quarkus-app 2>&1); then
    pass "ingestor package: $report"
  else
    fail "ingestor package: $(head -n3 <<<"$report" | tr '\n' ' ')"
  fi
  local_metrics=()
  for svc in "${SERVICES[@]}"; do [[ -s "$OUT/$svc.metrics" ]] && local_metrics+=("$OUT/$svc.metrics"); done
  if ((${#local_metrics[@]} != ${#SERVICES[@]})); then
    fail "alert rules: metric names not checked (only ${#local_metrics[@]} of ${#SERVICES[@]} services scraped)"
  elif report=$(rule_metrics_exported "$RULES" "${local_metrics[@]}" 2>&1); then
    pass "alert rules: $report"
  else
    fail "alert rules: $(head -n3 <<<"$report" | tr '\n' ' ')"
  fi
  check_jenkinsfile yes
fi

log "done in $(( $(date +%s) - START ))s"
for f in "${FAILURES[@]}"; do echo "  failed: $f"; done
echo "ops-check: $PASSED passed, $FAILED failed"
((FAILED == 0))
