#!/usr/bin/python3
"""Fit scikit-learn's IsolationForest on a CSV, export it as a riskplatform artifact, and write
sklearn's own scores (-score_samples, so higher = more anomalous, as in our Scorer) for every row
of a second CSV, one per line. The Java parity test runs this with Debian's /usr/bin/python3.

    /usr/bin/python3 tools/sklearn_fit_and_score.py train.csv score.csv model.json scores.txt \
        --trees 100 --max-samples 256 --seed 42 --contamination 0.05 [--max-features 1.0]
"""
import argparse
import os
import sys

import numpy as np
from sklearn.ensemble import IsolationForest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sklearn_to_riskplatform as conv  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("train_csv")
    p.add_argument("score_csv")
    p.add_argument("out_model")
    p.add_argument("out_scores")
    p.add_argument("--trees", type=int, default=100)
    p.add_argument("--max-samples", type=int, default=256)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--contamination", default="auto")
    p.add_argument("--max-features", type=float, default=1.0)
    a = p.parse_args()
    X = np.loadtxt(a.train_csv, delimiter=",", skiprows=1, ndmin=2)
    S = np.loadtxt(a.score_csv, delimiter=",", skiprows=1, ndmin=2)
    contamination = a.contamination if a.contamination == "auto" else float(a.contamination)
    model = IsolationForest(n_estimators=a.trees, max_samples=a.max_samples, contamination=contamination,
                            max_features=a.max_features, random_state=a.seed).fit(X)
    spec = {"version": 1, "interval": "1m", "volatilityWindow": 30, "zScoreWindow": 30, "momentumWindow": 10}
    doc = conv.to_document(model, X, spec, 0, 0, "sklearn-" + __import__("sklearn").__version__,
                           "2026-11-25T00:00:00Z")
    with open(a.out_model, "wb") as f:
        f.write(conv.seal(doc))
    scores = -model.score_samples(S)
    with open(a.out_scores, "w") as f:
        f.write("".join(repr(float(s)) + "\n" for s in scores))
        f.write("offset " + repr(float(model.offset_)) + "\n")


if __name__ == "__main__":
    main()
