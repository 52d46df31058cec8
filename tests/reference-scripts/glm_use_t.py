"""Reference values for corridor::stats::Glm and Its with TestDistribution (statsmodels `use_t`).

statsmodels refers GLM tests and intervals to the normal by default and to Student's t with the residual
degrees of freedom (n - k) when fitted with `use_t=True`. This script fits the Darien ITS design
(51 months 2020-01..2024-03, intervention at index 20, log days-in-month offset, as regression.py) with
each family under `use_t=True` and `use_t=False`, and the same design through OLS with Newey-West
(HAC, lag 3), and writes statistics, p-values and 95 % / 90 % intervals. For the ITS effects at t = 30
and 50 the delta method is written out in numpy from statsmodels' params and cov_params (as
regression.py does) and referred to scipy's t with n - k degrees of freedom.
Run from the crate root: python3 tests/reference-scripts/glm_use_t.py > tests/data/reference/glm_use_t.json
"""
import calendar
import csv
import json
import sys

import numpy as np
import scipy
import scipy.stats
import statsmodels
import statsmodels.api as sm

rows = list(csv.DictReader(open("data/darien/darien_monthly_totals.csv")))
rows = [r for r in rows if (int(r["year"]), int(r["month"])) <= (2024, 3)]
assert len(rows) == 51
y = np.array([float(r["crossings"]) for r in rows])
days = np.array([calendar.monthrange(int(r["year"]), int(r["month"]))[1] for r in rows], dtype=float)
n = len(y)
t0 = 20
t = np.arange(n, dtype=float)
d = (t >= t0).astype(float)
X = np.column_stack([np.ones(n), t, d, (t - t0) * d])
off = np.log(days)


def block(r):
    return {"params": r.params.tolist(), "bse": r.bse.tolist(), "tvalues": r.tvalues.tolist(),
            "pvalues": r.pvalues.tolist(), "conf_int_95": r.conf_int(0.05).tolist(),
            "conf_int_90": r.conf_int(0.10).tolist()}


out = {
    "generator": "tests/reference-scripts/glm_use_t.py",
    "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                 "statsmodels": statsmodels.__version__},
    "y": y.tolist(),
    "days": days.tolist(),
    "intervention_index": t0,
    "df_resid": float(n - X.shape[1]),
    "glm": {},
    "its": {},
}

pois = sm.GLM(y, X, family=sm.families.Poisson(), offset=off)
nb = sm.NegativeBinomial(y, X, offset=off, loglike_method="nb2")
rp = pois.fit()
rn = nb.fit(start_params=np.append(rp.params, 1.0), method="nm", maxiter=20000, disp=0)
rn = nb.fit(start_params=rn.params, method="newton", maxiter=200, disp=0, tol=1e-12)
assert rn.mle_retvals["converged"], rn.mle_retvals
alpha = float(rn.params[-1])
out["negbin_alpha"] = alpha
negbin = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=alpha), offset=off)
gauss = sm.GLM(y, X, family=sm.families.Gaussian())

for use_t in [True, False]:
    out["glm"][f"poisson_use_t{use_t}"] = block(pois.fit(use_t=use_t))
    # quasi-Poisson: dispersion = Pearson chi2 / df_resid
    out["glm"][f"quasipoisson_use_t{use_t}"] = block(pois.fit(scale="X2", use_t=use_t))
    out["glm"][f"negbin_use_t{use_t}"] = block(negbin.fit(start_params=rn.params[:-1], tol=1e-12, use_t=use_t))
    out["glm"][f"gaussian_use_t{use_t}"] = block(gauss.fit(use_t=use_t))
    for lag in [3]:
        r = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lag}, use_t=use_t)
        out["its"][f"ols_hac{lag}_use_t{use_t}"] = block(r)
    r = sm.OLS(y, X).fit(use_t=use_t)
    out["its"][f"ols_use_t{use_t}"] = block(r)

# Effects of the Poisson ITS and of OLS + HAC(3), with t on n - k degrees of freedom.
X0 = X.copy()
X0[:, 2:4] = 0.0
df = n - X.shape[1]
q95 = scipy.stats.t.ppf(0.975, df)
effects = {}
for label, r, log_link in [
    ("poisson", pois.fit(use_t=True), True),
    ("ols_hac3", sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 3}, use_t=True), False),
]:
    b, V = np.asarray(r.params), np.asarray(r.cov_params())
    e = {"times": [30, 50], "absolute": [], "absolute_se": [], "absolute_p": [], "absolute_ci_95": [],
         "relative": [], "relative_se": [], "relative_p": [], "relative_ci_95": []}
    for tt in e["times"]:
        x, x0 = X[tt], X0[tt]
        c = x - x0
        if log_link:
            mu, mu0 = np.exp(x @ b + off[tt]), np.exp(x0 @ b + off[tt])
            a, ga = mu - mu0, mu * x - mu0 * x0
            rr = np.exp(c @ b)
            rel, gr = rr - 1, rr * c
        else:
            a, ga = c @ b, c
            base = x0 @ b
            rel, gr = a / base, c / base - a * x0 / base**2
        for key, v, g in [("absolute", a, ga), ("relative", rel, gr)]:
            se = float(np.sqrt(g @ V @ g))
            e[key].append(float(v))
            e[key + "_se"].append(se)
            e[key + "_p"].append(float(2 * scipy.stats.t.sf(abs(v / se), df)))
            e[key + "_ci_95"].append([float(v - q95 * se), float(v + q95 * se)])
    effects[label] = e
out["its"]["effects_use_tTrue"] = effects

json.dump(out, sys.stdout, indent=1)
print()
