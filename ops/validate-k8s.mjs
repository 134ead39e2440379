// Validates rendered Kubernetes manifests (multi-document YAML files, or stdin with "-").
//  1. Schema: every object is checked against the OpenAPI schema of its apiVersion/kind with
//     the npm package kubernetes-models (Prometheus Operator CRDs with
//     @kubernetes-models/prometheus-operator). An apiVersion/kind with no model is an ERROR,
//     never a silent skip: a typo in a kind must not pass.
//  2. Policy: the rules issue 6 asks of every workload, which the schema cannot express
//     (restricted security context, resources, probes, HPA bounded by partitions).
// Exit 0 only if every object passes both. Run from .ops-tools (where node_modules lives):
//   node ../ops/validate-k8s.mjs rendered.yaml [...]
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// market_prices partitions: more detector replicas than this only adds idle consumers.
const MARKET_PRICES_PARTITIONS = 4;

const errors = [];
let checked = 0;

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const candidates = group === "monitoring.coreos.com"
    ? [`@kubernetes-models/prometheus-operator/${group}/${version}`]
    : [group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`];
  for (const mod of candidates) {
    try {
      const m = await import(mod);
      if (typeof m[kind] === "function") return m[kind];
    } catch { /* no such module: reported below */ }
  }
  return null;
}

function podSpecOf(obj) {
  switch (obj.kind) {
    case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet":
      return obj.spec?.template?.spec;
    case "Job": return obj.spec?.template?.spec;
    case "CronJob": return obj.spec?.jobTemplate?.spec?.template?.spec;
    case "Pod": return obj.spec;
    default: return undefined;
  }
}

function policy(obj, where, fail) {
  const spec = podSpecOf(obj);
  if (spec) {
    const psc = spec.securityContext ?? {};
    if (psc.runAsNonRoot !== true) fail("pod securityContext.runAsNonRoot must be true");
    if (psc.seccompProfile?.type !== "RuntimeDefault") fail("pod seccompProfile must be RuntimeDefault");
    const tmpVolumes = new Set((spec.volumes ?? []).filter(v => v.emptyDir).map(v => v.name));
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const sc = c.securityContext ?? {};
      const cf = (m) => fail(`container ${c.name}: ${m}`);
      if (sc.allowPrivilegeEscalation !== false) cf("allowPrivilegeEscalation must be false");
      if (sc.readOnlyRootFilesystem !== true) cf("readOnlyRootFilesystem must be true");
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) cf("capabilities.drop must include ALL");
      if (sc.privileged) cf("must not be privileged");
      if (!(c.volumeMounts ?? []).some(m => m.mountPath === "/tmp" && tmpVolumes.has(m.name)))
        cf("needs an emptyDir mounted at /tmp (read-only root filesystem)");
      for (const k of ["requests", "limits"])
        for (const r of ["cpu", "memory"])
          if (!c.resources?.[k]?.[r]) cf(`resources.${k}.${r} missing`);
      if (obj.kind === "Deployment") {
        for (const [probe, path] of [["startupProbe", "/q/health/live"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]])
          if (c[probe]?.httpGet?.path !== path) cf(`${probe} must GET ${path}`);
      }
      if (/:latest$/.test(c.image ?? "")) cf("image must not use :latest");
    }
  }
  if (obj.kind === "HorizontalPodAutoscaler" && obj.spec?.scaleTargetRef?.name === "detector"
      && obj.spec.maxReplicas > MARKET_PRICES_PARTITIONS)
    fail(`detector maxReplicas ${obj.spec.maxReplicas} > ${MARKET_PRICES_PARTITIONS} market_prices partitions`);
  if (obj.kind === "CronJob" && obj.spec?.concurrencyPolicy !== "Forbid")
    fail("CronJob concurrencyPolicy must be Forbid");
}

const files = process.argv.slice(2);
if (files.length === 0) { console.error("usage: validate-k8s.mjs FILE... (- for stdin)"); process.exit(2); }
for (const file of files) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) { errors.push(`${file}: YAML: ${doc.errors[0].message}`); continue; }
    const obj = doc.toJS();
    if (obj == null) continue;
    const where = `${file}: ${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    const fail = (m) => errors.push(`${where}: ${m}`);
    checked++;
    if (!obj.apiVersion || !obj.kind) { fail("apiVersion and kind are required"); continue; }
    if (!obj.metadata?.name) fail("metadata.name is required");
    const Model = await modelClass(obj.apiVersion, obj.kind);
    if (!Model) { fail(`no schema for ${obj.apiVersion} ${obj.kind}`); continue; }
    try { new Model(obj).validate(); } catch (e) { fail(`schema: ${e.message}`); }
    policy(obj, where, fail);
  }
}
for (const e of errors) console.error(`ERROR ${e}`);
console.log(`validate-k8s: ${checked} objects, ${errors.length} errors`);
if (checked === 0) { console.error("validate-k8s: no objects found"); process.exit(1); }
process.exit(errors.length ? 1 : 0);
