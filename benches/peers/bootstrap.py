#!/usr/bin/env python3
"""Peer timing for benches/bootstrap.rs: the same data (splitmix64, seed 2021).

- scipy.stats.bootstrap of the mean, n = 1,000 exponential values, n_resamples=10000, vectorized=True,
  method='percentile' and method='BCa' (95 %).
- arch.bootstrap.MovingBlockBootstrap / CircularBlockBootstrap (block 20) of the mean of a 10,000-point
  AR(1) series, 10,000 replicates via .apply(np.mean, 10000) (scipy has no block bootstrap).

Prints the median of the runs (seconds). Run: python3 benches/peers/bootstrap.py
"""

import math
import statistics
import time

import arch
import numpy as np
import scipy
from arch.bootstrap import CircularBlockBootstrap, MovingBlockBootstrap
from scipy.stats import bootstrap

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def data():
    state = 2021
    sample = []
    for _ in range(1_000):
        state, r = splitmix64(state)
        u = (r >> 11) / float(1 << 53)
        sample.append(-140.0 * math.log(1.0 - u))
    series, prev = [], 0.0
    for _ in range(10_000):
        state, r = splitmix64(state)
        u = (r >> 11) / float(1 << 53)
        prev = 0.6 * prev + (u - 0.5)
        series.append(prev)
    return np.array(sample), np.array(series)


def median_time(f, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    sample, series = data()
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, arch {arch.__version__}")
    print(f"check: sample mean {sample.mean():.12f}, series mean {series.mean():.12f}")
    for method in ["percentile", "BCa"]:
        def run(method=method):
            return bootstrap((sample,), np.mean, n_resamples=10_000, vectorized=True, method=method,
                             confidence_level=0.95, random_state=np.random.default_rng(7))
        print(f"scipy.stats.bootstrap mean n=1000 B=10000 {method}: {median_time(run, 7):.4f} s")
    for name, cls in [("moving", MovingBlockBootstrap), ("circular", CircularBlockBootstrap)]:
        def run(cls=cls):
            bs = cls(20, series, seed=7)
            return bs.apply(np.mean, 10_000)
        print(f"arch {cls.__name__} mean n=10000 l=20 B=10000: {median_time(run, 3):.4f} s")


if __name__ == "__main__":
    main()
