#!/usr/bin/env python3
"""Peer timing for benches/country.rs: the same 100,000 codes and names (splitmix64, seed 2021).

Peers: pycountry.countries.lookup (case-insensitive codes and names), and a plain dict
lookup (upper-cased key) as the lower bound of what Python can do. Prints medians.
"""

import statistics
import time

import pycountry

N = 100_000
MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def data():
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    state = 2021
    codes, names = [], []
    for _ in range(N):
        state, r = splitmix64(state)
        c = countries[r % len(countries)]
        form = (r >> 32) % 3
        codes.append(c.alpha_3 if form == 0 else c.alpha_2.lower() if form == 1 else c.numeric)
        names.append(c.name)
    return countries, codes, names


def median_time(f, reps):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    countries, codes, names = data()
    table = {}
    for c in countries:
        table[c.alpha_2] = c
        table[c.alpha_3] = c
        table[c.numeric] = c
    pycountry.countries.lookup("PAN")  # load the database outside the timing
    lookup = pycountry.countries.lookup
    print(f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip())
    t = median_time(lambda: [lookup(s) for s in codes], 5)
    print(f"pycountry.countries.lookup, 100k codes: median {t * 1e3:.1f} ms")
    t = median_time(lambda: [lookup(s) for s in names], 5)
    print(f"pycountry.countries.lookup, 100k names: median {t * 1e3:.1f} ms")
    t = median_time(lambda: [table[s.strip().upper()] for s in codes], 11)
    print(f"dict lookup (upper-cased), 100k codes: median {t * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
