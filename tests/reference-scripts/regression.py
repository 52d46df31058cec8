"""Reference values for corridor::stats regression, GLM and ITS (statsmodels).

Run from the crate root:  python3 tests/reference-scripts/regression.py
Writes tests/data/reference/regression.json (merged with the R part written by regression.R).
"""
import calendar
import csv
import json
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm

OUT = "tests/data/reference/regression.json"


def ols_block(y, X, names):
    out = {"columns": names, "X_columns": [list(map(float, X[:, j])) for j in range(X.shape[1])], "y": list(map(float, y))}
    m = sm.OLS(y, X)
    r = m.fit()
    out["nonrobust"] = {
        "params": r.params.tolist(), "bse": r.bse.tolist(), "pvalues": r.pvalues.tolist(),
        "conf_int_95": r.conf_int(0.05).tolist(), "rsquared": r.rsquared, "rsquared_adj": r.rsquared_adj,
        "ssr": r.ssr, "scale": r.scale, "df_resid": r.df_resid, "df_model": r.df_model,
        "resid_head": r.resid[:5].tolist(), "fitted_head": r.fittedvalues[:5].tolist(),
    }
    for ct in ["HC0", "HC1", "HC2", "HC3"]:
        rr = m.fit(cov_type=ct)
        out[ct] = {"bse": rr.bse.tolist(), "pvalues": rr.pvalues.tolist(), "use_t": bool(rr.use_t)}
    for lag in [0, 1, 4, 7]:
        for corr in [False, True]:
            rr = m.fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": corr})
            out[f"HAC_lag{lag}_correction{corr}"] = {
                "bse": rr.bse.tolist(), "pvalues": rr.pvalues.tolist(), "cov": rr.cov_params().tolist(),
                "conf_int_95": rr.conf_int(0.05).tolist(), "use_t": bool(rr.use_t),
            }
    return out


def glm_block(y, X, names, offset):
    out = {"columns": names, "X_columns": [list(map(float, X[:, j])) for j in range(X.shape[1])],
           "y": list(map(float, y)), "offset": list(map(float, offset))}
    m = sm.GLM(y, X, family=sm.families.Poisson(), offset=offset)
    r = m.fit()  # IRLS, tol 1e-8 on deviance
    out["poisson"] = {
        "params": r.params.tolist(), "bse": r.bse.tolist(), "pvalues": r.pvalues.tolist(),
        "deviance": r.deviance, "null_deviance": r.null_deviance, "pearson_chi2": r.pearson_chi2,
        "aic": r.aic, "llf": r.llf, "df_resid": r.df_resid, "fitted_head": r.fittedvalues[:5].tolist(),
    }
    rq = m.fit(scale="X2")  # quasi-Poisson: dispersion = Pearson chi2 / df_resid
    rq_t = m.fit(scale="X2", use_t=True)
    out["quasipoisson"] = {
        "params": rq.params.tolist(), "bse": rq.bse.tolist(), "scale": rq.scale,
        "pvalues_t": rq_t.pvalues.tolist(), "conf_int_95_t": rq_t.conf_int(0.05).tolist(),
    }
    nb = sm.NegativeBinomial(y, X, offset=offset, loglike_method="nb2")
    start = np.append(r.params, 1.0)  # Poisson coefficients, alpha = 1
    rn = nb.fit(start_params=start, method="nm", maxiter=20000, disp=0)
    rn = nb.fit(start_params=rn.params, method="newton", maxiter=200, disp=0, tol=1e-12)
    assert rn.mle_retvals["converged"], rn.mle_retvals
    out["negbin_discrete_mle"] = {
        "params": rn.params[:-1].tolist(), "alpha": float(rn.params[-1]), "bse": rn.bse[:-1].tolist(),
        "llf": rn.llf, "note": "statsmodels discrete NegativeBinomial nb2, joint MLE of (beta, alpha); bse from the joint Hessian",
    }
    return out


def its_columns(n, t0):
    t = np.arange(n, dtype=float)
    d = (t >= t0).astype(float)
    return np.column_stack([np.ones(n), t, d, (t - t0) * d])


def main():
    ref = {}
    try:
        with open(OUT) as f:
            ref = json.load(f)
    except FileNotFoundError:
        pass
    ref["versions_python"] = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                              "statsmodels": statsmodels.__version__}

    # Nile (R datasets::Nile), mean shift at 1899 plus linear trend
    nile = sm.datasets.nile.load_pandas().data["volume"].to_numpy(dtype=float)
    n = len(nile)
    t = np.arange(n, dtype=float)
    X = np.column_stack([np.ones(n), t, (t >= 28).astype(float)])
    ref["ols_nile_shift_trend"] = ols_block(nile, X, ["const", "t", "post1898"])

    # Longley (ill-conditioned classic, NIST StRD), all six regressors + const
    lg = sm.datasets.longley.load_pandas().data
    y = lg["TOTEMP"].to_numpy(float)
    Xl = sm.add_constant(lg[["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]].to_numpy(float))
    ref["ols_longley"] = ols_block(y, Xl, ["const", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"])

    # Darien monthly crossings 2020-01..2024-03 (51 contiguous months), ITS at 2021-09 (index 20)
    rows = list(csv.DictReader(open("data/darien/darien_monthly_totals.csv")))
    rows = [r for r in rows if (int(r["year"]), int(r["month"])) <= (2024, 3)]
    assert len(rows) == 51
    yd = np.array([float(r["crossings"]) for r in rows])
    days = np.array([calendar.monthrange(int(r["year"]), int(r["month"]))[1] for r in rows], dtype=float)
    t0 = 20
    Xi = its_columns(len(yd), t0)
    names = ["const", "t", "D", "(t-T0)D"]
    darien = {"months": [f'{r["year"]}-{int(r["month"]):02d}' for r in rows], "intervention_index": t0,
              "days": days.tolist()}
    darien["ols"] = ols_block(yd, Xi, names)
    darien["glm"] = glm_block(yd, Xi, names, np.log(days))
    # Seasonal variant: one Fourier pair of period 12 (sin, cos of 2 pi t / 12)
    tt = np.arange(len(yd), dtype=float)
    Xs = np.column_stack([Xi, np.sin(2 * np.pi * tt / 12), np.cos(2 * np.pi * tt / 12)])
    darien["glm_fourier1"] = glm_block(yd, Xs, names + ["sin1", "cos1"], np.log(days))
    # Month dummies (period 12, reference season = season of t = 0)
    Xm = np.column_stack([Xi] + [((tt % 12) == s).astype(float) for s in range(1, 12)])
    darien["ols_month_dummies"] = ols_block(yd, Xm, names + [f"season{s}" for s in range(1, 12)])
    ref["darien_its"] = darien

    with open(OUT, "w") as f:
        json.dump(ref, f, indent=1, default=float)


if __name__ == "__main__":
    main()
