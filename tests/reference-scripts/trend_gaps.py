"""Reference cases for corridor::stats trend tests on series with gaps, from pymannkendall 1.4.3.

pymannkendall drops NaN: `seasonal_test` per season (after reshaping into cycles), and
`hamed_rao_modification_test` from the whole series (its Sen slope keeps the true positions).
Series: the Darien monthly crossings 2020-01..2025-07 with their six gaps
(data/darien/darien_monthly_totals.csv), and seeded series (numpy PCG64) with NaN put in.
Run: python3 tests/reference-scripts/trend_gaps.py > tests/data/reference/trend_gaps_pymannkendall.json
"""
import csv
import json
import sys

import numpy as np
import pymannkendall as mk

rows = {(int(r["year"]), int(r["month"])): float(r["crossings"])
        for r in csv.DictReader(open("data/darien/darien_monthly_totals.csv"))}
months = [(y, m) for y in range(2020, 2026) for m in range(1, 13) if (y, m) <= (2025, 7)]
darien = [rows.get(k, float("nan")) for k in months]
assert sum(np.isnan(darien)) == 6, sum(np.isnan(darien))

rng = np.random.default_rng(20261203)
walk = np.cumsum(rng.normal(0.1, 1.0, 96))
walk[rng.choice(96, 11, replace=False)] = np.nan
ties = rng.integers(0, 5, 60).astype(float)
ties[[0, 7, 8, 9, 30, 59]] = np.nan
seasonal = np.array([10 * np.sin(2 * np.pi * i / 12) + 0.3 * i for i in range(84)]) + rng.normal(0, 2, 84)
seasonal[rng.choice(84, 9, replace=False)] = np.nan
# one season (index 3) left with a single value: it contributes nothing
seasonal[[3 + 12 * k for k in range(1, 7)]] = np.nan

series = {
    "darien_monthly_2020_2025": (darien, 12),
    "walk_n96_11_gaps": (walk.tolist(), 12),
    "ties_n60_6_gaps": (ties.tolist(), 4),
    "seasonal_n84_gaps_one_season_single": (seasonal.tolist(), 12),
}


def mk_dict(r):
    return {"trend": r.trend, "p": float(r.p), "z": float(r.z), "Tau": float(r.Tau), "s": float(r.s),
            "var_s": float(r.var_s), "slope": float(r.slope), "intercept": float(r.intercept)}


out = {"generator": "tests/reference-scripts/trend_gaps.py",
       "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pymannkendall": mk.__version__},
       "cases": {}}
for name, (y, period) in series.items():
    x = np.asarray(y, dtype=float)
    case = {"y": [None if np.isnan(v) else v for v in y], "period": period,
            "seasonal_test": mk_dict(mk.seasonal_test(x, period=period)),
            "hamed_rao_alpha0.05": mk_dict(mk.hamed_rao_modification_test(x)),
            "hamed_rao_alpha0.1_lag3": mk_dict(mk.hamed_rao_modification_test(x, alpha=0.1, lag=3))}
    ss = mk.seasonal_sens_slope(x, period=period)
    case["seasonal_sens_slope"] = {"slope": float(ss.slope), "intercept": float(ss.intercept)}
    out["cases"][name] = case
json.dump(out, sys.stdout, indent=1)
print()
