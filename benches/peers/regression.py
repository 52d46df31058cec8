"""Peer for benches/regression.rs: statsmodels OLS + HAC on the same 10^6 x 4 data.

Run `cargo bench --bench regression` first (it writes $CORRIDOR_BENCH_DATA/ (default target/bench-data)/ols_1e6.bin), then
    python3 benches/peers/regression.py
Prints the median of 20 timed fits (after 2 warm-ups) for maxlags 7 and 46, and the standard errors
(to compare with ours).
"""
import os
import statistics
import time

import numpy as np
import statsmodels
import statsmodels.api as sm

DATA = os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data")

N = 1_000_000
raw = np.fromfile(f"{DATA}/ols_1e6.bin", dtype="<f8")
assert raw.size == 4 * N
y = raw[:N]
X = np.column_stack([np.ones(N), raw[N:2 * N], raw[2 * N:3 * N], raw[3 * N:]])

print(f"statsmodels {statsmodels.__version__}, numpy {np.__version__}")
for L in [7, 46]:
    times = []
    for i in range(22):
        t = time.perf_counter()
        r = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L})
        times.append(time.perf_counter() - t)
    print(f"maxlags={L}: median {statistics.median(times[2:]) * 1e3:.1f} ms  bse={r.bse.tolist()}")
times = []
for i in range(22):
    t = time.perf_counter()
    r = sm.OLS(y, X).fit()
    times.append(time.perf_counter() - t)
print(f"nonrobust: median {statistics.median(times[2:]) * 1e3:.1f} ms  bse={r.bse.tolist()}")
