"""Reference values for corridor::stats::Ols with TestDistribution (statsmodels `use_t`).

statsmodels refers robust (HC0-HC3, HAC) fits to the normal by default and to Student's t with the
residual degrees of freedom when fitted with `use_t=True`; the classical fit is t by default and normal
with `use_t=False`. This script fits Nile (mean shift at 1899 plus a linear trend, as regression.py)
under each combination and writes t/z statistics, p-values and 95 % / 90 % intervals.
Run from the crate root: python3 tests/reference-scripts/ols_use_t.py > tests/data/reference/ols_use_t.json
"""
import json
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm

nile = sm.datasets.nile.load_pandas().data["volume"].to_numpy(dtype=float)
n = len(nile)
t = np.arange(n, dtype=float)
X = np.column_stack([np.ones(n), t, (t >= 28).astype(float)])
m = sm.OLS(nile, X)

cases = [
    ("nonrobust", {}),
    ("HC0", {"cov_type": "HC0"}),
    ("HC1", {"cov_type": "HC1"}),
    ("HC2", {"cov_type": "HC2"}),
    ("HC3", {"cov_type": "HC3"}),
    ("HAC_lag4_correctionFalse", {"cov_type": "HAC", "cov_kwds": {"maxlags": 4, "use_correction": False}}),
    ("HAC_lag4_correctionTrue", {"cov_type": "HAC", "cov_kwds": {"maxlags": 4, "use_correction": True}}),
]
out = {
    "generator": "tests/reference-scripts/ols_use_t.py",
    "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                 "statsmodels": statsmodels.__version__},
    "y": nile.tolist(),
    "df_resid": float(n - X.shape[1]),
    "fits": {},
}
for name, kw in cases:
    for use_t in [True, False]:
        r = m.fit(use_t=use_t, **kw)
        assert bool(r.use_t) == use_t
        out["fits"][f"{name}_use_t{use_t}"] = {
            "params": r.params.tolist(), "bse": r.bse.tolist(), "tvalues": r.tvalues.tolist(),
            "pvalues": r.pvalues.tolist(), "conf_int_95": r.conf_int(0.05).tolist(),
            "conf_int_90": r.conf_int(0.10).tolist(),
        }
json.dump(out, sys.stdout, indent=1)
print()
