"""Daily metrics of one year of 1-minute bars with pandas, the peer of DailyMetricsBench.
Same definitions: OHLC, sqrt(sum r^2)*sqrt(365), max drawdown on closes, VaR = -r_(k), k = ceil(n*tail),
ES = -mean(r <= r_(k)). Usage: /usr/bin/python3 pandas_daily_metrics.py FILE REPEATS"""
import math
import statistics
import sys
import time

import numpy as np
import pandas as pd


def lower_quantile(r, tail):
    s = np.sort(r)
    k = max(1, math.ceil(len(s) * tail - 1e-9))
    q = s[k - 1]
    return -q, -s[s <= q].mean()


def daily(path):
    # Flat records written by DailyMetricsBench (Debian's pandas has no Parquet engine here).
    dtype = np.dtype([("openTime", "<i8"), ("open", "<f8"), ("high", "<f8"), ("low", "<f8"), ("close", "<f8")])
    df = pd.DataFrame(np.fromfile(path, dtype=dtype))
    df["d"] = df["openTime"] // 86_400_000
    out = []
    for d, g in df.groupby("d", sort=True):
        c = g["close"].to_numpy()
        r = np.log(c[1:] / c[:-1])
        var95, es95 = lower_quantile(r, 0.05)
        var99, es99 = lower_quantile(r, 0.01)
        out.append((d, g["open"].iat[0], g["high"].max(), g["low"].min(), c[-1], math.sqrt((r * r).sum()) * math.sqrt(365),
                    (1 - c / np.maximum.accumulate(c)).max(), var95, es95, var99, es99))
    return out


if __name__ == "__main__":
    path, repeats = sys.argv[1], int(sys.argv[2])
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        rows = daily(path)
        times.append(time.perf_counter() - t)
    print("check: sum of var95 pandas %.12f" % sum(r[7] for r in rows))
    print("RESULT pandas: median %.3f s (runs %s)" % (statistics.median(times), [round(x, 3) for x in times]))
