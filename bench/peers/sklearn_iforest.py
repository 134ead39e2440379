#!/usr/bin/python3
"""Peer for IsolationForestBench: scikit-learn's IsolationForest at the same shape.

4 features (--features 6 for feature spec v2), n_estimators=100, max_samples=256, 1 M standard-normal
rows (fixed seed). Reports medians of several repeats. Run with Debian's python (python3-sklearn):

    /usr/bin/python3 bench/peers/sklearn_iforest.py [--features 4] [--score-rows 200000] [--repeats 5]
"""
import argparse
import statistics
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest


def median_seconds(fn, repeats):
    """(median wall seconds, median process CPU seconds): on a shared machine CPU time is steadier."""
    wall, cpu = [], []
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--score-rows", type=int, default=200_000,
                   help="rows per score_samples call (sklearn needs ~seconds per 100k)")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--latency-calls", type=int, default=300)
    p.add_argument("--features", type=int, default=4)
    a = p.parse_args()
    X = np.random.default_rng(2026).standard_normal((a.rows, a.features))

    def fit():
        return IsolationForest(n_estimators=100, max_samples=256, random_state=42).fit(X)

    fit_s = median_seconds(fit, a.repeats)
    model = fit()
    S = X[: a.score_rows]
    score_s = median_seconds(lambda: model.score_samples(S), max(3, a.repeats // 2))
    lat_wall, lat_cpu = [], []
    for i in range(a.latency_calls):
        row = X[i : i + 1]
        w0, c0 = time.perf_counter(), time.process_time()
        model.predict(row)
        lat_wall.append(time.perf_counter() - w0)
        lat_cpu.append(time.process_time() - c0)
    print(f"sklearn {sklearn.__version__}, numpy {np.__version__}; {a.features} features; medians, wall / process CPU")
    print(f"fit_1M_rows_ms {fit_s[0] * 1e3:.1f} / {fit_s[1] * 1e3:.1f}")
    print(f"score_samples_rows_per_s {a.score_rows / score_s[0]:.0f} / {a.score_rows / score_s[1]:.0f}"
          f"  ({a.score_rows} rows per call)")
    print(f"predict_one_row_us {statistics.median(lat_wall) * 1e6:.1f} / {statistics.median(lat_cpu) * 1e6:.1f}")


if __name__ == "__main__":
    main()
