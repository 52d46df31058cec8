"""Writes $CORRIDOR_BENCH_DATA/stl_daily.txt (default target/bench-data): the seeded synthetic daily series of benches/stl.rs.

x_t = 200 + 0.02 t + 30 sin(2 pi t / 365) + 8 sin(2 pi t / 7) + 10 (u_t - 0.5), t = 0..3649,
u_t = (splitmix64(seed 2026) >> 11) * 2^-53 (same generator as the Rust bench).
"""
import math
import os

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def series(n=3650, seed=2026):
    s = seed
    out = []
    for t in range(n):
        s, z = splitmix64(s)
        u = (z >> 11) * 2.0**-53
        out.append(200 + 0.02 * t + 30 * math.sin(2 * math.pi * t / 365) + 8 * math.sin(2 * math.pi * t / 7) + 10 * (u - 0.5))
    return out


if __name__ == "__main__":
    data = os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data")
    os.makedirs(data, exist_ok=True)
    with open(f"{data}/stl_daily.txt", "w") as f:
        f.write("\n".join(repr(v) for v in series()) + "\n")
