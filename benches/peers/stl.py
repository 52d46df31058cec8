"""Peer of benches/stl.rs: statsmodels STL in R's stl(s.window=7) configuration on the same data.

statsmodels refuses low_pass == period for odd periods, so low_pass = 367 instead of R's 365
(the numbers then differ slightly from R's; the timing is comparable).
Run: python3 benches/peers/stl.py
"""
import math
import os
import statistics
import time

import numpy as np
from statsmodels.tsa.seasonal import STL

x = np.loadtxt(os.path.join(os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data"), "stl_daily.txt"))
period, s, t, l = 365, 7, 697, 367
kw = dict(period=period, seasonal=s, trend=t, low_pass=l, seasonal_deg=0, trend_deg=1, low_pass_deg=1,
          seasonal_jump=math.ceil(s / 10), trend_jump=math.ceil(t / 10), low_pass_jump=math.ceil(l / 10))


def med(f, reps=30):
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


print("statsmodels STL (R config, low_pass 367): median %.4f s" % med(lambda: STL(x, **kw).fit(inner_iter=2, outer_iter=0)))
print("statsmodels STL robust (R config): median %.4f s" % med(lambda: STL(x, robust=True, **kw).fit(inner_iter=1, outer_iter=15), 10))
