"""Peer of benches/ets.rs: statsmodels ETSModel(M,Ad,M) on AirPassengers (same data file as the tests).

statsmodels has no automatic class selection; only the single-class fit is timed.
Run: python3 benches/peers/ets.py
"""
import json
import statistics
import time
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

warnings.simplefilter("ignore")
y = np.array(json.load(open("tests/data/reference/airpassengers_R.json"))["input"]["y"], float)


def fit():
    return ETSModel(y, error="mul", trend="add", damped_trend=True, seasonal="mul", seasonal_periods=12).fit(disp=False)


ts = []
for _ in range(20):
    t0 = time.perf_counter()
    fit()
    ts.append(time.perf_counter() - t0)
print("statsmodels %s ETSModel(M,Ad,M).fit: median %.4f s" % (statsmodels.__version__, statistics.median(ts)))
