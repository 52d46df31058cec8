"""Reference values for corridor::stats descriptive helpers, from numpy and pandas.

Run: python3 tests/reference-scripts/descriptive.py > tests/data/reference/descriptive.json
NaN in a series (a gap) is written as null; so are NaN results.
"""
import json
import math
import sys

import numpy as np
import pandas as pd

rng = np.random.default_rng(7)
series = {
    "nile_head": [1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0],
    "random_n50": [float(v) for v in np.round(rng.normal(100.0, 25.0, 50), 3)],
    "ties_n9": [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0],
    "short_n2": [2.5, -1.0],
}
gappy = {
    "gaps_n14": [5.0, 7.0, None, 6.0, 9.0, 11.0, None, None, 12.0, 15.0, 14.0, 13.0, 17.0, None],
}
PROBS = [0.0, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 1.0]


def nul(v):
    return [None if (x is None or (isinstance(x, float) and math.isnan(x))) else float(x) for x in v]


out = {"plain": {}, "gaps": {}}
for name, y in series.items():
    x = np.asarray(y)
    s = pd.Series(y)
    case = {
        "y": y,
        "sum": float(np.sum(x)),
        "mean": float(np.mean(x)),
        "median": float(np.median(x)),
        "var_ddof1": float(np.var(x, ddof=1)),
        "std_ddof1": float(np.std(x, ddof=1)),
        "probs": PROBS,
        "quantile_linear": [float(q) for q in np.quantile(x, PROBS)],
        "argmax": int(np.argmax(x)), "max": float(np.max(x)),
        "argmin": int(np.argmin(x)), "min": float(np.min(x)),
        "cumsum": [float(v) for v in np.cumsum(x)],
        "index_to_first_x100": [float(v) for v in x / x[0] * 100.0],
    }
    for k in (2, 3, 4, 5):
        if k <= len(y):
            case[f"rolling_mean_{k}"] = nul(s.rolling(k).mean())
            case[f"rolling_sum_{k}"] = nul(s.rolling(k).sum())
            case[f"rolling_mean_{k}_center"] = nul(s.rolling(k, center=True).mean())
            case[f"rolling_sum_{k}_center"] = nul(s.rolling(k, center=True).sum())
    if len(y) > 2:
        case["diff_2"] = nul(s.diff(2))
        case["pct_change_2_x100"] = nul(s.pct_change(2) * 100.0)
    if min(y) >= 0:
        sh = x / x.sum()
        case["shares"] = [float(v) for v in sh]
        case["hhi"] = float(np.sum(sh ** 2))
        case["top3_share"] = float(np.sort(x)[::-1][:3].sum() / x.sum())
    out["plain"][name] = case

for name, y in gappy.items():
    s = pd.Series([np.nan if v is None else v for v in y], dtype=float)
    case = {
        "y": y,
        "cumsum_skipna": nul(s.cumsum()),
        "rolling_mean_3_propagate": nul(s.rolling(3).mean()),
        "rolling_mean_3_minp1": nul(s.rolling(3, min_periods=1).mean()),
        "rolling_sum_4_center_minp1": nul(s.rolling(4, center=True, min_periods=1).sum()),
        "rolling_sum_4_center_propagate": nul(s.rolling(4, center=True).sum()),
        "diff_3": nul(s.diff(3)),
        "pct_change_3_x100": nul(s.pct_change(3, fill_method=None) * 100.0),
        "mean_skipna": float(s.mean()),
        "idxmax_skipna": int(s.idxmax()),
        "idxmin_skipna": int(s.idxmin()),
    }
    out["gaps"][name] = case

# Compound growth rate between the first and last annual AirPassengers totals (11 periods),
# and a few hand-picked pairs, with numpy's power.
ap_annual = np.array([1520.0, 1676.0, 2042.0, 2364.0, 2700.0, 2867.0, 3408.0, 3939.0, 4421.0, 4572.0, 5140.0, 5714.0])
out["cagr"] = [
    {"first": f, "last": l, "periods": p, "rate": float(np.power(l / f, 1.0 / p) - 1.0)}
    for f, l, p in [(float(ap_annual[0]), float(ap_annual[-1]), 11.0), (2461.0, 140.0, 4.0), (10000.0, 140000.0, 1.0),
                    (3.0, 0.0, 2.0), (50.0, 75.0, 0.5)]
]
out["versions"] = {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__}
json.dump(out, sys.stdout, indent=1)
