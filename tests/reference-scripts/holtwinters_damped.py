"""Reference values for Holt-Winters with a damped trend (corridor `HwTrend::Damped`).

Run: python3 tests/reference-scripts/holtwinters_damped.py > tests/data/reference/holtwinters_damped.json

corridor's damped Holt-Winters is R `stats::HoltWinters` (start values, one-step forecasts, SSE,
seasonal update with the new level l_t) with the Gardner & McKenzie damped trend of statsmodels
`ExponentialSmoothing(trend="add", damped_trend=True)`:

    yhat_t = l_{t-1} + phi b_{t-1}  (+ s_{t-m}, or * s_{t-m})
    l_t    = alpha (y_t - s_{t-m}) + (1 - alpha)(l_{t-1} + phi b_{t-1})      [mult: y_t / s_{t-m}]
    b_t    = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
    s_t    = gamma (y_t - l_t) + (1 - gamma) s_{t-m}                          [mult: y_t / l_t]   (R)
    h-step = l_n + (phi + ... + phi^h) b_n  (+ or * s)

statsmodels' ExponentialSmoothing updates the season with the *previous* level and trend,
s_t = gamma (y_t - l_{t-1} - phi b_{t-1}) + (1 - gamma) s_{t-m} (Hyndman & Athanasopoulos' form),
so for seasonal models it is a different model. The references are therefore:

* no season (Nile): statsmodels ExponentialSmoothing itself (same model), fixed and optimised;
* additive season: statsmodels ETSModel(A, Ad, A) itself, which is the same model written in error
  correction form with smoothing_trend = alpha beta and smoothing_seasonal = gamma (1 - alpha)
  (shown algebraically in src/stats/forecast/holt_winters.rs); it also gives the class-1 forecast
  variance (Hyndman et al. 2008, ch. 6) used for the prediction intervals;
* multiplicative season: no statsmodels model has R's seasonal update, so a transcription of the
  recursion above (`hw` below) is used. It is checked here against (i) statsmodels
  ExponentialSmoothing when switched to statsmodels' seasonal update (damped, mult and add), (ii) R
  `HoltWinters` at phi = 1 (airpassengers_R.json), (iii) ETSModel for the additive season.

Start values are R HoltWinters' (decompose of the first two cycles; l = y_2, b = y_2 - y_1 without a
season), passed to statsmodels with initialization_method="known". Optimised cases record the SSE of
statsmodels' own optimiser (ExponentialSmoothing for Nile, ETSModel for the additive season, both with
phi in [0.8, 0.995]) and, for the multiplicative season, scipy L-BFGS-B from several starts on the
transcribed recursion.
"""

import json
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.optimize import minimize
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")
REF = "tests/data/reference/"
PHI_BOUNDS = (0.8, 0.995)


def r_start(x, f, mult, start_periods=2):
    """R HoltWinters start values: decompose(first start_periods cycles) + lm on its trend."""
    x = np.asarray(x[: start_periods * f], float)
    n = len(x)
    if f % 2 == 0:
        w = np.full(f + 1, 1.0 / f)
        w[0] = w[-1] = 0.5 / f
    else:
        w = np.full(f, 1.0 / f)
    o = len(w) // 2
    trend = np.full(n, np.nan)
    for i in range(n):
        if i + o < n and i + o + 1 >= len(w):
            trend[i] = sum(w[j] * x[i + o - j] for j in range(len(w)))
    fig = np.zeros(f)
    for i in range(f):
        idx = [p for p in range(i, n, f) if not np.isnan(trend[p])]
        fig[i] = np.mean([x[p] / trend[p] if mult else x[p] - trend[p] for p in idx])
    fig = fig / fig.mean() if mult else fig - fig.mean()
    d = trend[~np.isnan(trend)]
    t = np.arange(1, len(d) + 1, dtype=float)
    b = np.sum((t - t.mean()) * (d - d.mean())) / np.sum((t - t.mean()) ** 2)
    return d.mean() - b * t.mean(), b, fig


def hw(y, m, l0, b0, s0, alpha, beta, gamma, phi, seasonal, form="R", h=24):
    """The recursion; seasonal in {None, 'add', 'mul'}; form 'R' (new level) or 'SM' (statsmodels)."""
    start = m if seasonal else 2
    level, trend = l0, b0
    season = list(s0) if seasonal else []
    xhat, sse = [], 0.0
    for t, x in enumerate(y[start:]):
        s = season[t] if seasonal else (1.0 if seasonal == "mul" else 0.0)
        base = level + phi * trend
        f = base * s if seasonal == "mul" else base + s
        xhat.append(f)
        sse += (x - f) ** 2
        new_level = alpha * (x / s if seasonal == "mul" else x - s) + (1 - alpha) * base
        new_trend = beta * (new_level - level) + (1 - beta) * phi * trend
        if seasonal:
            ref = new_level if form == "R" else base
            season.append(gamma * (x / ref if seasonal == "mul" else x - ref) + (1 - gamma) * s)
        level, trend = new_level, new_trend
    figs = season[-m:] if seasonal else []
    fc, cum, pw = [], 0.0, 1.0
    for k in range(1, h + 1):
        pw *= phi
        cum += pw
        base = level + cum * trend
        if seasonal == "mul":
            fc.append(base * figs[(k - 1) % m])
        elif seasonal == "add":
            fc.append(base + figs[(k - 1) % m])
        else:
            fc.append(base)
    return {"sse": sse, "xhat": xhat, "level": level, "slope": trend, "figures": figs, "forecast": fc}


def rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1.0)))


def check(what, a, b, tol=1e-10):
    e = rel(a, b)
    if e > tol:
        sys.exit(f"{what}: relative difference {e}")
    return e


def es_model(y, start, seasonal, m, l0, b0, s0):
    kw = dict(trend="add", damped_trend=True, initialization_method="known", initial_level=l0, initial_trend=b0)
    if seasonal:
        kw.update(seasonal=seasonal, seasonal_periods=m, initial_seasonal=np.asarray(s0))
    return ExponentialSmoothing(np.asarray(y[start:], float), **kw)


def ets_model(y, start, m, l0, b0, s0, bounds=None):
    kw = dict(error="add", trend="add", damped_trend=True, initialization_method="known",
              initial_level=l0, initial_trend=b0)
    if s0 is not None:
        # Same order as R's s.start: the first figure applies to the first fitted observation.
        kw.update(seasonal="add", seasonal_periods=m, initial_seasonal=np.asarray(s0))
    if bounds:
        kw["bounds"] = bounds
    return ETSModel(pd.Series(np.asarray(y[start:], float)), **kw)


def ets_relative_variance(res, n_fit, h):
    p = res.get_prediction(start=n_fit, end=n_fit + h - 1)
    return list(np.asarray(p.forecast_variance) / res.scale), list(np.asarray(p.predicted_mean))


out = {
    "versions": {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "pandas": pd.__version__,
        "statsmodels": statsmodels.__version__,
    },
    "note": __doc__.strip(),
}

nile = np.asarray(json.load(open(REF + "nile_R.json"))["input"]["y"], float)
ap_r = json.load(open(REF + "airpassengers_R.json"))
ap = np.asarray(ap_r["input"]["y"], float)
out["input"] = {"nile": list(nile), "airpassengers": list(ap)}

# --- Sanity: the transcription at phi = 1 equals R HoltWinters (R 4.2.2, airpassengers_R.json). ---
l0, b0, s0 = r_start(ap, 12, True)
r1 = hw(ap, 12, l0, b0, s0, 0.3, 0.05, 0.2, 1.0, "mul", h=12)
rr = ap_r["HoltWinters_mult_fixed_0.3_0.05_0.2"]
check("phi=1 SSE vs R", r1["sse"], rr["SSE"], 1e-12)
check("phi=1 xhat vs R", r1["xhat"], rr["xhat"], 1e-12)
check("phi=1 predict vs R", r1["forecast"], rr["predict12"], 1e-12)

# --- Non-seasonal: Nile, statsmodels ExponentialSmoothing is the same model. ---
cases = {}
for alpha, beta, phi in [(0.4, 0.1, 0.9), (0.3, 0.2, 0.98), (0.4, 0.1, 0.85)]:
    l0, b0 = nile[1], nile[1] - nile[0]
    res = es_model(nile, 2, None, 1, l0, b0, None).fit(
        smoothing_level=alpha, smoothing_trend=beta, damping_trend=phi, optimized=False)
    ours = hw(nile, 1, l0, b0, None, alpha, beta, 0.0, phi, None, h=10)
    check("nile transcription vs ExponentialSmoothing", ours["xhat"], res.fittedvalues)
    # Class-1 variance from ETSModel(A, Ad, N) with smoothing_trend = alpha * beta.
    eres = ets_model(nile, 2, 1, l0, b0, None).smooth(np.array([alpha, alpha * beta, phi]))
    relvar, emean = ets_relative_variance(eres, len(nile) - 2, 10)
    check("nile ETSModel vs ExponentialSmoothing", emean, res.forecast(10))
    cases[f"nile_damped_{alpha}_{beta}_{phi}"] = {
        "source": "statsmodels ExponentialSmoothing(trend='add', damped_trend=True, initialization_method='known')"
                  ".fit(optimized=False); relative_variance from ETSModel(A,Ad,N).smooth",
        "series": "nile", "period": 1, "seasonal": "none",
        "alpha": alpha, "beta": beta, "phi": phi, "level_start": l0, "slope_start": b0,
        "sse": float(res.sse), "fitted": list(res.fittedvalues), "forecast": list(res.forecast(10)),
        "level": float(res.level[-1]), "slope": float(res.trend[-1]),
        "relative_variance": relvar,
    }

# --- Additive season: ETSModel(A, Ad, A) is the same model. ---
for alpha, beta, gamma, phi in [(0.3, 0.05, 0.2, 0.92), (0.5, 0.01, 0.3, 0.85)]:
    l0, b0, s0 = r_start(ap, 12, False)
    ours = hw(ap, 12, l0, b0, s0, alpha, beta, gamma, phi, "add")
    eres = ets_model(ap, 12, 12, l0, b0, s0).smooth(np.array([alpha, alpha * beta, gamma * (1 - alpha), phi]))
    check("add: transcription vs ETSModel fitted", ours["xhat"], eres.fittedvalues)
    relvar, emean = ets_relative_variance(eres, len(ap) - 12, 24)
    check("add: transcription vs ETSModel forecast", ours["forecast"], emean)
    # statsmodels' own seasonal update, for the record (a different model).
    sm = es_model(ap, 12, "add", 12, l0, b0, s0).fit(
        smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, damping_trend=phi, optimized=False)
    check("add: SM-form transcription vs ExponentialSmoothing",
          hw(ap, 12, l0, b0, s0, alpha, beta, gamma, phi, "add", form="SM")["xhat"], sm.fittedvalues)
    cases[f"ap_add_damped_{alpha}_{beta}_{gamma}_{phi}"] = {
        "source": "statsmodels ETSModel(error='add', trend='add', damped_trend=True, seasonal='add', "
                  "initialization_method='known').smooth([alpha, alpha*beta, gamma*(1-alpha), phi])",
        "series": "airpassengers", "period": 12, "seasonal": "additive",
        "alpha": alpha, "beta": beta, "gamma": gamma, "phi": phi,
        "level_start": l0, "slope_start": b0, "seasonal_start": list(s0),
        "sse": float(np.sum(np.asarray(eres.resid) ** 2)), "fitted": list(eres.fittedvalues),
        "forecast": emean, "relative_variance": relvar,
        "statsmodels_exponentialsmoothing_sse": float(sm.sse),
    }

# --- Multiplicative season: transcription (validated above and below). ---
for alpha, beta, gamma, phi in [(0.3, 0.05, 0.2, 0.92), (0.2, 0.1, 0.4, 0.8)]:
    l0, b0, s0 = r_start(ap, 12, True)
    ours = hw(ap, 12, l0, b0, s0, alpha, beta, gamma, phi, "mul")
    sm = es_model(ap, 12, "mul", 12, l0, b0, s0).fit(
        smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, damping_trend=phi, optimized=False)
    sm_form = hw(ap, 12, l0, b0, s0, alpha, beta, gamma, phi, "mul", form="SM")
    check("mul: SM-form transcription vs ExponentialSmoothing fitted", sm_form["xhat"], sm.fittedvalues)
    # statsmodels' forecast replaces the seasonal state of the last observation by the one a cycle
    # earlier (model.py `_predict`: s[nobs + m - 1:] = [s[(nobs - 1) + j % m] ...]), so horizons
    # h = m, 2m, ... differ; compare the others.
    keep = [k for k in range(24) if (k + 1) % 12 != 0]
    check("mul: SM-form transcription vs ExponentialSmoothing forecast",
          np.asarray(sm_form["forecast"])[keep], np.asarray(sm.forecast(24))[keep])
    cases[f"ap_mul_damped_{alpha}_{beta}_{gamma}_{phi}"] = {
        "source": "transcribed recursion (R seasonal update); its statsmodels-update twin equals "
                  "ExponentialSmoothing(seasonal='mul', damped_trend=True) to 1e-10 and phi = 1 equals R HoltWinters",
        "series": "airpassengers", "period": 12, "seasonal": "multiplicative",
        "alpha": alpha, "beta": beta, "gamma": gamma, "phi": phi,
        "level_start": l0, "slope_start": b0, "seasonal_start": list(s0),
        "sse": ours["sse"], "fitted": ours["xhat"], "forecast": ours["forecast"],
        "level": ours["level"], "slope": ours["slope"], "figures": ours["figures"],
        "statsmodels_exponentialsmoothing_sse": float(sm.sse),
    }
out["fixed"] = cases

# --- Optimised parameters. ---
opt = {}
l0, b0 = nile[1], nile[1] - nile[0]
res = es_model(nile, 2, None, 1, l0, b0, None).fit(optimized=True)
opt["nile_damped"] = {
    "source": "statsmodels ExponentialSmoothing(trend='add', damped_trend=True, initialization_method='known').fit() "
              "(phi bounds [0.8, 0.995], its beta <= alpha restriction)",
    "sse": float(res.sse), "alpha": float(res.params["smoothing_level"]),
    "beta": float(res.params["smoothing_trend"]), "phi": float(res.params["damping_trend"]),
}
l0, b0, s0 = r_start(ap, 12, False)
eres = ets_model(ap, 12, 12, l0, b0, s0, bounds={"damping_trend": PHI_BOUNDS}).fit(disp=False, maxiter=10000)
ep = dict(zip(eres.model.param_names, np.asarray(eres.params)))
a, bs, gs, phi = (float(ep[k]) for k in ["smoothing_level", "smoothing_trend", "smoothing_seasonal", "damping_trend"])
opt["ap_add_damped"] = {
    "source": "statsmodels ETSModel(A,Ad,A, initialization_method='known', damping_trend bounds [0.8, 0.995]).fit() "
              "(maximum likelihood = least squares for additive errors); R-form parameters beta = b*/alpha, "
              "gamma = g*/(1 - alpha)",
    "sse": float(np.sum(np.asarray(eres.resid) ** 2)),
    "alpha": a, "beta": bs / a, "gamma": gs / (1 - a), "phi": phi,
}
l0, b0, s0 = r_start(ap, 12, True)
best = None
for start in [(0.3, 0.1, 0.1, 0.9), (0.5, 0.05, 0.5, 0.95), (0.1, 0.01, 0.9, 0.85), (0.8, 0.2, 0.3, 0.98)]:
    r = minimize(lambda p: hw(ap, 12, l0, b0, s0, *p, "mul", h=1)["sse"], start, method="L-BFGS-B",
                 bounds=[(0, 1), (0, 1), (0, 1), PHI_BOUNDS], options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 5000})
    if best is None or r.fun < best.fun:
        best = r
opt["ap_mul_damped"] = {
    "source": "scipy L-BFGS-B (4 starts) on the transcribed recursion, alpha, beta, gamma in [0, 1], phi in [0.8, 0.995]",
    "sse": float(best.fun), "alpha": float(best.x[0]), "beta": float(best.x[1]),
    "gamma": float(best.x[2]), "phi": float(best.x[3]),
}
out["optimised"] = opt
json.dump(out, sys.stdout, indent=1)
print()
