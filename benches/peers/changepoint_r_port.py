"""Peer timing for benches/changepoint.rs: R changepoint's C routine PELTC
(src/PELT_one_func_minseglen.c) through changepoint-cython 0.1.5, a Cython port of it — a stand-in
for R `changepoint::cpt.mean(method="PELT", penalty="Manual")` where R changepoint cannot be
installed.

How it differs from R (read in the generated C, pelt_cython.c): the inner loop is compiled C, the
cost is called through a C function pointer as in R (not through a Python object); arrays are
strided memoryviews; no R_CheckUserInterrupt per step; and the as-shipped build uses
-O3 -ffast-math -march=native (R: -O2). It does not include R's R-level work (data checks,
cumsum, penalty, class construction). The port's known departures from R's results (arg-min ties,
PELT start, see tests/reference-scripts/changepoint_r_port.py) do not arise on these signals.

Reads $CORRIDOR_BENCH_DATA/ (default target/bench-data)/pelt_{n}.txt written by `cargo bench --bench changepoint`, builds the
summary statistics as R does (c(0, cumsum(x)), c(0, cumsum(x^2)), ... in long double), times the
port's `cpelt(sumstat, pen=3 ln n, minseglen=1, n, "mll_mean")` (median of several runs; the sumstat
construction is not timed) and checks its changepoints equal ours
(target/bench-data/pelt_{n}_ours.txt).

Run: CP_PORT=/path/to/changepoint_cython-0.1.5 /tmp/cpvenv/bin/python benches/peers/changepoint_r_port.py [sizes]
CP_PORT is the unpacked sdist after `python build.py` (as shipped), or the patched -O2 build that
tests/reference-scripts/changepoint_r_port.py leaves in /tmp/cpcsrc/port-r-conformant/changepoint_cython-0.1.5.
"""

import math
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.environ.get("CP_PORT", "/tmp/cpcsrc/changepoint_cython-0.1.5"))
from pychangepoints.cython_pelt import cpelt  # noqa: E402

DATA = os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data")


def rcumsum(v):
    return np.append(0.0, np.cumsum(np.asarray(v, dtype=np.longdouble)).astype(np.float64))


sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
print(f"changepoint-cython 0.1.5 (Cython port of R changepoint PELTC) from {sys.path[0]}, numpy {np.__version__}")
for n in sizes:
    x = np.loadtxt(f"{DATA}/pelt_{n}.txt")
    pen = 3 * math.log(len(x))
    sumstat = np.concatenate([rcumsum(x), rcumsum(x * x), rcumsum((x - x.mean()) ** 2)])
    reps = 7 if n <= 10_000 else (5 if n <= 100_000 else 3)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        cpts = cpelt(sumstat, pen, 1, len(x), "mll_mean")[0]
        times.append(time.perf_counter() - t0)
    found = sorted(int(v) for v in cpts if v != len(x))
    ours = np.loadtxt(f"{DATA}/pelt_{n}_ours.txt", dtype=int, ndmin=1).tolist()
    same = found == ours
    print(f"n={n}  median {statistics.median(times):.4f} s  (runs {reps})  changepoints {len(found)}  identical_to_ours={same}")
    if not same:
        sys.exit("changepoints differ from corridor's")
