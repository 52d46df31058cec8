"""Peer of benches/flow_csv.rs: polars reads the same 1,000,000-row CSV and sums
`count` by month x nationality. Prints the median of several runs.

    cargo bench --bench flow_csv          # writes target/bench-data/flows_1e6.csv
    python3 benches/peers/flow_csv.py target/bench-data/flows_1e6.csv
    /usr/bin/time -v python3 benches/peers/flow_csv.py --once target/bench-data/flows_1e6.csv   # peak memory
"""
import statistics
import sys
import time

import polars as pl


def run(path):
    df = pl.read_csv(path)
    out = (
        df.with_columns(pl.col("date").str.slice(0, 7).alias("month"))
        .group_by(["month", "country_code"])
        .agg(pl.col("count").sum())
    )
    return out.height


def main():
    args = [a for a in sys.argv[1:] if a != "--once"]
    path = args[0] if args else "target/bench-data/flows_1e6.csv"
    if "--once" in sys.argv:
        print(run(path))
        return
    read_times, total_times = [], []
    for _ in range(10):
        t0 = time.perf_counter()
        df = pl.read_csv(path)
        t1 = time.perf_counter()
        groups = (
            df.with_columns(pl.col("date").str.slice(0, 7).alias("month"))
            .group_by(["month", "country_code"])
            .agg(pl.col("count").sum())
            .height
        )
        t2 = time.perf_counter()
        read_times.append(t1 - t0)
        total_times.append(t2 - t0)
    print(f"polars {pl.__version__}, threads {pl.thread_pool_size()}, groups {groups}")
    print(f"read: median {statistics.median(read_times) * 1e3:.1f} ms")
    print(f"read+group: median {statistics.median(total_times) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
