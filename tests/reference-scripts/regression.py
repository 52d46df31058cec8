"""Reference values for corridor::stats regression, GLM and ITS (statsmodels).

Run from the crate root:  python3 tests/reference-scripts/regression.py; Rscript tests/reference-scripts/regression.R;
python3 tests/reference-scripts/regression.py  (the second run adds statsmodels' NB MLE on MASS::quine, whose
design the R script exports). Writes tests/data/reference/regression.json.
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
    # started at the joint MLE (its IRLS converges slowly on this series from its default start)
    rg = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=float(rn.params[-1])), offset=offset).fit(
        start_params=rn.params[:-1], tol=1e-12)
    out["negbin_glm_at_mle_alpha"] = {
        "params": rg.params.tolist(), "bse": rg.bse.tolist(), "deviance": rg.deviance, "pearson_chi2": rg.pearson_chi2,
        "note": "statsmodels GLM(NegativeBinomial(alpha = discrete MLE alpha)): theta treated as known",
    }
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
    # Effects at chosen times (delta method written out here in numpy from statsmodels' params and cov_params)
    eff = {}
    r_ols = sm.OLS(yd, Xi).fit(cov_type="HAC", cov_kwds={"maxlags": 7})
    r_poi = sm.GLM(yd, Xi, family=sm.families.Poisson(), offset=np.log(days)).fit()
    X0 = Xi.copy()
    X0[:, 2:4] = 0.0
    for label, r, log_link in [("ols_hac7", r_ols, False), ("poisson", r_poi, True)]:
        b, V = np.asarray(r.params), np.asarray(r.cov_params())
        out = {"counterfactual": [], "fitted": [], "times": [30, 50], "absolute": [], "absolute_se": [],
               "relative": [], "relative_se": []}
        off = np.log(days) if log_link else np.zeros(len(yd))
        pred = (lambda X: np.exp(X @ b + off)) if log_link else (lambda X: X @ b)
        out["counterfactual"] = pred(X0).tolist()
        out["fitted"] = pred(Xi).tolist()
        for t in out["times"]:
            x, x0 = Xi[t], X0[t]
            c = x - x0
            if log_link:
                mu, mu0 = np.exp(x @ b + off[t]), np.exp(x0 @ b + off[t])
                a, ga = mu - mu0, mu * x - mu0 * x0
                rr = np.exp(c @ b)
                rel, gr = rr - 1, rr * c
            else:
                a, ga = c @ b, c
                base = x0 @ b
                rel, gr = a / base, c / base - a * x0 / base**2
            out["absolute"].append(float(a)); out["absolute_se"].append(float(np.sqrt(ga @ V @ ga)))
            out["relative"].append(float(rel)); out["relative_se"].append(float(np.sqrt(gr @ V @ gr)))
        eff[label] = out
    darien["effects"] = eff

    # Two interventions (2021-09 and 2022-12 = index 35), OLS + HAC lag 3
    t1 = 35
    X2 = np.column_stack([Xi, (tt >= t1).astype(float), (tt - t1) * (tt >= t1)])
    r2 = sm.OLS(yd, X2).fit(cov_type="HAC", cov_kwds={"maxlags": 3})
    darien["two_interventions_hac3"] = {"interventions": [t0, t1], "params": r2.params.tolist(), "bse": r2.bse.tolist(),
                                        "pvalues": r2.pvalues.tolist()}

    # Comparative ITS, design check only: control = AirPassengers' first 51 months (not a real control for Darien).
    ap = json.load(open("tests/data/reference/airpassengers.json"))["input"]["y"][:51]
    yc = np.asarray(ap, dtype=float)
    nn = len(yd)
    g = np.r_[np.ones(nn), np.zeros(nn)]
    ts = np.r_[tt, tt]
    D = (ts >= t0).astype(float)
    S = (ts - t0) * D
    Xc = np.column_stack([np.ones(2 * nn), ts, g, g * ts, D, S, g * D, g * S])
    ys = np.r_[yd, yc]
    rc = sm.OLS(ys, Xc).fit()
    rcp = sm.GLM(ys, Xc, family=sm.families.Poisson(), offset=np.log(np.r_[days, days])).fit()
    darien["comparative_airpassengers_control"] = {
        "control": yc.tolist(), "columns": ["const", "t", "group", "group*t", "D", "(t-T0)D", "group*D", "group*(t-T0)D"],
        "ols_params": rc.params.tolist(), "ols_bse": rc.bse.tolist(),
        "poisson_params": rcp.params.tolist(), "poisson_bse": rcp.bse.tolist(),
    }
    ref["darien_its"] = darien

    # MASS::quine (design exported by regression.R): statsmodels discrete NB2 joint MLE
    try:
        with open("tests/data/reference/regression_R.json") as f:
            q = json.load(f)["quine"]
        Xq = np.column_stack(q["X_columns"])
        yq = np.asarray(q["y"], dtype=float)
        pq = sm.GLM(yq, Xq, family=sm.families.Poisson()).fit().params
        rq = sm.NegativeBinomial(yq, Xq, loglike_method="nb2").fit(
            start_params=np.append(pq, 0.5), method="newton", tol=1e-14, maxiter=200, disp=0)
        assert rq.mle_retvals["converged"]
        ref["quine_negbin_discrete_mle"] = {"params": rq.params[:-1].tolist(), "alpha": float(rq.params[-1]),
                                            "llf": rq.llf, "columns": q["columns"]}
    except FileNotFoundError:
        pass

    with open(OUT, "w") as f:
        json.dump(ref, f, indent=1, default=float)


if __name__ == "__main__":
    main()
