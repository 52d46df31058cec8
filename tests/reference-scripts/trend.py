"""Reference cases for corridor::stats trend tests, from pymannkendall 1.4.3.

Run: python3 tests/reference-scripts/trend.py > tests/data/reference/trend_pymannkendall.json
Series are generated with numpy's seeded Generator (PCG64) and stored in the JSON.
"""
import json
import sys

import numpy as np
import pymannkendall as mk
import scipy

rng = np.random.default_rng(20261128)
series = {
    "short_n3": [3.0, 1.0, 2.0],
    "short_n5": [1.0, 2.0, 2.0, 5.0, 4.0],
    "short_n8": [4.0, 4.0, 3.0, 5.0, 7.0, 6.0, 6.0, 9.0],
    "short_n10_ties": [2.0, 2.0, 2.0, 3.0, 3.0, 1.0, 4.0, 4.0, 4.0, 4.0],
    "many_ties_n60": [float(v) for v in rng.integers(0, 4, 60)],
    "random_walk_n120": [float(v) for v in np.cumsum(rng.normal(0.1, 1.0, 120))],
    "random_n500": [float(v) for v in rng.normal(0.0, 1.0, 500) + 0.002 * np.arange(500)],
    "counts_n500": [float(v) for v in rng.poisson(20.0, 500)],
}

def mk_dict(r):
    return {"trend": r.trend, "p": float(r.p), "z": float(r.z), "Tau": float(r.Tau), "s": float(r.s),
            "var_s": float(r.var_s), "slope": float(r.slope), "intercept": float(r.intercept)}

out = {"cases": {}}
for name, y in series.items():
    x = np.asarray(y)
    case = {"y": y, "original_test": mk_dict(mk.original_test(x))}
    s = mk.sens_slope(x)
    case["sens_slope"] = {"slope": float(s.slope), "intercept": float(s.intercept)}
    if len(y) >= 4:
        case["hamed_rao_alpha0.05"] = mk_dict(mk.hamed_rao_modification_test(x))
        case["hamed_rao_alpha0.1_lag3"] = mk_dict(mk.hamed_rao_modification_test(x, alpha=0.1, lag=3))
    if len(y) >= 24:
        case["seasonal_test_period12"] = mk_dict(mk.seasonal_test(x, period=12))
        ss = mk.seasonal_sens_slope(x, period=12)
        case["seasonal_sens_slope_period12"] = {"slope": float(ss.slope), "intercept": float(ss.intercept)}
    out["cases"][name] = case
# Series with gaps (NaN): original_test drops them, sens_slope keeps positions (nanmedian).
gappy = {
    "gaps_n30": [float(v) for v in np.round(rng.normal(0.0, 1.0, 30) + 0.05 * np.arange(30), 4)],
    "gaps_n2600": [float(v) for v in np.round(rng.normal(0.0, 3.0, 2600) + 0.001 * np.arange(2600), 3)],
}
gappy["gaps_n30"][3] = gappy["gaps_n30"][4] = gappy["gaps_n30"][17] = float("nan")
gap_idx = rng.choice(2600, 260, replace=False)
for i in gap_idx:
    gappy["gaps_n2600"][int(i)] = float("nan")
out["gaps"] = {}
for name, y in gappy.items():
    x = np.asarray(y)
    r = mk.original_test(x)
    out["gaps"][name] = {"y": [None if np.isnan(v) else v for v in y], "original_test": mk_dict(r)}
out["versions"] = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                   "pymannkendall": mk.__version__}
json.dump(out, sys.stdout, indent=1)
