#!/usr/bin/python3
"""Convert a fitted scikit-learn IsolationForest into a riskplatform-iforest v1 artifact.

The artifact format is documented in docs/model-format.md. Run with Debian's /usr/bin/python3
(python3-sklearn). Loading a joblib file executes pickle code: do it only on the trusted machine
that produced it; the JSON written here is what crosses trust boundaries.

    /usr/bin/python3 tools/sklearn_to_riskplatform.py model.joblib train.csv out.json \
        --interval 1m --from-millis 0 --to-millis 0 --code-version sklearn-1.2.1
"""
import argparse
import datetime
import hashlib
import json
import math

import numpy as np

FORMAT = "riskplatform-iforest"
FORMAT_VERSION = 1
FEATURE_NAMES = ["log_return", "volatility", "z_score", "momentum"]  # FeatureSpec.FEATURE_NAMES, v1
HASH_INFIX = b',"contentSha256":"'


def average_path_length(n):
    """c(n) = 2(ln(n-1) + gamma) - 2(n-1)/n, c(2) = 1, c(n <= 1) = 0 (sklearn _average_path_length)."""
    if n <= 1:
        return 0.0
    if n == 2:
        return 1.0
    return 2.0 * (math.log(n - 1.0) + np.euler_gamma) - 2.0 * (n - 1.0) / n


def float32_floor(t):
    """Largest float32 f <= t. sklearn compares float32 x with float64 t; x <= t iff x <= f exactly."""
    f = np.float32(t)
    if float(f) > t:
        f = np.nextafter(f, np.float32(-np.inf))
    return float(f)


def convert_tree(estimator, features):
    """Preorder node arrays of one sklearn tree; features maps tree columns to model columns."""
    t = estimator.tree_
    n = t.node_count
    depth = [0] * n
    out = {k: [] for k in ("feature", "split", "left", "right", "samples", "value")}
    for i in range(n):
        left, right = int(t.children_left[i]), int(t.children_right[i])
        samples = int(t.n_node_samples[i])
        if left == -1:  # sklearn TREE_LEAF
            out["feature"].append(-1)
            out["split"].append(0.0)
            out["value"].append(depth[i] + average_path_length(samples))
        else:
            depth[left] = depth[right] = depth[i] + 1
            out["feature"].append(int(features[t.feature[i]]))
            out["split"].append(float32_floor(float(t.threshold[i])))
            out["value"].append(0.0)
        out["left"].append(left)
        out["right"].append(right)
        out["samples"].append(samples)
    return out


def feature_stats(X):
    stats = []
    for f, name in enumerate(FEATURE_NAMES):
        col = X[:, f]
        stats.append({"name": name, "mean": float(col.mean()), "std": float(col.std()),
                      "p01": float(np.percentile(col, 1)), "p99": float(np.percentile(col, 99))})
    return stats


def score_summary(scores):
    p50, p90, p99 = (float(np.percentile(scores, q)) for q in (50, 90, 99))
    return {"min": float(scores.min()), "p50": p50, "p90": p90, "p99": p99,
            "max": float(scores.max()), "mean": float(scores.mean())}


def to_document(model, X, spec, from_millis, to_millis, code_version, created_at):
    if model.n_features_in_ != len(FEATURE_NAMES):
        raise ValueError(f"model has {model.n_features_in_} features, FeatureSpec v1 has {len(FEATURE_NAMES)}")
    # sklearn indexes columns through estimators_features_ only when trees saw a feature subset.
    subsample = model._max_features != model.n_features_in_
    identity = np.arange(model.n_features_in_)
    trees = [convert_tree(e, f if subsample else identity)
             for e, f in zip(model.estimators_, model.estimators_features_)]
    fixed = model.contamination == "auto"
    seed = model.random_state if isinstance(model.random_state, (int, np.integer)) else None
    doc = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "modelType": "isolation-forest",
        "featureSpec": dict(spec, featureNames=FEATURE_NAMES),
        "training": {"fromEpochMillis": from_millis, "toEpochMillis": to_millis, "rowCount": int(X.shape[0])},
        "parameters": {"trees": len(trees), "maxSamples": int(model.max_samples_),
                       "seed": None if seed is None else int(seed),
                       "contamination": None if fixed else float(model.contamination)},
        # sklearn flags score_samples < offset_, i.e. score = -score_samples > -offset_
        "threshold": {"value": float(-model.offset_), "source": "fixed" if fixed else "contamination"},
        "scoreSummary": score_summary(-model.score_samples(X)),
        "featureStats": feature_stats(X),
        "createdAt": created_at,
        "codeVersion": code_version,
        "trees": trees,
    }
    return doc


def seal(doc):
    """Compact canonical JSON; contentSha256 = SHA-256 of the bytes before its member (docs/model-format.md)."""
    if "contentSha256" in doc:
        raise ValueError("document already sealed")
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
    body = text[:-1]  # without the closing brace
    digest = hashlib.sha256(body).hexdigest().encode("ascii")
    return body + HASH_INFIX + digest + b'"}\n'


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", help="joblib file of a fitted sklearn.ensemble.IsolationForest")
    p.add_argument("train_csv", help="the training rows (header line, 4 numeric columns), for stats")
    p.add_argument("out", help="artifact to write")
    p.add_argument("--spec-version", type=int, default=1)
    p.add_argument("--interval", default="1m")
    p.add_argument("--volatility-window", type=int, default=30)
    p.add_argument("--zscore-window", type=int, default=30)
    p.add_argument("--momentum-window", type=int, default=10)
    p.add_argument("--from-millis", type=int, required=True)
    p.add_argument("--to-millis", type=int, required=True)
    p.add_argument("--code-version", required=True)
    p.add_argument("--created-at", default=None, help="ISO-8601 UTC instant; default now")
    a = p.parse_args()
    import joblib  # only here: converting is the one place a pickle is opened
    model = joblib.load(a.model)
    X = np.loadtxt(a.train_csv, delimiter=",", skiprows=1, ndmin=2)
    spec = {"version": a.spec_version, "interval": a.interval, "volatilityWindow": a.volatility_window,
            "zScoreWindow": a.zscore_window, "momentumWindow": a.momentum_window}
    doc = to_document(model, X, spec, a.from_millis, a.to_millis, a.code_version, a.created_at or now_utc())
    with open(a.out, "wb") as f:
        f.write(seal(doc))


if __name__ == "__main__":
    main()
