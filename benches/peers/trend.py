"""Peer timing for benches/trend.rs: pymannkendall 1.4.3 original_test + sens_slope.

Same series as the Rust bench: x_i = 0.001*i + 10*u_i, u_i from splitmix64 seeded with 42.
Run: python3 benches/peers/trend.py [sizes...]   (default 1000 10000)
pymannkendall is O(n^2) in time and memory (it materialises all n(n-1)/2 slopes), so 1e5
(5e9 slopes, 40 GB) is not run.
"""
import statistics
import sys
import time

import numpy as np
import pymannkendall as mk

MASK = (1 << 64) - 1


def series(n):
    state = 42
    out = np.empty(n)
    for i in range(n):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out[i] = 0.001 * i + 10.0 * ((z >> 11) / float(1 << 53))
    return out


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [1000, 10000]
    for n in sizes:
        x = series(n)
        reps = 10 if n <= 1000 else 3
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            r = mk.original_test(x)
            s = mk.sens_slope(x)
            times.append(time.perf_counter() - t0)
        print(f"n={n} original_test+sens_slope median {statistics.median(times) * 1e3:.3f} ms "
              f"(reps {reps}; z={r.z:.6f} slope={s.slope:.9g})")


if __name__ == "__main__":
    main()
