#!/usr/bin/python3
"""Baseline for the evaluation: scikit-learn's IsolationForest fitted on the training rows (--train,
default: the scored rows themselves) and scored on the feature rows. Input: raw little-endian
float64, row-major, `cols` columns. Output: raw float64 scores, -score_samples (higher = more
anomalous, as our Scorer). Run with Debian's /usr/bin/python3 (python3-sklearn).

    /usr/bin/python3 sklearn_iforest_scores.py features.bin cols scores.bin --train train.bin --trees 100 --max-samples 256 --seed 42
"""
import argparse

import numpy as np
from sklearn.ensemble import IsolationForest


def main():
    p = argparse.ArgumentParser()
    p.add_argument("features")
    p.add_argument("cols", type=int)
    p.add_argument("out")
    p.add_argument("--trees", type=int, default=100)
    p.add_argument("--max-samples", type=int, default=256)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--train")
    a = p.parse_args()
    X = np.fromfile(a.features, dtype="<f8").reshape(-1, a.cols)
    T = X if a.train is None else np.fromfile(a.train, dtype="<f8").reshape(-1, a.cols)
    model = IsolationForest(n_estimators=a.trees, max_samples=a.max_samples, random_state=a.seed).fit(T)
    (-model.score_samples(X)).astype("<f8").tofile(a.out)


if __name__ == "__main__":
    main()
