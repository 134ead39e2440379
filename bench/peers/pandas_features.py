"""pandas peer of FeatureEngine: the same four features with pandas rolling windows.

Input: little-endian doubles written by dev.riskplatform.bench.SyntheticCloses (1 M seeded
random-walk closes) and, next to it, our features (<closes>.features, rows x 4) to check that
both compute the same thing. Definitions as in docs/features.md (spec 30/30/10):
  log_return = ln(c_t / c_{t-1})
  volatility = rolling std (ddof=1) of the last 30 returns
  z_score    = (r_t - mean(r_{t-30..t-1})) / std(r_{t-30..t-1}), std < 1e-12 -> 0 or +-1000, clip +-1000
  momentum   = c_t / c_{t-10} - 1
Run: /usr/bin/python3 bench/peers/pandas_features.py /tmp/closes.bin [repeats]
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd

V, Z, M = 30, 30, 10
WARM_UP = max(V, Z + 1, M)  # FeatureSpec.warmUpBars()
STD_FLOOR, Z_CAP = 1e-12, 1000.0


def features(closes: pd.Series) -> np.ndarray:
    r = np.log(closes / closes.shift(1))
    vol = r.rolling(V).std(ddof=1)
    prev = r.shift(1)  # z excludes r_t from its own window
    mu = prev.rolling(Z).mean()
    sd = prev.rolling(Z).std(ddof=1)
    dev = r - mu
    z = (dev / sd).clip(-Z_CAP, Z_CAP)
    z = z.where(sd >= STD_FLOOR, np.where(dev.abs() <= STD_FLOOR, 0.0, np.copysign(Z_CAP, dev)))
    vol = vol.where(vol >= STD_FLOOR, 0.0)
    mom = closes / closes.shift(M) - 1
    out = pd.concat([r, vol, z, mom], axis=1).iloc[WARM_UP:]
    return out.to_numpy()


def main() -> None:
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    closes = pd.Series(np.fromfile(path, dtype="<f8"))
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = features(closes)
        rates.append(len(closes) / (time.perf_counter() - t0))
    ours = np.fromfile(path + ".features", dtype="<f8").reshape(-1, 4)
    assert ours.shape == out.shape, (ours.shape, out.shape)
    scale = np.maximum(np.abs(ours), np.array([0.0, 0.0, 1.0, 0.0]))  # z: relative to one std
    rel = np.max(np.abs(ours - out) / np.where(scale > 0, scale, 1.0), axis=0)
    print(f"pandas {pd.__version__}, numpy {np.__version__}, rows {len(closes)}, repeats {repeats}")
    print("rows/s per repeat: " + ", ".join(f"{x:,.0f}" for x in rates))
    print(f"median rows/s: {statistics.median(rates):,.0f}")
    print("max relative difference vs FeatureEngine per feature: " + ", ".join(f"{x:.2e}" for x in rel))


if __name__ == "__main__":
    main()
