"""Reference vectors for corridor::stats changepoint detection (tests/integration/changepoint.rs).

R `changepoint` cannot be installed on the machine that produced these vectors (it is not packaged in
Debian bookworm and CRAN is out of reach), so this script uses ruptures 1.1.10 as the search engine:

* `Pelt(model="l2", jump=1, min_size=m)` (ruptures' own L2 cost, from numpy variances) for
  the normal-mean cost;
* `Pelt(custom_cost=..., jump=1, min_size=m)` with costs that transcribe R changepoint's C cost
  functions (src/cost_general_functions.c: `mll_meanvar`, `mll_meanvar_poisson` and the `mbic_*`
  variants that add log(segment length)) for the mean+variance and Poisson costs and for MBIC;
* penalties computed as R's `penalty_decision` (SIC/BIC = (p+1) log n, MBIC = (p+2) log n,
  AIC = 2 (p+1); p = 1 for mean and Poisson, 2 for mean+variance);
* CROPS checked by a sweep: ruptures Pelt on a grid of penalties; each distinct segmentation seen
  must be one of CROPS' with the grid penalty inside its interval.

Run from the crate root: python3 tests/reference-scripts/changepoint.py
Writes tests/data/reference/changepoint.json.
"""

import json
import math
import platform

import numpy as np
import ruptures
from ruptures.base import BaseCost


class RCost(BaseCost):
    """R changepoint's segment costs from cumulative sums (cost_general_functions.c)."""

    model = "r_changepoint"

    def __init__(self, kind, mbic, min_size):
        self.kind = kind
        self.mbic = mbic
        self.min_size = min_size

    def fit(self, signal):
        x = np.asarray(signal, dtype=float).reshape(-1)
        self.signal = x.reshape(-1, 1)
        self.s1 = np.concatenate([[0.0], np.cumsum(x)])
        self.s2 = np.concatenate([[0.0], np.cumsum(x * x)])
        return self

    def error(self, start, end):
        m = end - start
        x = self.s1[end] - self.s1[start]
        x2 = self.s2[end] - self.s2[start]
        if self.kind == "mean":
            c = x2 - (x * x) / m
        elif self.kind == "meanvar":
            sigsq = (x2 - (x * x) / m) / m
            if sigsq <= 0:
                sigsq = 0.00000000001
            c = m * (math.log(2 * math.pi) + math.log(sigsq) + 1)
        else:  # poisson
            if x == 0:
                return 0.0  # R's mll/mbic_meanvar_poisson return 0, without log(m)
            c = 2 * x * (math.log(m) - math.log(x))
        return c + (math.log(m) if self.mbic else 0.0)


def penalty_value(penalty, kind, n, manual):
    p = 2 if kind == "meanvar" else 1
    return {
        "Manual": manual,
        "BIC": (p + 1) * math.log(n),
        "MBIC": (p + 2) * math.log(n),
        "AIC": 2.0 * (p + 1),
    }[penalty]


def pelt(x, kind, penalty, pen, min_size):
    mbic = penalty == "MBIC"
    if kind == "mean" and not mbic:
        algo = ruptures.Pelt(model="l2", jump=1, min_size=min_size)
    else:
        algo = ruptures.Pelt(custom_cost=RCost(kind, mbic, min_size), jump=1, min_size=min_size)
    bkps = algo.fit(x).predict(pen=pen)
    return bkps[:-1]


def cost_of(x, kind, cps):
    c = RCost(kind, False, 1).fit(x)
    bounds = [0] + list(cps) + [len(x)]
    return sum(c.error(a, b) for a, b in zip(bounds, bounds[1:]))


rng = np.random.default_rng(20261128)
nile = [1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020, 960, 1180, 799,
        958, 1140, 1100, 1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833, 701, 916, 692,
        1020, 1050, 969, 831, 726, 456, 824, 702, 1120, 1100, 832, 764, 821, 768, 845, 864, 862, 698, 845, 744,
        796, 1040, 759, 781, 865, 845, 944, 984, 897, 822, 1010, 771, 676, 649, 846, 812, 742, 801, 1040, 860,
        874, 848, 890, 744, 749, 838, 1050, 918, 986, 797, 923, 975, 815, 1020, 906, 901, 1170, 912, 746, 919,
        718, 714, 740]
series = {
    "gauss_mean": np.concatenate([rng.normal(0, 1, 60), rng.normal(2.5, 1, 40), rng.normal(-1, 1, 80),
                                  rng.normal(1.5, 1, 20)]),
    "gauss_meanvar": np.concatenate([rng.normal(0, 1, 70), rng.normal(0, 3, 50), rng.normal(4, 0.5, 60),
                                     rng.normal(1, 2, 70)]),
    "counts": np.concatenate([rng.poisson(3, 50), rng.poisson(9, 70), rng.poisson(1, 30),
                              rng.poisson(5, 50)]).astype(float),
    "small_counts": np.concatenate([rng.poisson(0.2, 40), rng.poisson(2, 40), np.zeros(40)]).astype(float),
    "nile_scaled": np.array(nile, dtype=float) / np.std(nile, ddof=1),
    # PELT with min_size 2 prunes a candidate a later optimum needs here (found by corridor's
    # property tests): both R's rule and ruptures' give the same, not exactly optimal, answer.
    "minseg_trap": np.array([11, 5, 2, 7, 1, 0, 8, 4, 4, 5, 4, 2, 6, 3, 10, 8, 0], dtype=float),
}

cases = []
plan = [
    ("gauss_mean", "mean", [1, 2, 5], 8.0),
    ("nile_scaled", "mean", [1, 2, 5], 4.0),
    ("gauss_meanvar", "meanvar", [2, 5], 15.0),
    ("counts", "poisson", [1, 2, 5], 10.0),
    ("small_counts", "poisson", [1, 2, 5], 3.0),
    ("minseg_trap", "mean", [1, 2], 17.227098935461495),
]
for name, kind, min_sizes, manual in plan:
    x = series[name]
    for m in min_sizes:
        for penalty in ["BIC", "MBIC", "AIC", "Manual"]:
            pen = penalty_value(penalty, kind, len(x), manual)
            cps = pelt(x, kind, penalty, pen, m)
            cases.append({
                "series": name, "cost": kind, "penalty": penalty, "manual": manual if penalty == "Manual" else None,
                "min_segment_len": m, "pen_value": pen, "indices": cps,
                "cost_value": cost_of(x, kind, cps),
                "means": [float(np.mean(s)) for s in np.split(x, cps)],
                "variances_mle": [float(np.var(s)) for s in np.split(x, cps)],
            })

crops = []
for name, kind, lo, hi, m in [("gauss_mean", "mean", 1.0, 200.0, 1), ("nile_scaled", "mean", 1.0, 30.0, 1),
                              ("gauss_meanvar", "meanvar", 5.0, 300.0, 2), ("counts", "poisson", 2.0, 400.0, 1),
                              ("gauss_mean", "mean", 2.0, 50.0, 5)]:
    x = series[name]
    grid = np.geomspace(lo, hi, 40).tolist()
    sweep = []
    for pen in grid:
        cps = pelt(x, kind, "Manual", pen, m)
        sweep.append({"pen": pen, "indices": cps, "cost_value": cost_of(x, kind, cps)})
    crops.append({"series": name, "cost": kind, "pen_min": lo, "pen_max": hi, "min_segment_len": m,
                  "sweep": sweep})

# Binary segmentation: ruptures Binseg(l2, min_size=2, jump=1).predict(n_bkps=q). R's binseg has the same
# greedy step; its candidate splits differ only near the ends (left part > minseglen, split <= n-3).
binseg = []
for name in ["gauss_mean", "nile_scaled"]:
    x = series[name]
    for q in range(1, 7):
        bkps = ruptures.Binseg(model="l2", min_size=2, jump=1).fit(x).predict(n_bkps=q)
        binseg.append({"series": name, "n_bkps": q, "indices": bkps[:-1]})

out = {
    "versions": {"python": platform.python_version(), "ruptures": ruptures.__version__, "numpy": np.__version__},
    "note": "R changepoint unavailable: ruptures Pelt (jump=1) engine; l2 = ruptures' cost; meanvar/poisson/MBIC = "
            "custom costs transcribing R changepoint's C cost functions; penalties as R penalty_decision",
    "series": {k: v.tolist() for k, v in series.items()},
    "cases": cases,
    "crops": crops,
    "binseg": binseg,
}
with open("tests/data/reference/changepoint.json", "w") as f:
    json.dump(out, f)
print(len(cases), "cases,", len(crops), "crops sweeps")
