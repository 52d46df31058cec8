#!/usr/bin/env python3
"""Cross-check of tests/data/reference/bootstrap.json (written by bootstrap.R) with an independent
implementation of the formulas in numpy/scipy:

- jackknife acceleration a = sum(L^3) / (6 sum(L^2)^1.5), L_i = (n_k - 1)(mean_k(theta_(.)) - theta_(i))
  (Efron & Tibshirani 1993, eq. 14.15; (n_k - 1) per stratum as boot:::usual.jack);
- z0 = Phi^-1(#{t < t0} / R) (boot:::bca.ci's w);
- percentile / BCa ends by Davison & Hinkley (1997) eq. 5.8 (boot:::norm.inter);
- bias = mean(t) - t0, std. error = sd(t, ddof=1).

Stores the largest relative difference per quantity, and scipy's z0 convention (ties count one half, as
scipy.stats.bootstrap's BCa) for comparison, under "python_crosscheck" in the same JSON.

Run after bootstrap.R: python3 tests/reference-scripts/bootstrap.py
"""
import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy.special import ndtr, ndtri

PATH = Path(__file__).resolve().parents[1] / "data" / "reference" / "bootstrap.json"


def norm_inter(t, alpha):
    t = np.sort(t[np.isfinite(t)])
    r = len(t)
    rk = (r + 1) * alpha
    k = int(np.trunc(rk))
    if k == 0:
        return t[0]
    if k >= r:
        return t[-1]
    if k == rk:
        return t[k - 1]
    z, zk, zk1 = ndtri(alpha), ndtri(k / (r + 1)), ndtri((k + 1) / (r + 1))
    return t[k - 1] + (z - zk) / (zk1 - zk) * (t[k] - t[k - 1])


def rel(a, b):
    return abs(a - b) / max(abs(b), 1.0)


def main():
    ref = json.loads(PATH.read_text())
    worst = {}

    def note(key, got, want):
        worst[key] = max(worst.get(key, 0.0), rel(got, want))

    scipy_z0 = {}
    for case in ref["cases"]:
        t = np.array(case["replicates"], dtype=float)
        t0 = case["t0"]
        jack = np.array(case["jackknife"], dtype=float)
        groups = [jack] if case["kind"] == "one-sample" else [jack[: len(case["x"])], jack[len(case["x"]):]]
        L = np.concatenate([(len(g) - 1) * (g.mean() - g) for g in groups])
        a = np.sum(L**3) / (6 * np.sum(L**2) ** 1.5)
        z0 = ndtri(np.sum(t < t0) / len(t))
        scipy_z0[case["name"]] = float(ndtri((np.sum(t < t0) + np.sum(t <= t0)) / (2 * len(t))))
        note("acceleration", a, case["acceleration"])
        note("z0", z0, case["z0"])
        note("bias", t.mean() - t0, case["bias"])
        note("std_error", t.std(ddof=1), case["std_error"])
        for i, lv in enumerate(case["levels"]):
            for j, alpha in enumerate([(1 - lv) / 2, (1 + lv) / 2]):
                note("percentile", norm_inter(t, alpha), case["percentile"][i][j])
                za = ndtri(alpha)
                adj = ndtr(z0 + (z0 + za) / (1 - a * (z0 + za)))
                note("bca", norm_inter(t, adj), case["bca"][i][j])
    ref["python_crosscheck"] = {
        "script": "tests/reference-scripts/bootstrap.py",
        "max_relative_difference_vs_R": worst,
        "scipy_convention_z0_ties_half": scipy_z0,
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
    }
    PATH.write_text(json.dumps(ref, separators=(",", ":")))
    print(json.dumps(worst, indent=1))


if __name__ == "__main__":
    main()
