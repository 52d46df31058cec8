"""Peer timing for benches/changepoint.rs: ruptures Pelt(model="l2", jump=1, min_size=1).

Reads $CORRIDOR_BENCH_DATA/ (default target/bench-data)/pelt_{n}.txt written by `cargo bench --bench changepoint`, times
predict(pen=3 ln n) (median of several runs) and checks the changepoints equal ours
(target/bench-data/pelt_{n}_ours.txt). ruptures' Pelt is quadratic-ish in Python: only n = 10^4 by
default; pass sizes as arguments to try more (e.g. `python3 benches/peers/changepoint.py 10000 100000`).
"""

import math
import os
import statistics
import sys
import time

import numpy as np
import ruptures

DATA = os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data")

sizes = [int(a) for a in sys.argv[1:]] or [10_000]
print(f"ruptures {ruptures.__version__}, numpy {np.__version__}")
for n in sizes:
    x = np.loadtxt(f"{DATA}/pelt_{n}.txt")
    pen = 3 * math.log(len(x))
    reps = 3 if n <= 10_000 else 1
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        bkps = ruptures.Pelt(model="l2", jump=1, min_size=1).fit(x).predict(pen=pen)
        times.append(time.perf_counter() - t0)
    ours = np.loadtxt(f"{DATA}/pelt_{n}_ours.txt", dtype=int, ndmin=1).tolist()
    same = bkps[:-1] == ours
    print(f"n={n}  median {statistics.median(times):.4f} s  (runs {reps})  changepoints {len(bkps) - 1}  identical_to_ours={same}")
    if not same:
        sys.exit("changepoints differ from corridor's")
